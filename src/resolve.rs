//! Resolution: anchoring unresolved expressions against an explicit context.

use crate::error::{Error, Result};
use crate::timex::PartialDate;

/// What kind of text is being tagged; decides what relative expressions are anchored to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DocKind {
    /// News: anchor to the document date, underspecified dates by the tense of the sentence.
    #[default]
    News,
    /// Narrative: anchor relative expressions to the last mentioned date.
    Narrative,
    /// Colloquial (chat): underspecified dates lean to the future.
    Colloquial,
}

impl std::str::FromStr for DocKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<DocKind> {
        match s {
            "news" => Ok(DocKind::News),
            "narrative" => Ok(DocKind::Narrative),
            "colloquial" => Ok(DocKind::Colloquial),
            _ => Err(Error::usage(format!(
                "unknown document kind {s:?}: expected news, narrative or colloquial"
            ))),
        }
    }
}

/// The document creation time: a date, possibly partial, with an optional clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dct {
    pub date: PartialDate,
    /// Hour, minute, second.
    pub time: Option<(u32, u32, u32)>,
}

impl Dct {
    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally followed by `THH:MM[:SS]` and a zone
    /// offset (ignored), checking that the date exists.
    pub fn parse(s: &str) -> Result<Dct> {
        let bad = || {
            Error::usage(format!(
                "invalid document date {s:?}: expected YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2022-01-12)"
            ))
        };
        let s = s.trim();
        let (d, t) = match s.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (s, None),
        };
        let date = PartialDate::parse(d).ok_or_else(bad)?;
        let time = match t {
            None => None,
            Some(t) => {
                if date.day.is_none() {
                    return Err(bad());
                }
                let t = t
                    .split(|c| c == '+' || c == 'Z' || (c == '-'))
                    .next()
                    .unwrap_or("");
                let mut it = t.split(':');
                let mut num = |max: u32| -> Option<u32> {
                    match it.next() {
                        None => Some(0),
                        Some(p) => p.parse().ok().filter(|v| *v <= max),
                    }
                };
                let (h, m, sec) = (num(23), num(59), num(60));
                Some((h.ok_or_else(bad)?, m.ok_or_else(bad)?, sec.ok_or_else(bad)?))
            }
        };
        Ok(Dct { date, time })
    }
}

/// Everything resolution may look at besides the expression itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The document date; `None` leaves relative expressions unresolved.
    pub dct: Option<Dct>,
    pub kind: DocKind,
}
