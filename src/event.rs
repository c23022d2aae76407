//! Events cut from one document: a sentence (or clause) with an anchored date or time.
//!
//! Which expressions make events: dates and times whose value is fully resolved and names a
//! calendar interval ([`DateSpan::parse`] accepts it). Durations, sets, `PRESENT_REF` and values
//! with an unknown part (`XXXX-WXX-3`, a day relative to a month-only document date) make none.
//! A range ("von 2011 bis 2018") makes a span; "seit Juli 2019" dates the event it refers to
//! (the last one of its kind) to July 2019.
//!
//! Titles are built by rules on the clause around the expression, tried in order:
//!
//! 1. **the first since**: "die erste Sitzung seit 2019", "das erste Mal seit Juli 2019, dass
//!    beide Seiten Gespräche führen" name the last such thing: "Letzte Sitzung", "Letzte Gespräche";
//! 2. **an event noun heading the expression**: "Annexion der Krim 2014", "Mordanschlag auf
//!    ... im Jahr 2018", "der fünf Jahre zuvor vereinbarten Nato-Russland-Grundakte": the noun
//!    phrase itself;
//! 3. **a relative clause** names what its verb says happened, else its antecedent ("die
//!    Stunde der Wahrheit, die da am Mittwoch anstand"); **a copula** names its predicate ("er
//!    war von 2011 bis 2018 Russlands Botschafter": "Gruschko als Russlands Botschafter");
//! 4. **the main verb nominalised** with its theme in the genitive: "Das Gremium wurde 2002
//!    gegründet" is "Gründung des Gremiums", "wurden weitere russische Diplomaten ausgewiesen"
//!    is "Ausweisung weiterer russischer Diplomaten", "beginnt die Sitzung" is "Beginn der Sitzung";
//! 5. **a statement**: "Julianne Smith sagte am Dienstag, es gebe ..." is "Julianne Smith: es
//!    gebe ...";
//! 6. **an event noun elsewhere in the clause** (not inside another time phrase);
//! 7. **the clause as a headline**, subject first, without the time, particles and sources
//!    ("nach Angaben des Wetterdienstes"), negation kept, cut to nine words.
//!
//! Verbs are nominalised by a table of irregular nouns (closed-class data: "geschlossen" is
//! "Schließung", "fiel" is "Rückgang") and by the regular -ung rule for weak participles and
//! prefixed verbs ("gegründet", "verkleinert", "ordnete ... an"). Verbs of happening ("fand
//! statt", "es gab") name their subject, verbs of causing ("angerichtet") what was caused.
//!
//! A title depends only on the sentence and the expression's text (its first occurrence in the
//! sentence), so it can be computed again from an event's sources; [`crate::merge`] relies on it.

mod german;
mod lexicon;
mod title;

pub use german::{is_event_noun, is_stop_word};
pub use title::title;

use crate::model::{DateSpan, Source};
use crate::timex::{Timex, TimexType, Value};

/// An event as told by one sentence of one document, before merging.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawEvent {
    /// Short German title.
    pub title: String,
    /// How good the title is: higher is better (an event noun beats a verb beats a fallback).
    pub quality: u8,
    /// TIMEX3 value of the time.
    pub date: String,
    /// For a span, the value of its end.
    pub end: Option<String>,
    /// Whether the time lies after the document date.
    pub planned: bool,
    /// Where it is told; `source.date` is left empty here.
    pub source: Source,
}

/// The events of one document. `text` is the document text as tagged, `sentences` its sentence
/// ranges, `timexes` the tagger's output on it, `doc` the document id and `dct` its date as
/// written to `events.yaml`.
pub fn events(
    doc: &str,
    text: &str,
    dct: &str,
    sentences: &[(usize, usize)],
    timexes: &[Timex],
) -> Vec<RawEvent> {
    let mut out: Vec<RawEvent> = Vec::new();
    let mut skip_next = false;
    for (i, t) in timexes.iter().enumerate() {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        let Some((mut date, end)) = event_time(t) else {
            continue;
        };
        // A day and its clock time, tagged apart ("am Montag um 10 Uhr"), are one telling: of
        // the clock time, in the words of both.
        let mut stop = t.end;
        if let Some(next) = timexes.get(i + 1) {
            if let Some(clock) = day_with_clock(text, t, next) {
                date = clock;
                stop = next.end;
                skip_next = true;
            }
        }
        let Some(&(ss, se)) = sentences
            .iter()
            .find(|(s, e)| *s <= t.start && t.start < *e)
        else {
            continue;
        };
        let sentence = &text[ss..se];
        // One event per sentence and time: "am Mittwoch ... am Mittwoch" is told once.
        if out
            .iter()
            .any(|e| e.source.sentence == sentence && e.date == date && e.end == end)
        {
            continue;
        }
        let timex = &text[t.start..stop];
        let Some((title, quality)) = title(sentence, timex) else {
            continue;
        };
        let source = Source {
            doc: doc.to_string(),
            sentence: sentence.to_string(),
            timex: timex.to_string(),
            start: t.start,
            end: stop,
            anchor: Some(dct.to_string()),
            date: None,
        };
        out.push(RawEvent {
            planned: is_planned(&date, Some(dct)),
            title,
            quality,
            date,
            end,
            source,
        });
    }
    follow_ups(doc, text, dct, sentences, timexes, &mut out);
    out
}

