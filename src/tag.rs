//! The tagger's front door: text and context in, resolved temporal expressions out.
//!
//! Per sentence: scan for matches ([`crate::grammar`]), build each ([`crate::expr`]), find the
//! tense of its clause, resolve it ([`crate::resolve`]) against the document date and the last
//! mentioned date, then remember it as the last mentioned date if it is a date.

use crate::error::{Error, Result};
use crate::expr::{build_elliptic, build_timex, Expr, MeaningError, Parsed};
use crate::grammar;
use crate::resolve::{resolve, Context, DocKind, Mentioned, Mentions, Period, RecentDay, Tense};
use crate::sentence;
use crate::timex::{DayPart, Duration, Mod, PartialDate, Timex, TimexType, Unit, Value};

/// Finds and resolves every German temporal expression in `text`, in text order, without
/// overlaps. A date that cannot exist ("31. Februar") is an input error with its line and column.
pub fn tag(text: &str, ctx: &Context) -> Result<Vec<Timex>> {
    let mut out = Vec::new();
    let mut last: Option<Mentioned> = None;
    // The last day named: a clock time without a day belongs to it.
    let mut last_day: Option<DayNamed> = None;
    for (s_index, (s_start, s_end)) in sentence::split(text).into_iter().enumerate() {
        let sentence = &text[s_start..s_end];
        let loose = ctx.kind == DocKind::Colloquial;
        let found = recognise(sentence, loose).map_err(|e| meaning_error(text, s_start, &e))?;
        let tense_words = (!found.is_empty()).then(|| TenseWords::new(sentence));
        // The first date the sentence names: what "im Vorjahr" counts back from.
        let mut topic: Option<Mentioned> = None;
        // News and narrative text tag a day and its clock time apart ("am <Montag> um <10
        // Uhr>"), both read in the tense around the whole; chat text keeps them one.
        let pieces = found.into_iter().flat_map(|parsed| {
            let tense = tense_words
                .as_ref()
                .map_or(Tense::Present, |tw| tense_at(tw, parsed.start, parsed.end));
            let pieces = if loose { vec![parsed] } else { parsed.pieces() };
            pieces.into_iter().map(move |p| (p, tense))
        });
        for (mut parsed, tense) in pieces {
            clock_hours(sentence, &mut parsed);
            shift_compared(sentence, &mut parsed, tense);
            from_on(sentence, &mut parsed);
            let tense = deadline(sentence, &parsed, tense);
            let (start, end) = (s_start + parsed.start, s_start + parsed.end);
            // A span widened over what follows ("Spielzeit 2024/2025") takes in what is there.
            if out.last().is_some_and(|t: &Timex| t.end > start) {
                continue;
            }
            let recent_day = last_day.map(|d| RecentDay {
                date: d.date,
                sentences_ago: s_index - d.sentence,
                night: d.night,
                latest: !d.framed_after,
            });
            let mentions = Mentions {
                last,
                recent_day,
                topic,
            };
            let r = resolve(&parsed, ctx, mentions, tense);
            // "ein 34 Jahre alter Fahrer", "das drei Monate alte Kind": an age, no time.
            if r.kind == TimexType::Duration
                && (is_age(sentence, parsed.end)
                    || is_age_limit(sentence, parsed.start, parsed.end))
            {
                continue;
            }
            let (start, end) = trim_duration(text, start, end, r.kind);
            let (start, end) = sports_season(text, start, end, &r.value);
            let (start, modifier) = comparative(text, start, end, r.kind, r.modifier);
            if r.kind == TimexType::Date || r.kind == TimexType::Time {
                // A stretch is over where it ends: "vom 12.4. bis 23.4. ... Zwei Wochen später".
                if let Some(m) = mentioned_date(r.range_end.as_ref().unwrap_or(&r.value)) {
                    last = Some(m);
                    // The day a source spoke on ("..., wie die ESA am Donnerstag mitteilte")
                    // is not the day the text goes on about, nor what the sentence is about.
                    let framed = std::cell::OnceCell::new();
                    let framed = || *framed.get_or_init(|| reporting_frame(sentence, parsed.start));
                    if topic.is_none() && parsed.lead.as_deref() != Some("seit") && !framed() {
                        topic = Some(
                            r.range_end
                                .as_ref()
                                .and_then(|e| months_period(&r.value, e))
                                .unwrap_or(m),
                        );
                    }
                    let d = m.date;
                    // A clock time without a day of its own goes on about the night named before
                    // it ("In der Nacht zu Samstag ... zwischen 22 Uhr und 4 Uhr ... gegen 1.30
                    // Uhr"): the night stays the day named.
                    let in_night = last_day.as_mut().filter(|n| {
                        n.night && bare_clock(&parsed.expr) && {
                            let next = n.date.naive().and_then(|n| crate::calendar::add_days(n, 1));
                            d == n.date || d.naive() == next
                        }
                    });
                    if let Some(night) = in_night {
                        night.sentence = s_index;
                    } else if d.day.is_some() {
                        if !framed() {
                            last_day = Some(DayNamed {
                                date: d,
                                sentence: s_index,
                                night: matches!(
                                    r.value,
                                    Value::PartOfDay {
                                        part: DayPart::Night,
                                        ..
                                    }
                                ),
                                framed_after: false,
                            });
                        } else if let Some(day) = last_day.as_mut() {
                            day.framed_after = true;
                        }
                    }
                }
            }
            out.push(Timex {
                text: text[start..end].to_string(),
                start,
                end,
                kind: r.kind,
                value: r.value,
                modifier,
                range_end: r.range_end,
                range_parts: parsed.parts.map(|[a, b]| {
                    [
                        (s_start + a.0, s_start + a.1),
                        (s_start + b.0, s_start + b.1),
                    ]
                }),
                quant: r.quant,
                freq: r.freq,
                signal: parsed.signal,
                rule: parsed.rule,
                anchor: r.anchor,
                anchor_value: r.anchor_value,
                direction: r.direction,
            });
        }
    }
    Ok(out)
}

/// "gut eine Woche früher als üblich", "öffnet eine Stunde früher": an amount of time that
/// compares two times is a duration, not a time before or after the last date ("Drei Jahre
/// früher hatte ..."). So is one before "als", and one with "früher" in a clause that is not
/// past. The span ends before "früher"/"später", as TimeML leaves the comparative out.
fn shift_compared(sentence: &str, parsed: &mut Parsed, tense: Tense) {
    let Expr::Shift {
        amount,
        unit,
        anaphoric: true,
        ..
    } = parsed.expr
    else {
        return;
    };
    let span = &sentence[parsed.start..parsed.end];
    let Some(cut) = span.rfind(' ') else {
        return;
    };
    let word = span[cut + 1..].to_lowercase();
    let als = words(&sentence[parsed.end..])
        .next()
        .is_some_and(|(_, w)| w == "als");
    let compared = match word.as_str() {
        "früher" => als || tense != Tense::Past,
        "später" => als,
        _ => false,
    };
    if compared {
        parsed.expr = Expr::Duration(Duration::new(amount, unit));
        parsed.end = parsed.start + span[..cut].trim_end().len();
    }
}

/// "in 2:08:41 Stunden", "nach 1:45 Stunden": hours, minutes and seconds written as a clock
/// time, then "Stunden", are a duration (a finishing time, a flight), whose span takes the unit.
fn clock_hours(sentence: &str, parsed: &mut Parsed) {
    let Expr::Clock {
        hour,
        minute,
        second,
        day: None,
        ..
    } = parsed.expr
    else {
        return;
    };
    let span = &sentence[parsed.start..parsed.end];
    if !span.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        return;
    }
    let rest = &sentence[parsed.end..];
    let Some((at, name)) = words(rest).next() else {
        return;
    };
    if !matches!(name, "Stunden" | "Std") || !rest[..at].trim().is_empty() {
        return;
    }
    let seconds = u64::from(hour) * 3600 + u64::from(minute) * 60 + u64::from(second.unwrap_or(0));
    let (amount, unit) = match second {
        Some(_) => (seconds as f64, Unit::Second),
        None => ((seconds / 60) as f64, Unit::Minute),
    };
    parsed.expr = Expr::Duration(Duration::new(amount, unit));
    // The unit's word, and the dot of "Std.".
    let dot = name == "Std" && rest[at + name.len()..].starts_with('.');
    parsed.end += at + name.len() + usize::from(dot);
}

