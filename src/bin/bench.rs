//! Benchmark of zeitstrahl: tagging throughput against a plain byte scan, the whole `tag`
//! process, `build` time and peak memory for growing folders, and the growth of cost with size.
//!
//! The corpus is German news text generated here, reproducibly from a fixed seed: the sentences
//! of the seed articles (`seeds/*.txt`) mixed with sentences composed from the templates below
//! (varied subjects and verbs, amounts, percentages and scores that are not dates, and temporal
//! expressions of many kinds: dates, weekdays, clock times, durations, relative expressions,
//! sets). Every article gets its own document date. No article is another one repeated.
//!
//! ```text
//! cargo build --release --bins
//! target/release/zeitstrahl-bench                 # 20 MB, folders of 100, 1000, 10000 articles
//! target/release/zeitstrahl-bench --mb 5 --docs 100,1000 --repeat 1   # a quick run
//! ```
//!
//! Options: `--mb N` size of the tagging corpus (default 20), `--docs A,B,..` folder sizes for
//! `build` (default 100,1000,10000), `--repeat N` runs per figure, the best is kept (default 3),
//! `--seed N` (default 20220112), `--seeds DIR` (default `seeds`), `--keep DIR` writes the
//! corpus there instead of a temporary folder and keeps it, `--timeout S` stops a child process
//! after S seconds (default 300). The `zeitstrahl` binary is looked for next to this one.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use zeitstrahl::{document, grammar, merge, sentence, timeline, yaml};
use zeitstrahl::{Context, Dct, DocKind};

const MB: f64 = 1_000_000.0;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zeitstrahl-bench: error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The settings of one run.
struct Settings {
    mb: f64,
    docs: Vec<usize>,
    repeat: usize,
    seed: u64,
    seeds: PathBuf,
    keep: Option<PathBuf>,
    /// Seconds after which a child process is stopped.
    timeout: u64,
}

fn settings() -> Result<Settings, String> {
    let mut s = Settings {
        mb: 20.0,
        docs: vec![100, 1000, 10_000],
        repeat: 3,
        seed: 20_220_112,
        seeds: PathBuf::from("seeds"),
        keep: None,
        timeout: 300,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        let bad = |v: &str| format!("invalid value {v:?} for {flag}");
        match flag.as_str() {
            "--mb" => {
                let v = value()?;
                s.mb = v.parse().ok().filter(|m| *m > 0.0).ok_or_else(|| bad(&v))?;
            }
            "--docs" => {
                let v = value()?;
                s.docs = v
                    .split(',')
                    .map(|n| n.trim().parse::<usize>().ok().filter(|n| *n > 0))
                    .collect::<Option<_>>()
                    .ok_or_else(|| bad(&v))?;
            }
            "--repeat" => {
                let v = value()?;
                s.repeat = v.parse().ok().filter(|n| *n > 0).ok_or_else(|| bad(&v))?;
            }
            "--seed" => {
                let v = value()?;
                s.seed = v.parse().map_err(|_| bad(&v))?;
            }
            "--seeds" => s.seeds = PathBuf::from(value()?),
            "--keep" => s.keep = Some(PathBuf::from(value()?)),
            "--timeout" => {
                let v = value()?;
                s.timeout = v.parse().ok().filter(|n| *n > 0).ok_or_else(|| bad(&v))?;
            }
            "-h" | "--help" => {
                println!("usage: zeitstrahl-bench [--mb N] [--docs A,B,..] [--repeat N] [--seed N] [--seeds DIR] [--keep DIR] [--timeout S]");
                std::process::exit(0);
            }
            _ => return Err(format!("unknown argument {flag:?}")),
        }
    }
    Ok(s)
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, dir, report] = args.as_slice() {
        if flag == "--stages" {
            return stages(Path::new(dir), Path::new(report));
        }
    }
    if let [_, flag, report, program, rest @ ..] = args.as_slice() {
        if flag == "--measure" {
            return measure(Path::new(report), program, rest);
        }
    }
    let s = settings()?;
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let main_bin = exe.with_file_name("zeitstrahl");
    if !main_bin.is_file() {
        return Err(format!(
            "{} not found: build it first (cargo build --release --bins)",
            main_bin.display()
        ));
    }
    let work = match &s.keep {
        Some(d) => d.clone(),
        None => std::env::temp_dir().join(format!("zeitstrahl-bench-{}", std::process::id())),
    };
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let result = benchmark(&s, &main_bin, &work);
    if s.keep.is_none() {
        let _ = std::fs::remove_dir_all(&work);
    }
    result
}

