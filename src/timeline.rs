//! Building a timeline from a folder of articles: load, tag, cut events, merge.

use std::path::Path;

use crate::document::{self, Document};
use crate::error::Result;
use crate::event::{self, RawEvent};
use crate::merge;
use crate::model::Timeline;
use crate::resolve::{Context, Dct, DocKind};
use crate::sentence;

/// Options for [`build`].
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// The document date for documents that give none.
    pub dct: Option<Dct>,
    pub kind: DocKind,
}

/// Reads every `.txt` in `dir` and builds the merged timeline.
pub fn build(dir: &Path, opts: &BuildOptions) -> Result<Timeline> {
    let docs = document::load_dir(dir, opts.dct)?;
    let mut raw = Vec::new();
    for doc in &docs {
        raw.extend(document_events(doc, opts.kind)?);
    }
    let entries = docs.into_iter().map(|d| d.entry).collect();
    Ok(merge::merge(raw, entries))
}

/// The events one document tells, before merging: a pure function of the document.
pub fn document_events(doc: &Document, kind: DocKind) -> Result<Vec<RawEvent>> {
    let ctx = Context {
        dct: Some(doc.dct),
        kind,
    };
    let timexes = crate::tag::tag(&doc.text, &ctx).map_err(|e| e.with_path(&doc.path))?;
    let sentences = sentence::split(&doc.text);
    Ok(event::events(
        &doc.entry.id,
        &doc.text,
        &doc.entry.date,
        &sentences,
        &timexes,
    ))
}
