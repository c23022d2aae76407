//! Tagger output for machines and people: JSON, YAML and text records of [`Timex`]es, the
//! explanation `zeitstrahl parse` prints, and the streaming JSON Lines tagger behind
//! `zeitstrahl tag --jsonl`.
//!
//! A record has a fixed field order: `text`, `start`, `end` (UTF-8 byte offsets into the tagged
//! text, end exclusive), `type`, `value`, then `mod`, `range_end`, `quant`, `freq` and `signal`
//! only where the expression has them. Same input, same bytes.

use std::fmt::Write as _;
use std::io::{BufRead, Write};

use serde::Serialize;

use crate::error::{Error, ErrorKind, Result};
use crate::resolve::{Context, Dct, DocKind};
use crate::timex::{AnchorKind, Direction, Signal, Timex, TimexType};

/// One tagged expression as it is serialised (JSON, YAML, JSON Lines).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimexRecord<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: TimexType,
    pub value: String,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range_end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quant: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freq: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signal: Option<Signal>,
}

impl<'a> TimexRecord<'a> {
    /// The record of one expression.
    pub fn new(t: &'a Timex) -> TimexRecord<'a> {
        TimexRecord {
            text: &t.text,
            start: t.start,
            end: t.end,
            kind: t.kind,
            value: t.value.to_string(),
            modifier: t.modifier.map(|m| m.to_string()),
            range_end: t.range_end.as_ref().map(|v| v.to_string()),
            quant: t.quant,
            freq: t.freq.map(|n| format!("{n}X")),
            signal: t.signal,
        }
    }
}

/// The records of a list of expressions.
pub fn records(timexes: &[Timex]) -> Vec<TimexRecord<'_>> {
    timexes.iter().map(TimexRecord::new).collect()
}

/// A pretty-printed JSON array of the expressions, with a final newline.
pub fn to_json(timexes: &[Timex]) -> Result<String> {
    let mut bytes = Vec::new();
    write_json(&mut bytes, timexes)
        .map_err(|e| Error::input(format!("cannot serialise to json: {e}")))?;
    String::from_utf8(bytes).map_err(|e| Error::input(format!("cannot serialise to json: {e}")))
}

/// [`to_json`] written straight to `w`: standard output gets the expressions without a copy of
/// the whole document in memory first.
pub fn write_json(mut w: impl std::io::Write, timexes: &[Timex]) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut w, &records(timexes))?;
    w.write_all(b"\n")?;
    w.flush()
}

/// A YAML list of the expressions.
pub fn to_yaml(timexes: &[Timex]) -> Result<String> {
    if timexes.is_empty() {
        return Ok("[]\n".to_string());
    }
    serde_saphyr::to_string(&records(timexes))
        .map_err(|e| Error::input(format!("cannot serialise to yaml: {e}")))
}

/// One line per expression, for people: `start..end`, the text in quotes, type, value, and
/// the mod, range end and signal where there are some.
pub fn to_text(timexes: &[Timex]) -> String {
    let mut out = String::new();
    for t in timexes {
        let _ = write!(
            out,
            "{}..{}\t{:?}\t{}\t{}",
            t.start, t.end, t.text, t.kind, t.value
        );
        if let Some(m) = t.modifier {
            let _ = write!(out, "\tmod={m}");
        }
        if let Some(e) = &t.range_end {
            let _ = write!(out, "\tuntil={e}");
        }
        if let Some(s) = t.signal {
            let _ = write!(out, "\tsignal={}", signal_name(s));
        }
        out.push('\n');
    }
    out
}

fn signal_name(s: Signal) -> &'static str {
    match s {
        Signal::Since => "since",
        Signal::Until => "until",
        Signal::From => "from",
        Signal::Before => "before",
        Signal::After => "after",
    }
}

fn anchor_name(a: AnchorKind) -> &'static str {
    match a {
        AnchorKind::None => "none",
        AnchorKind::Document => "document date",
        AnchorKind::LastMentioned => "last mentioned date",
    }
}

fn direction_name(d: Direction) -> &'static str {
    match d {
        Direction::Fixed => "fixed",
        Direction::Past => "past",
        Direction::Future => "future",
        Direction::Nearest => "nearest",
    }
}

