//! `events.yaml`: writing and reading the timeline model.
//!
//! Writing is deterministic: the model holds only vectors, so the same timeline gives the same
//! bytes. Reading checks what serde cannot: every `date` and `end` parses as a TIMEX3 date value
//! ([`DateSpan::parse`]), `end` does not lie before `date`, event ids are unique and every
//! source names a known document. Syntax and type errors carry the line and column.

use std::path::Path;

use crate::error::{Error, Result};
use crate::model::{DateSpan, Timeline};

/// Serialises a timeline; same timeline, same bytes.
pub fn to_string(timeline: &Timeline) -> Result<String> {
    serde_saphyr::to_string(timeline)
        .map_err(|e| Error::input(format!("cannot write the timeline as yaml: {e}")))
}

/// Reads and checks a timeline; errors name `path` and the line and column.
pub fn from_str(text: &str, path: &Path) -> Result<Timeline> {
    let timeline: Timeline = serde_saphyr::from_str(text).map_err(|e| {
        let mut err = Error::input(plain_message(&e)).with_path(path);
        if let Some(loc) = e.location() {
            err = err.at(loc.line() as usize, loc.column() as usize);
        }
        err
    })?;
    validate(&timeline).map_err(|e| e.with_path(path))?;
    Ok(timeline)
}

/// The message of a YAML error without its source snippet or position, starting lower-case.
pub(crate) fn plain_message(e: &serde_saphyr::Error) -> String {
    let text = e.without_snippet().to_string();
    // The rendered message may end with " at line X column Y"; the position is kept separately.
    let text = match text.find(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    let mut chars = text.trim().chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => "broken yaml".to_string(),
    }
}

/// Checks what the types cannot: dates, spans, unique ids, known documents.
pub fn validate(timeline: &Timeline) -> Result<()> {
    let mut ids: Vec<&str> = Vec::new();
    for event in &timeline.events {
        let id = &event.id;
        if id.trim().is_empty() {
            return Err(Error::input(format!(
                "an event titled {:?} has an empty id",
                event.title
            )));
        }
        if ids.contains(&id.as_str()) {
            return Err(Error::input(format!("event {id}: the id is used twice")));
        }
        ids.push(id);
        let date = DateSpan::parse(&event.date).ok_or_else(|| {
            Error::input(format!(
                "event {id}: date {:?} is not a date value (expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM)",
                event.date
            ))
        })?;
        if let Some(end) = &event.end {
            let end_span = DateSpan::parse(end).ok_or_else(|| {
                Error::input(format!(
                    "event {id}: end {end:?} is not a date value (expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM)"
                ))
            })?;
            if end_span.last < date.first {
                return Err(Error::input(format!(
                    "event {id}: end {end} lies before date {}",
                    event.date
                )));
            }
        }
        for source in &event.sources {
            if !timeline.documents.iter().any(|d| d.id == source.doc) {
                return Err(Error::input(format!(
                    "event {id}: source names document {:?}, which is not among the documents",
                    source.doc
                )));
            }
            if source.start > source.end {
                return Err(Error::input(format!(
                    "event {id}: source start {} lies after its end {}",
                    source.start, source.end
                )));
            }
            if let Some(d) = &source.date {
                if DateSpan::parse(d).is_none() {
                    return Err(Error::input(format!(
                        "event {id}: source date {d:?} is not a date value"
                    )));
                }
            }
        }
    }
    Ok(())
}