/// "Vom 6. April an finden die Messen im Pfarrheim statt": "vom ... an" says what "ab" says,
/// not what "die Wahl vom Sonntag" says (an event that has taken place).
fn from_on(sentence: &str, parsed: &mut Parsed) {
    if parsed.lead.as_deref() == Some("vom")
        && words(&sentence[parsed.end..])
            .next()
            .is_some_and(|(at, w)| {
                w == "an" && sentence[parsed.end..parsed.end + at].trim().is_empty()
            })
    {
        parsed.lead = Some("ab".to_string());
    }
}

/// "hat eine Frist bis Mitte Mai gesetzt", "ein Ultimatum bis Freitag": the day a deadline runs
/// to is the nearest one, whenever the deadline was set.
fn deadline(sentence: &str, parsed: &Parsed, tense: Tense) -> Tense {
    if tense != Tense::Past || parsed.lead.as_deref() != Some("bis") {
        return tense;
    }
    match words_before(sentence, parsed.start, 30).as_slice() {
        [.., noun, _bis] if matches!(*noun, "Frist" | "Ultimatum" | "Zeit" | "Gnadenfrist") => {
            Tense::Present
        }
        _ => tense,
    }
}

/// A date after "mehr als" or "weniger als" that compares amounts, whose words are no `mod`:
/// "20 Prozent mehr als vor drei Jahren" (how long ago is "vor mehr als drei Jahren"), and "18
/// Prozent mehr als ein Jahr zuvor" after an amount ("Prozent", a number, "deutlich", "viel"),
/// are "vor drei Jahren", "ein Jahr zuvor"; "mehr als drei Jahre zuvor" alone is a time.
fn comparative(
    text: &str,
    start: usize,
    end: usize,
    kind: TimexType,
    modifier: Option<Mod>,
) -> (usize, Option<Mod>) {
    if !matches!(kind, TimexType::Date | TimexType::Time)
        || !matches!(modifier, Some(Mod::MoreThan | Mod::LessThan))
    {
        return (start, modifier);
    }
    let span = &text[start..end];
    for words in ["mehr als", "weniger als"] {
        if span.len() > words.len()
            && span.is_char_boundary(words.len())
            && span[..words.len()].eq_ignore_ascii_case(words)
        {
            let rest = span[words.len()..].trim_start();
            let ago = rest.len() > 4 && rest[..4].eq_ignore_ascii_case("vor ");
            let amount = text[..start]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| {
                    w.ends_with(|c: char| c.is_ascii_digit() || c == '%')
                        || with_lower(w, |w| {
                            matches!(
                                w,
                                "prozent"
                                    | "drittel"
                                    | "viertel"
                                    | "fünftel"
                                    | "zehntel"
                                    | "hälfte"
                                    | "doppelt"
                                    | "deutlich"
                                    | "viel"
                                    | "etwas"
                                    | "weit"
                                    | "noch"
                                    | "kaum"
                            )
                        })
                });
            if !rest.is_empty() && (ago || amount) {
                // "mehr als im Vorjahr": the preposition stays outside the span, as everywhere.
                let rest = ["im ", "am ", "zum "]
                    .iter()
                    .find_map(|p| {
                        (rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p))
                            .then(|| rest[p.len()..].trim_start())
                    })
                    .unwrap_or(rest);
                return (end - rest.len(), None);
            }
        }
    }
    (start, modifier)
}

/// The span of a duration without the "in" that only says how it is used, as TimeML leaves out
/// "for" and "in": "so viel wie sonst in einem Monat" and "lässt sich in zwölf Minuten laden"
/// measure "einem Monat", "zwölf Minuten". (The grammar leaves out a trailing "lang" itself:
/// "zwei Tage lang" is "zwei Tage"; "tagelang", one word, stays whole.)
fn trim_duration(text: &str, start: usize, end: usize, kind: TimexType) -> (usize, usize) {
    if kind != TimexType::Duration {
        return (start, end);
    }
    let span = &text[start..end];
    match span
        .strip_prefix("in ")
        .or_else(|| span.strip_prefix("In "))
    {
        Some(rest) if !rest.is_empty() => (end - rest.len(), end),
        _ => (start, end),
    }
}

/// The span of a sports season named by its years, "Saison 2024/25", "Spielzeit 2023/2024": the
/// word and both years, valued as the year it starts in (as "Winter 2023/24" is 2023-WI).
fn sports_season(text: &str, start: usize, end: usize, value: &Value) -> (usize, usize) {
    let Value::Date(PartialDate {
        year: Some(y),
        month: None,
        day: None,
    }) = *value
    else {
        return (start, end);
    };
    let Some(word) = ["Saison ", "Spielzeit "]
        .into_iter()
        .find(|w| text[..start].ends_with(w))
    else {
        return (start, end);
    };
    let Some(after) = text[end..].strip_prefix('/') else {
        return (start, end);
    };
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let next = after[..digits].parse::<i32>().ok();
    let follows = match digits {
        2 => next == Some((y + 1) % 100),
        4 => next == Some(y + 1),
        _ => false,
    };
    if follows {
        (start - word.len(), end + 1 + digits)
    } else {
        (start, end)
    }
}

/// The unresolved expressions of one piece of text, in order, offsets relative to it.
pub fn recognise(text: &str, loose: bool) -> std::result::Result<Vec<Parsed>, MeaningError> {
    let mut found = Vec::new();
    let mut error = None;
    let mut memo = grammar::Memo::default();
    grammar::scan(text, |at| {
        if error.is_some() {
            return Some(text.len());
        }
        let m = grammar::match_at_with(text, at, &mut memo)?;
        match build_timex(&m).map(|p| p.map(|p| news_reading(text, p, loose))) {
            Ok(Some(p)) if accept(text, &p, loose) => {
                let end = p.end;
                found.push(p);
                Some(end)
            }
            Ok(_) => None,
            Err(e) => {
                error = Some(e);
                Some(text.len())
            }
        }
    });
    match error {
        Some(e) => Err(e),
        None => {
            elliptic(text, &mut found);
            if loose {
                hours_alone(text, &mut found)?;
            }
            Ok(found)
        }
    }
}

/// Adds, in chat text, an hour alone after "um", "gegen", "ab", "bis" or "nach" at the end of a
/// clause ("Wir treffen uns um drei."), which the scanner passes over: no word of it triggers
/// alone.
fn hours_alone(text: &str, found: &mut Vec<Parsed>) -> std::result::Result<(), MeaningError> {
    let bytes = text.as_bytes();
    let mut added = Vec::new();
    let mut memo = grammar::Memo::default();
    for at in 0..bytes.len() {
        let starts_word = bytes[at].is_ascii_alphabetic()
            && (at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] >= 0x80));
        if !starts_word || !grammar::hour_alone(bytes, at) {
            continue;
        }
        let before = found.partition_point(|p| p.start <= at);
        if before > 0 && at < found[before - 1].end {
            continue;
        }
        let Some(m) = grammar::match_at_with(text, at, &mut memo) else {
            continue;
        };
        match build_timex(&m)? {
            Some(p)
                if accept(text, &p, true)
                    && !found.iter().any(|f| f.start < p.end && p.start < f.end) =>
            {
                added.push(p)
            }
            _ => {}
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|p| p.start);
    }
    Ok(())
}

