//! The grammar corpus (`tests/data/grammar/*.txt`): phrase, document date, expected value.

use std::fs;
use std::path::Path;

use zeitstrahl::{tag, Context, Dct, DocKind};

struct Case {
    file: String,
    line: usize,
    phrase: String,
    span: Option<String>,
    ctx: Context,
    value: String,
    kind: String,
    modifier: Option<String>,
}

fn load(path: &Path) -> Vec<Case> {
    let text = fs::read_to_string(path).expect("corpus file is readable");
    let file = path.file_name().unwrap().to_string_lossy().into_owned();
    let mut ctx = Context::default();
    let mut expected: Option<(String, String, Option<String>)> = None;
    let mut cases = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(d) = line.strip_prefix("@dct ") {
            ctx.dct = Some(Dct::parse(d).expect("corpus dct is valid"));
        } else if let Some(k) = line.strip_prefix("@kind ") {
            ctx.kind = k.parse::<DocKind>().expect("corpus kind is valid");
        } else if let Some(e) = line.strip_prefix("= ") {
            let mut w = e.split_whitespace();
            let value = w.next().expect("value").to_string();
            let kind = w.next().expect("type").to_string();
            expected = Some((value, kind, w.next().map(str::to_string)));
        } else {
            let (value, kind, modifier) = expected.clone().expect("a header before phrases");
            let (phrase, span) = match line.split_once(" | ") {
                Some((p, s)) => (p.to_string(), Some(s.to_string())),
                None => (line.to_string(), None),
            };
            cases.push(Case {
                file: file.clone(),
                line: i + 1,
                phrase,
                span,
                ctx,
                value,
                kind,
                modifier,
            });
        }
    }
    cases
}

fn corpus_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/grammar"))
}

#[test]
fn grammar_corpus() {
    let mut failures = Vec::new();
    let mut total = 0;
    for name in [
        "news.txt",
        "partial_dct.txt",
        "narrative.txt",
        "colloquial.txt",
    ] {
        for case in load(&corpus_dir().join(name)) {
            total += 1;
            let found = match tag(&case.phrase, &case.ctx) {
                Ok(t) => t,
                Err(e) => {
                    failures.push(format!(
                        "{}:{}: {:?}: error {e}",
                        case.file, case.line, case.phrase
                    ));
                    continue;
                }
            };
            // The expression under test is the one with the expected span, or the only one.
            let want_span = case.span.clone().unwrap_or_else(|| case.phrase.clone());
            let hit = found.iter().find(|t| t.text == want_span);
            let got: Vec<String> = found
                .iter()
                .map(|t| {
                    format!(
                        "{:?}={} {}{}",
                        t.text,
                        t.value,
                        t.kind,
                        t.modifier.map(|m| format!(" {m}")).unwrap_or_default()
                    )
                })
                .collect();
            let ok = match hit {
                Some(t) => {
                    // "a/b": a range from a to b; a value alone is a range's start.
                    let value = match (&t.range_end, case.value.contains('/')) {
                        (Some(end), true) => format!("{}/{end}", t.value),
                        _ => t.value.to_string(),
                    };
                    value == case.value
                        && t.kind.to_string() == case.kind
                        && t.modifier.map(|m| m.to_string()) == case.modifier
                        && (case.span.is_some() || found.len() == 1)
                }
                None => false,
            };
            if !ok {
                failures.push(format!(
                    "{}:{}: {:?}: want {:?}={} {}{}, got [{}]",
                    case.file,
                    case.line,
                    case.phrase,
                    want_span,
                    case.value,
                    case.kind,
                    case.modifier
                        .as_deref()
                        .map(|m| format!(" {m}"))
                        .unwrap_or_default(),
                    got.join(", ")
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} grammar corpus cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn negative_corpus_matches_nothing() {
    let text = fs::read_to_string(corpus_dir().join("negative.txt")).unwrap();
    let ctx = Context {
        dct: Some(Dct::parse("2022-01-12").unwrap()),
        kind: DocKind::News,
    };
    let mut failures = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let found = tag(line, &ctx).unwrap();
        if !found.is_empty() {
            let got: Vec<String> = found
                .iter()
                .map(|t| format!("{:?}={}", t.text, t.value))
                .collect();
            failures.push(format!("{line:?}: {}", got.join(", ")));
        }
    }
    assert!(
        failures.is_empty(),
        "negative corpus matched:\n{}",
        failures.join("\n")
    );
}

/// News tags a day and its clock time apart, each with what its own words say: "ab" before the
/// clock time is its signal, "gegen" its `mod`; the day keeps the preposition in front of it.
#[test]
fn day_and_clock_time_are_two_tags_in_news() {
    use zeitstrahl::timex::{Mod, Signal};
    let text = "Die Ausstellung öffnet ab Montag um 10 Uhr. Die Fähre soll am Dienstag gegen \
                6 Uhr ablegen, die Probe soll am Donnerstag ab 9 Uhr beginnen.";
    let ctx = |kind| Context {
        dct: Some(Dct::parse("2022-01-12").unwrap()),
        kind,
    };
    let found = tag(text, &ctx(DocKind::News)).unwrap();
    let got: Vec<_> = found
        .iter()
        .map(|t| (t.text.as_str(), t.value.to_string(), t.modifier, t.signal))
        .collect();
    assert_eq!(
        got,
        [
            ("Montag", "2022-01-17".into(), None, Some(Signal::From)),
            (
                "10 Uhr",
                "2022-01-17T10:00".into(),
                None,
                Some(Signal::From)
            ),
            ("Dienstag", "2022-01-18".into(), None, None),
            ("6 Uhr", "2022-01-18T06:00".into(), Some(Mod::Approx), None),
            ("Donnerstag", "2022-01-13".into(), None, None),
            ("9 Uhr", "2022-01-13T09:00".into(), None, Some(Signal::From)),
        ]
    );
    // Chat text keeps each day with its clock time.
    let chat = tag(text, &ctx(DocKind::Colloquial)).unwrap();
    let spans: Vec<_> = chat.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        spans,
        [
            "Montag um 10 Uhr",
            "Dienstag gegen 6 Uhr",
            "Donnerstag ab 9 Uhr"
        ]
    );
}
