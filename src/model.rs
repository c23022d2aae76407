//! The timeline model: documents and the events cut from them. `events.yaml` is this model
//! serialised; the SVG and the report are drawn from it.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A whole timeline: the documents it was built from and its events, sorted by date.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    /// A heading for the picture and the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The documents, in the order of their ids.
    pub documents: Vec<DocumentEntry>,
    /// The events, sorted by date.
    pub events: Vec<Event>,
}

/// One source document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentEntry {
    /// Short stable id (the file stem), used by `Source::doc`.
    pub id: String,
    /// The file name, relative to the input folder.
    pub file: String,
    /// The document date, possibly partial: `2022-01-12`, `2022-01`.
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One event on the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable readable id: `2014-annexion-der-krim`.
    pub id: String,
    /// Short German title naming what happened.
    pub title: String,
    /// TIMEX3 value of the event's time: `2014`, `2021-10`, `2022-01-12`, `2022-01-12T10:07`.
    pub date: String,
    /// For a span, the TIMEX3 value of its end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// Whether the event lies after its sources' document date (planned, expected).
    #[serde(default, skip_serializing_if = "is_false")]
    pub planned: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Hidden events stay in the YAML but are not drawn.
    #[serde(default, skip_serializing_if = "is_false")]
    pub hidden: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the text says so; may be empty for an event added by hand.
    #[serde(default)]
    pub sources: Vec<Source>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Where an event is told.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The document id.
    pub doc: String,
    /// The sentence the event was cut from.
    pub sentence: String,
    /// The temporal expression as written.
    pub timex: String,
    /// UTF-8 byte offsets of the expression in the document text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The document date the expression was anchored to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// The value this source gives, where it differs from the event's date (a less precise
    /// `2022-01` for an event on `2022-01-12`); absent when it is the event's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Minute,
    Day,
    Month,
    Year,
}

/// The calendar interval a TIMEX3 date value stands for: `2018` is all of 2018, not 1 January.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateSpan {
    /// First day covered.
    pub first: NaiveDate,
    /// Last day covered (inclusive).
    pub last: NaiveDate,
    /// Minutes after midnight on `first`, for a clock time.
    pub minute: Option<u32>,
    pub precision: Precision,
}

impl DateSpan {
    /// Parses the TIMEX3 values an event can carry: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
    /// `YYYY-MM-DDTHH:MM`, and a part of day `YYYY-MM-DDTAF` (taken as the day).
    pub fn parse(value: &str) -> Option<DateSpan> {
        let (date, time) = match value.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (value, None),
        };
        let pd = crate::timex::PartialDate::parse(date)?;
        let year = pd.year?;
        let (first, last, precision) = match (pd.month, pd.day) {
            (None, _) => (
                NaiveDate::from_ymd_opt(year, 1, 1)?,
                NaiveDate::from_ymd_opt(year, 12, 31)?,
                Precision::Year,
            ),
            (Some(m), None) => {
                let first = NaiveDate::from_ymd_opt(year, m, 1)?;
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(year, m + 1, 1)?
                };
                (first, next.pred_opt()?, Precision::Month)
            }
            (Some(_), Some(_)) => {
                let d = pd.naive()?;
                (d, d, Precision::Day)
            }
        };
        let mut span = DateSpan {
            first,
            last,
            minute: None,
            precision,
        };
        if let Some(t) = time {
            if precision != Precision::Day {
                return None;
            }
            if let Some((h, m)) = t.split_once(':') {
                let h: u32 = h.parse().ok()?;
                let m: u32 = m.get(..2)?.parse().ok()?;
                if h > 23 || m > 59 {
                    return None;
                }
                span.minute = Some(h * 60 + m);
                span.precision = Precision::Minute;
            } else if !matches!(t, "MO" | "MI" | "AF" | "EV" | "NI" | "DT") {
                return None;
            }
        }
        Some(span)
    }

    /// The year of the first day.
    pub fn year(&self) -> i32 {
        self.first.year()
    }
}
