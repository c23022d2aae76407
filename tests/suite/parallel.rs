//! Parallel building: the same timeline on any number of threads, progress reported once per
//! document, and no progress output when standard error is not a terminal.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use zeitstrahl::timeline::{build, build_with_progress, BuildOptions};
use zeitstrahl::yaml;

/// A folder of articles that are not the seeds: each seed article twice under new names and
/// dates, so that events repeat across documents and must be merged the same way every time.
fn folder(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("zeitstrahl-parallel-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut names: Vec<PathBuf> = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut meta = String::from("documents:\n");
    for (i, p) in names.iter().enumerate() {
        let text = std::fs::read_to_string(p).unwrap();
        for (k, date) in ["2022-01-12", "2022-02-03"].iter().enumerate() {
            let file = format!("{k}{i:02}.txt");
            std::fs::write(dir.join(&file), &text).unwrap();
            meta.push_str(&format!("  - file: {file}\n    date: {date}\n"));
        }
    }
    std::fs::write(dir.join("documents.yaml"), meta).unwrap();
    dir
}

fn yaml_of(dir: &Path, threads: usize) -> String {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    let t = pool.install(|| build(dir, &BuildOptions::default()).unwrap());
    yaml::to_string(&t).unwrap()
}

#[test]
fn one_two_and_four_threads_give_the_same_bytes() {
    let dir = folder("threads");
    let one = yaml_of(&dir, 1);
    assert!(one.contains("sources:"), "the folder gives events");
    assert_eq!(one, yaml_of(&dir, 2));
    assert_eq!(one, yaml_of(&dir, 4));
}

#[test]
fn progress_is_called_once_per_document_with_the_total() {
    let dir = folder("progress");
    let calls = Mutex::new(Vec::new());
    let t = build_with_progress(&dir, &BuildOptions::default(), &|done, total| {
        calls.lock().unwrap().push((done, total));
    })
    .unwrap();
    let mut calls = calls.into_inner().unwrap();
    calls.sort();
    let n = t.documents.len();
    assert_eq!(n, 10);
    assert_eq!(calls, (1..=n).map(|d| (d, n)).collect::<Vec<_>>());
    assert_eq!(
        yaml::to_string(&t).unwrap(),
        yaml::to_string(&build(&dir, &BuildOptions::default()).unwrap()).unwrap()
    );
}

#[test]
fn the_first_bad_document_in_file_order_is_the_error() {
    let dir = folder("errors");
    // Two documents with a date that does not exist: the error names the first by file name,
    // whichever thread finishes first.
    for file in ["002.txt", "103.txt"] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let bad = format!("{text}\nDie Sitzung fand am 31. April 2021 statt.\n");
        std::fs::write(dir.join(file), bad).unwrap();
    }
    for _ in 0..3 {
        let e = build(&dir, &BuildOptions::default()).unwrap_err();
        let message = e.to_string();
        assert!(message.contains("002.txt"), "{message}");
        assert!(message.contains("April"), "{message}");
    }
}

#[test]
fn build_on_a_pipe_writes_no_progress() {
    let dir = folder("pipe");
    let out = dir.join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_zeitstrahl"))
        .arg("build")
        .arg(&dir)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8(o.stderr).unwrap();
    // Only the summary line: no bar, no carriage returns, no terminal escapes.
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.starts_with("zeitstrahl: 10 documents"), "{err:?}");
    assert!(!err.contains('\r') && !err.contains('\u{1b}'), "{err:?}");
}