/// Adds amounts whose unit the clause before named: after a duration, at the start of a later
/// clause of the same sentence, "fast vier" is "fast vier Stunden".
fn elliptic(text: &str, found: &mut Vec<Parsed>) {
    let Some(first) = found.iter().find_map(|p| match &p.expr {
        Expr::Duration(d) if d.amount.is_some() => Some((p.end, d.unit)),
        _ => None,
    }) else {
        return;
    };
    let (after, unit) = first;
    let mut added = Vec::new();
    for (i, c) in text[after..].char_indices() {
        if !matches!(c, ',' | ';' | '–' | '—') {
            continue;
        }
        let at = after + i + c.len_utf8();
        let start = at + (text[at..].len() - text[at..].trim_start().len());
        // `found` is in text order: only the last expression starting at or before `start`
        // can cover it.
        let before = found.partition_point(|p| p.start <= start);
        if start >= text.len() || (before > 0 && start < found[before - 1].end) {
            continue;
        }
        // "sagt Erwin Tessmer, 58, aus Grubenhagen": a number in commas after a name is an age.
        let after_name = text[..at - c.len_utf8()]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        if let Some(p) =
            grammar::elliptic_at(text, start).and_then(|m| build_elliptic(m, start, unit))
        {
            let apposition = after_name && text[p.end..].trim_start().starts_with(',');
            if !apposition {
                added.push(p);
            }
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|p| p.start);
    }
}

/// A loose expression as news text reads it, where it has a reading there: "nachts" a habit,
/// but not after a preposition the grammar did not take with it ("bis abends" is one evening).
fn news_reading(text: &str, mut p: Parsed, loose: bool) -> Parsed {
    if p.loose && !loose {
        let before = text[..p.start].trim_end();
        let word_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        const PREPOSITIONS: [&str; 12] = [
            "ab", "am", "an", "bis", "für", "gegen", "in", "nach", "seit", "um", "von", "zu",
        ];
        if with_lower(&before[word_start..], |w| PREPOSITIONS.contains(&w)) {
            return p;
        }
        if let Some(habit) = p.habit.take() {
            p.expr = habit;
            p.loose = false;
        }
    }
    p
}

/// Checks a match against its neighbours: a bare four-digit number is a year only if it is a
/// plausible one and no noun it counts follows ("1000 Soldaten", "2000 Menschen").
fn accept(text: &str, p: &Parsed, loose: bool) -> bool {
    if p.loose && !loose {
        return false;
    }
    // "Nr. 2014", "Inventarnummer 12.08", "Seite 2014": a number, not a date or a year; nor
    // is one inside a file name ("Rechnung_11_2014.zip").
    if text[p.start..].starts_with(|c: char| c.is_ascii_digit()) {
        let before = text[..p.start].trim_end();
        let numbered = before.ends_with("Nr.")
            || before.ends_with("Seite")
            || before
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| with_lower(w, |w| w.ends_with("nummer")));
        let after = &text[p.end..];
        let in_name = text[..p.start].ends_with('_')
            || after.starts_with('_')
            || (after.starts_with('.')
                && after[1..].starts_with(|c: char| c.is_ascii_alphabetic()));
        if numbered || in_name {
            return false;
        }
    }
    if p.bare_year {
        // The year is the span's last word: "frühestens 2034" carries its modifier.
        let year: i32 = text[p.start..p.end]
            .split_whitespace()
            .next_back()
            .and_then(|y| y.parse().ok())
            .unwrap_or(0);
        let after = text[p.end..].trim_start_matches([' ', '\u{A0}']);
        // "2014 Soldaten", "vor 1500 Zuschauern": a noun after the number counts it.
        let next_upper = after.chars().next().is_some_and(|c| c.is_uppercase());
        if !(1800..=2099).contains(&year) {
            return p.lead.is_some() && (1000..=2099).contains(&year) && !next_upper;
        }
        if next_upper {
            return false;
        }
        // "2014 Euro", "2014 Prozent" after a preposition are amounts too.
        let unit_follows = [
            "Euro",
            "Prozent",
            "Dollar",
            "Meter",
            "Kilometer",
            "Menschen",
        ]
        .iter()
        .any(|u| after.starts_with(u));
        if unit_follows {
            return false;
        }
    }
    true
}

/// A stretch of months that is a quarter or half year ("von Januar bis Juni"), as the period
/// the sentence is about ("6,4 Prozent mehr als im Vorjahreszeitraum").
fn months_period(start: &Value, end: &Value) -> Option<Mentioned> {
    let (
        Value::Date(PartialDate {
            year: Some(y),
            month: Some(a),
            day: None,
        }),
        Value::Date(PartialDate {
            year: Some(ye),
            month: Some(b),
            day: None,
        }),
    ) = (start, end)
    else {
        return None;
    };
    let period = match (*a, *b) {
        _ if y != ye => return None,
        (1, 6) => Period::Half(1),
        (7, 12) => Period::Half(2),
        (a, b) if a % 3 == 1 && b == a + 2 => Period::Quarter(a / 3 + 1),
        _ => return None,
    };
    Some(Mentioned {
        date: PartialDate::ym(*y, *a),
        time: None,
        period: Some(period),
    })
}

/// The date a value mentions, for anchoring later anaphoric expressions: a day, month or year,
/// and a season, quarter or half year of a known year ("Noch im Sommer 2019 ... Zwei Jahre
/// später" is 2021).
fn mentioned_date(v: &Value) -> Option<Mentioned> {
    let (date, period) = match *v {
        Value::DateTime {
            date, hour, minute, ..
        } if date.year.is_some() => {
            return Some(Mentioned {
                date,
                time: Some((hour, minute)),
                period: None,
            })
        }
        Value::Date(d) | Value::PartOfDay { date: d, .. } if d.year.is_some() => (d, None),
        Value::Season { year: Some(y), .. } => (PartialDate::y(y), None),
        Value::Quarter {
            year: Some(y),
            quarter: quarter @ 1..=4,
        } => (
            PartialDate::ym(y, quarter * 3 - 2),
            Some(Period::Quarter(quarter)),
        ),
        Value::Half {
            year: Some(y),
            half: half @ 1..=2,
        } => (PartialDate::ym(y, half * 6 - 5), Some(Period::Half(half))),
        _ => return None,
    };
    Some(Mentioned {
        date,
        time: None,
        period,
    })
}

fn meaning_error(text: &str, offset: usize, e: &MeaningError) -> Error {
    let start = offset + e.start;
    let end = offset + e.end;
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line_no = text[..start].matches('\n').count() + 1;
    let col = text[line_start..start].chars().count() + 1;
    let line = &text[line_start..line_end];
    let width = text[start..end.min(line_end)].chars().count().max(1);
    let caret = format!("{}{}", " ".repeat(col - 1), "^".repeat(width));
    Error::input(format!(
        "impossible date \"{}\": {}\n  | {}\n  | {}",
        &text[start..end],
        e.message,
        line,
        caret
    ))
    .at(line_no, col)
}

/// Words that put a clause in the past: auxiliaries of the perfect and pluperfect, passive past.
const PAST: &[&str] = &[
    "hatte",
    "hatten",
    "hattest",
    "war",
    "waren",
    "wurde",
    "wurden",
    "worden",
    "gewesen",
    "sagte",
    "sagten",
    "erklärte",
    "teilte",
    "hieß",
    "zog",
    "kam",
    "gab",
    "begann",
    "endete",
    "fand",
    "stand",
    "ging",
    "musste",
    "mussten",
    "konnte",
    "konnten",
    "übergab",
    "überreichte",
    "traf",
    "trafen",
    "verließ",
    "nannte",
    "betonte",
    "kündigte",
    // Common strong and mixed preterites of news text, which no ending gives away.
    "fiel",
    "fielen",
    "lag",
    "lagen",
    "sprach",
    "sprachen",
    "nahm",
    "nahmen",
    "blieb",
    "blieben",
    "stieg",
    "stiegen",
    "sank",
    "sanken",
    "begannen",
    "fanden",
    "zogen",
    "kamen",
    "gaben",
    "standen",
    "gingen",
    "starb",
    "starben",
    "schlug",
    "rief",
    "riefen",
    "lief",
    "brach",
    "brachen",
    "schrieb",
    "gewann",
    "gewannen",
    "entschied",
    "erhielt",
    "erhielten",
    "hielt",
    "hielten",
    "trat",
    "traten",
    "wuchs",
    "fuhr",
    "flog",
    "floh",
    "flohen",
    "bot",
    "boten",
    "bat",
    "schloss",
    "sah",
    "sahen",
    "brannte",
    "brannten",
    "meldete",
    "meldeten",
    "berichtete",
    "berichteten",
    "erklärten",
    "betrat",
    "betraten",
    "durfte",
    "durften",
    "einst",
    "damals",
];