/// How each expression's value was reached, for people (`zeitstrahl parse`): the value, the rule
/// that matched, what it was anchored to, which way it was resolved, and mod and signal.
pub fn explain(timexes: &[Timex]) -> String {
    let mut out = String::new();
    if timexes.is_empty() {
        out.push_str("no temporal expression found\n");
    }
    for t in timexes {
        let _ = writeln!(out, "{:?} [{}..{}]", t.text, t.start, t.end);
        let _ = writeln!(out, "  type:      {}", t.kind);
        let _ = write!(out, "  value:     {}", t.value);
        if let Some(e) = &t.range_end {
            let _ = write!(out, " until {e}");
        }
        out.push('\n');
        let _ = writeln!(out, "  rule:      {}", t.rule);
        let _ = write!(out, "  anchor:    {}", anchor_name(t.anchor));
        if let Some(v) = &t.anchor_value {
            let _ = write!(out, " {v}");
        }
        out.push('\n');
        let _ = writeln!(out, "  direction: {}", direction_name(t.direction));
        if let Some(m) = t.modifier {
            let _ = writeln!(out, "  mod:       {m}");
        }
        if let Some(s) = t.signal {
            let _ = writeln!(out, "  signal:    {}", signal_name(s));
        }
        if let (Some(q), Some(f)) = (t.quant, t.freq) {
            let _ = writeln!(out, "  set:       quant {q}, freq {f}X");
        }
    }
    out
}

/// A record with how its value was reached, for `zeitstrahl parse --format json`.
#[derive(Serialize)]
struct Explained<'a> {
    #[serde(flatten)]
    record: TimexRecord<'a>,
    rule: &'static str,
    anchor: AnchorKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor_value: Option<&'a str>,
    direction: Direction,
}

/// [`explain`] as a JSON array: the record fields followed by `rule`, `anchor`, `anchor_value`
/// and `direction`.
pub fn explain_json(timexes: &[Timex]) -> Result<String> {
    let all: Vec<Explained> = timexes
        .iter()
        .map(|t| Explained {
            record: TimexRecord::new(t),
            rule: t.rule,
            anchor: t.anchor,
            anchor_value: t.anchor_value.as_deref(),
            direction: t.direction,
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&all)
        .map_err(|e| Error::input(format!("cannot serialise to json: {e}")))?;
    s.push('\n');
    Ok(s)
}

/// What [`tag_jsonl`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Non-blank input lines read.
    pub lines: usize,
    /// Lines tagged.
    pub tagged: usize,
    /// Lines answered with an error record.
    pub errors: usize,
    /// Expressions found in all tagged lines.
    pub timexes: usize,
}

#[derive(serde::Deserialize)]
struct JsonlInput {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    dct: Option<String>,
}

#[derive(Serialize)]
struct JsonlOutput<'a> {
    id: &'a serde_json::Value,
    timexes: Vec<TimexRecord<'a>>,
}

#[derive(Serialize)]
struct JsonlError<'a> {
    line: usize,
    error: &'a str,
}

fn io_error(what: &str, e: &std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("{what}: {e}"))
}

/// A JSON error for one input line: the column, without serde's "at line 1 column N".
fn json_message(e: &serde_json::Error) -> String {
    let mut msg = e.to_string();
    if let Some(i) = msg.rfind(" at line ") {
        msg.truncate(i);
    }
    format!("malformed json at column {}: {msg}", e.column())
}

fn tag_line(line: &[u8], kind: DocKind) -> Result<(serde_json::Value, Vec<Timex>)> {
    let line = std::str::from_utf8(line).map_err(|e| {
        Error::input(format!(
            "not utf-8: invalid byte at offset {}",
            e.valid_up_to()
        ))
    })?;
    let input: JsonlInput =
        serde_json::from_str(line.trim_end()).map_err(|e| Error::input(json_message(&e)))?;
    let dct = match input.dct.as_deref() {
        None | Some("") => None,
        Some(d) => Some(Dct::parse(d)?),
    };
    let timexes = crate::tag::tag(&input.text, &Context { dct, kind })?;
    Ok((input.id, timexes))
}

