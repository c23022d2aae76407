//! Bad input and hard conditions: the fuzz regression corpus, odd bytes (no UTF-8, byte order
//! marks, CRLF, control characters, digits only, very long lines, 100 MB), broken metadata and
//! events files, unwritable and full outputs, and byte-identical builds. Every failure must be a
//! message naming the file with the documented exit code (1 input, 2 usage, 3 I/O), never a
//! panic, and must leave old outputs intact.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Instant;

use zeitstrahl::timex::PartialDate;
use zeitstrahl::{yaml, Context, Dct, DocKind};

/// The checks of the fuzz targets (`fuzz/src/checks.rs`), shared so the corpus is replayed here
/// exactly as the fuzzer ran it.
#[path = "../../fuzz/src/checks.rs"]
pub mod fuzz_checks;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zeitstrahl"))
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zeitstrahl-robust-{}-{name}", std::process::id()));
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
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // Written from a thread: a large input would otherwise fill the pipe while stdout does too.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts the documented shape of a failure: the exit code, one `zeitstrahl: error:` line that
/// names `what`, and no panic.
fn assert_fails(o: &Output, code: i32, what: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(code), "{err}");
    assert!(err.starts_with("zeitstrahl: error: "), "{err}");
    assert!(err.contains(what), "{what:?} not named in: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

const DATE: &str = "2023-11-15";

fn news() -> Context {
    Context {
        dct: Some(Dct {
            date: PartialDate::ymd(2023, 11, 15),
            time: None,
            zone: None,
        }),
        kind: DocKind::News,
    }
}

const ARTICLE: &str = "Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen. \
Im März 2021 war der erste Entwurf gescheitert. Die Bauarbeiten am Rathaus sollen im Juni 2024 beginnen.\n";

/// An input folder with the given files, and an output folder path beside it.
fn folder(name: &str, files: &[(&str, &[u8])]) -> (PathBuf, PathBuf) {
    let dir = scratch(name);
    let input = dir.join("artikel");
    std::fs::create_dir_all(&input).unwrap();
    for (n, bytes) in files {
        std::fs::write(input.join(n), bytes).unwrap();
    }
    (input, dir.join("out"))
}

fn meta(file: &str) -> String {
    format!("documents:\n  - file: {file}\n    date: {DATE}\n")
}

fn build(input: &Path, out: &Path) -> Output {
    run(&["build", s(input), "--out", s(out)])
}

/// Every file in a folder, by name, with its bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

// ---------------------------------------------------------------------------------------------
// The fuzz corpus

#[test]
fn fuzz_regressions_replay_without_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz-regressions");
    let mut count = 0;
    for target in ["tag", "yaml"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(target))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
            .collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).unwrap();
            let outcome = std::panic::catch_unwind(|| {
                // As the fuzzer ran it, and every input through both readers.
                fuzz_checks::check_tag_input(&data);
                let text = String::from_utf8_lossy(&data);
                fuzz_checks::check_tag(&text, &news());
                fuzz_checks::check_yaml_input(&data);
            });
            assert!(outcome.is_ok(), "{} panics", file.display());
            count += 1;
        }
    }
    assert!(count >= 2, "only {count} regression inputs found");
}

// ---------------------------------------------------------------------------------------------
// Odd bytes