fn benchmark(s: &Settings, main_bin: &Path, work: &Path) -> Result<(), String> {
    let seed_sentences = seed_sentences(&s.seeds)?;
    let mut gen = Generator {
        rng: Rng::new(s.seed),
        seeds: seed_sentences,
    };
    let target = (s.mb * MB) as usize;
    let biggest_folder = s.docs.iter().copied().max().unwrap_or(0);
    // One stream of articles: the tagging corpus is its first `target` bytes, a folder of N
    // articles its first N articles.
    let mut articles: Vec<Article> = Vec::new();
    let mut bytes = 0;
    while bytes < target || articles.len() < biggest_folder {
        let a = gen.article();
        bytes += a.text.len() + 2;
        articles.push(a);
    }
    let corpus = join_until(&articles, target);
    let small = join_until(&articles, target / 10);
    let ctx = Context {
        dct: Some(Dct::parse("2022-01-12").map_err(|e| e.to_string())?),
        kind: DocKind::News,
    };
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "zeitstrahl-bench: seed {}, corpus {:.1} MB in {} articles (mean {} bytes), {} cpus, best of {}, load average {}",
        s.seed,
        corpus.len() as f64 / MB,
        count_until(&articles, target),
        corpus.len() / count_until(&articles, target).max(1),
        cpus,
        s.repeat,
        std::fs::read_to_string("/proc/loadavg")
            .ok()
            .and_then(|l| l.split_whitespace().next().map(str::to_string))
            .unwrap_or_else(|| "-".to_string())
    );
    let mut out = String::new();

    // (a) The tagger in this process, one thread, against plain scans of the same bytes.
    let t_count = best(s.repeat, || {
        black_box(corpus.bytes().filter(|&b| b == b'.').count());
    });
    let t_words = best(s.repeat, || {
        black_box(count_words(corpus.as_bytes()));
    });
    let mut found = 0;
    let mut cpu_tag = Duration::MAX;
    let t_tag = best(s.repeat, || {
        let c = cpu_time();
        found = zeitstrahl::tag(black_box(&corpus), &ctx).map_or(0, |t| t.len());
        cpu_tag = cpu_tag.min(cpu_time().saturating_sub(c));
    });
    let t_tag_small = best(s.repeat, || {
        black_box(zeitstrahl::tag(black_box(&small), &ctx).map_or(0, |t| t.len()));
    });
    let mbps = |len: usize, t: Duration| len as f64 / MB / t.as_secs_f64();
    let _ = writeln!(
        out,
        "\n(a) tagging in process, one thread, {:.1} MB as one text",
        corpus.len() as f64 / MB
    );
    let _ = writeln!(
        out,
        "  byte count (b'.')       {:>9.1} MB/s",
        mbps(corpus.len(), t_count)
    );
    let _ = writeln!(
        out,
        "  word scan               {:>9.1} MB/s",
        mbps(corpus.len(), t_words)
    );
    let _ = writeln!(
        out,
        "  zeitstrahl::tag         {:>9.1} MB/s  ({found} expressions; {:.1}% of the word scan, {:.2}% of the byte count)",
        mbps(corpus.len(), t_tag),
        100.0 * t_words.as_secs_f64() / t_tag.as_secs_f64(),
        100.0 * t_count.as_secs_f64() / t_tag.as_secs_f64()
    );
    let _ = writeln!(
        out,
        "  zeitstrahl::tag per CPU second {:>4.1} MB/s  (wall time counts waiting for a shared CPU)",
        mbps(corpus.len(), cpu_tag)
    );

    // Inside the tagger: the trigger scan alone, and the grammar tried at every place it picks.
    let mut tried = 0usize;
    let mut digits = 0usize;
    let t_scan = best(s.repeat, || {
        tried = 0;
        digits = 0;
        grammar::scan(black_box(&corpus), |at| {
            tried += 1;
            digits += usize::from(corpus.as_bytes()[at].is_ascii_digit());
            None
        });
    });
    let mut matched = 0usize;
    let t_match = best(1, || {
        matched = 0;
        grammar::scan(black_box(&corpus), |at| {
            matched += usize::from(grammar::match_at(&corpus, at).is_some());
            None
        });
    });
    // The same without the dispatch: the whole grammar (`timex`) at each place, as a baseline.
    let t_full = best(1, || {
        grammar::scan(black_box(&corpus), |at| {
            black_box(grammar::match_full(&corpus, at));
            None
        });
    });
    let per_try = |t: Duration| (t - t_scan.min(t)).as_secs_f64() * 1e6 / tried.max(1) as f64;
    let _ = writeln!(
        out,
        "  trigger scan alone      {:>9.1} MB/s  ({tried} places to try the grammar, {digits} of them digits)",
        mbps(corpus.len(), t_scan)
    );
    let _ = writeln!(
        out,
        "  scan + grammar at each  {:>9.1} MB/s  ({matched} of them match; {:.1} µs a try)",
        mbps(corpus.len(), t_match),
        per_try(t_match)
    );
    let _ = writeln!(
        out,
        "  the same, whole grammar {:>9.1} MB/s  ({:.1} µs a try; dispatch {:.2}x faster)",
        mbps(corpus.len(), t_full),
        per_try(t_full),
        per_try(t_full) / per_try(t_match).max(1e-9)
    );

    // Per article, on one and on two threads.
    let docs: Vec<(&str, Context)> = articles[..count_until(&articles, target)]
        .iter()
        .map(|a| {
            (
                a.text.as_str(),
                Context {
                    dct: Dct::parse(&a.date).ok(),
                    kind: DocKind::News,
                },
            )
        })
        .collect();
    let doc_bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    let mut per_threads = Vec::new();
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| e.to_string())?;
        let t = best(s.repeat, || {
            pool.install(|| {
                let n: usize = docs
                    .par_iter()
                    .map(|(text, ctx)| zeitstrahl::tag(text, ctx).map_or(0, |t| t.len()))
                    .sum();
                black_box(n);
            })
        });
        per_threads.push(t);
        let _ = writeln!(
            out,
            "  per article, {threads} thread{}  {:>9.1} MB/s",
            if threads == 1 { " " } else { "s" },
            mbps(doc_bytes, t)
        );
    }
    let _ = writeln!(
        out,
        "  two threads / one        {:>8.2}x",
        per_threads[0].as_secs_f64() / per_threads[1].as_secs_f64()
    );

    // (d) Growth with size.
    let _ = writeln!(
        out,
        "\n(d) growth: one text of {:.1} MB and of {:.1} MB",
        small.len() as f64 / MB,
        corpus.len() as f64 / MB
    );
    let _ = writeln!(
        out,
        "  time {:.3} s and {:.3} s: {:.2}x the time for {:.2}x the text",
        t_tag_small.as_secs_f64(),
        t_tag.as_secs_f64(),
        t_tag.as_secs_f64() / t_tag_small.as_secs_f64(),
        corpus.len() as f64 / small.len() as f64
    );

    // (b) The whole `zeitstrahl tag FILE --format json` process, and JSON Lines streaming.
    let _ = writeln!(
        out,
        "\n(b) whole process: zeitstrahl tag FILE --dct 2022-01-12 --format json > /dev/null"
    );
    // At the density of the seed articles (about 2 expressions a KB; the corpus above has
    // about 8): their sentences alone, shuffled into paragraphs.
    let news = news_text(&gen.seeds, s.seed ^ 0x6E65_7773, target);
    let _ = writeln!(
        out,
        "  (the first two: the corpus above; the last: seed-article sentences only, shuffled)"
    );
    for text in [&small, &corpus, &news] {
        let file = work.join(format!("corpus-{}.txt", text.len()));
        std::fs::write(&file, text.as_bytes()).map_err(|e| format!("{}: {e}", file.display()))?;
        let file_arg = file.display().to_string();
        let r = best_child(
            s.repeat,
            || {
                let mut c = Command::new(main_bin);
                c.args(["tag", &file_arg, "--dct", "2022-01-12", "--format", "json"]);
                c
            },
            None,
            s.timeout,
        )?
        .ok_or("zeitstrahl tag ran past the time limit")?;
        let _ = writeln!(
            out,
            "  {:>5.1} MB  {:>7.3} s  {:>7.1} MB/s  cpu {:>7.3} s  peak {:>6.1} MB",
            text.len() as f64 / MB,
            r.wall.as_secs_f64(),
            mbps(text.len(), r.wall),
            r.cpu.as_secs_f64(),
            r.peak_kb as f64 / 1000.0
        );
    }
    let _ = writeln!(
        out,
        "  zeitstrahl tag --jsonl < FILE > /dev/null (one article a line)"
    );
    for limit in [target / 10, target] {
        let n = count_until(&articles, limit);
        let mut jsonl = String::new();
        for a in &articles[..n] {
            let line = serde_json::json!({"id": a.name, "text": a.text, "dct": a.date});
            jsonl.push_str(&line.to_string());
            jsonl.push('\n');
        }
        let file = work.join(format!("corpus-{n}.jsonl"));
        std::fs::write(&file, jsonl.as_bytes()).map_err(|e| format!("{}: {e}", file.display()))?;
        let r = best_child(
            s.repeat,
            || {
                let mut c = Command::new(main_bin);
                c.args(["tag", "--jsonl"]);
                c
            },
            Some(&file),
            s.timeout,
        )?
        .ok_or("zeitstrahl tag --jsonl ran past the time limit")?;
        let _ = writeln!(
            out,
            "  {:>5.1} MB  {:>7.3} s  {:>7.1} MB/s  cpu {:>7.3} s  peak {:>6.1} MB  ({n} lines)",
            jsonl.len() as f64 / MB,
            r.wall.as_secs_f64(),
            mbps(jsonl.len(), r.wall),
            r.cpu.as_secs_f64(),
            r.peak_kb as f64 / 1000.0
        );
    }

    print!("{out}");
    out.clear();

    // (c) Building from folders of N articles: the library's stages in a child process (so
    // that a stage which grows too fast is cut off by the time limit), then the whole command.
    let _ = writeln!(
        out,
        "\n(c) build from N articles; stages in a child process (library calls), time limit {} s",
        s.timeout
    );
    let _ = writeln!(
        out,
        "      N     MB   load s  tag+cut 1t s  2t s  2t/1t  merge s   yaml s  tellings  events  peak MB"
    );
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut folders = Vec::new();
    for &n in &s.docs {
        let dir = work.join(format!("docs-{n}"));
        write_folder(&dir, &articles[..n])?;
        let size: usize = articles[..n].iter().map(|a| a.text.len()).sum();
        folders.push((n, dir.clone(), size));
        let report = work.join(format!("stages-{n}.txt"));
        let r = run_child(
            {
                let mut c = Command::new(&exe);
                c.arg("--stages").arg(&dir).arg(&report);
                c
            },
            None,
            s.timeout,
        )?;
        let stages = std::fs::read_to_string(&report).unwrap_or_default();
        let f: Vec<&str> = stages.split_whitespace().collect();
        let line = match (r, f.as_slice()) {
            (Some(r), [load, t1, t2, merge, yaml, tellings, events]) => {
                let ratio = t1.parse::<f64>().unwrap_or(0.0) / t2.parse::<f64>().unwrap_or(1.0);
                format!(
                    "  {n:>5}  {:>5.1}  {load:>7}  {t1:>12}  {t2:>5}  {ratio:>4.2}x  {merge:>7}  {yaml:>7}  {tellings:>8}  {events:>6}  {:>7.1}",
                    size as f64 / MB,
                    r.peak_kb as f64 / 1000.0
                )
            }
            _ => format!(
                "  {n:>5}  {:>5.1}  stopped after {} s; done by then: {}",
                size as f64 / MB,
                s.timeout,
                if f.is_empty() {
                    "-".to_string()
                } else {
                    f.join(" ")
                }
            ),
        };
        let _ = writeln!(out, "{line}");
        print!("{out}");
        let _ = std::io::Write::flush(&mut std::io::stdout());
        out.clear();
    }
    let _ = writeln!(
        out,
        "  whole process: zeitstrahl build DIR --out OUT (events.yaml, SVG, PNG, report)"
    );
    let _ = writeln!(
        out,
        "      N     MB   1 thread  peak MB   2 threads  peak MB   cpu s   2t/1t"
    );
    for (n, dir, size) in &folders {
        let outdir = work.join(format!("out-{n}"));
        let mut rs = Vec::new();
        for threads in [1, 2] {
            let r = best_child(
                s.repeat,
                || {
                    let mut c = Command::new(main_bin);
                    c.arg("build").arg(dir).arg("--out").arg(&outdir);
                    c.env("RAYON_NUM_THREADS", threads.to_string());
                    c
                },
                None,
                s.timeout,
            )?;
            rs.push(r);
        }
        let cell = |r: &Option<ChildRun>| match r {
            Some(r) => format!(
                "{:>7.2} s  {:>7.1}",
                r.wall.as_secs_f64(),
                r.peak_kb as f64 / 1000.0
            ),
            None => format!("{:>9}  {:>7}", format!("> {} s", s.timeout), "-"),
        };
        let tail = match (&rs[0], &rs[1]) {
            (Some(a), Some(b)) => format!(
                "{:>6.1}  {:>5.2}x",
                b.cpu.as_secs_f64(),
                a.wall.as_secs_f64() / b.wall.as_secs_f64()
            ),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "  {n:>5}  {:>5.1}  {}  {}  {tail}",
            *size as f64 / MB,
            cell(&rs[0]),
            cell(&rs[1])
        );
        print!("{out}");
        let _ = std::io::Write::flush(&mut std::io::stdout());
        out.clear();
        if rs.iter().all(Option::is_none) {
            let _ = writeln!(out, "  (bigger folders skipped)");
            break;
        }
    }
    print!("{out}");
    Ok(())
}

