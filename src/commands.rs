//! The subcommands: raw arguments are checked into settings, the library computes values and
//! bytes, and only then is anything written.

use std::fmt::Write as _;
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use zeitstrahl::eval::{self, Miss, MissKind, Report};
use zeitstrahl::model::DateSpan;
use zeitstrahl::render::{self, RenderOptions};
use zeitstrahl::timeline::{self, BuildOptions};
use zeitstrahl::{document, output, timeml, write, yaml};
use zeitstrahl::{Context, Dct, DocKind, Error, ErrorKind, Result, Timeline};

use crate::cli::{self, Command, ContextArgs, Kind, ReportFormat, TagFormat};

/// Runs a command; no subcommand means `build` with its defaults.
pub fn run(command: Option<Command>) -> Result<()> {
    match command {
        None => build(&cli::BuildArgs {
            dir: PathBuf::from("seeds"),
            out: PathBuf::from("out"),
            context: ContextArgs {
                dct: None,
                kind: Kind::News,
            },
        }),
        Some(Command::Tag(a)) => tag(&a),
        Some(Command::Parse(a)) => parse(&a),
        Some(Command::Eval(a)) => evaluate(&a),
        Some(Command::Build(a)) => build(&a),
        Some(Command::Render(a)) => render_cmd(&a),
        Some(Command::Report(a)) => report(&a),
        Some(Command::Merge(a)) => merge(&a),
    }
}

fn doc_kind(k: Kind) -> DocKind {
    match k {
        Kind::News => DocKind::News,
        Kind::Narrative => DocKind::Narrative,
        Kind::Colloquial => DocKind::Colloquial,
    }
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::News => "news",
        Kind::Narrative => "narrative",
        Kind::Colloquial => "colloquial",
    }
}

/// `--dct` checked: a malformed date is a usage error.
fn dct(c: &ContextArgs) -> Result<Option<Dct>> {
    c.dct.as_deref().map(Dct::parse).transpose()
}

/// The display name of an input: `<stdin>` for `-`.
fn input_name(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

fn stdio_error(what: &str, e: &io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("{what}: {e}"))
}

/// Reads all bytes of a file, or of standard input for `-`.
fn read_bytes(path: &str) -> Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .map_err(|e| stdio_error("cannot read standard input", &e))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| Error::io(Path::new(path), &e))
    }
}

/// Checks that input bytes are a non-empty UTF-8 text and skips a byte order mark. Errors name
/// the input and, for bad UTF-8, the byte offset (in the file) of the first bad byte.
fn decode(bytes: Vec<u8>, name: &str) -> Result<String> {
    let text = decode_keeping_bom(bytes, name)?;
    Ok(match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// As [`decode`], with a byte order mark left in place, for a text whose offsets are reported:
/// the document blanks it, so that offsets count from the start of the file.
fn decode_keeping_bom(bytes: Vec<u8>, name: &str) -> Result<String> {
    let path = Path::new(name);
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::input(format!(
            "not valid utf-8: invalid byte at offset {}",
            e.utf8_error().valid_up_to()
        ))
        .with_path(path)
    })?;
    if text.strip_prefix('\u{FEFF}').unwrap_or(&text).is_empty() {
        return Err(Error::input("the input is empty").with_path(path));
    }
    Ok(text)
}

/// Writes bytes to a file atomically, or to standard output for `-`.
fn emit(path: &str, bytes: &[u8]) -> Result<()> {
    if path == "-" {
        let mut out = io::stdout().lock();
        out.write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(|e| stdio_error("cannot write standard output", &e))
    } else {
        write::write_atomic(Path::new(path), bytes)
    }
}

fn tag(a: &cli::TagArgs) -> Result<()> {
    let kind = doc_kind(a.context.kind);
    if a.jsonl {
        let path = a.input.as_deref().unwrap_or("-");
        let stats = if path == "-" {
            run_jsonl(io::stdin().lock(), &a.output, kind)?
        } else {
            let file = std::fs::File::open(path).map_err(|e| Error::io(Path::new(path), &e))?;
            run_jsonl(io::BufReader::new(file), &a.output, kind)?
        };
        eprintln!(
            "zeitstrahl: {} lines, {} tagged, {} errors, {} expressions",
            stats.lines, stats.tagged, stats.errors, stats.timexes
        );
        return Ok(());
    }
    let dct = dct(&a.context)?;
    let path = a.input.as_deref().unwrap_or("-");
    let name = input_name(path);
    let text = decode_keeping_bom(read_bytes(path)?, name)?;
    let header_date = document::find_header(&text).and_then(|h| h.date);
    // Without --dct, a documents.yaml beside the file gives the date as it does for `build`.
    let meta_date = match (&dct, path) {
        (None, p) if p != "-" => document::metadata_date(Path::new(p))?,
        _ => None,
    };
    if dct.is_none() && header_date.is_none() && meta_date.is_none() {
        return Err(Error::input(
            "no document date: give one with --dct 2022-01-12, in a YAML front matter \
             (`---`, `date: 2022-01-12`, `---`), or in a dateline on the first line \
             (`date: 2022-01-12`, `Stand: 12. Januar 2022`), or in a documents.yaml beside the file",
        )
        .with_path(Path::new(name)));
    }
    // An explicit --dct wins over documents.yaml, which wins over a front matter or dateline in
    // the text; the header is blanked out (same length, same offsets) so that it is not tagged.
    let doc = document::document(name, Path::new(name), text, dct.or(meta_date), None)?;
    let dct = Some(doc.dct);
    let timexes = zeitstrahl::tag(&doc.text, &Context { dct, kind })?;
    if a.output == "-" && matches!(a.format, TagFormat::Json) {
        let out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
        return output::write_json(out, &timexes)
            .map_err(|e| stdio_error("cannot write standard output", &e));
    }
    let bytes = match a.format {
        TagFormat::Json => output::to_json(&timexes)?,
        TagFormat::Yaml => output::to_yaml(&timexes)?,
        TagFormat::Timeml => timeml::to_timeml(&doc.text, dct.as_ref(), &timexes),
        TagFormat::Text => output::to_text(&timexes),
    };
    emit(&a.output, bytes.as_bytes())
}

