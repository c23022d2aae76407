//! Building a timeline from a folder of articles.

use std::path::Path;

use crate::error::Result;
use crate::model::Timeline;
use crate::resolve::{Dct, DocKind};

/// Options for [`build`].
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// The document date for documents that give none.
    pub dct: Option<Dct>,
    pub kind: DocKind,
}

/// Reads every `.txt` in `dir` and builds the merged timeline.
pub fn build(dir: &Path, opts: &BuildOptions) -> Result<Timeline> {
    let _ = (dir, opts);
    Ok(Timeline::default())
}