/// The value of the clock time when `a` and `b` are a day and a clock time on it, written
/// together ("Montag um 10 Uhr", "12. Januar 2022, 9:51 Uhr", "18 Uhr am Montag"): nothing but a
/// comma and at most two small words ("um", "so gegen") between them.
fn day_with_clock(text: &str, a: &Timex, b: &Timex) -> Option<String> {
    if a.range_end.is_some() || b.range_end.is_some() || b.start < a.end {
        return None;
    }
    let gap = &text[a.end..b.start];
    let words: Vec<&str> = gap
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let small = words.len() <= 2
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_lowercase() && c.is_alphabetic()));
    if !small || gap.len() > 16 {
        return None;
    }
    let (day, clock) = match (a.kind, b.kind) {
        (TimexType::Date, TimexType::Time) => (a, b),
        (TimexType::Time, TimexType::Date) => (b, a),
        _ => return None,
    };
    let (day, clock) = (day.value.to_string(), clock.value.to_string());
    clock
        .strip_prefix(day.as_str())
        .is_some_and(|rest| rest.starts_with('T'))
        .then_some(clock)
}

/// Words that date a sentence by the one before it: "Russland zog daraufhin sämtliche
/// Mitarbeiter ab" happened right after the event of the previous sentence.
const FOLLOW_UP: [&str; 5] = [
    "daraufhin",
    "kurz darauf",
    "kurz danach",
    "unmittelbar danach",
    "im gegenzug",
];

/// The title of a telling: for a connective ("daraufhin"), from the clause it stands in, up to
/// a following "und", comma or semicolon; otherwise [`title`] of the sentence.
pub fn source_title(sentence: &str, timex: &str) -> Option<(String, u8)> {
    let lower = timex.to_lowercase();
    if !FOLLOW_UP.contains(&lower.as_str()) {
        return title(sentence, timex);
    }
    let at = sentence.find(timex)?;
    let clause_end = [" und ", ", ", "; "]
        .iter()
        .filter_map(|sep| sentence[at..].find(sep).map(|i| at + i))
        .min()
        .unwrap_or(sentence.len());
    let clause = format!("{}.", sentence[..clause_end].trim_end_matches(['.', ' ']));
    title(&clause, timex)
}

/// Events of sentences without a time of their own that a connective ties to the event of the
/// sentence before ("daraufhin"): they take its date, and the connective stands as their timex.
fn follow_ups(
    doc: &str,
    text: &str,
    dct: &str,
    sentences: &[(usize, usize)],
    timexes: &[Timex],
    out: &mut Vec<RawEvent>,
) {
    let mut added = Vec::new();
    for pair in sentences.windows(2) {
        let [(ps, pe), (ss, se)] = [pair[0], pair[1]];
        if timexes.iter().any(|t| ss <= t.start && t.start < se) {
            continue;
        }
        let sentence = &text[ss..se];
        let lower = sentence.to_lowercase();
        let Some((at, word)) = FOLLOW_UP.iter().find_map(|w| {
            lower.match_indices(w).find(|(i, _)| {
                let before = lower[..*i].chars().next_back();
                let after = lower[i + w.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        }) else {
            continue;
        };
        // The previous sentence's event, if it made exactly one dated event.
        let previous: Vec<&RawEvent> = out
            .iter()
            .filter(|e| ps <= e.source.start && e.source.start < pe)
            .collect();
        let [prev] = previous.as_slice() else {
            continue;
        };
        let timex = &sentence[at..at + word.len()];
        let Some((title, quality)) = source_title(sentence, timex) else {
            continue;
        };
        added.push(RawEvent {
            planned: prev.planned,
            title,
            quality,
            date: prev.date.clone(),
            end: prev.end.clone(),
            source: Source {
                doc: doc.to_string(),
                sentence: sentence.to_string(),
                timex: timex.to_string(),
                start: ss + at,
                end: ss + at + word.len(),
                anchor: Some(dct.to_string()),
                date: None,
            },
        });
    }
    out.extend(added);
}

/// The event time of an expression, if it makes an event: its value and, for a range, its end.
pub fn event_time(t: &Timex) -> Option<(String, Option<String>)> {
    if !matches!(t.kind, TimexType::Date | TimexType::Time) {
        return None;
    }
    if matches!(t.value, Value::Duration(_) | Value::Ref(_)) || !t.value.is_resolved() {
        return None;
    }
    let date = t.value.to_string();
    DateSpan::parse(&date)?;
    let end = match &t.range_end {
        Some(v) if v.is_resolved() => {
            let e = v.to_string();
            let (a, b) = (DateSpan::parse(&date)?, DateSpan::parse(&e)?);
            (b.last >= a.first && e != date).then_some(e)
        }
        Some(_) => return None,
        None => None,
    };
    Some((date, end))
}

/// Whether `date` lies wholly after the document date `dct`.
pub fn is_planned(date: &str, dct: Option<&str>) -> bool {
    match (
        DateSpan::parse(date),
        dct.and_then(|d| DateSpan::parse(d.split('T').next()?)),
    ) {
        (Some(a), Some(d)) => a.first > d.last,
        _ => false,
    }
}
