//! Scoring the tagger against gold annotations: loading gold documents (JSON Lines corpora and
//! TimeML files), matching predicted expressions to gold ones, and the figures `zeitstrahl eval`
//! prints.
//!
//! # Gold formats
//!
//! * JSON Lines (`.jsonl`), one record per line:
//!   `{"id", "text", "ref", "expected": [{"text", "type", "value", "start", "end", ...}]}`.
//!   `ref` is the reference time the record is resolved against (the document date); `null`
//!   leaves relative expressions unresolved. `start`/`end` are *character* offsets, end
//!   exclusive; they are optional: without them the gold text is looked up in the record text,
//!   case-sensitively first, then ignoring case. A gold expression's value is given by `value`,
//!   `value_candidates` (any one of them is right), `value_hint`, `duration` or `interval`
//!   `[start, end]`; one with none of these is scored for its extent and type only. A record
//!   with an empty `expected` must produce nothing.
//! * TimeML (`.tml`, `.xml`): the `DCT` is the reference time, the inline `TIMEX3`s inside
//!   `TEXT` are the gold expressions (see [`crate::timeml::read`]).
//!
//! # Figures
//!
//! * **strict** extent precision/recall/F1: a predicted and a gold expression match when their
//!   spans are equal;
//! * **relaxed** extent P/R/F1: when their spans overlap (a predicted expression that overlaps
//!   any gold one counts for precision, a gold one overlapped by any prediction for recall);
//! * **type accuracy**: over gold expressions with a type that are overlapped by a prediction,
//!   how often the best-overlapping prediction (the exact one, else the widest overlap) has it;
//! * **value accuracy**: over gold expressions with a value that are overlapped, how often an
//!   overlapping prediction has a right value;
//! * **value P/R/F1**: a prediction is right when it overlaps a gold expression and its value is
//!   right for it. Predictions that overlap only gold expressions without a value are left out.
//!
//! A value is right when it equals the gold value after these normalisations: a time with zero
//! seconds equals the time without them (`T04:30:00` = `T04:30`), a whole hour written without
//! minutes equals it with them (`T08` = `T08:00`, only for exactly that hour), a time or part
//! of the day without a date equals it on an unknown day (`T19:13` = `XXXX-XX-XXT19:13`, `TEV`
//! = `XXXX-XX-XXTEV`: the form of a daily set); durations compare by length
//! where units convert exactly (`PT90M` = `PT1.5H`, `P1W` = `P7D`, `P1Y` = `P12M`; months and
//! days do not convert); an `X` in the gold value matches any character. A gold `interval`
//! `[a, b]` is matched by a range (value and range end) from `a` to `b`, or to the unit before
//! `b` (some corpora give the end exclusive: `[2013-02-13, 2013-02-16]` for three days, `[2013-W05,
//! 2013-W07]` for two weeks, `T11:01` for "bis 11:00", `T12:00` for "bis 11"), and by a TIMEX3 part of that day
//! (`2013-02-12TEV`) when it lies within the hours of that part (see `part_of_day_holds`):
//! Duckling and rustling write "am Abend" as `[2013-02-12T18:00, 2013-02-12T23:00]`. A range of
//! calendar units in other units than the gold's also matches when both cover exactly the same
//! days (see `same_days`): "die kommenden neunzehn Wochen" as `2013-W08` to `2013-W26` is the
//! gold `[2013-02-18, 2013-07-01]`; weeks covering one day more or less do not match.

use std::path::Path;

use chrono::Datelike;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::resolve::{Context, Dct, DocKind};
use crate::timex::Timex;

/// What a gold expression's value may be; one right reading is enough.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Accept {
    /// A TIMEX3 value.
    Value(String),
    /// A range from the first value to the second.
    Interval(String, String),
}

/// One gold temporal expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldTimex {
    pub text: String,
    /// UTF-8 byte offsets into the document text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// TIMEX3 type, where the gold gives one.
    pub kind: Option<String>,
    /// The right values; empty when the gold gives none.
    pub accept: Vec<Accept>,
}

/// One gold document (a corpus record or a TimeML file).
#[derive(Clone, Debug, PartialEq)]
pub struct GoldDoc {
    pub id: String,
    pub text: String,
    /// The reference time; `None` leaves relative expressions unresolved.
    pub dct: Option<Dct>,
    pub expected: Vec<GoldTimex>,
}

/// One predicted expression, as scoring sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Predicted {
    pub text: String,
    /// UTF-8 byte offsets, end exclusive.
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub value: String,
    pub range_end: Option<String>,
}

impl From<&Timex> for Predicted {
    fn from(t: &Timex) -> Predicted {
        Predicted {
            text: t.text.clone(),
            start: t.start,
            end: t.end,
            kind: t.kind.to_string(),
            value: t.value.to_string(),
            range_end: t.range_end.as_ref().map(|v| v.to_string()),
        }
    }
}

