//! Text for the pictures: the shipped font, text widths measured with its glyph advances, line
//! wrapping, and German date labels ("12. Jan. 2022", "Okt. 2021", "2014", "2011–2018").

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

use crate::model::{DateSpan, Precision};

/// DejaVu Sans, shipped in `assets/` with its licence: the font the SVG names first and the PNG
/// is rendered with.
pub const REGULAR: &[u8] = include_bytes!("../../assets/DejaVuSans.ttf");
/// DejaVu Sans Bold.
pub const BOLD: &[u8] = include_bytes!("../../assets/DejaVuSans-Bold.ttf");
/// The `font-family` the SVG asks for: the shipped face first, then faces of similar widths.
pub const FAMILY: &str = "DejaVu Sans, Verdana, sans-serif";

/// Widths are estimated a little generously: a browser falling back to another face, or
/// hinting, must not make two labels touch.
const SAFETY: f64 = 1.03;

struct Face {
    charmap: skrifa::charmap::Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    upem: f64,
}

impl Face {
    fn load(bytes: &'static [u8]) -> Option<Face> {
        let font = FontRef::new(bytes).ok()?;
        let upem = f64::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        );
        Some(Face {
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            upem,
        })
    }

    fn advance(&self, c: char) -> f64 {
        let glyph = self
            .charmap
            .map(c)
            .or_else(|| self.charmap.map('?'))
            .unwrap_or_default();
        f64::from(self.metrics.advance_width(glyph).unwrap_or(0.0)) / self.upem
    }
}

fn face(bold: bool) -> Option<&'static Face> {
    static REG: OnceLock<Option<Face>> = OnceLock::new();
    static BLD: OnceLock<Option<Face>> = OnceLock::new();
    if bold {
        BLD.get_or_init(|| Face::load(BOLD)).as_ref()
    } else {
        REG.get_or_init(|| Face::load(REGULAR)).as_ref()
    }
}

/// The width in px of `text` set in the shipped face at `size` px.
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    let em: f64 = match face(bold) {
        Some(f) => text.chars().map(|c| f.advance(c)).sum(),
        // The font is compiled in; this only guards against a corrupt build.
        None => text.chars().count() as f64 * 0.62,
    };
    em * size * SAFETY
}

