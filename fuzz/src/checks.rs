//! The checks behind zeitstrahl's fuzz targets, shared by `cargo fuzz`, the plain replay
//! binaries and the regression test (`tests/suite/robustness.rs` includes this file, so it
//! uses nothing but `zeitstrahl` and std).
//!
//! Each check takes arbitrary bytes, runs one part of the library on them and asserts what must
//! hold for every input; a panic (or a failed assertion) is a finding.
//!
//! **Tag input.** The first five bytes choose the context, the rest is the text (invalid UTF-8
//! replaced by U+FFFD, as a caller that decodes lossily would give it):
//! bytes 0-1 the year (1 + n mod 9999), byte 2 the month, byte 3 the day (clamped to the month),
//! byte 4 the kind (low two bits: news, narrative, colloquial) and, if its top bit is set, no
//! document date at all. Shorter inputs are text under the document date 2022-01-12.
//!
//! **YAML input.** The bytes, if UTF-8, are an `events.yaml`.

use std::path::Path;

use zeitstrahl::render::{self, RenderOptions};
use zeitstrahl::timex::PartialDate;
use zeitstrahl::{yaml, Context, Dct, DocKind, ErrorKind, Timex};

/// The document date and kind that the tag input's first bytes choose, and the text after them.
pub fn decode_tag_input(data: &[u8]) -> (Context, String) {
    if data.len() < 5 {
        let ctx = Context {
            dct: Some(Dct {
                date: PartialDate::ymd(2022, 1, 12),
                time: None,
                zone: None,
            }),
            kind: DocKind::News,
        };
        return (ctx, String::from_utf8_lossy(data).into_owned());
    }
    let year = 1 + i32::from(u16::from_le_bytes([data[0], data[1]])) % 9999;
    let month = 1 + u32::from(data[2]) % 12;
    let mut day = 1 + u32::from(data[3]) % 31;
    while PartialDate::parse(&format!("{year:04}-{month:02}-{day:02}")).is_none() {
        day -= 1;
    }
    let kind = match data[4] & 3 {
        1 => DocKind::Narrative,
        2 => DocKind::Colloquial,
        _ => DocKind::News,
    };
    let dct = (data[4] & 0x80 == 0).then_some(Dct {
        date: PartialDate::ymd(year, month, day),
        time: None,
        // A zone exercises the conversion of "16 Uhr MEZ" to it.
        zone: (data[4] & 0x40 != 0).then_some(-120),
    });
    let text = String::from_utf8_lossy(&data[5..]).into_owned();
    (Context { dct, kind }, text)
}

/// Runs the tagger on one fuzz input and checks every span and the output formats.
pub fn check_tag_input(data: &[u8]) {
    let (ctx, text) = decode_tag_input(data);
    check_tag(&text, &ctx);
}

/// Tags `text` and asserts: spans lie inside the text on char boundaries, in order, without
/// overlap, and cut out exactly the expression's text; tagging twice gives the same result;
/// an error is an input error; every output format can be written.
pub fn check_tag(text: &str, ctx: &Context) {
    let found = match zeitstrahl::tag(text, ctx) {
        Ok(found) => found,
        Err(e) => {
            assert_eq!(
                e.kind(),
                ErrorKind::Input,
                "tag error of the wrong kind: {e}"
            );
            assert!(!e.message().is_empty());
            return;
        }
    };
    check_spans(text, &found);
    let again = zeitstrahl::tag(text, ctx).expect("a second run fails where the first did not");
    assert_eq!(found, again, "tagging is not deterministic");
    for t in &found {
        let _ = t.value.to_string();
        if let Some(end) = &t.range_end {
            let _ = end.to_string();
        }
    }
    zeitstrahl::output::to_json(&found).expect("json output");
    zeitstrahl::output::to_yaml(&found).expect("yaml output");
    let _ = zeitstrahl::output::to_text(&found);
    let _ = zeitstrahl::output::explain(&found);
    let xml = zeitstrahl::timeml::to_timeml(text, ctx.dct.as_ref(), &found);
    if !text.contains('\0') {
        // The TimeML written must read back with the same text.
        if let Ok(doc) = zeitstrahl::timeml::read(&xml) {
            assert_eq!(doc.timexes.len(), found.len(), "timeml lost an expression");
        }
    }
}

/// The span invariants of a tagger result.
pub fn check_spans(text: &str, found: &[Timex]) {
    let mut last_end = 0;
    for t in found {
        assert!(
            t.start < t.end,
            "empty or reversed span {}..{}",
            t.start,
            t.end
        );
        assert!(
            t.end <= text.len(),
            "span {}..{} past the text",
            t.start,
            t.end
        );
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert!(
            t.start >= last_end,
            "span {}..{} overlaps the one before",
            t.start,
            t.end
        );
        assert_eq!(&text[t.start..t.end], t.text, "span text differs");
        if let Some(parts) = t.range_parts {
            for (a, b) in parts {
                assert!(
                    t.start <= a && a <= b && b <= t.end,
                    "range part outside its span"
                );
                assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
            }
        }
        last_end = t.end;
    }
}

/// Reads one fuzz input as `events.yaml` and, if it is a valid timeline, writes it back, reads
/// that back and draws it.
pub fn check_yaml_input(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        check_yaml(text);
    }
}

/// Reads `text` as `events.yaml`: an error is an input error naming the file; a timeline
/// survives writing and reading back unchanged and can be drawn and reported.
pub fn check_yaml(text: &str) {
    let path = Path::new("events.yaml");
    let timeline = match yaml::from_str(text, path) {
        Ok(t) => t,
        Err(e) => {
            assert_eq!(
                e.kind(),
                ErrorKind::Input,
                "yaml error of the wrong kind: {e}"
            );
            assert_eq!(e.path(), Some(path), "yaml error without the file: {e}");
            return;
        }
    };
    let written = yaml::to_string(&timeline).expect("a read timeline can be written");
    let back = yaml::from_str(&written, path)
        .unwrap_or_else(|e| panic!("written yaml does not read back: {e}\n{written}"));
    assert_eq!(back, timeline, "yaml round trip changed the timeline");
    if let Ok(svg) = render::svg(&timeline, &RenderOptions::default()) {
        assert!(svg.starts_with("<svg"), "not an svg");
        let _ = render::report::markdown(&timeline, "timeline.svg", "timeline.png");
        let _ = render::report::html(&timeline, &svg);
    }
}