/// Loads gold documents from the text of a gold file, choosing the format by `path`'s extension
/// (`.jsonl`, `.tml`, `.xml`).
pub fn load(text: &str, path: &Path) -> Result<Vec<GoldDoc>> {
    match path.extension().and_then(|e| e.to_str()) {
        Some("jsonl") => load_jsonl(text, path),
        Some("tml") | Some("xml") => Ok(vec![load_timeml(text, path)?]),
        _ => Err(
            Error::usage("unknown gold format: expected a .jsonl, .tml or .xml file")
                .with_path(path),
        ),
    }
}

/// Loads a TimeML gold document; its id is the file name.
pub fn load_timeml(text: &str, path: &Path) -> Result<GoldDoc> {
    let doc = crate::timeml::read(text).map_err(|e| e.with_path(path))?;
    let dct = match doc.dct.as_deref() {
        None => None,
        Some(v) => Some(Dct::parse(v).map_err(|e| {
            Error::input(format!("unreadable DCT value {v:?}: {}", e.message())).with_path(path)
        })?),
    };
    let expected = doc
        .timexes
        .iter()
        .map(|a| GoldTimex {
            text: a.text.clone(),
            start: a.start,
            end: a.end,
            kind: a.attr("type").map(str::to_string),
            accept: a
                .attr("value")
                .map(|v| vec![Accept::Value(v.to_string())])
                .unwrap_or_default(),
        })
        .collect();
    Ok(GoldDoc {
        id: path.display().to_string(),
        text: doc.text,
        dct,
        expected,
    })
}

fn str_field<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(|x| x.as_str())
}

fn usize_field(v: &serde_json::Value, key: &str) -> Option<usize> {
    v.get(key)
        .and_then(|x| x.as_u64())
        .and_then(|n| usize::try_from(n).ok())
}

/// Byte offset of character offset `chars` in `s`.
fn byte_offset(s: &str, chars: usize) -> Option<usize> {
    if chars == s.chars().count() {
        return Some(s.len());
    }
    s.char_indices().nth(chars).map(|(i, _)| i)
}

/// Byte span of `needle` in `hay`, searching from `from` (a char boundary); ignoring case if
/// `fold`. Works on characters, so folding never shifts the offsets.
fn find_from(hay: &str, needle: &str, from: usize, fold: bool) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    if !fold {
        return hay[from..]
            .find(needle)
            .map(|i| (from + i, from + i + needle.len()));
    }
    let lower = |c: char| c.to_lowercase().collect::<String>();
    for (i, _) in hay[from..].char_indices() {
        let start = from + i;
        let mut rest = hay[start..].char_indices();
        let mut ok = true;
        let mut end = start;
        for n in needle.chars() {
            match rest.next() {
                Some((j, c)) if lower(c) == lower(n) => end = start + j + c.len_utf8(),
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            return Some((start, end));
        }
    }
    None
}

/// Where gold text `needle` is in `hay`: after `after` first (repeated expressions), then
/// anywhere; exact case first, then ignoring case.
fn locate(hay: &str, needle: &str, after: usize) -> Option<(usize, usize)> {
    let after = if hay.is_char_boundary(after) {
        after
    } else {
        0
    };
    find_from(hay, needle, after, false)
        .or_else(|| find_from(hay, needle, 0, false))
        .or_else(|| find_from(hay, needle, after, true))
        .or_else(|| find_from(hay, needle, 0, true))
}

fn gold_timex(e: &serde_json::Value, text: &str, after: usize) -> Option<GoldTimex> {
    let gold_text = str_field(e, "text")?;
    let given = match (usize_field(e, "start"), usize_field(e, "end")) {
        (Some(s), Some(en)) => match (byte_offset(text, s), byte_offset(text, en)) {
            (Some(bs), Some(be)) if text.get(bs..be) == Some(gold_text) => Some((bs, be)),
            _ => None,
        },
        _ => None,
    };
    let (start, end) = given.or_else(|| locate(text, gold_text, after))?;
    let mut accept = Vec::new();
    if let Some(v) = str_field(e, "value") {
        accept.push(Accept::Value(v.to_string()));
    }
    if let Some(cands) = e.get("value_candidates").and_then(|c| c.as_array()) {
        accept.extend(
            cands
                .iter()
                .filter_map(|c| c.as_str())
                .map(|c| Accept::Value(c.to_string())),
        );
    }
    for key in ["value_hint", "duration"] {
        if let Some(v) = str_field(e, key) {
            accept.push(Accept::Value(v.to_string()));
        }
    }
    if let Some(iv) = e.get("interval").and_then(|i| i.as_array()) {
        if let [a, b] = iv.as_slice() {
            if let (Some(a), Some(b)) = (a.as_str(), b.as_str()) {
                accept.push(Accept::Interval(a.to_string(), b.to_string()));
            }
        }
    }
    Some(GoldTimex {
        text: text[start..end].to_string(),
        start,
        end,
        kind: str_field(e, "type").map(str::to_string),
        accept,
    })
}

