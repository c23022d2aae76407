//! The scanner's dispatch (`grammar::match_at`: the top level of `timex` run in Rust, each core
//! tried through the entry rule of its first word's class) finds exactly what the whole grammar
//! (`grammar::match_full`) finds, at every word of the test texts and of phrases made of the
//! grammar's own words.

use std::fs;
use std::path::{Path, PathBuf};

use zeitstrahl::grammar::{self, Match, Rule};

/// Every pair of a match, with its rule and byte offsets in the text.
fn flatten(m: &Match<'_>) -> Vec<(Rule, usize, usize)> {
    let lead = m.lead.map(|l| (Rule::lead, l.start, l.end()));
    let parts = m.parts.iter().flat_map(|part| {
        std::iter::once(part.pair.clone())
            .chain(part.pair.clone().into_inner().flatten())
            .map(move |p| {
                let s = p.as_span();
                (p.as_rule(), part.base + s.start(), part.base + s.end())
            })
    });
    lead.into_iter().chain(parts).collect()
}

/// The places in `text` where the two disagree, described.
fn disagreements(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut prev_alnum = false;
    for (at, c) in text.char_indices() {
        let alnum = c.is_alphanumeric();
        if alnum && !prev_alnum {
            let fast = grammar::match_at(text, at).map(|m| flatten(&m));
            let full = grammar::match_full(text, at).map(|m| flatten(&m));
            if fast != full {
                let end = text[at..]
                    .char_indices()
                    .nth(40)
                    .map_or(text.len(), |(i, _)| at + i);
                out.push(format!(
                    "at {at} {:?}\n  dispatch: {:?}\n  grammar:  {:?}",
                    &text[at..end],
                    fast.as_ref().and_then(|v| v.last()),
                    full.as_ref().and_then(|v| v.last()),
                ));
            }
        }
        prev_alnum = alnum;
    }
    out
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("test data folder is readable")
        .map(|e| e.expect("folder entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "tml")
        ) {
            out.push(path);
        }
    }
}

#[test]
fn dispatch_agrees_with_the_grammar_on_the_test_texts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    files(&root.join("tests/data"), &mut paths);
    files(&root.join("seeds"), &mut paths);
    assert!(paths.len() > 10, "test texts found: {}", paths.len());
    let mut bad = Vec::new();
    for path in &paths {
        let text = fs::read_to_string(path).expect("test text is UTF-8");
        for d in disagreements(&text) {
            bad.push(format!("{}: {d}", path.display()));
        }
    }
    assert!(
        bad.is_empty(),
        "{} disagreements:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// The public test suites beside the repository (`../shared/corpus/*.jsonl`, present in CI):
/// their phrases are read, never copied. Without the folder the test has nothing to check.
#[test]
fn dispatch_agrees_with_the_grammar_on_the_shared_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(entries) = fs::read_dir(&dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.map(|e| e.expect("folder entry").path()).collect();
    paths.sort();
    let mut bad = Vec::new();
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
    {
        let text = fs::read_to_string(path).expect("corpus file is UTF-8");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let value: serde_json::Value = serde_json::from_str(line).expect("corpus line is JSON");
            let Some(phrase) = value.get("text").and_then(|t| t.as_str()) else {
                continue;
            };
            for d in disagreements(phrase) {
                bad.push(format!("{}: {phrase:?}: {d}", path.display()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} disagreements:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// The quoted words of `grammar/timex.pest` (without `^`), outside comments.
fn grammar_words() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("grammar/timex.pest");
    let text = fs::read_to_string(path).expect("grammar is readable");
    let mut words = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(open) = rest.find('"') {
            let Some(close) = rest[open + 1..].find('"') else {
                break;
            };
            let w = &rest[open + 1..open + 1 + close];
            if w.chars().any(char::is_alphabetic) && !words.iter().any(|x| x == w) {
                words.push(w.to_string());
            }
            rest = &rest[open + close + 2..];
        }
    }
    words
}

#[test]
fn dispatch_agrees_with_the_grammar_on_phrases_of_its_words() {
    let words = grammar_words();
    assert!(words.len() > 300, "grammar words found: {}", words.len());
    let numbers = [
        "3.",
        "12.",
        "1",
        "8",
        "30",
        "2014",
        "1990er",
        "90er",
        "12.01.2022",
        "2022-01",
        "9:51",
        "8.30",
        "100.000",
        "40",
        "19.",
        "3/4",
        "2,5",
        "17",
        "1/2",
        "Q3",
        "18Uhr",
        "8h30",
        "5Jahre",
        "3.-5.",
        "2011–2018",
        "12/13",
        "100",
        "2018",
        "3000",
        "24",
        "25",
        "12345",
        "2014,",
        "12,",
        "2018)",
        "30;",
        "7\"",
    ];
    let fillers = [
        "Soldaten", "Prozent", "sagte", "Berlin", "wird", "-", ",", ".",
    ];
    // A fixed linear congruential generator: the same phrases on every run.
    let mut state: u64 = 0x5EED_2022_0112;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n
    };
    let mut bad = Vec::new();
    for _ in 0..12_000 {
        let len = 2 + next(5);
        let mut phrase = String::new();
        for i in 0..len {
            if i > 0 {
                phrase.push(' ');
            }
            let token = match next(10) {
                0..=5 => words[next(words.len())].clone(),
                6..=7 => numbers[next(numbers.len())].to_string(),
                8 => fillers[next(fillers.len())].to_string(),
                _ => {
                    let w = &words[next(words.len())];
                    let mut c = w.chars();
                    c.next()
                        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
                }
            };
            phrase.push_str(&token);
        }
        for d in disagreements(&phrase) {
            bad.push(format!("{phrase:?}: {d}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} disagreements:\n{}",
        bad.len(),
        bad.iter().take(30).cloned().collect::<Vec<_>>().join("\n")
    );
}