/// Strong and mixed preterites of news text, beside the forms of [`PAST`]. Like those, they
/// count only in lowercase (see [`word_flags`]): capitalised, several are nouns ("Tat", "Griff",
/// "Schnitt", "Verbot").
const PAST_LOWER: &[&str] = &[
    "aß",
    "befahl",
    "begriff",
    "behielt",
    "bekam",
    "bekamen",
    "beschloss",
    "beschrieb",
    "besprach",
    "bestand",
    "betraf",
    "betrafen",
    "bewies",
    "bezog",
    "brachte",
    "brachten",
    "dachte",
    "dachten",
    "empfahl",
    "empfing",
    "enthielt",
    "entkam",
    "entsprach",
    "entstand",
    "erfuhr",
    "ergab",
    "ergaben",
    "erschien",
    "erschrak",
    "fing",
    "fingen",
    "floss",
    "flossen",
    "flogen",
    "fror",
    "fuhren",
    "galt",
    "galten",
    "gefiel",
    "gelang",
    "geriet",
    "gerieten",
    "geschah",
    "griff",
    "griffen",
    "half",
    "halfen",
    "hing",
    "hingen",
    "hob",
    "hoben",
    "kannte",
    "kannten",
    "las",
    "lasen",
    "ließ",
    "ließen",
    "liefen",
    "litt",
    "litten",
    "lud",
    "luden",
    "mochte",
    "rannte",
    "rannten",
    "riet",
    "saß",
    "saßen",
    "sandte",
    "schien",
    "schienen",
    "schlossen",
    "schlugen",
    "schnitt",
    "schob",
    "schoss",
    "schossen",
    "schrieben",
    "schwieg",
    "schwiegen",
    "sprang",
    "stahl",
    "stieß",
    "stießen",
    "stritt",
    "stritten",
    "tat",
    "taten",
    "trieb",
    "trug",
    "trugen",
    "übernahm",
    "übernahmen",
    "übertraf",
    "unterbrach",
    "verbot",
    "verging",
    "verlief",
    "verliefen",
    "verlor",
    "versprach",
    "verstand",
    "vertrat",
    "vertraten",
    "verschwand",
    "wandte",
    "warf",
    "warfen",
    "wiesen",
    "wusste",
    "wussten",
    "zwang",
    // Weak preterites of news text ("stellte ... vor", "legte ... fest"); the "-te" alone
    // would take adjectives ("die nächste", "die alte").
    "arbeitete",
    "baute",
    "besuchte",
    "brauchte",
    "dauerte",
    "drohte",
    "entdeckte",
    "erreichte",
    "eröffnete",
    "feierte",
    "forderte",
    "fragte",
    "führte",
    "glaubte",
    "hörte",
    "holte",
    "kaufte",
    "landete",
    "lebte",
    "legte",
    "lernte",
    "machte",
    "öffnete",
    "plante",
    "prüfte",
    "reiste",
    "rettete",
    "setzte",
    "spielte",
    "startete",
    "stellte",
    "stimmte",
    "stoppte",
    "suchte",
    "wählte",
    "warnte",
    "wohnte",
    "zahlte",
    "zeigte",
    "legten",
    "machten",
    "setzten",
    "stellten",
    "suchten",
    "zeigten",
];

/// Words that hint at the past without a verb: a future auxiliary in the same clause outweighs
/// them ("Die Tonnen werden bereits am Mittwoch geleert").
const PAST_HINTS: &[&str] = &[
    "bereits",
    "vergangenen",
    "vergangene",
    "letzten",
    "zuvor",
    "ursprünglich",
];

/// Participles that with "ist"/"sind" tell of a state, not of a perfect: "Das Bürgerbüro ist ab
/// dem 4. Januar wieder geöffnet", "Die Straße ist bis Freitag gesperrt". With "hat" they are a
/// perfect all the same ("hatte im November geschlossen").
const STATAL: &[&str] = &[
    "geöffnet",
    "geschlossen",
    "gesperrt",
    "verboten",
    "erlaubt",
    "vorgesehen",
    "ausverkauft",
    "ausgebucht",
    "befristet",
    "begrenzt",
    "angekündigt",
    "terminiert",
];
/// Words that put a clause in the future: modal and future auxiliaries, plans.
const FUTURE: &[&str] = &[
    "wird",
    "werden",
    "werde",
    "wirst",
    "soll",
    "sollen",
    "will",
    "wollen",
    // The subjunctive of reported intentions: "Über Ostern wolle man Reisende verschonen".
    "wolle",
    "solle",
    "plant",
    "planen",
    "geplant",
    "künftig",
    "kommende",
    "kommenden",
    "nächste",
    "nächsten",
    "voraussichtlich",
    "bevorstehende",
    "bevorstehenden",
    "demnächst",
    "bald",
    "erwartet",
    "erwarten",
    "angesetzt",
    "anstehende",
    "anstehenden",
    // What must be done by a day lies ahead of the text: "muss bis zum 31. März nachholen".
    "muss",
    "müssen",
    // Modals in the subjunctive tell of what may come: "Bis Ende März dürfte die Quote
    // sinken". ("sollte" is as often the past of a plan that failed: "Die Fähre sollte am
    // Samstag ablegen, durfte aber erst ...": it tells neither way.)
    "dürfte",
    "dürften",
    "könnte",
    "könnten",
    "müsste",
    "müssten",
    "würde",
    "würden",
    "möchte",
    "möchten",
];

/// Verbs of a schedule, which in the present tense tell of what is to come: "Die Viertelfinals
/// folgen am Freitag", "Der Landtag tagt am Freitag". Read so only in lowercase ("die Folgen").
const SCHEDULE: &[&str] = &[
    "beginnt", "beginnen", "startet", "starten", "folgt", "folgen", "tagt", "tagen", "endet",
    "enden",
];