/// A reference time without fractional seconds (`2017-09-28T14:11:10.9626841` ->
/// `2017-09-28T14:11:10`), which a document date does not carry.
fn without_fraction(r: &str) -> String {
    let Some(dot) = r.find('T').and_then(|t| r[t..].find('.').map(|d| t + d)) else {
        return r.to_string();
    };
    let digits = r[dot + 1..].bytes().take_while(u8::is_ascii_digit).count();
    format!("{}{}", &r[..dot], &r[dot + 1 + digits..])
}

/// Loads the records of a JSON Lines gold corpus (format in the module docs). Errors name the
/// file and line: a line that is not a JSON object with `text`, an unreadable `ref`, a gold
/// expression that cannot be found in the text.
pub fn load_jsonl(text: &str, path: &Path) -> Result<Vec<GoldDoc>> {
    let mut docs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let err = |msg: String| Error::input(msg).with_path(path).at(n, 1);
        let rec: serde_json::Value =
            serde_json::from_str(line).map_err(|e| err(format!("malformed json: {e}")))?;
        let doc_text = str_field(&rec, "text")
            .ok_or_else(|| err("record has no \"text\"".to_string()))?
            .to_string();
        let id = match rec.get("id") {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(v) if !v.is_null() => v.to_string(),
            _ => format!("line {n}"),
        };
        let dct = match str_field(&rec, "ref") {
            None => None,
            Some(r) => {
                Some(Dct::parse(&without_fraction(r)).map_err(|e| err(e.message().to_string()))?)
            }
        };
        let mut expected = Vec::new();
        let mut after = 0;
        for e in rec
            .get("expected")
            .and_then(|x| x.as_array())
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let g = gold_timex(e, &doc_text, after).ok_or_else(|| {
                err(format!(
                    "gold expression {:?} not found in the text of record {id}",
                    str_field(e, "text").unwrap_or("")
                ))
            })?;
            after = g.end;
            expected.push(g);
        }
        docs.push(GoldDoc {
            id,
            text: doc_text,
            dct,
            expected,
        });
    }
    Ok(docs)
}

/// A duration's length as (months, seconds), where its units convert exactly; `None` for an
/// unknown amount or a malformed value.
fn duration_length(v: &str) -> Option<(f64, f64)> {
    let body = v.strip_prefix('P')?;
    let (date, time) = match body.split_once('T') {
        Some((d, t)) => (d, t),
        None => (body, ""),
    };
    let mut months = 0.0;
    let mut seconds = 0.0;
    for (part, is_time) in [(date, false), (time, true)] {
        let mut num = String::new();
        let mut chars = part.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_ascii_digit() || c == '.' || c == ',' {
                num.push(if c == ',' { '.' } else { c });
                continue;
            }
            let mut unit = c.to_string();
            if (c == 'D' || c == 'C') && chars.peek() == Some(&'E') {
                unit.push('E');
                chars.next();
            }
            let n: f64 = num.parse().ok()?;
            num.clear();
            match (unit.as_str(), is_time) {
                ("Y", false) => months += 12.0 * n,
                ("Q", false) => months += 3.0 * n,
                ("M", false) => months += n,
                ("DE", false) => months += 120.0 * n,
                ("CE", false) => months += 1200.0 * n,
                ("W", false) => seconds += 7.0 * 86400.0 * n,
                ("D", false) => seconds += 86400.0 * n,
                ("H", true) => seconds += 3600.0 * n,
                ("M", true) => seconds += 60.0 * n,
                ("S", true) => seconds += n,
                _ => return None,
            }
        }
        if !num.is_empty() {
            return None;
        }
    }
    Some((months, seconds))
}

/// A time value without a trailing `:00` seconds part.
fn strip_zero_seconds(v: &str) -> &str {
    match v.split_once('T') {
        Some((_, t)) if t.len() == 8 && t.as_bytes()[2] == b':' && t.ends_with(":00") => {
            &v[..v.len() - 3]
        }
        _ => v,
    }
}

/// A time value in one notation: a whole hour written without minutes gets them (`T08` ->
/// `T08:00`), and a time of day without a date gets an unknown one (`T19:13` ->
/// `XXXX-XX-XXT19:13`). Both rewrite the notation only: the instant or the time of day stays
/// the same. Durations (`PT8H`) are left alone.
fn full_time_notation(v: &str) -> std::borrow::Cow<'_, str> {
    let Some((date, time)) = v.split_once('T').filter(|_| !v.starts_with('P')) else {
        return v.into();
    };
    let hour_only = time.len() == 2 && time.bytes().all(|b| b.is_ascii_digit());
    if !hour_only && !date.is_empty() {
        return v.into();
    }
    let date = if date.is_empty() { "XXXX-XX-XX" } else { date };
    let minutes = if hour_only { ":00" } else { "" };
    format!("{date}T{time}{minutes}").into()
}