/// `--stages DIR REPORT`: runs the stages of a build of `DIR` and writes their times to
/// `REPORT` as they finish, so that a run stopped by the time limit still tells how far it got:
/// load, tag and cut on one thread, on two threads, merge, yaml (seconds), tellings, events.
fn stages(dir: &Path, report: &Path) -> Result<(), String> {
    let mut line = String::new();
    let note = |line: &mut String, s: String| -> Result<(), String> {
        line.push_str(&s);
        line.push(' ');
        std::fs::write(report, line.as_bytes()).map_err(|e| format!("{}: {e}", report.display()))
    };
    let t = Instant::now();
    let loaded = document::load_dir(dir, None).map_err(|e| e.to_string())?;
    note(&mut line, format!("{:.2}", t.elapsed().as_secs_f64()))?;
    let mut raw = Vec::new();
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| e.to_string())?;
        let t = Instant::now();
        let per_doc: Vec<_> = pool.install(|| {
            loaded
                .par_iter()
                .map(|d| timeline::document_events(d, DocKind::News))
                .collect::<Result<_, _>>()
                .map_err(|e| e.to_string())
        })?;
        note(&mut line, format!("{:.2}", t.elapsed().as_secs_f64()))?;
        raw = per_doc;
    }
    let raw: Vec<_> = raw.into_iter().flatten().collect();
    let tellings = raw.len();
    let t = Instant::now();
    let entries = loaded.into_iter().map(|d| d.entry).collect();
    let timeline = merge::merge(raw, entries);
    note(&mut line, format!("{:.2}", t.elapsed().as_secs_f64()))?;
    let t = Instant::now();
    let y = yaml::to_string(&timeline).map_err(|e| e.to_string())?;
    black_box(y);
    note(&mut line, format!("{:.2}", t.elapsed().as_secs_f64()))?;
    note(&mut line, format!("{tellings} {}", timeline.events.len()))
}