/// Breaks `text` into lines no wider than `max` px, at spaces and after hyphens, cutting a word
/// only if it is wider than a line by itself. At most `max_lines` lines; a cut ends in "…".
pub fn wrap(text: &str, size: f64, bold: bool, max: f64, max_lines: usize) -> Vec<String> {
    let fits = |s: &str| width(s, size, bold) <= max;
    // Pieces that may end a line: words, and parts of hyphenated compounds.
    let mut pieces: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let mut rest = word;
        let mut parts = Vec::new();
        while let Some(i) = rest.find('-').filter(|&i| i + 1 < rest.len()) {
            parts.push(&rest[..=i]);
            rest = &rest[i + 1..];
        }
        parts.push(rest);
        for (k, part) in parts.iter().enumerate() {
            let mut p = part.to_string();
            if k == 0 {
                p.insert(0, ' ');
            }
            pieces.push(p);
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces {
        let candidate = format!("{line}{piece}");
        let candidate = candidate.trim_start();
        if line.is_empty() || fits(candidate) {
            line = candidate.to_string();
        } else {
            lines.push(line);
            line = piece.trim_start().to_string();
        }
        // A single word wider than a line is cut by characters.
        while !fits(&line) && line.chars().count() > 1 {
            let mut head = String::new();
            for c in line.chars() {
                let mut next = head.clone();
                next.push(c);
                if !fits(&next) && !head.is_empty() {
                    break;
                }
                head = next;
            }
            let tail = line[head.len()..].to_string();
            lines.push(head);
            line = tail;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && !fits(&format!("{last}…")) {
                last.pop();
            }
            let trimmed = last.trim_end().to_string();
            *last = format!("{trimmed}…");
        }
    }
    lines
}

/// German month abbreviations as newspapers print them.
pub const MONTHS_SHORT: [&str; 12] = [
    "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.",
];

/// "12. Jan. 2022"
pub fn day(d: NaiveDate) -> String {
    format!(
        "{}. {} {}",
        d.day(),
        MONTHS_SHORT[d.month0() as usize],
        d.year()
    )
}

/// "Okt. 2021"
pub fn month(d: NaiveDate) -> String {
    format!("{} {}", MONTHS_SHORT[d.month0() as usize], d.year())
}

/// The label of one date value at its precision: "2014", "Okt. 2021", "12. Jan. 2022",
/// "12. Jan. 2022, 9:51 Uhr".
pub fn span(s: &DateSpan) -> String {
    match s.precision {
        Precision::Year => s.first.year().to_string(),
        Precision::Month => month(s.first),
        Precision::Day => day(s.first),
        Precision::Minute => {
            let m = s.minute.unwrap_or(0);
            format!("{}, {}:{:02} Uhr", day(s.first), m / 60, m % 60)
        }
    }
}

/// The label of a TIMEX3 date value, with its part of day where it has one:
/// "12. Jan. 2022, nachmittags". `None` if the value is no calendar date.
pub fn value(v: &str) -> Option<String> {
    let s = DateSpan::parse(v)?;
    let part = match v.split_once('T').map(|(_, t)| t) {
        Some("MO") => Some("morgens"),
        Some("MI") => Some("mittags"),
        Some("AF") => Some("nachmittags"),
        Some("EV") => Some("abends"),
        Some("NI") => Some("nachts"),
        Some("DT") => Some("tagsüber"),
        _ => None,
    };
    Some(match part {
        Some(p) => format!("{}, {p}", span(&s)),
        None => span(&s),
    })
}

/// The label of an event's time from its TIMEX3 values: one value, or a range "2011–2018",
/// "Okt. 2021 – Jan. 2022". `None` if a value is no calendar date.
pub fn event(date: &str, end: Option<&str>) -> Option<String> {
    let a = value(date)?;
    Some(match end {
        None => a,
        Some(e) => join(a, value(e)?),
    })
}

fn join(a: String, b: String) -> String {
    if a.contains(' ') || b.contains(' ') {
        format!("{a} – {b}")
    } else {
        format!("{a}–{b}")
    }
}

/// The label of an event's time: one value, or a range "2011–2018", "Okt. 2021 – Jan. 2022".
pub fn range(start: &DateSpan, end: Option<&DateSpan>) -> String {
    let a = span(start);
    match end {
        None => a,
        Some(e) => {
            let b = span(e);
            if a.contains(' ') || b.contains(' ') {
                format!("{a} – {b}")
            } else {
                format!("{a}–{b}")
            }
        }
    }
}

/// A stretch of time in words, for a break mark: "4 Jahre", "9 Monate", "1 Jahr, 3 Monate",
/// "12 Tage". `end` is exclusive.
pub fn duration(start: NaiveDate, end: NaiveDate) -> String {
    let months = (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32;
    let whole_months = start.day() == 1 && end.day() == 1;
    if whole_months && months > 0 {
        let (y, m) = (months / 12, months % 12);
        let years = plural(y, "Jahr", "Jahre");
        let months = plural(m, "Monat", "Monate");
        return match (y, m) {
            (0, _) => months,
            (_, 0) => years,
            _ => format!("{years}, {months}"),
        };
    }
    plural((end - start).num_days() as i32, "Tag", "Tage")
}

fn plural(n: i32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).expect("valid test date")
    }

    #[test]
    fn german_labels() {
        let s = |v: &str| span(&DateSpan::parse(v).expect("valid value"));
        assert_eq!(s("2022-01-12"), "12. Jan. 2022");
        assert_eq!(s("2021-10"), "Okt. 2021");
        assert_eq!(s("2014"), "2014");
        assert_eq!(s("2022-01-12T09:51"), "12. Jan. 2022, 9:51 Uhr");
        let a = DateSpan::parse("2011").expect("valid");
        let b = DateSpan::parse("2018").expect("valid");
        assert_eq!(range(&a, Some(&b)), "2011–2018");
        assert_eq!(
            value("2022-01-12TAF").as_deref(),
            Some("12. Jan. 2022, nachmittags")
        );
        assert_eq!(event("2011", Some("2018")).as_deref(), Some("2011–2018"));
        assert_eq!(
            event("2021-10", Some("2022-01")).as_deref(),
            Some("Okt. 2021 – Jan. 2022")
        );
        assert_eq!(event("PRESENT_REF", None), None);
    }

    #[test]
    fn durations() {
        assert_eq!(duration(d(1998, 1, 1), d(2002, 1, 1)), "4 Jahre");
        assert_eq!(duration(d(2021, 1, 1), d(2021, 10, 1)), "9 Monate");
        assert_eq!(duration(d(2019, 8, 1), d(2020, 11, 1)), "1 Jahr, 3 Monate");
        assert_eq!(duration(d(2022, 1, 14), d(2022, 1, 26)), "12 Tage");
        assert_eq!(duration(d(2022, 1, 14), d(2022, 1, 15)), "1 Tag");
    }

    #[test]
    fn widths_come_from_the_font() {
        let w = width("Nato-Russland-Rat", 11.0, false);
        assert!(w > 60.0 && w < 140.0, "{w}");
        assert!(width("WWW", 10.0, false) > width("iii", 10.0, false) * 2.0);
        assert!(width("Rat", 10.0, true) > width("Rat", 10.0, false));
    }

    #[test]
    fn wrapping_respects_the_width() {
        let t = "Treffen des Nato-Russland-Rats in Brüssel nach zweieinhalb Jahren Pause";
        let lines = wrap(t, 11.0, false, 120.0, 5);
        assert!(lines.len() >= 3, "{lines:?}");
        for l in &lines {
            assert!(width(l, 11.0, false) <= 120.0, "{l}");
        }
        let cut = wrap(t, 11.0, false, 120.0, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'));
        let long = wrap(
            "Donaudampfschifffahrtsgesellschaftskapitän",
            11.0,
            false,
            60.0,
            9,
        );
        assert!(long.len() > 1);
        assert!(long.iter().all(|l| width(l, 11.0, false) <= 60.0));
    }
}