/// Whether predicted value `pred` is right for gold value `gold` (normalisations in the module
/// docs).
pub fn values_equal(pred: &str, gold: &str) -> bool {
    let (p, g) = (pred.trim(), gold.trim());
    if p == g {
        return true;
    }
    if p.starts_with('P') && g.starts_with('P') {
        if let (Some((pm, ps)), Some((gm, gs))) = (duration_length(p), duration_length(g)) {
            return (pm - gm).abs() < 1e-9 && (ps - gs).abs() < 1e-6;
        }
    }
    // A time of day on no date (a daily set) is not one on a known day: the unknown day added
    // below must not act as the gold's wildcard.
    if g.starts_with('T') && !(p.starts_with('T') || p.starts_with("XXXX-XX-XXT")) {
        return false;
    }
    let (p, g) = (full_time_notation(p), full_time_notation(g));
    let (p, g) = (strip_zero_seconds(&p), strip_zero_seconds(&g));
    p.len() == g.len() && p.bytes().zip(g.bytes()).all(|(a, b)| a == b || b == b'X')
}

/// The value one unit before a date value (`2013-02-16` -> `2013-02-15`, `2013` -> `2012`,
/// `2013-03` -> `2013-02`, `2013-W07` -> `2013-W06`, `T11:01` -> `T11:00`), for gold intervals
/// whose end is exclusive.
fn unit_before(v: &str) -> Option<String> {
    // An unknown year (`XXXX-05-06`) steps back in a leap year and stays unknown.
    if let Some(rest) = v.strip_prefix("XXXX-") {
        let known = unit_before(&format!("2000-{rest}"))?;
        return known.strip_prefix("2000-").map(|r| format!("XXXX-{r}"));
    }
    // A clock time steps back one minute (`T11:01` -> `T11:00`).
    if let Some((date, time)) = v.split_once('T') {
        let t = chrono::NaiveTime::parse_from_str(strip_zero_seconds(time), "%H:%M").ok()?;
        let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
        let before = day.and_time(t) - chrono::Duration::minutes(1);
        return Some(before.format("%Y-%m-%dT%H:%M").to_string());
    }
    // An ISO week steps back one week (`2013-W07` -> `2013-W06`).
    if let Some((y, w)) = v.split_once("-W") {
        let monday = chrono::NaiveDate::from_isoywd_opt(
            y.parse().ok()?,
            w.parse().ok()?,
            chrono::Weekday::Mon,
        )?;
        let prev = (monday - chrono::Duration::days(7)).iso_week();
        return Some(format!("{:04}-W{:02}", prev.year(), prev.week()));
    }
    let d = crate::timex::PartialDate::parse(v)?;
    match (d.year?, d.month, d.day) {
        (y, None, _) => Some(format!("{:04}", y - 1)),
        (y, Some(1), None) => Some(format!("{:04}-12", y - 1)),
        (y, Some(m), None) => Some(format!("{y:04}-{:02}", m - 1)),
        (_, Some(_), Some(_)) => d
            .naive()?
            .pred_opt()
            .map(|p| p.format("%Y-%m-%d").to_string()),
    }
}

/// The whole hour before a value that is a whole hour (`2013-02-14T12:00` ->
/// `2013-02-14T11:00`), for gold intervals whose end is exclusive in hours: Duckling gives "von 9
/// bis 11" as `[09:00, 12:00]`.
fn hour_before(v: &str) -> Option<String> {
    let v = full_time_notation(v);
    let t = chrono::NaiveDateTime::parse_from_str(strip_zero_seconds(&v), "%Y-%m-%dT%H:%M").ok()?;
    (chrono::Timelike::minute(&t) == 0).then(|| {
        (t - chrono::Duration::hours(1))
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    })
}

/// Whether a prediction has a right value for a gold expression.
pub fn value_right(p: &Predicted, g: &GoldTimex) -> bool {
    g.accept.iter().any(|a| match a {
        Accept::Value(v) => values_equal(&p.value, v),
        Accept::Interval(a, b) => match &p.range_end {
            Some(e) => {
                (values_equal(&p.value, a)
                    && (values_equal(e, b)
                        || unit_before(b).is_some_and(|b1| values_equal(e, &b1))
                        || hour_before(b).is_some_and(|b1| values_equal(e, &b1))))
                    || same_days(&p.value, e, a, b)
            }
            None => part_of_day_holds(&p.value, a, b),
        },
    })
}