/// The tense of the clause around `start..end` in `sentence`: the clause (between commas,
/// semicolons, colons and dashes) first, then the whole sentence.
fn tense_at(tw: &TenseWords<'_>, start: usize, end: usize) -> Tense {
    let sentence = tw.text;
    // "gilt rückwirkend ab 1. April": backdated, whatever the verb says.
    if retroactive(tw, start) {
        return Tense::Past;
    }
    if for_the_next(sentence, start) {
        return Tense::Future;
    }
    // Look at most a few hundred bytes either way: a "sentence" without punctuation can be a
    // whole file, and tagging must stay linear.
    const WINDOW: usize = 400;
    let mut from = start.saturating_sub(WINDOW);
    while !sentence.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + WINDOW).min(sentence.len());
    while !sentence.is_char_boundary(to) {
        to += 1;
    }
    let (window, sentence, start, end) = (from, &sentence[from..to], start - from, end - from);
    let (c_start, c_end) = clause_bounds(sentence, start, end);
    let clause = &sentence[c_start..c_end];
    let (abs_start, abs_end) = (window + start, window + end);
    let clause_tense = tw.tense(
        window + c_start,
        window + c_end,
        [(abs_start, abs_end), (0, 0)],
    );
    if clause_tense != Tense::Present {
        return clause_tense;
    }
    // A verb-final clause ("wie das Ministerium am Mittwoch mitteilte") in the preterite.
    let mut clause_words: Vec<(usize, &str)> = Vec::with_capacity(clause.len() / 5 + 1);
    clause_words.extend(words(clause));
    // A relative pronoun opens a clause only after a break: at the start of a sentence "Das"
    // is an article ("Das Festival beginnt zu Pfingsten").
    let subordinate = clause_words.first().is_some_and(|(_, w)| {
        with_lower(w, |w| match w {
            "wie" | "als" | "nachdem" | "weil" | "da" | "dass" | "ob" | "bevor" | "obwohl"
            | "seitdem" | "wo" | "was" => true,
            "der" | "die" | "das" | "den" | "dem" => c_start > 0,
            _ => false,
        })
    });
    if subordinate {
        // The verb closes the clause after the expression: an expression at the end of the
        // clause ("Pfingsten") is no verb.
        let after = clause_words
            .last()
            .filter(|(w_start, _)| *w_start >= end - c_start);
        if let Some((_, last)) = after {
            let w = last.to_lowercase();
            if w.chars().count() >= 5 && (w.ends_with("te") || w.ends_with("ten")) {
                return Tense::Past;
            }
        }
    }
    // A fronted expression is followed by the finite verb (German verb second): a verb that is
    // neither past nor future marks the clause as present, whatever other clauses say.
    let fronted = clause_words
        .iter()
        .take_while(|(w_start, _)| *w_start < start - c_start)
        .all(|(_, w)| is_lead_word(w));
    if fronted {
        if let Some((_, verb)) = clause_words
            .iter()
            .find(|(w_start, _)| *w_start >= end - c_start)
        {
            let v = verb.to_lowercase();
            let lower = verb.chars().next().is_some_and(char::is_lowercase);
            // An adverb where the verb would stand: a clause without a verb of its own ("von
            // Juni bis September weiterhin wöchentlich"), which the sentence's verb governs.
            let elliptic = matches!(
                v.as_str(),
                "weiterhin" | "auch" | "ebenfalls" | "jeweils" | "wieder" | "erneut" | "dann"
            );
            if lower && !elliptic && listed_flags(&v) & (PAST_WORD | PAST_HINT | FUTURE_WORD) == 0 {
                let letters = v.chars().count();
                let preterite = letters >= 5 && (v.ends_with("te") || v.ends_with("ten"));
                // The finite verb in the singular preterite: "In der Silvesternacht brannte
                // ...", "Am Montag meldete ...".
                if letters >= 5 && v.ends_with("te") {
                    return Tense::Past;
                }
                // The plural preterite: "Bis Freitagmittag zählten die Feuerwehren ...", unless
                // it is one of the present plurals that end the same ("Am Montag beraten ...").
                if letters >= 6 && v.ends_with("ten") && !present_ten(&v) {
                    return Tense::Past;
                }
                if !preterite && !matches!(v.as_str(), "hat" | "haben" | "ist" | "sind") {
                    return Tense::Present;
                }
            }
        }
    }
    // The rest of the sentence, but for a reporting frame in another clause: "Der Jackpot
    // steigt bis Samstag, wie die Lottogesellschaft mitteilte" tells of Saturday ahead.
    let frame = frame_clause(sentence, c_start, c_end).map(|(a, b)| (window + a, window + b));
    tw.tense(
        window,
        window + sentence.len(),
        [(abs_start, abs_end), frame.unwrap_or((0, 0))],
    )
}

/// Whether `c` ends a clause: a comma, semicolon, colon, dash or parenthesis.
fn is_clause_break(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '–' | '—' | '(' | ')')
}

/// A clause opened by "wie" other than the one at `c_start..c_end`: a reporting frame ("wie
/// die Polizei am Montag mitteilte"), whose verb tells when it was said, not what.
fn frame_clause(sentence: &str, c_start: usize, c_end: usize) -> Option<(usize, usize)> {
    if !(sentence.contains("wie ") || sentence.contains("Wie ")) {
        return None;
    }
    let mut from = 0;
    for (i, c) in sentence
        .char_indices()
        .filter(|&(_, c)| is_clause_break(c))
        .chain(std::iter::once((sentence.len(), ' ')))
    {
        let (a, b) = (from, i);
        from = i + c.len_utf8();
        if (a, b) == (c_start, c_end) || b <= a {
            continue;
        }
        let opens_with_wie = words(&sentence[a..b])
            .next()
            .is_some_and(|(_, w)| w.eq_ignore_ascii_case("wie"));
        if opens_with_wie {
            return Some((a, b));
        }
    }
    None
}

/// Whether a lowercase finite verb in "-ten" is a present plural (a stem in "t" or "d"):
/// "arbeiten", "warten", "beraten", "gelten", not a preterite ("zählten", "meldeten").
fn present_ten(v: &str) -> bool {
    const STEMS: &[&str] = &[
        "arbeiten",
        "warten",
        "bitten",
        "bieten",
        "gelten",
        "halten",
        "raten",
        "treten",
        "achten",
        "fürchten",
        "richten",
        "leiten",
        "streiten",
        "reiten",
        "gestalten",
        "walten",
        "schalten",
        "spalten",
        "falten",
        "starten",
        "testen",
        "kosten",
        "fasten",
        "rasten",
        "lasten",
        "mieten",
        "töten",
        "retten",
        "wetten",
        "betten",
        "schneiden",
        "leiden",
        "meiden",
        "scheiden",
        "laden",
        "baden",
        "schaden",
        "enden",
        "senden",
        "wenden",
        "finden",
        "binden",
        "gründen",
        "melden",
        "bilden",
        "reden",
        "landen",
        "fluten",
        "bluten",
        "deuten",
        "läuten",
        "beobachten",
        "pachten",
        "trachten",
        "dichten",
        "flüchten",
        "stiften",
        "heften",
        "haften",
        "luften",
        "lüften",
        "bersten",
        "tasten",
        "rosten",
        "posten",
        "listen",
        "rüsten",
        "fristen",
        "orten",
        "werten",
        "hüten",
        "brüten",
    ];
    // Compounds end in one of them: "vertreten", "verhalten", "einladen".
    STEMS.iter().any(|s| v.ends_with(s))
}