fn run_jsonl(input: impl BufRead, out: &str, kind: DocKind) -> Result<output::Stats> {
    if out == "-" {
        output::tag_jsonl(input, io::stdout().lock(), kind)
    } else {
        // Streamed straight into the file: a JSON Lines run can be larger than memory.
        let file = std::fs::File::create(out).map_err(|e| Error::io(Path::new(out), &e))?;
        output::tag_jsonl(input, io::BufWriter::new(file), kind)
            .map_err(|e| e.with_path(Path::new(out)))
    }
}

fn parse(a: &cli::ParseArgs) -> Result<()> {
    let ctx = Context {
        dct: dct(&a.context)?,
        kind: doc_kind(a.context.kind),
    };
    let timexes = zeitstrahl::tag(&a.phrase, &ctx)?;
    let text = match a.format {
        ReportFormat::Text => output::explain(&timexes),
        ReportFormat::Json => output::explain_json(&timexes)?,
    };
    emit("-", text.as_bytes())
}

fn pct(x: f64) -> String {
    format!("{:5.1}", 100.0 * x)
}

fn figures(name: &str, kind: Kind, r: &Report) -> String {
    let c = &r.counts;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{name}: {} documents, {} gold, {} predicted (kind {}{})",
        c.docs,
        c.gold,
        c.predicted,
        kind_name(kind),
        if c.tag_errors > 0 {
            format!(", {} tagger errors", c.tag_errors)
        } else {
            String::new()
        }
    );
    for (label, p) in [
        ("extent strict ", c.strict()),
        ("extent relaxed", c.relaxed()),
        ("value         ", c.value()),
    ] {
        let _ = writeln!(
            s,
            "  {label}  P {}  R {}  F1 {}",
            pct(p.precision),
            pct(p.recall),
            pct(p.f1)
        );
    }
    let acc = |a: Option<f64>, right: usize, all: usize| match a {
        Some(a) => format!("{} ({right}/{all})", pct(a)),
        None => "    - (no matched gold)".to_string(),
    };
    let _ = writeln!(
        s,
        "  type accuracy   {}",
        acc(c.type_accuracy(), c.type_right, c.typed)
    );
    let _ = writeln!(
        s,
        "  value accuracy  {}",
        acc(c.value_accuracy(), c.value_right, c.valued_matched)
    );
    s
}

fn miss_line(m: &Miss) -> String {
    let kind = match m.kind {
        MissKind::Missed => "missed",
        MissKind::Spurious => "spurious",
        MissKind::Extent => "extent",
        MissKind::Type => "type",
        MissKind::Value => "value",
        MissKind::Error => "error",
    };
    let side = |x: &Option<(String, String, String)>| match x {
        Some((t, k, v)) => format!("{t:?} {k} {v}"),
        None => "-".to_string(),
    };
    format!(
        "  {kind:<8} {}  gold {}  predicted {}  in {:?}\n",
        m.doc,
        side(&m.gold),
        side(&m.predicted),
        m.context
    )
}