/// The days a calendar value covers, as a start and an exclusive end: a day (`2013-02-12`), an
/// ISO week (`2013-W08`), a month (`2013-02`) or a year (`2013`).
fn day_span(v: &str) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    use chrono::NaiveDate;
    if let Some((y, w)) = v.split_once("-W") {
        let monday =
            NaiveDate::from_isoywd_opt(y.parse().ok()?, w.parse().ok()?, chrono::Weekday::Mon)?;
        return Some((monday, monday + chrono::Duration::days(7)));
    }
    let d = crate::timex::PartialDate::parse(v)?;
    match (d.year?, d.month, d.day) {
        (y, None, _) => Some((
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            NaiveDate::from_ymd_opt(y + 1, 1, 1)?,
        )),
        (y, Some(m), None) => {
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            Some((first, first.checked_add_months(chrono::Months::new(1))?))
        }
        (_, Some(_), Some(_)) => {
            let day = d.naive()?;
            Some((day, day.succ_opt()?))
        }
    }
}

/// Whether a predicted range of calendar units (`2013-W08` to `2013-W26`) covers exactly the
/// days of a gold interval written in other units (`2013-02-18` to `2013-07-01`), the gold end
/// read as exclusive or as inclusive, as with equal units. Only the same span of days counts:
/// weeks that cover more or fewer days than the gold interval do not match it.
fn same_days(value: &str, end: &str, a: &str, b: &str) -> bool {
    let (Some((from, _)), Some((_, to))) = (day_span(value), day_span(end)) else {
        return false;
    };
    let (Some((ga, _)), Some((gb, gb_end))) = (day_span(a), day_span(b)) else {
        return false;
    };
    from == ga && (to == gb || to == gb_end)
}

/// Whether a TIMEX3 part of a day (`2013-02-12TEV`) names a gold interval of clock times
/// (`2013-02-12T18:00` to `2013-02-12T23:00`): the interval lies on that day, within the hours
/// the part covers in the corpora's conventions (morning 03-12, midday 11-14, afternoon 12-19,
/// evening 17-24, night 20-06). Duckling and rustling write "am Abend" as such an interval,
/// TIMEX3 as `TEV`.
fn part_of_day_holds(value: &str, a: &str, b: &str) -> bool {
    use chrono::{NaiveDateTime, NaiveTime};
    let Some((day, part)) = value.split_once('T') else {
        return false;
    };
    let (from, to) = match part {
        "MO" => (3, 12),
        "MI" => (11, 14),
        "AF" => (12, 19),
        "EV" => (17, 24),
        "NI" => (20, 30),
        _ => return false,
    };
    let Ok(day) = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d") else {
        return false;
    };
    let time = |v: &str| {
        let v = strip_zero_seconds(v);
        NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M")
            .or_else(|_| NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S"))
            .ok()
    };
    let (Some(a), Some(b)) = (time(a), time(b)) else {
        return false;
    };
    let start = day.and_time(NaiveTime::MIN) + chrono::Duration::hours(from);
    let end = day.and_time(NaiveTime::MIN) + chrono::Duration::hours(to);
    start <= a && a < b && b <= end
}

/// Raw counts; the figures are computed from them, so counts of several files add up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub docs: usize,
    pub gold: usize,
    pub predicted: usize,
    /// Gold / predicted expressions with an exactly matching span on the other side.
    pub strict_gold: usize,
    pub strict_predicted: usize,
    /// Gold / predicted expressions overlapped by one on the other side.
    pub relaxed_gold: usize,
    pub relaxed_predicted: usize,
    /// Overlapped gold expressions with a type, and those whose best match has it.
    pub typed: usize,
    pub type_right: usize,
    /// Overlapped gold expressions with a value, and those with a right overlapping value.
    pub valued_matched: usize,
    pub value_right: usize,
    /// Gold expressions with a value.
    pub valued_gold: usize,
    /// Predictions scored for value (not overlapping only value-less gold) and right ones.
    pub value_predicted: usize,
    pub value_predicted_right: usize,
    /// Documents the tagger failed on (their gold counts as missed).
    pub tag_errors: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.docs += o.docs;
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.strict_gold += o.strict_gold;
        self.strict_predicted += o.strict_predicted;
        self.relaxed_gold += o.relaxed_gold;
        self.relaxed_predicted += o.relaxed_predicted;
        self.typed += o.typed;
        self.type_right += o.type_right;
        self.valued_matched += o.valued_matched;
        self.value_right += o.value_right;
        self.valued_gold += o.valued_gold;
        self.value_predicted += o.value_predicted;
        self.value_predicted_right += o.value_predicted_right;
        self.tag_errors += o.tag_errors;
    }
}

