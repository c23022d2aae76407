//! Building a timeline from a folder of articles: load, tag, cut events, merge.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

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
    build_with_progress(dir, opts, &|_, _| {})
}

/// [`build`], calling `progress(done, total)` after each document is tagged (from any thread,
/// in any order). The documents are tagged in parallel (rayon); their events are collected in
/// file order, so the timeline is the same whatever the number of threads.
pub fn build_with_progress(
    dir: &Path,
    opts: &BuildOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Timeline> {
    let docs = document::load_dir(dir, opts.dct)?;
    let total = docs.len();
    let done = AtomicUsize::new(0);
    let per_doc: Vec<Result<Vec<RawEvent>>> = docs
        .par_iter()
        .map(|doc| {
            let events = document_events(doc, opts.kind);
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            events
        })
        .collect();
    // The first error in file order, as a sequential build would report it.
    let mut raw = Vec::new();
    for events in per_doc {
        raw.extend(events?);
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