fn evaluate(a: &cli::EvalArgs) -> Result<()> {
    let kind = doc_kind(a.kind);
    let mut all = eval::Counts::default();
    let mut text = String::new();
    let mut json = Vec::new();
    for path in &a.gold {
        let name = path.display().to_string();
        let content = decode(read_bytes(&name)?, &name)?;
        let docs = eval::load(&content, path)?;
        let r = eval::evaluate(&docs, kind);
        all += r.counts;
        match a.format {
            ReportFormat::Text => {
                text.push_str(&figures(&name, a.kind, &r));
                if a.misses {
                    for m in &r.misses {
                        text.push_str(&miss_line(m));
                    }
                }
            }
            ReportFormat::Json => json.push(serde_json::json!({
                "file": name,
                "kind": kind_name(a.kind),
                "counts": r.counts,
                "strict": r.counts.strict(),
                "relaxed": r.counts.relaxed(),
                "value": r.counts.value(),
                "type_accuracy": r.counts.type_accuracy(),
                "value_accuracy": r.counts.value_accuracy(),
                "misses": if a.misses { serde_json::to_value(&r.misses).unwrap_or_default() } else { serde_json::Value::Null },
            })),
        }
    }
    let out = match a.format {
        ReportFormat::Text => {
            if a.gold.len() > 1 {
                let total = Report {
                    counts: all,
                    misses: Vec::new(),
                };
                text.push_str(&figures("all files", a.kind, &total));
            }
            text
        }
        ReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(&json)
                .map_err(|e| Error::input(format!("cannot serialise to json: {e}")))?;
            s.push('\n');
            s
        }
    };
    emit("-", out.as_bytes())
}

/// The files a build writes, in order: name and bytes.
type Artifacts = Vec<(String, Vec<u8>)>;

fn build_timeline(dir: &Path, context: &ContextArgs) -> Result<Timeline> {
    let opts = BuildOptions {
        dct: dct(context)?,
        kind: doc_kind(context.kind),
    };
    if !io::stderr().is_terminal() {
        return timeline::build(dir, &opts);
    }
    // A progress bar on a terminal only: piped or redirected stderr stays free of it.
    let bar = indicatif::ProgressBar::new(0).with_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} documents tagged, {eta} left",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let t = timeline::build_with_progress(dir, &opts, &|_, total| {
        bar.set_length(total as u64);
        bar.inc(1);
    });
    bar.finish_and_clear();
    t
}

/// Writes every artifact into `out` (all bytes are built before the first write) and prints a
/// summary line on standard error.
fn write_all(out: &Path, t: &Timeline, files: &Artifacts) -> Result<()> {
    for (name, bytes) in files {
        write::write_atomic(&out.join(name), bytes)?;
    }
    let names: Vec<String> = files
        .iter()
        .map(|(n, _)| out.join(n).display().to_string())
        .collect();
    eprintln!(
        "zeitstrahl: {} documents, {} events; wrote {}",
        t.documents.len(),
        t.events.len(),
        names.join(", ")
    );
    Ok(())
}

fn build(a: &cli::BuildArgs) -> Result<()> {
    let t = build_timeline(&a.dir, &a.context)?;
    // The YAML and the report are independent: built side by side.
    let (yaml, report) = rayon::join(
        || yaml::to_string(&t),
        || render::report_files(&t, &RenderOptions::default()),
    );
    let mut files = vec![("events.yaml".to_string(), yaml?.into_bytes())];
    files.extend(report?);
    write_all(&a.out, &t, &files)
}

fn report(a: &cli::ReportArgs) -> Result<()> {
    let t = build_timeline(&a.dir, &a.context)?;
    // The report, and the SVG and PNG it shows.
    let files = render::report_files(&t, &RenderOptions::default())?;
    write_all(&a.out, &t, &files)
}

/// A `--from`/`--to` date: its first (`last == false`) or last day.
fn bound(s: Option<&str>, flag: &str, last: bool) -> Result<Option<chrono::NaiveDate>> {
    let Some(s) = s else { return Ok(None) };
    let span = DateSpan::parse(s)
        .filter(|_| !s.contains('T'))
        .ok_or_else(|| {
            Error::usage(format!(
                "invalid {flag} date {s:?}: expected YYYY-MM-DD, YYYY-MM or YYYY"
            ))
        })?;
    Ok(Some(if last { span.last } else { span.first }))
}

fn read_timeline(path: &str) -> Result<Timeline> {
    let name = input_name(path);
    let text = decode(read_bytes(path)?, name)?;
    yaml::from_str(&text, Path::new(name))
}

fn render_cmd(a: &cli::RenderArgs) -> Result<()> {
    let mut opts = RenderOptions::default();
    if let Some(w) = a.width {
        opts.width = w;
    }
    opts.from = bound(a.from.as_deref(), "--from", false)?;
    opts.to = bound(a.to.as_deref(), "--to", true)?;
    if let (Some(f), Some(t)) = (opts.from, opts.to) {
        if f > t {
            return Err(Error::usage(format!("--from {f} lies after --to {t}")));
        }
    }
    let t = read_timeline(&a.events)?;
    let svg = render::svg(&t, &opts)?;
    if a.output.ends_with(".png") {
        emit(&a.output, &render::png(&svg)?)
    } else {
        emit(&a.output, svg.as_bytes())
    }
}

fn merge(a: &cli::MergeArgs) -> Result<()> {
    let mut timelines = Vec::new();
    for p in &a.inputs {
        timelines.push(read_timeline(&p.display().to_string())?);
    }
    let merged = zeitstrahl::merge::merge_timelines(timelines);
    emit(&a.output, yaml::to_string(&merged)?.as_bytes())
}