/// Tags JSON Lines: reads one object `{"id", "text", "dct"}` per line (`dct` may be missing or
/// null: relative expressions then stay unresolved), writes one line per input line, in input
/// order: `{"id", "timexes": [...]}`, or `{"line": N, "error": "..."}` (N 1-based) for a line
/// that is not UTF-8, not such an object, or has a malformed `dct`; the run goes on after it.
/// Blank lines are skipped. One line is held in memory at a time, and each result line is
/// flushed as soon as it is written, so the output can be piped into another process.
///
/// Only reading and writing can fail the run (an I/O error).
pub fn tag_jsonl(mut input: impl BufRead, mut output: impl Write, kind: DocKind) -> Result<Stats> {
    let mut stats = Stats::default();
    let mut buf = Vec::new();
    let mut number = 0;
    loop {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|e| io_error("cannot read input", &e))?;
        if n == 0 {
            break;
        }
        number += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        stats.lines += 1;
        let line = match tag_line(&buf, kind) {
            Ok((id, timexes)) => {
                stats.tagged += 1;
                stats.timexes += timexes.len();
                serde_json::to_string(&JsonlOutput {
                    id: &id,
                    timexes: records(&timexes),
                })
            }
            Err(e) => {
                stats.errors += 1;
                serde_json::to_string(&JsonlError {
                    line: number,
                    error: e.message(),
                })
            }
        }
        .map_err(|e| Error::input(format!("cannot serialise to json: {e}")))?;
        output
            .write_all(line.as_bytes())
            .and_then(|()| output.write_all(b"\n"))
            .and_then(|()| output.flush())
            .map_err(|e| io_error("cannot write output", &e))?;
    }
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timex::{Mod, PartialDate, Value};

    fn timex(text: &str, start: usize, value: Value) -> Timex {
        Timex {
            text: text.to_string(),
            start,
            end: start + text.len(),
            kind: value.timex_type(),
            value,
            modifier: None,
            range_end: None,
            range_parts: None,
            quant: None,
            freq: None,
            signal: None,
            rule: "test_rule",
            anchor: AnchorKind::None,
            anchor_value: None,
            direction: Direction::Fixed,
        }
    }

    #[test]
    fn json_has_fixed_field_order_and_skips_missing_fields() {
        let mut t = timex("Anfang 2020", 4, Value::Date(PartialDate::y(2020)));
        t.modifier = Some(Mod::Start);
        t.signal = Some(Signal::Since);
        let json = to_json(&[t]).unwrap();
        let keys: Vec<&str> = json
            .lines()
            .filter_map(|l| l.trim().strip_prefix('"'))
            .filter_map(|l| l.split('"').next())
            .collect();
        assert_eq!(
            keys,
            ["text", "start", "end", "type", "value", "mod", "signal"]
        );
        assert!(json.contains("\"mod\": \"START\""));
        assert!(json.contains("\"signal\": \"since\""));
        assert!(!json.contains("range_end"));
    }

    #[test]
    fn text_lists_one_line_per_expression() {
        let a = timex("2014", 0, Value::Date(PartialDate::y(2014)));
        let b = timex("Juli 2019", 10, Value::Date(PartialDate::ym(2019, 7)));
        assert_eq!(
            to_text(&[a, b]),
            "0..4\t\"2014\"\tDATE\t2014\n10..19\t\"Juli 2019\"\tDATE\t2019-07\n"
        );
    }

    #[test]
    fn yaml_of_nothing_is_an_empty_list() {
        assert_eq!(to_yaml(&[]).unwrap(), "[]\n");
    }

    #[test]
    fn jsonl_answers_every_line_and_goes_on_after_a_bad_one() {
        let input = "{\"id\":1,\"text\":\"x\",\"dct\":\"2022-01-12\"}\nnot json\n\n{\"id\":\"b\",\"text\":\"y\",\"dct\":\"2022-13-45\"}\n{\"id\":\"c\",\"text\":\"z\"}\n";
        let mut out = Vec::new();
        let stats = tag_jsonl(input.as_bytes(), &mut out, DocKind::News).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].starts_with("{\"id\":1,\"timexes\":["));
        assert_eq!(
            lines[1],
            "{\"line\":2,\"error\":\"malformed json at column 2: expected ident\"}"
        );
        assert!(lines[2].starts_with("{\"line\":4,\"error\":\"invalid document date"));
        assert!(lines[3].starts_with("{\"id\":\"c\",\"timexes\":["));
        assert_eq!(
            (stats.lines, stats.tagged, stats.errors),
            (4, 2, 2),
            "{stats:?}"
        );
    }

    #[test]
    fn jsonl_reports_a_line_that_is_not_utf8() {
        let input: &[u8] = b"{\"id\":1,\"text\":\"\xff\"}\n";
        let mut out = Vec::new();
        let stats = tag_jsonl(input, &mut out, DocKind::News).unwrap();
        assert_eq!(stats.errors, 1);
        assert!(String::from_utf8(out)
            .unwrap()
            .starts_with("{\"line\":1,\"error\":\"not utf-8: invalid byte at offset 16\"}"));
    }
}
