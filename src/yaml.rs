//! `events.yaml`: writing and reading the timeline model.

use std::path::Path;

use crate::error::{Error, Result};
use crate::model::Timeline;

/// Serialises a timeline; same timeline, same bytes.
pub fn to_string(timeline: &Timeline) -> Result<String> {
    serde_saphyr::to_string(timeline).map_err(|e| Error::input(e.to_string()))
}

/// Reads and checks a timeline; errors name `path` and the line and column.
pub fn from_str(text: &str, path: &Path) -> Result<Timeline> {
    serde_saphyr::from_str(text).map_err(|e| Error::input(e.to_string()).with_path(path))
}
