//! The built binary: exit codes, error messages, and the output formats of `tag` and `parse`.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zeitstrahl"))
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zeitstrahl-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The binary may exit before reading (a usage error): a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

const SENTENCE: &str = "Der Rat traf sich am 12. Januar 2022 in Brüssel, zuletzt 2014 & <2019>.";

#[test]
fn bad_utf8_is_an_input_error_naming_file_and_offset() {
    let dir = scratch("utf8");
    let file = dir.join("kaputt.txt");
    std::fs::write(&file, b"Am 3. M\xe4rz 2020").unwrap();
    let o = run(&["tag", file.to_str().unwrap(), "--dct", "2022-01-12"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.starts_with("zeitstrahl: error: "), "{err}");
    assert!(err.contains("kaputt.txt"), "{err}");
    assert!(err.contains("offset 7"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn empty_input_is_an_input_error() {
    let dir = scratch("empty");
    let file = dir.join("leer.txt");
    std::fs::write(&file, b"").unwrap();
    let o = run(&["tag", file.to_str().unwrap(), "--dct", "2022-01-12"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("leer.txt"));
    assert!(stderr(&o).contains("is empty"));
    // A byte order mark alone is empty too.
    let o = run_stdin(&["tag", "-", "--dct", "2022-01-12"], "\u{feff}".as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("<stdin>: the input is empty"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn malformed_dct_is_a_usage_error() {
    let o = run_stdin(&["tag", "-", "--dct", "2022-13-45"], b"heute");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2022-13-45"));
    let o = run(&["parse", "heute", "--dct", "2022-02-30"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn clap_usage_errors_exit_2() {
    assert_eq!(run(&["tag", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(
        run(&["tag", "-", "--kind", "poetry"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["eval"]).status.code(), Some(2));
}

#[test]
fn missing_file_is_an_io_error() {
    let dir = scratch("missing");
    let file = dir.join("gibt-es-nicht.txt");
    let o = run(&["tag", file.to_str().unwrap(), "--dct", "2022-01-12"]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("gibt-es-nicht.txt"));
}

#[test]
fn missing_dct_names_the_ways_to_give_one() {
    let o = run_stdin(&["tag", "-"], b"Am Mittwoch tagte der Rat.");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("--dct"), "{err}");
    assert!(err.contains("front matter"), "{err}");
    assert!(err.contains("dateline"), "{err}");
}

#[test]
fn a_dateline_gives_the_document_date() {
    let o = run_stdin(
        &["tag", "-", "--format", "text"],
        b"date: 2022-01-12\nDer Rat tagte 2014.",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("\"2014\"\tDATE\t2014"),
        "{}",
        stdout(&o)
    );
    assert!(
        !stdout(&o).contains("2022-01-12"),
        "the dateline is not tagged"
    );
}

#[test]
fn tag_takes_the_date_from_documents_yaml_beside_the_file() {
    let dir = scratch("documents-yaml");
    std::fs::write(dir.join("a.txt"), "Am Mittwoch tagte der Rat.").unwrap();
    std::fs::write(dir.join("b.txt"), "Am Mittwoch tagte der Rat.").unwrap();
    std::fs::write(
        dir.join("documents.yaml"),
        "documents:\n  - file: a.txt\n    date: 2022-01-14\n",
    )
    .unwrap();
    let file = dir.join("a.txt");
    let file = file.to_str().unwrap();
    let o = run(&["tag", file, "--format", "text"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Friday 14 January 2022: "am Mittwoch" in the past tense is the 12th.
    assert!(stdout(&o).contains("2022-01-12"), "{}", stdout(&o));
    // --dct wins over documents.yaml.
    let o = run(&["tag", file, "--dct", "2022-02-04", "--format", "text"]);
    assert!(stdout(&o).contains("2022-02-02"), "{}", stdout(&o));
    // A file documents.yaml does not name still needs a date.
    let o = run(&["tag", dir.join("b.txt").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("documents.yaml"), "{}", stderr(&o));
    // A broken documents.yaml is named, with its line.
    std::fs::write(dir.join("documents.yaml"), "documents:\n  - file: [a.txt\n").unwrap();
    let o = run(&["tag", file]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("documents.yaml"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

/// (start, end, value) of every record in a JSON array printed by `tag`.
fn spans(json: &str) -> Vec<(usize, usize, String, String)> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
                r["text"].as_str().unwrap().to_string(),
                r["value"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn tag_json_gives_byte_offsets_and_values() {
    let o = run_stdin(&["tag", "-", "--dct", "2022-01-12"], SENTENCE.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json = stdout(&o);
    let found = spans(&json);
    for (start, end, text, _) in &found {
        assert_eq!(&SENTENCE[*start..*end], text);
    }
    let at = SENTENCE.find("2014").unwrap();
    assert!(
        found.contains(&(at, at + 4, "2014".into(), "2014".into())),
        "{json}"
    );
    let at = SENTENCE.find("12. Januar 2022").unwrap();
    assert!(
        found.contains(&(at, at + 15, "12. Januar 2022".into(), "2022-01-12".into())),
        "{json}"
    );
    // Fixed field order.
    let first = json.find("\"text\"").unwrap();
    let order: Vec<usize> = ["\"start\"", "\"end\"", "\"type\"", "\"value\""]
        .iter()
        .map(|k| json[first..].find(k).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{json}");
}

#[test]
fn a_byte_order_mark_is_skipped_and_offsets_count_it() {
    // Offsets are into the input as given: `input[start..end]` is the expression's text.
    let mut input = "\u{feff}".as_bytes().to_vec();
    input.extend_from_slice(b"Seit 2014 nicht.");
    let o = run_stdin(&["tag", "-", "--dct", "2022-01-12"], &input);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let found = spans(&stdout(&o));
    assert_eq!(found, vec![(8, 12, "2014".into(), "2014".into())]);
    assert_eq!(&input[8..12], b"2014");
}

#[test]
fn a_front_matter_behind_a_byte_order_mark_gives_the_date() {
    let mut input = "\u{feff}".as_bytes().to_vec();
    input.extend_from_slice("---\ndate: 2022-01-12\n---\nAm Montag tagte der Rat.\n".as_bytes());
    let o = run_stdin(&["tag", "-"], &input);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let found = spans(&stdout(&o));
    assert_eq!(found, vec![(31, 37, "Montag".into(), "2022-01-10".into())]);
    assert_eq!(&input[31..37], b"Montag");
}

#[test]
fn tag_writes_to_a_file_with_dash_o() {
    let dir = scratch("out");
    let file = dir.join("sub/tags.yaml");
    let o = run_stdin(
        &[
            "tag",
            "-",
            "--dct",
            "2022-01-12",
            "--format",
            "yaml",
            "-o",
            file.to_str().unwrap(),
        ],
        b"Im Jahr 2014.",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let yaml = std::fs::read_to_string(&file).unwrap();
    assert!(
        yaml.contains("value: '2014'") || yaml.contains("value: \"2014\""),
        "{yaml}"
    );
}

/// Checks that every tag is closed in order and no raw `&` or `<` is left in text.
fn assert_well_formed(xml: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        let text = &rest[..lt];
        for (i, _) in text.match_indices('&') {
            let ent = &text[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                    .iter()
                    .any(|e| ent.starts_with(e)),
                "raw & in {text:?}"
            );
        }
        assert!(!text.contains('>'), "raw > in {text:?}");
        let gt = rest[lt..].find('>').expect("unterminated tag") + lt;
        let tag = &rest[lt + 1..gt];
        if tag.starts_with('?') {
        } else if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "in {xml}");
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().unwrap();
            stack.push(name.to_string());
        }
        rest = &rest[gt + 1..];
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
}

#[test]
fn timeml_output_is_well_formed_and_keeps_the_text() {
    let o = run_stdin(
        &["tag", "-", "--dct", "2022-01-12", "--format", "timeml"],
        SENTENCE.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let xml = stdout(&o);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>"));
    assert!(xml.contains("functionInDocument=\"CREATION_TIME\">2022-01-12</TIMEX3></DCT>"));
    assert!(xml.contains("&amp; &lt;"), "{xml}");
    assert_well_formed(&xml);
    let doc = zeitstrahl::timeml::read(&xml).unwrap();
    assert_eq!(doc.text, SENTENCE);
    assert!(doc
        .timexes
        .iter()
        .any(|t| t.text == "2014" && t.attr("value") == Some("2014")));
}

#[test]
fn jsonl_answers_each_line_and_survives_a_malformed_one() {
    let input = "{\"id\":\"a\",\"text\":\"Seit 2014.\",\"dct\":\"2022-01-12\"}\n{\"id\":\"b\",\"text\":\n{\"id\":\"c\",\"text\":\"nichts\",\"dct\":null}\n";
    let o = run_stdin(&["tag", "--jsonl"], input.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["timexes"][0]["value"], "2014");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("json"));
    assert_eq!(lines[2]["id"], "c");
    assert_eq!(lines[2]["timexes"], serde_json::json!([]));
}

#[test]
fn parse_explains_how_a_value_was_reached() {
    let o = run(&[
        "parse",
        "im Oktober des vergangenen Jahres",
        "--dct",
        "2022-01-12",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("\"Oktober des vergangenen Jahres\" [3..33]"),
        "{out}"
    );
    assert!(out.contains("value:     2021-10"), "{out}");
    assert!(out.contains("anchor:    document date 2022-01-12"), "{out}");
    assert!(out.contains("rule:      "), "{out}");
    let o = run(&["parse", "2014", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v[0]["value"], "2014");
    assert_eq!(v[0]["anchor"], "none");
    assert!(v[0]["rule"].as_str().is_some_and(|r| !r.is_empty()));
}

#[test]
fn eval_prints_figures_for_a_gold_file() {
    let dir = scratch("eval");
    let gold = dir.join("gold.jsonl");
    std::fs::write(
        &gold,
        "{\"id\":\"1\",\"text\":\"Seit 2014 nicht.\",\"ref\":\"2022-01-12\",\"expected\":[{\"text\":\"2014\",\"type\":\"DATE\",\"value\":\"2014\"}]}\n{\"id\":\"2\",\"text\":\"ein Hotel\",\"ref\":null,\"expected\":[]}\n",
    )
    .unwrap();
    let o = run(&["eval", gold.to_str().unwrap(), "--misses"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("2 documents, 1 gold"), "{out}");
    assert!(out.contains("extent strict "), "{out}");
    assert!(out.contains("value accuracy"), "{out}");
    let o = run(&["eval", dir.join("gold.csv").to_str().unwrap()]);
    assert_ne!(o.status.code(), Some(0));
}

const ARTICLE: &str = "Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen. \
Im März 2021 war der erste Entwurf gescheitert. Die Bauarbeiten am Rathaus sollen im Juni 2024 beginnen.\n";

/// A folder with one article and its date, and a fresh output folder beside it.
fn article_folder(name: &str) -> (PathBuf, PathBuf) {
    let dir = scratch(name);
    let input = dir.join("artikel");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("rat.txt"), ARTICLE).unwrap();
    std::fs::write(
        input.join("documents.yaml"),
        "documents:\n  - file: rat.txt\n    date: 2023-11-15\n",
    )
    .unwrap();
    (input, dir.join("out"))
}

#[test]
fn build_writes_every_file_and_the_same_bytes_twice() {
    let (input, out) = article_folder("build");
    let args = [
        "build",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 documents"), "{}", stderr(&o));
    let names = [
        "events.yaml",
        "timeline.svg",
        "timeline.png",
        "report.md",
        "report.html",
    ];
    let first: Vec<Vec<u8>> = names
        .iter()
        .map(|n| std::fs::read(out.join(n)).unwrap())
        .collect();
    assert!(String::from_utf8_lossy(&first[0]).contains("2021-03"));
    assert!(first[2].starts_with(b"\x89PNG"));
    assert_eq!(run(&args).status.code(), Some(0));
    for (n, bytes) in names.iter().zip(&first) {
        assert_eq!(&std::fs::read(out.join(n)).unwrap(), bytes, "{n} differs");
    }
}

#[test]
fn no_subcommand_builds_out_from_seeds() {
    let (input, _) = article_folder("default");
    let root = input.parent().unwrap();
    std::fs::rename(&input, root.join("seeds")).unwrap();
    let o = bin().current_dir(root).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(root.join("out/events.yaml").is_file());
    assert!(root.join("out/report.html").is_file());
}

#[test]
fn build_of_a_missing_folder_is_an_error() {
    let dir = scratch("nofolder");
    let o = run(&["build", dir.join("nichts").to_str().unwrap()]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).starts_with("zeitstrahl: error: "));
    assert!(stderr(&o).contains("nichts"));
}

#[test]
fn render_and_merge_read_events_yaml() {
    let (input, out) = article_folder("render");
    let o = run(&[
        "build",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let events = out.join("events.yaml");
    let events = events.to_str().unwrap();
    let o = run(&["render", events, "-o", "-", "--width", "800"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("<svg"));
    assert!(stdout(&o).contains("width=\"800\""));
    let png = out.join("klein.png");
    let o = run(&[
        "render",
        events,
        "-o",
        png.to_str().unwrap(),
        "--from",
        "2021",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    let o = run(&[
        "render", events, "-o", "-", "--from", "2024", "--to", "2021",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["render", events, "-o", "-", "--from", "März"]);
    assert_eq!(o.status.code(), Some(2));
    // Merging a timeline with itself gives the same events.
    let o = run(&["merge", events, events, "-o", "-"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let own = std::fs::read_to_string(out.join("events.yaml")).unwrap();
    assert_eq!(stdout(&o), own);
    assert_eq!(run(&["merge", events, "-o", "-"]).status.code(), Some(2));
    // A broken events.yaml is an input error naming the file.
    let broken = out.join("kaputt.yaml");
    std::fs::write(&broken, "events: [").unwrap();
    let o = run(&["render", broken.to_str().unwrap(), "-o", "-"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("kaputt.yaml"));
}

#[test]
fn the_taggers_own_timeml_scores_full_marks_as_gold() {
    let dir = scratch("selfeval");
    let tml = dir.join("eigen.tml");
    let o = run_stdin(
        &[
            "tag",
            "-",
            "--dct",
            "2022-01-12",
            "--format",
            "timeml",
            "-o",
            tml.to_str().unwrap(),
        ],
        SENTENCE.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&["eval", tml.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v[0]["counts"]["gold"].as_u64().unwrap() >= 2, "{v}");
    for figure in ["strict", "relaxed", "value"] {
        assert_eq!(v[0][figure]["f1"], 1.0, "{figure}: {v}");
    }
    assert_eq!(v[0]["type_accuracy"], 1.0);
}
