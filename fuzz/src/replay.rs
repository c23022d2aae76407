//! Running a fuzz check over files without libFuzzer: every file named on the command line, and
//! every file in every folder named, in sorted order. A panicking input is reported by name and
//! the run exits 1 after trying all of them.

use std::path::{Path, PathBuf};

/// Replays the inputs named in the process arguments through `check`.
pub fn main(check: fn(&[u8])) {
    let mut files = Vec::new();
    for arg in std::env::args_os().skip(1) {
        collect(Path::new(&arg), &mut files);
    }
    if files.is_empty() {
        eprintln!("usage: replay FILE|DIR... (runs each input through the fuzz check)");
        std::process::exit(2);
    }
    let mut failed = 0;
    for file in &files {
        let data = match std::fs::read(file) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{}: {e}", file.display());
                failed += 1;
                continue;
            }
        };
        if std::panic::catch_unwind(|| check(&data)).is_err() {
            eprintln!("{}: panicked", file.display());
            failed += 1;
        }
    }
    println!("{} inputs, {failed} failed", files.len());
    if failed > 0 {
        std::process::exit(1);
    }
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return;
            }
        };
        entries.sort();
        for e in entries {
            collect(&e, files);
        }
    } else {
        files.push(path.to_path_buf());
    }
}