/// Whether the expression at `start` names an occasion announced as the next or coming one: "für
/// den nächsten Verhandlungstag am Freitag", "für die kommende Sitzung am 4. Mai". What is set
/// for the next occasion lies ahead, whatever the tense of the verb that announced it ("Sein
/// Verteidiger kündigte eine Erklärung für den nächsten Verhandlungstag am Freitag an").
fn for_the_next(sentence: &str, start: usize) -> bool {
    // "für", an article, "nächsten", a noun and the expression's preposition: five words at most.
    let before = words_before(sentence, start, 80);
    let before = &before[before.len().saturating_sub(5)..];
    let Some(at) = before.iter().rposition(|w| w.eq_ignore_ascii_case("für")) else {
        return false;
    };
    let mut rest = &before[at + 1..];
    if let [article, tail @ ..] = rest {
        if matches!(
            article.to_lowercase().as_str(),
            "den" | "die" | "das" | "dem" | "einen" | "eine"
        ) {
            rest = tail;
        }
    }
    match rest {
        [adjective, noun, preposition @ ..] if preposition.len() <= 1 => {
            matches!(
                adjective.to_lowercase().as_str(),
                "nächsten" | "nächste" | "kommenden" | "kommende" | "anstehenden" | "anstehende"
            ) && noun.chars().next().is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

/// Whether the expression is a clock time (or a range of them) without a day of its own.
fn bare_clock(e: &Expr) -> bool {
    match e {
        Expr::Clock { day, .. } => day.is_none(),
        Expr::Range(a, b) => bare_clock(a) && bare_clock(b),
        _ => false,
    }
}

/// The last day named before an expression, as the tagger keeps it for the next ones.
#[derive(Clone, Copy)]
struct DayNamed {
    date: PartialDate,
    /// The index of the sentence it was named in.
    sentence: usize,
    /// Named as a night ("in der Nacht zu Dienstag").
    night: bool,
    /// A day of a reporting frame was named after it.
    framed_after: bool,
}

/// The clause of the expression at `start..end` of `sentence`: from after the break before it to
/// the break after it (or the ends of the sentence). Breaks are commas, semicolons, colons,
/// dashes and brackets.
fn clause_bounds(sentence: &str, start: usize, end: usize) -> (usize, usize) {
    let is_break = is_clause_break;
    let c_start = sentence[..start]
        .char_indices()
        .rev()
        .find(|(_, c)| is_break(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let c_end = sentence[end..]
        .find(is_break)
        .map_or(sentence.len(), |i| end + i);
    (c_start, c_end)
}

/// Whether the expression at `start` stands in a reporting frame: a clause opened by "wie" after
/// a break that holds a verb of saying ("..., wie die Polizei am Montag mitteilte").
fn reporting_frame(sentence: &str, start: usize) -> bool {
    // A frame may open the sentence: "Wie die Polizei am Sonntag mitteilte, ...". The clause
    // ends at the first break after the expression's start.
    let (c_start, c_end) = clause_bounds(sentence, start, start);
    let mut words = words(&sentence[c_start..c_end]).map(|(_, w)| w);
    if !words.next().is_some_and(|w| w.eq_ignore_ascii_case("wie")) {
        return false;
    }
    words.any(|w| {
        with_lower(w, |w| {
            matches!(
                w,
                "mitteilte"
                    | "mitteilten"
                    | "mitteilt"
                    | "sagte"
                    | "sagten"
                    | "sagt"
                    | "erklärte"
                    | "erklärten"
                    | "erklärt"
                    | "berichtete"
                    | "berichteten"
                    | "berichtet"
                    | "bestätigte"
                    | "bestätigten"
                    | "bekanntgab"
                    | "ankündigte"
                    | "meldete"
                    | "meldeten"
                    | "meldet"
                    | "mitgeteilt"
                    | "bekanntgegeben"
                    | "hieß"
            )
        })
    })
}

/// Whether "rückwirkend" stands among the two words before byte `start` ("rückwirkend ab 1.
/// April", "rückwirkend zum 1. Januar"). The words are the sentence's, cut at `start`: the words
/// of the text before it.
fn retroactive(tw: &TenseWords<'_>, start: usize) -> bool {
    let before = tw.words.partition_point(|w| w.0 < start);
    tw.words[..before]
        .iter()
        .rev()
        .take(2)
        .any(|&(w_start, w_end, _)| {
            let mut lower = tw.text[w_start..w_end.min(start)]
                .chars()
                .flat_map(char::to_lowercase);
            "rückwirkend".chars().all(|c| lower.next() == Some(c))
        })
}

/// `f` of the word `w` lowercased: short ASCII words (nearly all) in a buffer on the stack, so
/// that word tests run for every word of a sentence (the tense look-ups here, the word lists
/// of event titles) allocate nothing.
pub(crate) fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 24];
    match buf.get_mut(..w.len()) {
        Some(b) if w.is_ascii() => {
            b.copy_from_slice(w.as_bytes());
            b.make_ascii_lowercase();
            f(std::str::from_utf8(b).unwrap_or_default())
        }
        _ => f(&w.to_lowercase()),
    }
}

/// Whether the years at `start..end` of `sentence` follow people and "unter", "über" or "ab": an
/// age limit ("Kinder unter sechs Jahren", "Jugendliche ab 16 Jahren"), or "im Alter von" or
/// "mit": an age ("im Alter von 97 Jahren", "mit 65 Jahren in den Ruhestand"); no time.
fn is_age_limit(sentence: &str, start: usize, end: usize) -> bool {
    const PEOPLE: [&str; 18] = [
        "kinder",
        "kindern",
        "jugendliche",
        "jugendlichen",
        "menschen",
        "personen",
        "mädchen",
        "jungen",
        "frauen",
        "männer",
        "männern",
        "erwachsene",
        "erwachsenen",
        "babys",
        "säuglinge",
        "schüler",
        "schülern",
        "patienten",
    ];
    let span = &sentence[start..end];
    if !(span.ends_with("Jahren") || span.ends_with("Jahre") || span.contains("Jahren und")) {
        return false;
    }
    let before = words_before(sentence, start, 40);
    // "mit 65 Jahren in den Ruhestand", "mit 42 Jahren das älteste Schiff": an age, where no
    // noun follows that the years measure ("mit zwei Jahren Verspätung").
    let noun_after = sentence[end..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    match before.as_slice() {
        // "im Alter von 97 Jahren", "die Regelaltersgrenze von 67 Jahren"
        [.., alter, von] if with_lower(von, |v| v == "von") => with_lower(alter, |a| {
            a.ends_with("alter") || a.ends_with("altersgrenze")
        }),
        // "mit 66 Jahren und zehn Monaten aufhören"
        [.., mit] if with_lower(mit, |m| m == "mit") => span.contains("Jahren") && !noun_after,
        // "Frauen zwischen 50 und 75 Jahren"
        [.., people, zwischen, und]
            if with_lower(zwischen, |z| z == "zwischen") && with_lower(und, |u| u == "und") =>
        {
            with_lower(people, |p| PEOPLE.contains(&p))
        }
        [.., people, limit] => {
            with_lower(limit, |l| matches!(l, "unter" | "über" | "ab"))
                && with_lower(people, |p| PEOPLE.contains(&p))
        }
        _ => false,
    }
}

/// Whether the word after byte `end` of `sentence` is "alt" declined: the amount of time before
/// it is an age ("34 Jahre alter Motorradfahrer", "zwei Jahre alt").
fn is_age(sentence: &str, end: usize) -> bool {
    let rest = sentence[end..].trim_start();
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    matches!(
        word.as_str(),
        "alt" | "alte" | "alter" | "alten" | "altes" | "altem"
    )
}

/// Prepositions and articles that can stand before a fronted expression.
fn is_lead_word(w: &str) -> bool {
    with_lower(w, |w| {
        matches!(
            w,
            "am" | "im"
                | "an"
                | "in"
                | "um"
                | "seit"
                | "ab"
                | "bis"
                | "vom"
                | "zum"
                | "zur"
                | "für"
                | "der"
                | "die"
                | "das"
                | "dem"
                | "den"
                | "des"
                | "erst"
                | "noch"
                | "schon"
                | "bereits"
                | "und"
                | "aber"
                | "doch"
                | "gegen"
        )
    })
}

/// What a word tells of the tense, as bits of [`TenseWords`].
const AUX: u16 = 1;
const HABEN_SEIN: u16 = 2;
const PARTICIPLE: u16 = 4;
const PAST_WORD: u16 = 8;
const FUTURE_WORD: u16 = 16;
/// An "-en" word of six letters or more: before "haben"/"sein" read as a participle.
const LONG_EN: u16 = 32;
/// A form of "sein" as an auxiliary ("ist", "sind"): with a [`STATAL`] participle no perfect.
const SEIN: u16 = 64;
/// One of [`STATAL`].
const STATE: u16 = 128;
/// One of [`PAST_HINTS`].
const PAST_HINT: u16 = 256;
/// One of [`SCHEDULE`] (with [`FUTURE_WORD`]).
const SCHEDULE_VERB: u16 = 512;
/// Looks like a weak participle of an inseparable verb ("besucht", "verkündet"), which also
/// reads as a present ("Er besucht"): a perfect only with a form of "haben".
const INSEPARABLE: u16 = 1024;

/// The bits of one word, lowercased into `buf`.
fn word_flags(word: &str, buf: &mut String) -> u16 {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        for c in word.chars() {
            if c.is_ascii() {
                buf.push(c.to_ascii_lowercase());
            } else {
                buf.extend(c.to_lowercase());
            }
        }
    }
    let w = buf.as_str();
    let mut flags = listed_flags(w);
    if flags & SCHEDULE_VERB != 0 && !word.starts_with(char::is_lowercase) {
        flags &= !FUTURE_WORD;
    }
    // A verb is capitalised only where it opens a sentence, and German puts a finite verb
    // there in questions alone: "über den Stand der Arbeiten", "das Schloss" are nouns.
    if flags & PAST_WORD != 0
        && !word.starts_with(char::is_lowercase)
        && !matches!(w, "damals" | "einst")
    {
        flags &= !PAST_WORD;
    }
    if is_participle(w) {
        flags |= PARTICIPLE;
    } else if word.starts_with(char::is_lowercase) && is_inseparable_participle(w) {
        flags |= INSEPARABLE;
    }
    if w.ends_with("en") && w.chars().count() >= 6 {
        flags |= LONG_EN;
    }
    flags
}

/// The bits a lowercase word has by being listed: an auxiliary ([`AUX`], [`HABEN_SEIN`],
/// [`SEIN`]), one of [`PAST`] or [`PAST_LOWER`], [`PAST_HINTS`], [`STATAL`] or else one of
/// [`FUTURE`]. One lookup for all lists: every word of a sentence with an expression is looked
/// up.
fn listed_flags(w: &str) -> u16 {
    static MAP: std::sync::OnceLock<WordMap> = std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut map = WordMap::default();
        for w in FUTURE {
            *map.entry(w).or_default() = FUTURE_WORD;
        }
        for w in SCHEDULE {
            *map.entry(w).or_default() = FUTURE_WORD | SCHEDULE_VERB;
        }
        for w in PAST {
            *map.entry(w).or_default() = PAST_WORD;
        }
        for w in PAST_LOWER {
            *map.entry(w).or_default() = PAST_WORD;
        }
        for w in PAST_HINTS {
            *map.entry(w).or_default() = PAST_HINT;
        }
        for w in STATAL {
            *map.entry(w).or_default() |= STATE;
        }
        for w in ["ist", "sind", "bin", "bist", "seid", "sein"] {
            *map.entry(w).or_default() |= SEIN;
        }
        for w in [
            "hat", "haben", "habe", "hast", "habt", "ist", "sind", "sein", "bin", "bist", "seid",
            "worden",
        ] {
            *map.entry(w).or_default() |= AUX;
        }
        for w in ["haben", "sein"] {
            *map.entry(w).or_default() |= HABEN_SEIN;
        }
        map
    });
    map.get(w).copied().unwrap_or(0)
}

/// The words of a sentence with what each tells of the tense, worked out once a sentence: every
/// expression in it asks about a stretch around itself.
struct TenseWords<'s> {
    text: &'s str,
    /// (start, end, bits) of every word, in order.
    words: Vec<(usize, usize, u16)>,
}

