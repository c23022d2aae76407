//! The tagger's front door: text and context in, resolved temporal expressions out.
//!
//! Per sentence: scan for matches ([`crate::grammar`]), build each ([`crate::expr`]), find the
//! tense of its clause, resolve it ([`crate::resolve`]) against the document date and the last
//! mentioned date, then remember it as the last mentioned date if it is a date.

use crate::error::{Error, Result};
use crate::expr::{build_elliptic, build_timex, Expr, MeaningError, Parsed};
use crate::grammar;
use crate::resolve::{resolve, Context, DocKind, Tense};
use crate::sentence;
use crate::timex::{PartialDate, Timex, TimexType, Value};

/// Finds and resolves every German temporal expression in `text`, in text order, without
/// overlaps. A date that cannot exist ("31. Februar") is an input error with its line and column.
pub fn tag(text: &str, ctx: &Context) -> Result<Vec<Timex>> {
    let mut out = Vec::new();
    let mut last: Option<PartialDate> = None;
    // The last day named, and in which sentence: a clock time without a day belongs to it.
    let mut last_day: Option<(PartialDate, usize)> = None;
    for (s_index, (s_start, s_end)) in sentence::split(text).into_iter().enumerate() {
        let sentence = &text[s_start..s_end];
        let loose = ctx.kind == DocKind::Colloquial;
        for parsed in recognise(sentence, loose).map_err(|e| meaning_error(text, s_start, &e))? {
            let (start, end) = (s_start + parsed.start, s_start + parsed.end);
            let tense = tense_at(sentence, parsed.start, parsed.end);
            let recent_day = last_day.filter(|(_, at)| s_index <= at + 1).map(|(d, _)| d);
            let r = resolve(&parsed, ctx, last, recent_day, tense);
            if r.kind == TimexType::Date || r.kind == TimexType::Time {
                if let Some(d) = mentioned_date(&r.value) {
                    last = Some(d);
                    if d.day.is_some() {
                        last_day = Some((d, s_index));
                    }
                }
            }
            out.push(Timex {
                text: text[start..end].to_string(),
                start,
                end,
                kind: r.kind,
                value: r.value,
                modifier: r.modifier,
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

/// The unresolved expressions of one piece of text, in order, offsets relative to it.
pub fn recognise(text: &str, loose: bool) -> std::result::Result<Vec<Parsed>, MeaningError> {
    let mut found = Vec::new();
    let mut error = None;
    grammar::scan(text, |at| {
        if error.is_some() {
            return Some(text.len());
        }
        let m = grammar::match_at(text, at)?;
        match build_timex(&m) {
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
            Ok(found)
        }
    }
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
        if let Some(p) =
            grammar::elliptic_at(text, start).and_then(|m| build_elliptic(m, start, unit))
        {
            added.push(p);
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|p| p.start);
    }
}

/// Checks a match against its neighbours: a bare four-digit number is a year only if it is a
/// plausible one and no noun it counts follows ("1000 Soldaten", "2000 Menschen").
fn accept(text: &str, p: &Parsed, loose: bool) -> bool {
    if p.loose && !loose {
        return false;
    }
    if p.bare_year {
        let year: i32 = text[p.start..p.end].trim().parse().unwrap_or(0);
        if !(1800..=2099).contains(&year) {
            return p.lead.is_some() && (1000..=2099).contains(&year);
        }
        let after = text[p.end..].trim_start_matches([' ', '\u{A0}']);
        let next_upper = after.chars().next().is_some_and(|c| c.is_uppercase());
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
        // "um 2020" etc. are fine; "Nr. 2014", "Seite 2014" are not years.
        let before = text[..p.start].trim_end();
        if before.ends_with("Nr.") || before.ends_with("Seite") || before.ends_with("Nummer") {
            return false;
        }
    }
    true
}

/// The date a value mentions, for anchoring later anaphoric expressions.
fn mentioned_date(v: &Value) -> Option<PartialDate> {
    match v {
        Value::Date(d) | Value::DateTime { date: d, .. } | Value::PartOfDay { date: d, .. }
            if d.year.is_some() =>
        {
            Some(*d)
        }
        _ => None,
    }
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
    "einst",
    "damals",
    "bereits",
    "vergangenen",
    "vergangene",
    "letzten",
    "zuvor",
];
/// Words that put a clause in the future: modal and future auxiliaries, plans.
const FUTURE: &[&str] = &[
    "wird",
    "werden",
    "werde",
    "wirst",
    "soll",
    "sollen",
    "sollte",
    "sollten",
    "will",
    "wollen",
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
    "angesetzt",
    "anstehende",
    "anstehenden",
];

/// The tense of the clause around `start..end` in `sentence`: the clause (between commas,
/// semicolons, colons and dashes) first, then the whole sentence.
fn tense_at(sentence: &str, start: usize, end: usize) -> Tense {
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
    let (sentence, start, end) = (&sentence[from..to], start - from, end - from);
    let is_break = |c: char| matches!(c, ',' | ';' | ':' | '–' | '—' | '(' | ')');
    let c_start = sentence[..start]
        .char_indices()
        .rev()
        .find(|(_, c)| is_break(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let c_end = sentence[end..]
        .find(is_break)
        .map_or(sentence.len(), |i| end + i);
    let clause = &sentence[c_start..c_end];
    let clause_tense = tense_of(clause, start - c_start, end - c_start);
    if clause_tense != Tense::Present {
        return clause_tense;
    }
    // A verb-final clause ("wie das Ministerium am Mittwoch mitteilte") in the preterite.
    let clause_words: Vec<(usize, &str)> = words(clause).collect();
    let subordinate = clause_words.first().is_some_and(|(_, w)| {
        matches!(
            w.to_lowercase().as_str(),
            "wie"
                | "als"
                | "nachdem"
                | "weil"
                | "da"
                | "dass"
                | "ob"
                | "bevor"
                | "obwohl"
                | "seitdem"
                | "wo"
                | "was"
                | "der"
                | "die"
                | "das"
                | "den"
                | "dem"
        )
    });
    if subordinate {
        if let Some((_, last)) = clause_words.last() {
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
            if lower && !is_past(&v) && !is_future(&v) {
                let preterite = v.chars().count() >= 5 && (v.ends_with("te") || v.ends_with("ten"));
                if !preterite && !matches!(v.as_str(), "hat" | "haben" | "ist" | "sind") {
                    return Tense::Present;
                }
            }
        }
    }
    tense_of(sentence, start, end)
}

/// Prepositions and articles that can stand before a fronted expression.
fn is_lead_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
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
}

fn tense_of(text: &str, skip_start: usize, skip_end: usize) -> Tense {
    let (mut past, mut future, mut aux, mut participle) = (false, false, false, false);
    let (mut perfect_infinitive, mut prev_participle) = (false, false);
    let mut w = String::new();
    for (w_start, word) in words(text) {
        if w_start >= skip_start && w_start < skip_end {
            continue;
        }
        w.clear();
        if word.is_ascii() {
            w.push_str(word);
            w.make_ascii_lowercase();
        } else {
            w.extend(word.chars().flat_map(char::to_lowercase));
        }
        let w = w.as_str();
        let is_part = is_participle(w);
        if matches!(
            w,
            "hat" | "haben" | "habe" | "hast" | "ist" | "sind" | "sein" | "worden"
        ) {
            if matches!(w, "haben" | "sein") && prev_participle {
                perfect_infinitive = true;
            }
            aux = true;
        } else if is_part {
            participle = true;
        }
        if is_past(w) {
            past = true;
        } else if is_future(w) {
            future = true;
        }
        // Before "haben"/"sein", any "-en"/"-t" word is read as a participle ("überfallen").
        prev_participle = is_part || (w.ends_with("en") && w.chars().count() >= 6);
    }
    // The perfect: "hat ... geschlossen", "ist ... gekommen"; with a modal, a perfect
    // infinitive still tells of the past: "überfallen haben soll".
    if (aux && participle && !future) || perfect_infinitive {
        past = true;
        future = false;
    }
    // A pluperfect or passive past wins over a modal in the same clause.
    match (past, future) {
        (true, _) => Tense::Past,
        (false, true) => Tense::Future,
        _ => Tense::Present,
    }
}

/// Whether a lowercase word looks like a past participle: "geschlossen", "abgezogen", "gesagt".
/// Whether the lowercase word is one of [`PAST`].
fn is_past(w: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| PAST.iter().copied().collect())
        .contains(w)
}

/// Whether the lowercase word is one of [`FUTURE`].
fn is_future(w: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| FUTURE.iter().copied().collect())
        .contains(w)
}

fn is_participle(w: &str) -> bool {
    const PREFIXES: [&str; 15] = [
        "", "ab", "an", "auf", "aus", "ein", "mit", "nach", "vor", "zu", "zurück", "weg", "fest",
        "her", "hin",
    ];
    (w.ends_with('t') || w.ends_with("en"))
        && w.len() >= 6
        && w.contains("ge")
        && w.chars().count() >= 6
        && PREFIXES.iter().any(|p| {
            w.strip_prefix(p)
                .is_some_and(|r| r.starts_with("ge") && r.len() >= 5)
        })
}

/// The words of `text` with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    let mut out = Vec::new();
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
    out.into_iter()
}