/// Precision, recall and F1, each in 0..=1 (0 when undefined).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Prf {
    /// From right predictions out of all predictions and found gold out of all gold.
    pub fn new(pred_right: usize, pred: usize, gold_found: usize, gold: usize) -> Prf {
        let precision = ratio(pred_right, pred);
        let recall = ratio(gold_found, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

impl Counts {
    pub fn strict(&self) -> Prf {
        Prf::new(
            self.strict_predicted,
            self.predicted,
            self.strict_gold,
            self.gold,
        )
    }

    pub fn relaxed(&self) -> Prf {
        Prf::new(
            self.relaxed_predicted,
            self.predicted,
            self.relaxed_gold,
            self.gold,
        )
    }

    pub fn value(&self) -> Prf {
        Prf::new(
            self.value_predicted_right,
            self.value_predicted,
            self.value_right,
            self.valued_gold,
        )
    }

    /// Type accuracy over overlapped typed gold expressions; `None` if there are none.
    pub fn type_accuracy(&self) -> Option<f64> {
        (self.typed > 0).then(|| ratio(self.type_right, self.typed))
    }

    /// Value accuracy over overlapped gold expressions with a value; `None` if there are none.
    pub fn value_accuracy(&self) -> Option<f64> {
        (self.valued_matched > 0).then(|| ratio(self.value_right, self.valued_matched))
    }
}

/// What went wrong with one expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MissKind {
    /// A gold expression no prediction overlaps.
    Missed,
    /// A prediction that overlaps no gold expression.
    Spurious,
    /// Overlapping, but the spans differ.
    Extent,
    /// The best match has another type.
    Type,
    /// No overlapping prediction has a right value.
    Value,
    /// The tagger returned an error for the document.
    Error,
}

/// One miss, with enough to see what kind of expression it was.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Miss {
    pub doc: String,
    pub kind: MissKind,
    /// The gold expression's text, type and values (`a | b` for candidates, `a/b` for intervals).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gold: Option<(String, String, String)>,
    /// The predicted expression's text, type and value (`a/b` for a range).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predicted: Option<(String, String, String)>,
    /// The document text, for context.
    pub context: String,
}

fn gold_desc(g: &GoldTimex) -> (String, String, String) {
    let values: Vec<String> = g
        .accept
        .iter()
        .map(|a| match a {
            Accept::Value(v) => v.clone(),
            Accept::Interval(a, b) => format!("{a}/{b}"),
        })
        .collect();
    (
        g.text.clone(),
        g.kind.clone().unwrap_or_default(),
        values.join(" | "),
    )
}