/// The CPU time this process has used so far (all threads).
fn cpu_time() -> Duration {
    #[cfg(target_os = "linux")]
    {
        #[repr(C)]
        struct Timespec {
            sec: std::os::raw::c_long,
            nsec: std::os::raw::c_long,
        }
        extern "C" {
            fn clock_gettime(clock: std::os::raw::c_int, t: *mut Timespec) -> std::os::raw::c_int;
        }
        const CLOCK_PROCESS_CPUTIME_ID: std::os::raw::c_int = 2;
        let mut t = Timespec { sec: 0, nsec: 0 };
        // SAFETY: `t` is valid for writes and laid out as `struct timespec`.
        if unsafe { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &mut t) } == 0 {
            return Duration::new(t.sec as u64, t.nsec as u32);
        }
    }
    Duration::ZERO
}

/// The best (shortest) time of `n` runs.
fn best(n: usize, mut f: impl FnMut()) -> Duration {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// What one child process took.
#[derive(Clone, Copy, Debug)]
struct ChildRun {
    wall: Duration,
    /// User and system CPU time.
    cpu: Duration,
    /// Peak resident memory (the kernel's maxrss), in kB.
    peak_kb: u64,
}

/// Runs a child up to `n` times (stdin from `input` or nothing; once if a run takes more than
/// ten seconds) and keeps the fastest run; the peak memory is the highest seen. None if a run passed the time limit (no more are tried).
fn best_child(
    n: usize,
    make: impl Fn() -> Command,
    input: Option<&Path>,
    timeout: u64,
) -> Result<Option<ChildRun>, String> {
    let mut best: Option<ChildRun> = None;
    let mut peak = 0;
    for _ in 0..n {
        let Some(r) = run_child(make(), input, timeout)? else {
            return Ok(None);
        };
        peak = peak.max(r.peak_kb);
        if best.is_none_or(|b| r.wall < b.wall) {
            best = Some(r);
        }
        if r.wall > Duration::from_secs(10) {
            // Noise is small against such a run; repeating it would only cost time.
            break;
        }
    }
    Ok(best.map(|b| ChildRun { peak_kb: peak, ..b }))
}

#[cfg(target_os = "linux")]
mod wait {
    //! `wait4`, which gives the resource use of one child: its peak memory among them.
    use std::os::raw::{c_int, c_long};

    #[repr(C)]
    struct Timeval {
        sec: c_long,
        usec: c_long,
    }

    /// `struct rusage` of Linux: two times, then 14 longs of which `ru_maxrss` is the first.
    #[repr(C)]
    struct Rusage {
        utime: Timeval,
        stime: Timeval,
        maxrss: c_long,
        rest: [c_long; 13],
    }

    const WNOHANG: c_int = 1;

    extern "C" {
        fn wait4(pid: c_int, status: *mut c_int, options: c_int, rusage: *mut Rusage) -> c_int;
    }

    /// What a finished child left: exit code (None if killed by a signal), CPU time in
    /// microseconds, peak resident memory in kB.
    pub type Exit = (Option<i32>, u64, u64);

    /// Waits for the child `pid` for at most `limit`; None if it is still running then.
    pub fn wait(pid: u32, limit: std::time::Duration) -> std::io::Result<Option<Exit>> {
        let start = std::time::Instant::now();
        let mut status: c_int = 0;
        let mut ru = Rusage {
            utime: Timeval { sec: 0, usec: 0 },
            stime: Timeval { sec: 0, usec: 0 },
            maxrss: 0,
            rest: [0; 13],
        };
        loop {
            // SAFETY: `status` and `ru` are valid for writes and laid out as the kernel expects.
            let r = unsafe { wait4(pid as c_int, &mut status, WNOHANG, &mut ru) };
            if r > 0 {
                break;
            }
            if r < 0 {
                let e = std::io::Error::last_os_error();
                if e.kind() != std::io::ErrorKind::Interrupted {
                    return Err(e);
                }
            }
            if start.elapsed() > limit {
                return Ok(None);
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        let code = (status & 0x7f == 0).then_some((status >> 8) & 0xff);
        let us = |t: &Timeval| t.sec as u64 * 1_000_000 + t.usec as u64;
        Ok(Some((
            code,
            us(&ru.utime) + us(&ru.stime),
            ru.maxrss as u64,
        )))
    }
}

/// `--measure REPORT PROGRAM ARGS..`: runs the program and writes its exit code, CPU time (µs)
/// and peak resident memory (kB) to REPORT. This small process stands between the benchmark and
/// the measured one because Linux counts the memory a child had before `exec` (a copy of its
/// parent's) into its peak: the peak of a child of this process is true to within the few MB
/// this process holds.
fn measure(report: &Path, program: &str, args: &[String]) -> Result<(), String> {
    let child = Command::new(program)
        .args(args)
        .spawn()
        .map_err(|e| format!("{program}: {e}"))?;
    #[cfg(target_os = "linux")]
    let (code, cpu_us, peak_kb) = wait::wait(child.id(), Duration::MAX)
        .map_err(|e| format!("{program}: {e}"))?
        .ok_or("no exit")?;
    #[cfg(not(target_os = "linux"))]
    let (code, cpu_us, peak_kb) = {
        let mut child = child;
        let status = child.wait().map_err(|e| format!("{program}: {e}"))?;
        (status.code(), 0, 0)
    };
    std::fs::write(
        report,
        format!("{} {cpu_us} {peak_kb}\n", code.unwrap_or(-1)),
    )
    .map_err(|e| format!("{}: {e}", report.display()))
}

/// Runs a child (stdout and stderr to /dev/null, stdin from `input` or nothing) under
/// `--measure`, in a process group of its own; None if it ran past `timeout` seconds, when the
/// group is killed.
fn run_child(c: Command, input: Option<&Path>, timeout: u64) -> Result<Option<ChildRun>, String> {
    let what = format!("{c:?}");
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let report =
        std::env::temp_dir().join(format!("zeitstrahl-bench-{}.measure", std::process::id()));
    let _ = std::fs::remove_file(&report);
    let mut w = Command::new(exe);
    w.arg("--measure")
        .arg(&report)
        .arg(c.get_program())
        .args(c.get_args());
    for (k, v) in c.get_envs() {
        match v {
            Some(v) => w.env(k, v),
            None => w.env_remove(k),
        };
    }
    w.stdout(Stdio::null()).stderr(Stdio::null());
    match input {
        Some(p) => {
            let f = std::fs::File::open(p).map_err(|e| format!("{}: {e}", p.display()))?;
            w.stdin(f);
        }
        None => {
            w.stdin(Stdio::null());
        }
    }
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut w, 0);
    let start = Instant::now();
    let mut child = w.spawn().map_err(|e| format!("{what}: {e}"))?;
    let limit = Duration::from_secs(timeout);
    loop {
        if child
            .try_wait()
            .map_err(|e| format!("{what}: {e}"))?
            .is_some()
        {
            break;
        }
        if start.elapsed() > limit {
            // The whole group: the measured program too, not only the process measuring it.
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", child.id())])
                .status();
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let wall = start.elapsed();
    let line = std::fs::read_to_string(&report).map_err(|e| format!("{what}: {e}"))?;
    let _ = std::fs::remove_file(&report);
    let f: Vec<i64> = line
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    match f.as_slice() {
        [0, cpu_us, peak_kb] => Ok(Some(ChildRun {
            wall,
            cpu: Duration::from_micros(*cpu_us as u64),
            peak_kb: *peak_kb as u64,
        })),
        _ => Err(format!("{what} failed ({})", line.trim())),
    }
}

/// Counts words: runs of bytes that are not ASCII white space. A scan that looks at every byte
/// once, the floor for any tagger.
fn count_words(bytes: &[u8]) -> usize {
    let mut n = 0;
    let mut inside = false;
    for &b in bytes {
        let word = !b.is_ascii_whitespace();
        n += usize::from(word && !inside);
        inside = word;
    }
    n
}

/// One generated article.
struct Article {
    name: String,
    /// Its document date, `YYYY-MM-DD`.
    date: String,
    text: String,
}

/// How many articles (from the first) fill `limit` bytes when joined.
fn count_until(articles: &[Article], limit: usize) -> usize {
    let mut bytes = 0;
    for (i, a) in articles.iter().enumerate() {
        if bytes >= limit {
            return i;
        }
        bytes += a.text.len() + 2;
    }
    articles.len()
}

/// The first articles, joined by blank lines, to at least `limit` bytes.
fn join_until(articles: &[Article], limit: usize) -> String {
    let n = count_until(articles, limit);
    let mut s = String::with_capacity(limit + 10_000);
    for a in &articles[..n] {
        s.push_str(&a.text);
        s.push_str("\n\n");
    }
    s
}

/// Writes the articles as `NNNNN.txt` with their dates in `documents.yaml`.
fn write_folder(dir: &Path, articles: &[Article]) -> Result<(), String> {
    let err = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    std::fs::create_dir_all(dir).map_err(|e| err(dir, e))?;
    let mut meta = String::from("documents:\n");
    for a in articles {
        let p = dir.join(&a.name);
        std::fs::write(&p, a.text.as_bytes()).map_err(|e| err(&p, e))?;
        let _ = writeln!(meta, "  - file: {}\n    date: {}", a.name, a.date);
    }
    let p = dir.join("documents.yaml");
    std::fs::write(&p, meta).map_err(|e| err(&p, e))
}

/// The sentences of the seed articles.
/// About `target` bytes of the seed articles' sentences in a shuffled order, four to a
/// paragraph: news text at the density of real articles, though made of few sentences.
fn news_text(sentences: &[String], seed: u64, target: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut text = String::with_capacity(target + 1000);
    let mut n = 0usize;
    while text.len() < target {
        let k = (rng.next() % sentences.len() as u64) as usize;
        text.push_str(&sentences[k]);
        n += 1;
        text.push_str(if n.is_multiple_of(4) { "\n\n" } else { " " });
    }
    text
}

fn seed_sentences(dir: &Path) -> Result<Vec<String>, String> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| {
            format!(
                "{}: {e} (run from the repository, or give --seeds)",
                dir.display()
            )
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for p in names {
        let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        for (a, b) in sentence::split(&text) {
            let s = text[a..b].trim();
            if s.len() > 20 {
                out.push(s.to_string());
            }
        }
    }
    if out.is_empty() {
        return Err(format!("no seed sentences in {}", dir.display()));
    }
    Ok(out)
}

/// xorshift64*: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }

    /// True with `percent` per cent.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const MONTHS: &[&str] = &zeitstrahl::calendar::MONTH_NAMES;
const WEEKDAYS: &[&str] = &[
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
];
const NUMBER_WORDS: &[&str] = &[
    "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "zehn", "zwölf", "zwanzig",
];
const SUBJECTS: &[&str] = &[
    "Die Bundesregierung",
    "Der Bundestag",
    "Die Europäische Zentralbank",
    "Der Stadtrat",
    "Die Landesregierung",
    "Das Statistische Bundesamt",
    "Die Gewerkschaft",
    "Der Vorstand",
    "Die Staatsanwaltschaft",
    "Das Gesundheitsministerium",
    "Die Opposition",
    "Der Konzern",
    "Die Bahn",
    "Der Verband",
    "Die Polizei",
    "Das Gericht",
    "Die Kommission",
    "Der Aufsichtsrat",
];
const PERSONS: &[&str] = &[
    "Ministerin Anna Berger",
    "Bürgermeister Thomas Krüger",
    "Sprecherin Julia Hoffmann",
    "Trainer Markus Weber",
    "Vorstandschef Stefan Lange",
    "Staatsanwalt Peter Schulz",
    "Professorin Katrin Vogel",
    "Polizeisprecher Jan Richter",
    "Ökonom Michael Braun",
];
const OBJECTS: &[&str] = &[
    "ein neues Klimagesetz",
    "den Haushalt für die Kommunen",
    "eine Reform der Rente",
    "die Pläne für den Ausbau der Autobahn",
    "ein Verbot von Einwegplastik",
    "die Fusion der beiden Unternehmen",
    "neue Regeln für den Mietmarkt",
    "ein Hilfspaket für die Landwirte",
    "die Schließung des Werkes",
    "einen Tarifvertrag",
    "die Anklage gegen den früheren Manager",
    "ein Programm für den Wohnungsbau",
];
const PARTICIPLES: &[&str] = &[
    "beschlossen",
    "vorgestellt",
    "abgelehnt",
    "gebilligt",
    "angekündigt",
    "verschoben",
    "kritisiert",
    "unterzeichnet",
    "geprüft",
    "gestoppt",
];
const SOURCES: &[&str] = &[
    "das Ministerium",
    "die Behörde",
    "ein Sprecher",
    "die Nachrichtenagentur dpa",
    "das Unternehmen",
    "die Polizei",
    "der Verband",
];
const METRICS: &[&str] = &[
    "die Inflationsrate",
    "der Umsatz",
    "die Zahl der Arbeitslosen",
    "der Leitzins",
    "der Gewinn",
    "die Zahl der Neuinfektionen",
    "der Ölpreis",
    "der Dax",
];
const CITIES: &[&str] = &[
    "Berlin",
    "Hamburg",
    "München",
    "Köln",
    "Frankfurt",
    "Leipzig",
    "Dresden",
    "Stuttgart",
    "Bremen",
    "Hannover",
    "Kiel",
    "Mainz",
];
const TEAMS: &[&str] = &[
    "Der FC Bayern",
    "Borussia Dortmund",
    "Der VfB Stuttgart",
    "Werder Bremen",
    "Der SC Freiburg",
    "Union Berlin",
    "Der 1. FC Köln",
    "Eintracht Frankfurt",
];
const QUOTES: &[&str] = &[
    "Wir werden das nicht hinnehmen",
    "Das ist ein wichtiger Schritt",
    "Die Lage ist ernst, aber nicht hoffnungslos",
    "Wir haben alles versucht",
    "Die Zahlen sprechen eine klare Sprache",
    "Das Ergebnis ist enttäuschend",
];
const PEOPLE: &[&str] = &[
    "Menschen",
    "Beschäftigte",
    "Fahrgäste",
    "Demonstranten",
    "Anwohner",
    "Besucher",
];

/// Composes articles.
struct Generator {
    rng: Rng,
    seeds: Vec<String>,
}

impl Generator {
    fn article(&mut self) -> Article {
        let r = &mut self.rng;
        let year = r.range(2015, 2024);
        let date = format!("{year}-{:02}-{:02}", r.range(1, 12), r.range(1, 28));
        let name = format!("{:05}_{:016x}.txt", r.range(0, 99_999), r.next());
        let paragraphs = self.rng.range(3, 8);
        let mut text = String::new();
        for p in 0..paragraphs {
            if p > 0 {
                text.push_str("\n\n");
            }
            let n = self.rng.range(2, 6);
            for i in 0..n {
                if i > 0 {
                    text.push(' ');
                }
                let s = if self.rng.chance(30) {
                    let k = (self.rng.next() % self.seeds.len() as u64) as usize;
                    self.seeds[k].clone()
                } else {
                    self.sentence()
                };
                text.push_str(&s);
            }
        }
        text.push('\n');
        Article { name, date, text }
    }

    fn number(&mut self) -> String {
        if self.rng.chance(50) {
            self.rng.pick(NUMBER_WORDS).to_string()
        } else {
            self.rng.range(2, 48).to_string()
        }
    }

    /// An amount, a percentage, a score or a count: numbers that are not dates.
    fn quantity(&mut self) -> String {
        let r = &mut self.rng;
        match r.range(0, 6) {
            0 => format!("{},{} Prozent", r.range(0, 19), r.range(0, 9)),
            1 => format!("{},{} Milliarden Euro", r.range(1, 99), r.range(1, 9)),
            2 => format!("{} Millionen Euro", r.range(2, 950)),
            3 => format!("{}.{:03} Euro", r.range(1, 99), r.range(0, 999)),
            4 => format!("{} Punkte", r.range(12, 15_999)),
            5 => format!("{} Kilometer", r.range(3, 640)),
            _ => format!("{} Grad", r.range(2, 38)),
        }
    }

    /// A temporal expression as it stands in running text, preposition included.
    fn temporal(&mut self) -> String {
        let kind = self.rng.range(0, 29);
        let n = self.number();
        let r = &mut self.rng;
        let month = r.pick(MONTHS);
        let weekday = r.pick(WEEKDAYS);
        let year = r.range(1989, 2026);
        let day = r.range(1, 28);
        match kind {
            0 => format!("am {day}. {month} {year}"),
            1 => format!("am {day}. {month}"),
            2 => format!("am {day:02}.{:02}.{year}", r.range(1, 12)),
            3 => format!(
                "vom {day}. bis zum {}. {month}",
                day.min(25) + r.range(1, 3)
            ),
            4 => format!("im {month} {year}"),
            5 => format!("im {month}"),
            6 => format!("seit {month} {year}"),
            7 => format!("{} {year}", r.pick(&["Anfang", "Mitte", "Ende"])),
            8 => format!("in den {}0er-Jahren", r.range(195, 199)),
            9 => format!("am {weekday}"),
            10 => format!("am {weekday}{}", r.pick(&["abend", "morgen", "nachmittag"])),
            11 => format!("am {} {weekday}", r.pick(&["vergangenen", "kommenden"])),
            12 => format!("um {} Uhr", r.range(0, 23)),
            13 => format!("um {}.{:02} Uhr", r.range(0, 23), r.range(0, 59)),
            14 => format!(
                "am {weekday} gegen {}:{:02} Uhr",
                r.range(6, 22),
                r.range(0, 11) * 5
            ),
            15 => format!("{n} Wochen lang"),
            16 => format!("seit {n} Jahren"),
            17 => format!("für {n} Monate"),
            18 => format!("innerhalb von {n} Tagen"),
            19 => r
                .pick(&["gestern", "heute", "morgen", "vorgestern", "übermorgen"])
                .to_string(),
            20 => format!(
                "vor {n} {}",
                r.pick(&["Tagen", "Wochen", "Monaten", "Jahren"])
            ),
            21 => format!("in {n} {}", r.pick(&["Tagen", "Wochen", "Monaten"])),
            22 => r
                .pick(&[
                    "nächste Woche",
                    "im vergangenen Jahr",
                    "im kommenden Monat",
                    "letzte Woche",
                    "im nächsten Jahr",
                ])
                .to_string(),
            23 => format!("im {}", r.pick(&["Frühjahr", "Sommer", "Herbst", "Winter"])),
            24 => format!("Ende des {}", r.pick(&["Jahres", "Monats"])),
            25 => format!("im {month} des vergangenen Jahres"),
            26 => format!("jeden {weekday}"),
            27 => r
                .pick(&["derzeit", "bislang", "zuletzt", "inzwischen"])
                .to_string(),
            28 => format!("im Jahr {year}"),
            _ => format!(
                "bis {}",
                r.pick(&["Ende März", "zum Sommer", "2030", "Ende des Jahres"])
            ),
        }
    }

    fn sentence(&mut self) -> String {
        let t = self.temporal();
        let kind = self.rng.range(0, 13);
        let q = self.quantity();
        let r = &mut self.rng;
        let subj = r.pick(SUBJECTS);
        let obj = r.pick(OBJECTS);
        let part = r.pick(PARTICIPLES);
        let person = r.pick(PERSONS);
        let city = r.pick(CITIES);
        match kind {
            0 => format!("{subj} hat {t} {obj} {part}."),
            1 => format!(
                "{} hat {} {obj} {part}.",
                capitalise(&t),
                lower_article(subj)
            ),
            2 => format!(
                "Wie {} {t} mitteilte, stieg {} um {},{} Prozent auf {q}.",
                r.pick(SOURCES),
                r.pick(METRICS),
                r.range(0, 9),
                r.range(1, 9)
            ),
            3 => {
                let a = r.pick(TEAMS);
                let b = lower_article(r.pick(TEAMS));
                format!(
                    "{a} gewann {t} mit {}:{} gegen {b}.",
                    r.range(1, 5),
                    r.range(0, 3)
                )
            }
            4 => format!(
                "Nach Angaben der Polizei in {city} wurden {t} {}.{:03} {} {}.",
                r.range(1, 40),
                r.range(0, 999),
                r.pick(PEOPLE),
                r.pick(&["evakuiert", "gezählt", "erwartet", "befragt"])
            ),
            5 => format!("{subj} will {t} {obj} vorlegen."),
            6 => format!("\"{}\", sagte {person} {t}.", r.pick(QUOTES)),
            7 => format!("Die Verhandlungen in {city} sollen {t} fortgesetzt werden."),
            8 => format!(
                "{subj} {} {obj}, die Kosten liegen bei {q}.",
                r.pick(&["kritisierte", "verteidigte", "prüft"])
            ),
            9 => format!("{subj} kündigte an, {t} {obj} zu prüfen."),
            10 => format!("Der Prozess vor dem Landgericht {city} beginnt {t}."),
            11 => format!(
                "{} lag {t} bei {q}, nach {},{} Prozent im Vorjahr.",
                capitalise(r.pick(METRICS)),
                r.range(0, 9),
                r.range(0, 9)
            ),
            12 => format!(
                "Der Zug aus {city} kam {t} mit {} Minuten Verspätung an.",
                r.range(5, 95)
            ),
            _ => format!(
                "{person} ist seit {} im Amt und verdient {q} im Jahr.",
                r.range(2005, 2023)
            ),
        }
    }
}

/// The first letter in upper case ("übermorgen" -> "Übermorgen").
fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A subject after the verb: its article in lower case ("Die Bahn" -> "die Bahn").
fn lower_article(s: &str) -> String {
    match s.split_once(' ') {
        Some((a, rest)) if matches!(a, "Der" | "Die" | "Das") => {
            format!("{} {rest}", a.to_lowercase())
        }
        _ => s.to_string(),
    }
}