impl<'s> TenseWords<'s> {
    fn new(text: &'s str) -> TenseWords<'s> {
        let mut buf = String::with_capacity(32);
        // About one word in six bytes of news text: room for most sentences in one allocation.
        let mut words = Vec::with_capacity(text.len() / 5 + 1);
        words.extend(
            self::words(text).map(|(start, w)| (start, start + w.len(), word_flags(w, &mut buf))),
        );
        // "alarmierte", "reagierten": a verb in "-ieren" in the preterite, unless an article
        // or a possessive makes it an adjective ("die restaurierte Orgel").
        for i in 0..words.len() {
            let (start, end, flags) = words[i];
            let w = &text[start..end];
            let ierte = w.ends_with("ierte") || w.ends_with("ierten");
            if flags != 0 || !ierte || w.len() < 8 || !w.starts_with(char::is_lowercase) {
                continue;
            }
            let attributive = i > 0 && {
                let (ps, pe, _) = words[i - 1];
                with_lower(&text[ps..pe], |p| {
                    matches!(
                        p,
                        "der"
                            | "die"
                            | "das"
                            | "den"
                            | "dem"
                            | "des"
                            | "ein"
                            | "eine"
                            | "einen"
                            | "einem"
                            | "einer"
                            | "eines"
                            | "ihr"
                            | "ihre"
                            | "ihren"
                            | "ihrem"
                            | "sein"
                            | "seine"
                            | "seinen"
                            | "seinem"
                            | "unsere"
                            | "diese"
                            | "dieser"
                            | "diesen"
                            | "alle"
                            | "viele"
                            | "neu"
                            | "frisch"
                    )
                })
            };
            if !attributive {
                words[i].2 |= PAST_WORD;
            }
        }
        // A past verb with its separable prefix closes a clause: "bis das Licht zurückkam",
        // "wie die Polizei am Montag mitteilte". Only there is it looked up.
        for w in words.iter_mut() {
            let (start, end, flags) = *w;
            let closes =
                text[end..].trim_start().chars().next().is_none_or(|c| {
                    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '–' | '—')
                });
            if flags == 0 && closes && separable_past(&text[start..end], &mut buf) {
                w.2 |= PAST_WORD;
            }
        }
        // "Ursprünglich sollten die Arbeiten im Herbst beginnen": after "sollte", a verb of a
        // schedule is an infinitive, no present that tells of what is to come.
        let mut after_sollte = false;
        for w in words.iter_mut() {
            let word = &text[w.0..w.1];
            if w.2 & SCHEDULE_VERB != 0 && after_sollte {
                w.2 &= !FUTURE_WORD;
            }
            after_sollte |= matches!(word, "sollte" | "sollten");
        }
        // "schließt bereits um 15 Uhr": "bereits" before a preposition of time says "as early
        // as", not that something has happened.
        for i in 1..words.len() {
            let (start, end, flags) = words[i - 1];
            if flags & PAST_HINT != 0
                && text[start..end].eq_ignore_ascii_case("bereits")
                && matches!(
                    &text[words[i].0..words[i].1],
                    "um" | "am" | "ab" | "zum" | "im"
                )
            {
                words[i - 1].2 &= !PAST_HINT;
            }
        }
        // "tritt sein Amt an": "sein" before a noun is the possessive, no auxiliary.
        for i in 1..words.len() {
            let (start, end, flags) = words[i - 1];
            if flags & SEIN != 0
                && text[start..end].eq_ignore_ascii_case("sein")
                && text[words[i].0..].starts_with(char::is_uppercase)
            {
                words[i - 1].2 &= !(AUX | HABEN_SEIN | SEIN);
            }
        }
        TenseWords { text, words }
    }

    /// The tense told by the words of `from..to` (cut at its ends, as the words of that stretch
    /// of text alone), leaving out those starting in `skip_start..skip_end`.
    fn tense(&self, from: usize, to: usize, skips: [(usize, usize); 2]) -> Tense {
        let (mut past, mut future, mut aux, mut participle) = (false, false, false, false);
        let (mut perfect_infinitive, mut prev_participle) = (false, false);
        // Auxiliaries other than "sein" ("hat", "worden"), participles other than a state's
        // ("geöffnet"), and words that only hint at the past.
        let (mut other_aux, mut active_participle, mut hint) = (false, false, false);
        // A participle of an inseparable verb ("besucht"), which needs "haben".
        let mut inseparable = false;
        let mut buf = String::new();
        let first = self.words.partition_point(|w| w.1 <= from);
        for &(start, end, flags) in self.words[first..].iter().take_while(|w| w.0 < to) {
            let (cut_start, cut_end) = (start.max(from), end.min(to));
            if skips.iter().any(|&(a, b)| cut_start >= a && cut_start < b) {
                continue;
            }
            let flags = if (cut_start, cut_end) == (start, end) {
                flags
            } else {
                word_flags(&self.text[cut_start..cut_end], &mut buf)
            };
            if flags & AUX != 0 {
                if flags & HABEN_SEIN != 0 && prev_participle {
                    perfect_infinitive = true;
                }
                aux = true;
                other_aux |= flags & SEIN == 0;
            } else if flags & PARTICIPLE != 0 {
                participle = true;
                active_participle |= flags & STATE == 0;
            } else if flags & INSEPARABLE != 0 {
                inseparable = true;
            }
            if flags & PAST_WORD != 0 {
                past = true;
            } else if flags & FUTURE_WORD != 0 {
                future = true;
            }
            hint |= flags & PAST_HINT != 0;
            prev_participle = flags & (PARTICIPLE | LONG_EN) != 0;
        }
        // The perfect: "hat ... geschlossen", "ist ... gekommen"; with a modal, a perfect
        // infinitive still tells of the past: "überfallen haben soll". "ist ... geöffnet" is a
        // state.
        let perfect =
            aux && (participle && (other_aux || active_participle) || inseparable && other_aux);
        if (perfect && !future) || perfect_infinitive {
            past = true;
            future = false;
        }
        // A pluperfect or passive past wins over a modal in the same clause; a modal or future
        // over a word that only hints at the past.
        match (past, future, hint) {
            (true, _, _) => Tense::Past,
            (false, true, _) => Tense::Future,
            (false, false, true) => Tense::Past,
            _ => Tense::Present,
        }
    }
}