fn pred_desc(p: &Predicted) -> (String, String, String) {
    let value = match &p.range_end {
        Some(e) => format!("{}/{e}", p.value),
        None => p.value.clone(),
    };
    (p.text.clone(), p.kind.clone(), value)
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn overlap_len(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Scores the predictions for one gold document: its counts and its misses.
pub fn score_doc(gold: &GoldDoc, predicted: &[Predicted]) -> (Counts, Vec<Miss>) {
    let mut c = Counts {
        docs: 1,
        gold: gold.expected.len(),
        predicted: predicted.len(),
        ..Counts::default()
    };
    let mut misses = Vec::new();
    let miss = |kind, g: Option<&GoldTimex>, p: Option<&Predicted>| Miss {
        doc: gold.id.clone(),
        kind,
        gold: g.map(gold_desc),
        predicted: p.map(pred_desc),
        context: gold.text.clone(),
    };
    for g in &gold.expected {
        let span = (g.start, g.end);
        let has_value = !g.accept.is_empty();
        if has_value {
            c.valued_gold += 1;
        }
        let over: Vec<&Predicted> = predicted
            .iter()
            .filter(|p| overlaps((p.start, p.end), span))
            .collect();
        let exact = over.iter().find(|p| (p.start, p.end) == span);
        if exact.is_some() {
            c.strict_gold += 1;
        }
        let Some(best) = exact.copied().or_else(|| {
            over.iter().copied().max_by_key(|p| {
                (
                    overlap_len((p.start, p.end), span),
                    std::cmp::Reverse(p.start),
                )
            })
        }) else {
            misses.push(miss(MissKind::Missed, Some(g), None));
            continue;
        };
        c.relaxed_gold += 1;
        if exact.is_none() {
            misses.push(miss(MissKind::Extent, Some(g), Some(best)));
        }
        if let Some(kind) = &g.kind {
            c.typed += 1;
            if kind.eq_ignore_ascii_case(&best.kind) {
                c.type_right += 1;
            } else {
                misses.push(miss(MissKind::Type, Some(g), Some(best)));
            }
        }
        if has_value {
            c.valued_matched += 1;
            if over.iter().any(|p| value_right(p, g)) {
                c.value_right += 1;
            } else {
                misses.push(miss(MissKind::Value, Some(g), Some(best)));
            }
        }
    }
    for p in predicted {
        let span = (p.start, p.end);
        let over: Vec<&GoldTimex> = gold
            .expected
            .iter()
            .filter(|g| overlaps((g.start, g.end), span))
            .collect();
        if over.iter().any(|g| (g.start, g.end) == span) {
            c.strict_predicted += 1;
        }
        if over.is_empty() {
            misses.push(miss(MissKind::Spurious, None, Some(p)));
            c.value_predicted += 1;
            continue;
        }
        c.relaxed_predicted += 1;
        if over.iter().any(|g| !g.accept.is_empty()) {
            c.value_predicted += 1;
            if over.iter().any(|g| value_right(p, g)) {
                c.value_predicted_right += 1;
            }
        }
    }
    (c, misses)
}

/// Ranges as the gold has them: where no gold expression overlapping a predicted range reads
/// as an interval, the gold tags the two ends (TimeML: "von <2011> bis <2018>"), so the range
/// is scored as its two ends.
fn split_ranges(doc: &GoldDoc, timexes: &[Timex]) -> Vec<Predicted> {
    let mut out = Vec::with_capacity(timexes.len());
    for t in timexes {
        let p = Predicted::from(t);
        let (Some([a, b]), Some(end)) = (t.range_parts, &p.range_end) else {
            out.push(p);
            continue;
        };
        let gold_interval = doc.expected.iter().any(|g| {
            g.start < p.end
                && p.start < g.end
                && g.accept.iter().any(|x| matches!(x, Accept::Interval(..)))
        });
        if gold_interval {
            out.push(p);
            continue;
        }
        for ((s, e), value) in [(a, p.value.clone()), (b, end.clone())] {
            out.push(Predicted {
                text: doc.text[s..e].to_string(),
                start: s,
                end: e,
                kind: p.kind.clone(),
                value,
                range_end: None,
            });
        }
    }
    out
}

/// The result of scoring a set of gold documents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub counts: Counts,
    /// Every miss, in document order.
    pub misses: Vec<Miss>,
}

/// Tags every gold document (its `dct` as the document date, `kind` as its kind) and scores
/// the result. A document the tagger fails on counts as predicting nothing and is listed as a
/// miss of kind [`MissKind::Error`].
pub fn evaluate(docs: &[GoldDoc], kind: DocKind) -> Report {
    let mut report = Report::default();
    for doc in docs {
        let ctx = Context { dct: doc.dct, kind };
        let predicted: Vec<Predicted> = match crate::tag::tag(&doc.text, &ctx) {
            Ok(t) => split_ranges(doc, &t),
            Err(e) => {
                report.counts.tag_errors += 1;
                report.misses.push(Miss {
                    doc: doc.id.clone(),
                    kind: MissKind::Error,
                    gold: None,
                    predicted: Some((String::new(), String::new(), e.to_string())),
                    context: doc.text.clone(),
                });
                Vec::new()
            }
        };
        let (c, m) = score_doc(doc, &predicted);
        report.counts += c;
        report.misses.extend(m);
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_of_the_day_names_an_interval_within_its_hours() {
        let evening = ("2013-02-12T18:00", "2013-02-12T23:00");
        assert!(part_of_day_holds("2013-02-12TEV", evening.0, evening.1));
        assert!(part_of_day_holds(
            "2013-02-12TEV",
            "2013-02-12T18:00",
            "2013-02-13T00:00"
        ));
        assert!(part_of_day_holds(
            "2013-02-12TMO",
            "2013-02-12T04:00:00",
            "2013-02-12T10:00"
        ));
        // Another part, another day, or hours beyond the part.
        assert!(!part_of_day_holds("2013-02-12TMO", evening.0, evening.1));
        assert!(!part_of_day_holds("2013-02-13TEV", evening.0, evening.1));
        assert!(!part_of_day_holds(
            "2013-02-12TAF",
            "2013-02-12T09:00",
            "2013-02-12T17:00"
        ));
        assert!(!part_of_day_holds("2013-02-12", evening.0, evening.1));
    }

    #[test]
    fn a_range_of_weeks_matches_the_same_days() {
        assert!(same_days(
            "2013-W08",
            "2013-W26",
            "2013-02-18",
            "2013-07-01"
        ));
        assert!(same_days(
            "2013-W08",
            "2013-W26",
            "2013-02-18",
            "2013-06-30"
        ));
        assert!(same_days("2013-02", "2013-03", "2013-02-01", "2013-04-01"));
        // One week more or less, or another start, is another span.
        assert!(!same_days(
            "2013-W08",
            "2013-W25",
            "2013-02-18",
            "2013-07-01"
        ));
        assert!(!same_days(
            "2013-W08",
            "2013-W26",
            "2013-02-19",
            "2013-07-01"
        ));
        assert!(!same_days(
            "2013-W08",
            "2013-W26",
            "2013-02-18T00:00",
            "2013-07-01"
        ));
    }

    #[test]
    fn durations_compare_by_length() {
        assert!(values_equal("PT90M", "PT1.5H"));
        assert!(values_equal("P1W", "P7D"));
        assert!(values_equal("P1Y", "P12M"));
        assert!(values_equal("P1DE", "P10Y"));
        assert!(!values_equal("P1M", "P30D"));
        assert!(!values_equal("P2D", "P1D"));
        assert!(values_equal("PXD", "PXD"));
        assert!(!values_equal("PXD", "PXW"));
    }

    #[test]
    fn zero_seconds_and_gold_wildcards() {
        assert!(values_equal("2013-02-12T04:30", "2013-02-12T04:30:00"));
        assert!(!values_equal("2013-02-12T04:30", "2013-02-12T04:30:05"));
        assert!(values_equal("2016-09-03", "XXXX-09-03"));
        assert!(!values_equal("2016-09-03", "XXXX-09-04"));
        assert!(!values_equal("2016-09", "XXXX-09-03"));
    }

    #[test]
    fn a_whole_hour_and_a_time_of_day_in_either_notation() {
        // The same hour with or without its minutes.
        assert!(values_equal("2016-11-15T08:00", "2016-11-15T08"));
        assert!(values_equal("2016-11-15T08:00:00", "2016-11-15T08"));
        assert!(values_equal("2017-04-22T17:00", "XXXX-04-22T17"));
        assert!(values_equal("XXXX-WXX-3T16:00", "XXXX-WXX-3T16"));
        // Only exact hours: another minute, another hour or seconds differ.
        assert!(!values_equal("2016-11-15T08:30", "2016-11-15T08"));
        assert!(!values_equal("2016-11-15T09:00", "2016-11-15T08"));
        assert!(!values_equal("2016-11-15T08:00:24", "2016-11-15T08"));
        // A time of day without a date is one on an unknown day.
        assert!(values_equal("XXXX-XX-XXT19:13", "T19:13"));
        assert!(values_equal("XXXX-XX-XXT15:00", "T15"));
        // A time on a known day is no time of every day.
        assert!(!values_equal("2016-11-07T19:13", "T19:13"));
        assert!(!values_equal("XXXX-XX-XXT19:14", "T19:13"));
        assert!(values_equal("XXXX-XX-XXTEV", "TEV"));
        // Durations are left alone.
        assert!(!values_equal("PT8H", "PT08"));
    }

    #[test]
    fn unit_before_steps_back_one_unit() {
        assert_eq!(unit_before("2013-03-01").as_deref(), Some("2013-02-28"));
        assert_eq!(unit_before("2013-01").as_deref(), Some("2012-12"));
        assert_eq!(unit_before("2013").as_deref(), Some("2012"));
        assert_eq!(unit_before("2013-W07").as_deref(), Some("2013-W06"));
        assert_eq!(unit_before("2016-W01").as_deref(), Some("2015-W53"));
        assert_eq!(unit_before("2013-W07-WE"), None);
        assert_eq!(
            unit_before("2013-02-14T00:00").as_deref(),
            Some("2013-02-13T23:59")
        );
        assert_eq!(unit_before("XXXX-03-01").as_deref(), Some("XXXX-02-29"));
        assert_eq!(unit_before("XXXX-01-01"), None);
        assert_eq!(
            hour_before("2013-02-14T12:00").as_deref(),
            Some("2013-02-14T11:00")
        );
        assert_eq!(
            hour_before("2013-02-14T00:00:00").as_deref(),
            Some("2013-02-13T23:00")
        );
        assert_eq!(hour_before("2013-02-14T11:01"), None);
    }

    #[test]
    fn fractional_seconds_are_dropped_from_a_reference_time() {
        assert_eq!(
            without_fraction("2017-09-28T14:11:10.96"),
            "2017-09-28T14:11:10"
        );
        assert_eq!(without_fraction("2017-09-28"), "2017-09-28");
        assert_eq!(
            without_fraction("2017-09-27T17:25:54.2744475+08:00"),
            "2017-09-27T17:25:54+08:00"
        );
    }

    #[test]
    fn char_offsets_become_byte_offsets() {
        let line = r#"{"id":"a","text":"Über 3 Tage","ref":null,"expected":[{"text":"3 Tage","start":5,"end":11,"type":"DURATION","value":"P3D"}]}"#;
        let docs = load_jsonl(line, Path::new("g.jsonl")).unwrap();
        assert_eq!(docs[0].expected[0].start, 6);
        assert_eq!(docs[0].expected[0].end, 12);
    }

    #[test]
    fn missing_offsets_are_found_ignoring_case() {
        let line = r#"{"id":1,"text":"Am Montag, ÜBERMORGEN","ref":"2013-02-12T04:30:00-02:00","expected":[{"text":"übermorgen","type":"DATE","value":"2013-02-14"}]}"#;
        let docs = load_jsonl(line, Path::new("g.jsonl")).unwrap();
        let g = &docs[0].expected[0];
        assert_eq!(&docs[0].text[g.start..g.end], "ÜBERMORGEN");
        assert_eq!(docs[0].id, "1");
        assert!(docs[0].dct.is_some());
    }

    #[test]
    fn unfindable_gold_is_an_error_naming_the_line() {
        let text =
            "\n{\"id\":\"x\",\"text\":\"heute\",\"ref\":null,\"expected\":[{\"text\":\"morgen\"}]}";
        let err = load_jsonl(text, Path::new("g.jsonl")).unwrap_err();
        assert_eq!(err.position(), Some((2, 1)));
        assert!(err.message().contains("\"morgen\""));
    }
}