#[test]
fn a_document_that_is_not_utf8_names_the_file() {
    let (input, out) = folder(
        "notutf8",
        &[
            ("kaputt.txt", b"Am 3. M\xe4rz 2020 tagte der Rat."),
            ("documents.yaml", meta("kaputt.txt").as_bytes()),
        ],
    );
    let o = build(&input, &out);
    assert_fails(&o, 1, "kaputt.txt");
    assert!(
        stderr(&o).to_lowercase().contains("utf-8"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists(), "nothing is written on an input error");
}

#[test]
fn documents_yaml_that_is_not_utf8_names_the_file() {
    let mut bad = meta("rat.txt").into_bytes();
    bad.extend_from_slice(b"    title: Stra\xdfe\n");
    let (input, out) = folder(
        "metautf8",
        &[("rat.txt", ARTICLE.as_bytes()), ("documents.yaml", &bad)],
    );
    let o = build(&input, &out);
    assert_fails(&o, 1, "documents.yaml");
    assert!(stderr(&o).contains("offset 65"), "{}", stderr(&o));
}

#[test]
fn byte_order_marks_and_crlf_in_documents_and_metadata() {
    let crlf_article = ARTICLE.replace(". ", ".\r\n").replace('\n', "\r\n");
    let mut bom_article = "\u{feff}".as_bytes().to_vec();
    bom_article.extend_from_slice(ARTICLE.as_bytes());
    let crlf_meta = format!(
        "\u{feff}documents:\r\n  - file: a.txt\r\n    date: {DATE}\r\n  - file: b.txt\r\n    date: {DATE}\r\n"
    );
    let (input, out) = folder(
        "bomcrlf",
        &[
            ("a.txt", crlf_article.as_bytes()),
            ("b.txt", &bom_article),
            ("documents.yaml", crlf_meta.as_bytes()),
        ],
    );
    let o = build(&input, &out);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(out.join("events.yaml")).unwrap();
    let t = yaml::from_str(&text, &out.join("events.yaml")).unwrap();
    assert!(t.events.iter().any(|e| e.date == "2021-03"), "{text}");
    // Offsets point into the files as they are on disk, with their BOM and CRLF.
    for e in &t.events {
        for src in &e.sources {
            let file = if src.doc == "a" {
                crlf_article.as_bytes()
            } else {
                &bom_article[..]
            };
            assert_eq!(&file[src.start..src.end], src.timex.as_bytes(), "{src:?}");
        }
    }
}

#[test]
fn crlf_text_is_tagged_with_exact_offsets() {
    let text = "Am 12. Januar 2022 tagte der Rat.\r\nSeit Juli 2019\r\nhatte er nicht getagt.\r\n";
    let o = run_stdin(&["tag", "-", "--dct", "2022-01-12"], text.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let found = v.as_array().unwrap();
    assert!(found.len() >= 2, "{v}");
    for r in found {
        let (a, b) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[a..b], r["text"].as_str().unwrap());
        assert!(!r["text"].as_str().unwrap().contains('\r'));
    }
}

#[test]
fn an_empty_document_in_a_folder() {
    let (input, out) = folder(
        "emptydoc",
        &[
            ("leer.txt", b""),
            ("rat.txt", ARTICLE.as_bytes()),
            (
                "documents.yaml",
                format!("{}  - file: leer.txt\n    date: {DATE}\n", meta("rat.txt")).as_bytes(),
            ),
        ],
    );
    let o = build(&input, &out);
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{err}");
    match o.status.code() {
        // Either the empty file is named as the problem...
        Some(1) => assert!(err.contains("leer.txt"), "{err}"),
        // ...or it is a document that tells nothing, and the other one is still built.
        Some(0) => {
            let text = std::fs::read_to_string(out.join("events.yaml")).unwrap();
            assert!(text.contains("2021-03"), "{text}");
        }
        c => panic!("exit {c:?}: {err}"),
    }
}

#[test]
fn a_file_of_only_digits_and_one_of_control_characters() {
    let digits = "0123456789".repeat(20_000);
    let o = run_stdin(&["tag", "-", "--dct", "2022-01-12"], digits.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.is_array());

    let controls: String = (0u8..32)
        .chain([127])
        .map(char::from)
        .chain(
            "Am 12. Januar 2022\u{0}\u{7}\u{1b}[31m tagte\u{85}\u{2028} der Rat. 2014\u{0}".chars(),
        )
        .collect();
    for format in ["json", "yaml", "timeml", "text"] {
        let o = run_stdin(
            &["tag", "-", "--dct", "2022-01-12", "--format", format],
            controls.as_bytes(),
        );
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
    }
    let found = zeitstrahl::tag(&controls, &news()).unwrap();
    fuzz_checks::check_spans(&controls, &found);
    assert!(
        found.iter().any(|t| t.text == "12. Januar 2022"),
        "{found:?}"
    );
    assert!(found.iter().any(|t| t.text == "2014"), "{found:?}");

    // A whole build of such a document writes a valid events.yaml and picture.
    let (input, out) = folder(
        "controls",
        &[
            ("steuer.txt", controls.as_bytes()),
            ("documents.yaml", meta("steuer.txt").as_bytes()),
        ],
    );
    let o = build(&input, &out);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(out.join("events.yaml")).unwrap();
    yaml::from_str(&text, Path::new("events.yaml")).unwrap();
    // No character that XML 1.0 forbids (C0 controls other than tab and line breaks).
    let xml_illegal = |c: char| c < ' ' && !matches!(c, '\n' | '\r' | '\t');
    for name in ["timeline.svg", "report.html"] {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        assert!(
            !text.chars().any(xml_illegal),
            "control character in {name}"
        );
    }
}

#[test]
fn an_extremely_long_line_is_tagged_in_linear_time() {
    // 2 MB on one line: many sentences, no line break.
    let unit = "Der Rat tagte am 3. März 2021 in Brüssel, im Sommer danach nicht. ";
    let n = 2_000_000 / unit.len();
    let line = unit.repeat(n);
    let started = Instant::now();
    let o = run_stdin(
        &["tag", "-", "--dct", "2022-01-12", "--format", "text"],
        line.as_bytes(),
    );
    let took = started.elapsed();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines = String::from_utf8_lossy(&o.stdout).lines().count();
    assert!(lines >= 2 * n, "{lines} expressions for {n} sentences");
    assert!(took.as_secs() < 30, "a 2 MB line took {took:?}: not linear");
    // One long "word" of letters: no backtracking blow-up.
    let word = "Montagabendsitzungsprotokoll".repeat(40_000);
    let o = run_stdin(&["tag", "-", "--dct", "2022-01-12"], word.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // One sentence of 30 kB without a full stop (longer ones are slow: see below).
    let sentence = "und dann am 3. März 2021 oder im Sommer danach ".repeat(600);
    let o = run_stdin(&["tag", "-", "--dct", "2022-01-12"], sentence.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// One sentence of 1 MB without a full stop. The tense of each expression is read from its
/// whole sentence, so time grows with (expressions x sentence length): about 1.5 s for 50 kB,
/// far too long for 1 MB. Left out until the tense window is bounded:
/// `cargo test --release -- --ignored one_megabyte_sentence`.
#[test]
#[ignore = "quadratic in the sentence length: run with `cargo test --release -- --ignored one_megabyte_sentence`"]
fn one_megabyte_sentence_in_linear_time() {
    let sentence = "und dann am 3. März 2021 oder im Sommer danach ".repeat(20_000);
    let started = Instant::now();
    let o = run_stdin(
        &["tag", "-", "--dct", "2022-01-12", "--format", "text"],
        sentence.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}

/// 100 MB of news text through `zeitstrahl tag --format text` to a null standard output: it must finish and
/// exit 0. In release it took 95 s on this two-core machine (about 1 MB/s with a fuzzer on the
/// other core), too long for the normal run:
/// `cargo test --release -- --ignored hundred_megabytes --nocapture` (prints the time).
#[test]
#[ignore = "100 MB: run with `cargo test --release -- --ignored hundred_megabytes`"]
fn hundred_megabytes_through_tag() {
    let dir = scratch("100mb");
    let file = dir.join("gross.txt");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
        let line = "Am 12. Januar 2022 tagte der Rat zum ersten Mal seit Juli 2019 in Brüssel.\n";
        let mut written = 0;
        while written < 100_000_000 {
            f.write_all(line.as_bytes()).unwrap();
            written += line.len();
        }
        f.flush().unwrap();
    }
    let started = Instant::now();
    // Standard output to the null device; never `-o /dev/null`: an atomic write renames a
    // temporary file over its target, which would replace the device node itself.
    let o = bin()
        .args(["tag", s(&file), "--dct", "2022-01-12", "--format", "text"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    eprintln!("100 MB tagged in {:?}", started.elapsed());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// documents.yaml

#[test]
fn documents_yaml_missing_an_entry_names_the_document() {
    let (input, out) = folder(
        "metamissing",
        &[
            ("a.txt", ARTICLE.as_bytes()),
            ("b.txt", b"Der Rat tagte am Dienstag."),
            ("documents.yaml", meta("a.txt").as_bytes()),
        ],
    );
    let o = build(&input, &out);
    assert_fails(&o, 1, "b.txt");
    assert!(
        stderr(&o).contains("--dct"),
        "says what to do: {}",
        stderr(&o)
    );
    // With a fallback date it builds.
    let o = run(&["build", s(&input), "--out", s(&out), "--dct", "2023-11-01"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn documents_yaml_naming_a_missing_file() {
    let (input, out) = folder(
        "metanofile",
        &[
            ("a.txt", ARTICLE.as_bytes()),
            (
                "documents.yaml",
                format!("{}  - file: fehlt.txt\n    date: {DATE}\n", meta("a.txt")).as_bytes(),
            ),
        ],
    );
    let o = build(&input, &out);
    assert_fails(&o, 1, "fehlt.txt");
    assert!(stderr(&o).contains("documents.yaml"), "{}", stderr(&o));
}

#[test]
fn documents_yaml_with_a_bad_date() {
    for bad in [
        "2022-02-30",
        "2022-13-01",
        "12.01.2022",
        "gestern",
        "[2022]",
    ] {
        let (input, out) = folder(
            "metabaddate",
            &[
                ("a.txt", ARTICLE.as_bytes()),
                (
                    "documents.yaml",
                    format!("documents:\n  - file: a.txt\n    date: {bad}\n").as_bytes(),
                ),
            ],
        );
        let o = build(&input, &out);
        assert_fails(&o, 1, "documents.yaml");
        assert!(!out.exists(), "{bad}: nothing is written on an input error");
    }
}

#[test]
fn documents_yaml_with_an_unknown_field_has_a_position() {
    let (input, out) = folder(
        "metaunknown",
        &[
            ("a.txt", ARTICLE.as_bytes()),
            (
                "documents.yaml",
                format!("{}    autor: Müller\n", meta("a.txt")).as_bytes(),
            ),
        ],
    );
    let o = build(&input, &out);
    assert_fails(&o, 1, "documents.yaml:4:");
    assert!(stderr(&o).contains("autor"), "{}", stderr(&o));
}

// ---------------------------------------------------------------------------------------------
// events.yaml

/// Reads an events.yaml through `zeitstrahl render` and returns the failure.
fn render_events(name: &str, text: &str) -> Output {
    let dir = scratch(name);
    let file = dir.join("events.yaml");
    std::fs::write(&file, text).unwrap();
    run(&["render", s(&file), "-o", "-"])
}

const DOCS: &str = "documents:\n  - id: a\n    file: a.txt\n    date: 2022-01-12\n";

#[test]
fn events_yaml_missing_a_field_names_field_line_and_column() {
    let text = format!("{DOCS}events:\n  - id: ev-1\n    date: '2020'\n");
    let e = yaml::from_str(&text, Path::new("events.yaml")).unwrap_err();
    assert_eq!(e.kind(), zeitstrahl::ErrorKind::Input);
    assert!(e.message().contains("title"), "{e}");
    let (line, _) = e.position().expect("a position");
    assert!((6..=7).contains(&line), "{e}");
    let o = render_events("evmissing", &text);
    assert_fails(&o, 1, "events.yaml:");
    assert!(stderr(&o).contains("title"), "{}", stderr(&o));
    // A timeline without its events list.
    let o = render_events("evnoevents", DOCS);
    assert_fails(&o, 1, "events");
}

#[test]
fn events_yaml_with_an_unknown_field_or_a_syntax_error() {
    let text =
        format!("{DOCS}events:\n  - id: ev-1\n    title: T\n    date: '2020'\n    farbe: rot\n");
    let o = render_events("evunknown", &text);
    assert_fails(&o, 1, "events.yaml:9:");
    assert!(stderr(&o).contains("farbe"), "{}", stderr(&o));
    let text = format!("{DOCS}events:\n  - id: ev-1\n\ttitle: T\n");
    let o = render_events("evsyntax", &text);
    assert_fails(&o, 1, "events.yaml:");
}

#[test]
fn events_yaml_with_impossible_dates() {
    for bad in [
        "2021-02-29",
        "2022-00",
        "2022-01-32",
        "20220112",
        "2022-01-12T25:00",
        "heute",
    ] {
        let text = format!("{DOCS}events:\n  - id: ev-1\n    title: T\n    date: '{bad}'\n");
        let o = render_events("evdate", &text);
        assert_fails(&o, 1, "events.yaml");
        assert!(stderr(&o).contains(bad), "{bad}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("expected"),
            "says what to write: {}",
            stderr(&o)
        );
    }
}

#[test]
fn events_yaml_with_a_source_span_ending_before_its_start() {
    let text = format!(
        "{DOCS}events:\n  - id: ev-1\n    title: T\n    date: '2020'\n    sources:\n      - {{doc: a, sentence: S, timex: '2020', start: 9, end: 4}}\n"
    );
    let o = render_events("evspan", &text);
    assert_fails(&o, 1, "events.yaml");
    assert!(stderr(&o).contains("ev-1"), "{}", stderr(&o));
    let text = format!(
        "{DOCS}events:\n  - id: ev-1\n    title: T\n    date: '2020'\n    sources:\n      - {{doc: a, sentence: S, timex: '2020', start: -1, end: 4}}\n"
    );
    assert_fails(&render_events("evneg", &text), 1, "events.yaml");
}

// ---------------------------------------------------------------------------------------------
// Folders and writing

#[test]
fn a_missing_input_folder_is_an_io_error_naming_it() {
    let dir = scratch("nofolder");
    let o = run(&[
        "build",
        s(&dir.join("gibts-nicht")),
        "--out",
        s(&dir.join("out")),
    ]);
    assert_fails(&o, 3, "gibts-nicht");
    assert!(!dir.join("out").exists());
}

#[test]
fn an_output_folder_that_cannot_be_created_keeps_nothing_half_written() {
    let (input, _) = folder(
        "outfile",
        &[
            ("a.txt", ARTICLE.as_bytes()),
            ("documents.yaml", meta("a.txt").as_bytes()),
        ],
    );
    // The output folder's parent is a regular file: no folder can be made there, even as root.
    let blocker = input.parent().unwrap().join("datei");
    std::fs::write(&blocker, "alt").unwrap();
    let out = blocker.join("out");
    let o = build(&input, &out);
    assert_fails(&o, 3, "datei");
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "alt");
    // Writing the output over a folder fails too, and leaves the folder as it was.
    let out = input.parent().unwrap().join("out2");
    std::fs::create_dir_all(out.join("events.yaml/inside")).unwrap();
    let o = build(&input, &out);
    assert_fails(&o, 3, "events.yaml");
    assert!(out.join("events.yaml/inside").is_dir());
    assert_no_temp_files(&out);
}

fn assert_no_temp_files(dir: &Path) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.ends_with(".tmp"), "temporary file {name} left behind");
    }
}

/// A full disk, simulated without privileges: the process may write files of at most a few
/// kilobytes (`ulimit -f`, with SIGXFSZ ignored so the write fails with an error as on a full
/// disk). The small events.yaml may be replaced, the picture cannot: every file in out/ is then
/// either its old bytes or the complete new ones, never a cut one, and no temporary file stays.
#[test]
fn a_full_disk_leaves_old_outputs_intact() {
    let (input, out) = folder(
        "fulldisk",
        &[
            ("a.txt", ARTICLE.as_bytes()),
            ("documents.yaml", meta("a.txt").as_bytes()),
        ],
    );
    let o = build(&input, &out);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let old = snapshot(&out);
    // New input, new outputs: a second article.
    std::fs::write(
        input.join("b.txt"),
        "Der Bürgermeister trat am 3. Oktober 2023 zurück. Neuwahlen sind im Mai 2024.\n",
    )
    .unwrap();
    std::fs::write(
        input.join("documents.yaml"),
        format!("{}  - file: b.txt\n    date: {DATE}\n", meta("a.txt")),
    )
    .unwrap();
    let fresh = input.parent().unwrap().join("fresh");
    assert_eq!(build(&input, &fresh).status.code(), Some(0));
    let new = snapshot(&fresh);
    let smallest = new.iter().map(|(_, b)| b.len()).min().unwrap();
    let largest = new.iter().map(|(_, b)| b.len()).max().unwrap();
    // A limit between the smallest and the largest file, in 512-byte blocks (dash counts so;
    // bash counts 1024, which still lies below the largest).
    let blocks = (smallest / 512 + 1).max(2);
    assert!(
        blocks * 1024 < largest,
        "outputs too small to test: {new:?}"
    );
    let script =
        format!("trap '' XFSZ; ulimit -f {blocks} && exec \"$0\" build \"$1\" --out \"$2\"");
    let o = Command::new("sh")
        .args([
            "-c",
            &script,
            env!("CARGO_BIN_EXE_zeitstrahl"),
            s(&input),
            s(&out),
        ])
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(err.contains(s(&out)), "the error names the path: {err}");
    assert!(!err.contains("panicked"), "{err}");
    let after = snapshot(&out);
    assert_eq!(
        after.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        old.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        "files came or went"
    );
    let mut kept = 0;
    for ((name, bytes), ((_, was), (_, will))) in after.iter().zip(old.iter().zip(&new)) {
        assert!(bytes == was || bytes == will, "{name} is cut");
        if bytes == was {
            kept += 1;
        }
    }
    assert!(kept >= 1, "the failed write replaced nothing");
}

#[test]
fn standard_output_on_a_full_device_is_an_io_error() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
    let Ok(full) = full else {
        eprintln!("no /dev/full here: skipped");
        return;
    };
    let o = bin()
        .args(["tag", "-", "--dct", "2022-01-12"])
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin
                .take()
                .unwrap()
                .write_all(b"Seit 2014 nicht mehr.")?;
            c.wait_with_output()
        })
        .unwrap();
    assert_fails(&o, 3, "standard output");
}

// ---------------------------------------------------------------------------------------------
// Byte-identical output

#[test]
fn two_builds_of_the_seeds_give_byte_identical_folders() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let dir = scratch("stable");
    let (a, b) = (dir.join("a"), dir.join("b/tiefer"));
    let o = build(&seeds, &a);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A second run from another working folder, into another output folder.
    let o = bin()
        .current_dir(&dir)
        .args(["build", s(&seeds), "--out", "b/tiefer"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (first, second) = (snapshot(&a), snapshot(&b));
    assert!(
        first.len() >= 4,
        "{:?}",
        first.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    assert_eq!(
        first.iter().map(|f| &f.0).collect::<Vec<_>>(),
        second.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for ((name, x), (_, y)) in first.iter().zip(&second) {
        assert!(x == y, "{name} differs between two builds");
    }
}