/// Short words and their bits, hashed with FNV-1a: every word of a sentence is looked up, and
/// the default hasher's resistance to chosen keys buys nothing against a fixed list.
type WordMap = std::collections::HashMap<&'static str, u16, std::hash::BuildHasherDefault<Fnv>>;

/// The FNV-1a hash (64 bits).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Whether `word` is a past verb behind a separable prefix ("zurückkam", "mitteilte"), in
/// lowercase (lowercased into `buf`).
fn separable_past(word: &str, buf: &mut String) -> bool {
    if !word.starts_with(char::is_lowercase) || word.len() <= 5 {
        return false;
    }
    buf.clear();
    buf.extend(word.chars().flat_map(char::to_lowercase));
    stems(buf, &SEPARABLE[1..]).any(|stem| stem.len() >= 2 && listed_flags(stem) & PAST_WORD != 0)
}

/// What is left of `w` after each of `prefixes` it starts with ("" leaves it whole). Every word
/// of a sentence with an expression goes through here, so the first byte is compared before the
/// rest.
fn stems<'w>(w: &'w str, prefixes: &'static [&'static str]) -> impl Iterator<Item = &'w str> {
    let first = w.as_bytes().first().copied();
    prefixes
        .iter()
        .filter_map(move |p| match p.as_bytes().first() {
            None => Some(w),
            Some(b) if Some(*b) == first => w.strip_prefix(p),
            Some(_) => None,
        })
}

/// Separable verb prefixes (after none): "zurück" of "zurückgekommen", "zurückkam".
const SEPARABLE: [&str; 32] = [
    "",
    "ab",
    "an",
    "auf",
    "aus",
    "ein",
    "mit",
    "nach",
    "vor",
    "zu",
    "zurück",
    "weg",
    "fest",
    "her",
    "hin",
    "bei",
    "dar",
    "durch",
    "durcheinander",
    "fort",
    "frei",
    "heraus",
    "hinaus",
    "los",
    "statt",
    "teil",
    "um",
    "vorbei",
    "weiter",
    "wieder",
    "zusammen",
    "bekannt",
];

/// Whether a lowercase word looks like a past participle: "geschlossen", "abgezogen", "gesagt",
/// "stattgefunden", "durcheinandergebracht".
fn is_participle(w: &str) -> bool {
    (w.ends_with('t') || w.ends_with("en"))
        && w.len() >= 6
        && w.contains("ge")
        && w.chars().count() >= 6
        && stems(w, &SEPARABLE).any(|r| r.starts_with("ge") && r.len() >= 5)
}

/// Whether a lowercase word looks like a weak participle of an inseparable verb: "besucht",
/// "verkündet", "erreicht", "entdeckt", "überreicht", "unterzeichnet".
fn is_inseparable_participle(w: &str) -> bool {
    const PREFIXES: [&str; 9] = [
        "be", "ver", "er", "ent", "zer", "emp", "miss", "über", "unter",
    ];
    w.ends_with('t')
        && w.chars().count() >= 6
        && stems(w, &PREFIXES).any(|r| r.chars().count() >= 4 && !r.starts_with("ge"))
}

/// The words of the `reach` bytes of `text` before byte `at` (from a character boundary).
fn words_before(text: &str, at: usize, reach: usize) -> Vec<&str> {
    let mut from = at.saturating_sub(reach);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    words(&text[from..at]).map(|(_, w)| w).collect()
}

/// The words of `text` with their byte offsets, found as they are asked for.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    // Whether the symbol at `at` is a letter, and its length in bytes.
    let letter_at = move |at: usize| -> (bool, usize) {
        let b = bytes[at];
        if b < 0x80 {
            (b.is_ascii_alphabetic(), 1)
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            (c.is_alphabetic(), c.len_utf8())
        }
    };
    std::iter::from_fn(move || {
        // Skip to the next letter; most bytes between words are ASCII.
        let start = loop {
            let &b = bytes.get(i)?;
            if b.is_ascii_alphabetic() {
                break i;
            }
            match letter_at(i) {
                (true, _) => break i,
                (false, len) => i += len,
            }
        };
        // Then to the first symbol that is no letter, which is passed over too.
        while i < bytes.len() {
            if bytes[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            match letter_at(i) {
                (true, len) => i += len,
                (false, len) => {
                    let end = i;
                    i += len;
                    return Some((start, &text[start..end]));
                }
            }
        }
        Some((start, &text[start..]))
    })
}

#[cfg(test)]
mod tests {
    use super::{tag, with_lower, words};
    use crate::resolve::{Context, Dct, DocKind};
    use proptest::prelude::*;

    fn texts(text: &str, dct: &str) -> Vec<String> {
        let ctx = Context {
            dct: Some(Dct::parse(dct).unwrap()),
            kind: DocKind::News,
        };
        tag(text, &ctx)
            .unwrap()
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn an_amount_in_commas_after_a_name_is_an_age_not_an_elliptic_duration() {
        let text = "„Ich bin seit 32 Jahren Landwirt“, sagt Erwin Tessmer, 58, aus Grubenhagen.";
        assert_eq!(texts(text, "2011-08-26"), ["32 Jahren"]);
        // The elliptic amount itself still counts.
        let text = "Drei Stunden waren vorgesehen, fast vier sind es geworden.";
        assert_eq!(texts(text, "2011-08-26"), ["Drei Stunden", "fast vier"]);
    }

    /// The words as the plain definition has them: runs of alphabetic characters.
    fn plain_words(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (c.is_alphabetic(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push((s, &text[s..i]));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push((s, &text[s..]));
        }
        out
    }

    #[test]
    fn words_are_runs_of_letters() {
        let text = "Am 3. März – Übermorgen-Abend… hieß es: „Straße“ 9:51Uhr";
        let found: Vec<_> = words(text).collect();
        assert_eq!(found, plain_words(text));
        assert_eq!(
            found.iter().map(|w| w.1).collect::<Vec<_>>(),
            [
                "Am",
                "März",
                "Übermorgen",
                "Abend",
                "hieß",
                "es",
                "Straße",
                "Uhr"
            ]
        );
    }

    #[test]
    fn with_lower_lowercases_every_word() {
        for w in [
            "Mitteilte",
            "WIE",
            "Bestätigte",
            "Donaudampfschifffahrtsgesellschaft",
            "",
        ] {
            assert_eq!(with_lower(w, str::to_owned), w.to_lowercase());
        }
    }

    proptest! {
        #[test]
        fn words_match_the_plain_definition(text in "[a-zA-Z äöüßÄ.,0-9–…\u{301}]{0,40}") {
            prop_assert_eq!(words(&text).collect::<Vec<_>>(), plain_words(&text));
        }
    }
}
