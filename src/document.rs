//! Loading source documents: the text of each `.txt` file and its document date.
//!
//! The document date comes, in this order, from
//!
//! 1. `documents.yaml` in the folder: `documents: [{file, date, title?, source?, url?}]`;
//! 2. a header in the text itself: YAML front matter (`---` lines around `date: 2022-01-12`) or a
//!    dateline at the very start (`date 2022-01`, `Datum: 12.01.2022`, `Stand: 12. Januar 2022`,
//!    `Veröffentlicht am 12.01.2022`, a place before the date as in `Berlin, 12. Januar 2022 –`,
//!    or a first line that is nothing but a date);
//! 3. the `--dct` given on the command line.
//!
//! A document with none of these is an error that names the file and the three ways.
//!
//! **Byte offsets.** A header is metadata, not text: it is blanked out with spaces (line breaks
//! kept) before tagging, so that no temporal expression is found in it and it does not run into
//! the first sentence. The text zeitstrahl tags, [`Document::text`], therefore has exactly the
//! bytes of the file at every position outside the header, and every offset in
//! [`crate::model::Source`] is a byte offset into the file as it is on disk.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::DocumentEntry;
use crate::resolve::Dct;
use crate::timex::PartialDate;

/// The name of the metadata file in an input folder.
pub const METADATA_FILE: &str = "documents.yaml";

/// One loaded document.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Id, file name, date and the optional metadata, as written to `events.yaml`.
    pub entry: DocumentEntry,
    /// The document date resolution anchors to.
    pub dct: Dct,
    /// The text as tagged: the file's text with any header blanked out by spaces.
    pub text: String,
    /// Where the document was read from.
    pub path: PathBuf,
}

/// `documents.yaml` as written by a user.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MetadataFile {
    #[serde(default)]
    documents: Vec<MetadataEntry>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MetadataEntry {
    file: String,
    #[serde(default)]
    date: Option<Scalar>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// A YAML scalar that may have been read as a number (`date: 2022`).
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
enum Scalar {
    Text(String),
    Number(i64),
}

impl Scalar {
    fn as_string(&self) -> String {
        match self {
            Scalar::Text(s) => s.clone(),
            Scalar::Number(n) => n.to_string(),
        }
    }
}

/// What a header in the text said.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// The byte range of the header in the text.
    pub start: usize,
    pub end: usize,
    /// The date it gives, as `YYYY[-MM[-DD]]`.
    pub date: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// Reads every `.txt` file in `dir` (sorted by file name) with its document date.
pub fn load_dir(dir: &Path, dct: Option<Dct>) -> Result<Vec<Document>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, &e))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, &e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") && entry.path().is_file() {
            files.push(name);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(Error::input("no .txt documents in this folder").with_path(dir));
    }
    let meta_path = dir.join(METADATA_FILE);
    let meta = if meta_path.is_file() {
        let bytes = std::fs::read(&meta_path).map_err(|e| Error::io(&meta_path, &e))?;
        let text = utf8(bytes, &meta_path)?;
        parse_metadata(&text, &meta_path)?
    } else {
        Vec::new()
    };
    for m in &meta {
        // `files` is sorted.
        if files.binary_search(&m.file).is_err() {
            return Err(Error::input(format!(
                "{METADATA_FILE} names {:?}, which is not a .txt file in this folder",
                m.file
            ))
            .with_path(&meta_path));
        }
    }
    // The first entry naming each file.
    let mut meta_of: std::collections::HashMap<&str, &MetadataEntry> =
        std::collections::HashMap::new();
    for m in &meta {
        meta_of.entry(m.file.as_str()).or_insert(m);
    }
    // Read in parallel; the first error in file order, as reading one by one would report it.
    let docs: Vec<Result<Document>> = files
        .par_iter()
        .map(|name| {
            let path = dir.join(name);
            let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, &e))?;
            let text = utf8(bytes, &path)?;
            let m = meta_of.get(name.as_str()).copied();
            let meta_date = match m.and_then(|m| m.date.as_ref()) {
                Some(d) => Some(Dct::parse(&d.as_string()).map_err(|e| {
                    Error::input(format!("date of {name}: {}", e.message())).with_path(&meta_path)
                })?),
                None => None,
            };
            let mut doc = document(name, &path, text, meta_date, dct)?;
            if let Some(m) = m {
                doc.entry.title = m.title.clone().or(doc.entry.title);
                doc.entry.source = m.source.clone().or(doc.entry.source);
                doc.entry.url = m.url.clone().or(doc.entry.url);
            }
            Ok(doc)
        })
        .collect();
    docs.into_iter().collect()
}

/// The date `documents.yaml` beside the file at `path` gives it, if there is such a file and it
/// names this one. A broken `documents.yaml` is an error naming it (with line and column).
pub fn metadata_date(path: &Path) -> Result<Option<Dct>> {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Ok(None);
    };
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let meta_path = dir.unwrap_or(Path::new(".")).join(METADATA_FILE);
    if !meta_path.is_file() {
        return Ok(None);
    }
    let bytes = std::fs::read(&meta_path).map_err(|e| Error::io(&meta_path, &e))?;
    let meta = parse_metadata(&utf8(bytes, &meta_path)?, &meta_path)?;
    let Some(date) = meta
        .iter()
        .find(|m| m.file == name)
        .and_then(|m| m.date.as_ref())
    else {
        return Ok(None);
    };
    Dct::parse(&date.as_string())
        .map(Some)
        .map_err(|e| Error::input(format!("date of {name}: {}", e.message())).with_path(&meta_path))
}

/// The bytes of a file as text; not UTF-8 is an input error naming the file and the offset.
fn utf8(bytes: Vec<u8>, path: &Path) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        Error::input(format!(
            "not valid utf-8: invalid byte at offset {}; save the file as UTF-8",
            e.utf8_error().valid_up_to()
        ))
        .with_path(path)
    })
}

fn parse_metadata(text: &str, path: &Path) -> Result<Vec<MetadataEntry>> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let file: MetadataFile = serde_saphyr::from_str(text).map_err(|e| {
        let mut err = Error::input(crate::yaml::plain_message(&e)).with_path(path);
        if let Some(loc) = e.location() {
            err = err.at(loc.line() as usize, loc.column() as usize);
        }
        err
    })?;
    Ok(file.documents)
}

/// Makes a document from its text. `meta_date` (from `documents.yaml`) wins over a header in the
/// text, which wins over `dct` (from the command line).
pub fn document(
    name: &str,
    path: &Path,
    mut text: String,
    meta_date: Option<Dct>,
    dct: Option<Dct>,
) -> Result<Document> {
    // The header is read before a byte-order mark is blanked: it may stand behind one.
    let header = find_header(&text);
    // A byte-order mark is no text either: blanked like a header, so offsets stay the file's.
    if text.starts_with('\u{feff}') {
        blank(&mut text, 0, '\u{feff}'.len_utf8());
    }
    let header_date = match header.as_ref().and_then(|h| h.date.as_deref()) {
        Some(d) => Some(Dct::parse(d).map_err(|e| Error::input(e.message()).with_path(path))?),
        None => None,
    };
    let date = meta_date
        .or(header_date)
        .or(dct)
        .ok_or_else(|| no_date(name).with_path(path))?;
    if let Some(h) = &header {
        blank(&mut text, h.start, h.end);
    }
    let id = name.strip_suffix(".txt").unwrap_or(name).to_string();
    let entry = DocumentEntry {
        id,
        file: name.to_string(),
        date: dct_string(&date),
        title: header.as_ref().and_then(|h| h.title.clone()),
        source: header.as_ref().and_then(|h| h.source.clone()),
        url: header.as_ref().and_then(|h| h.url.clone()),
    };
    Ok(Document {
        entry,
        dct: date,
        text,
        path: path.to_path_buf(),
    })
}

/// The error for a document without a date.
fn no_date(name: &str) -> Error {
    Error::input(format!(
        "no document date for {name}: give one in {METADATA_FILE} (documents: [{{file: {name}, date: 2022-01-12}}]), \
         in the text itself (a first line `date: 2022-01-12` or YAML front matter with `date:`), \
         or with --dct 2022-01-12"
    ))
}

/// A document date as written to `events.yaml`: `2022-01-12`, `2022-01`, `2022-01-12T10:30`,
/// `2022-01-12T10:30+01:00`.
pub fn dct_string(d: &Dct) -> String {
    let mut out = match d.time {
        Some((h, m, 0)) => format!("{}T{h:02}:{m:02}", d.date),
        Some((h, m, s)) => format!("{}T{h:02}:{m:02}:{s:02}", d.date),
        None => d.date.to_string(),
    };
    if let Some(z) = d.zone {
        let sign = if z < 0 { '-' } else { '+' };
        let z = z.abs();
        out.push_str(&format!("{sign}{:02}:{:02}", z / 60, z % 60));
    }
    out
}

/// Replaces `start..end` of `text` by spaces, line breaks kept: same length, same offsets.
fn blank(text: &mut String, start: usize, end: usize) {
    let spaces: String = text[start..end]
        .chars()
        .flat_map(|c| {
            let (fill, n) = match c {
                '\n' | '\r' => (c, 1),
                _ => (' ', c.len_utf8()),
            };
            std::iter::repeat_n(fill, n)
        })
        .collect();
    text.replace_range(start..end, &spaces);
}

/// Finds a metadata header at the start of `text`: YAML front matter or a dateline.
pub fn find_header(text: &str) -> Option<Header> {
    front_matter(text).or_else(|| dateline(text))
}

/// The length of a byte-order mark at the start of `text`: a header may stand behind one.
fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

/// `---\nkey: value\n...\n---\n` at the very start.
fn front_matter(text: &str) -> Option<Header> {
    let body_start = bom_len(text);
    let rest = &text[body_start..];
    let first_len = rest.find('\n')?;
    if rest[..first_len].trim_end() != "---" {
        return None;
    }
    let mut pos = body_start + first_len + 1;
    let mut header = Header {
        start: 0,
        ..Header::default()
    };
    loop {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..line_end].trim_end_matches('\r');
        if line.trim_end() == "---" || line.trim_end() == "..." {
            header.end = (line_end + 1).min(text.len());
            return Some(header);
        }
        if let Some((k, v)) = line.split_once(':') {
            let v = v.trim().trim_matches(|c| c == '"' || c == '\'').to_string();
            match k.trim().to_lowercase().as_str() {
                "date" | "datum" => header.date = parse_date_words(&v).or(Some(v)),
                "title" | "titel" => header.title = Some(v),
                "source" | "quelle" => header.source = Some(v),
                "url" => header.url = Some(v),
                _ => {}
            }
        }
        if line_end >= text.len() {
            return None;
        }
        pos = line_end + 1;
    }
}

/// A dateline at the start: `date 2022-01`, `Datum: 12.01.2022`, `Stand: 12. Januar 2022`,
/// or a first line that is only a date. Returns the header range and the date.
fn dateline(text: &str) -> Option<Header> {
    let lead = text.len() - text[bom_len(text)..].trim_start().len();
    let rest = &text[lead..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    let line = &rest[..line_end];
    // A keyword followed by a date, possibly run into the first sentence.
    for key in [
        "date",
        "Date",
        "DATE",
        "datum",
        "Datum",
        "DATUM",
        "Stand",
        "Veröffentlicht",
    ] {
        if let Some(after) = line.strip_prefix(key) {
            let after_sep = after.trim_start_matches([':', ' ', '\t']);
            if after_sep.len() == after.len() {
                continue; // "Datenschutz ..." is not "date ..."
            }
            // "Veröffentlicht am 12.01.2022".
            let after_sep = after_sep.strip_prefix("am ").unwrap_or(after_sep);
            let skipped = after.len() - after_sep.len();
            let (date, used) = leading_date(after_sep)?;
            let mut end = lead + key.len() + skipped + used;
            // Swallow a trailing separator and space.
            let tail = &text[end..];
            let sep = tail.len()
                - tail
                    .trim_start_matches([' ', '\t', ',', '|', '–', '-'])
                    .len();
            end += sep;
            return Some(Header {
                start: lead,
                end,
                date: Some(date),
                ..Header::default()
            });
        }
    }
    // A place before the date: "Berlin, 12. Januar 2022 – Die Regierung ...".
    if let Some((place, after)) = line.split_once(", ") {
        let words: Vec<&str> = place.split_whitespace().collect();
        const NOT_PLACES: &[&str] = &[
            "am",
            "im",
            "an",
            "in",
            "auf",
            "der",
            "die",
            "das",
            "ein",
            "eine",
            "seit",
            "bis",
            "vom",
            "zum",
            "ab",
            "montag",
            "dienstag",
            "mittwoch",
            "donnerstag",
            "freitag",
            "samstag",
            "sonntag",
            "heute",
            "gestern",
        ];
        let is_place = !words.is_empty()
            && words.len() <= 3
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !NOT_PLACES.contains(&w.to_lowercase().as_str())
            });
        if is_place {
            if let Some((date, used)) = leading_date(after) {
                let mut end = lead + place.len() + 2 + used;
                let tail = &text[end..];
                let trimmed = tail.trim_start_matches([' ', '\t']);
                let dash = ["–", "—", "-", "|"]
                    .iter()
                    .find(|d| trimmed.starts_with(*d))
                    .map_or(0, |d| d.len());
                if dash > 0 || trimmed.is_empty() || trimmed.starts_with('\n') {
                    end += tail.len() - trimmed.len() + dash;
                    let tail = &text[end..];
                    end += tail.len() - tail.trim_start_matches([' ', '\t']).len();
                    return Some(Header {
                        start: lead,
                        end,
                        date: Some(date),
                        ..Header::default()
                    });
                }
            }
        }
    }
    // A first line that is nothing but a date.
    let (date, used) = leading_date(line.trim_end())?;
    let remainder = line.trim_end()[used..].trim();
    let remainder = remainder
        .trim_start_matches([',', '|', '–', '-'])
        .trim_start();
    if remainder.is_empty() || is_clock(remainder) {
        return Some(Header {
            start: lead,
            end: lead + line_end,
            date: Some(date),
            ..Header::default()
        });
    }
    None
}

/// `12:30` or `12:30 Uhr`.
fn is_clock(s: &str) -> bool {
    let s = s.trim_end_matches("Uhr").trim();
    let mut parts = s.split(':');
    matches!((parts.next(), parts.next(), parts.next()),
        (Some(h), Some(m), None) if !h.is_empty() && h.len() <= 2 && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()))
}

use crate::calendar::MONTH_NAMES as MONTHS;

/// Parses a whole string as a date in one of the header forms.
fn parse_date_words(s: &str) -> Option<String> {
    let (d, used) = leading_date(s.trim())?;
    s.trim()[used..].trim().is_empty().then_some(d)
}

/// A date at the start of `s`: ISO `2022-01-12` / `2022-01` / `2022` (with an optional
/// `T10:30`), German `12.01.2022`, `12. Januar 2022`, `Januar 2022`. Returns the ISO form and
/// the number of bytes used.
fn leading_date(s: &str) -> Option<(String, usize)> {
    let token_end = s.find(char::is_whitespace).unwrap_or(s.len());
    let token = s[..token_end].trim_end_matches([',', ';']);
    // ISO, possibly with a clock time.
    let (date_part, time_part) = match token.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (token, None),
    };
    if PartialDate::parse(date_part).is_some() {
        let ok_time = time_part.is_none_or(|t| Dct::parse(&format!("{date_part}T{t}")).is_ok());
        if ok_time {
            return Some((token.to_string(), token.len()));
        }
    }
    // 12.01.2022
    let parts: Vec<&str> = token.split('.').collect();
    if parts.len() == 3 && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        let (d, m, y) = (parts[0], parts[1], parts[2]);
        if y.len() == 4 && (1..=2).contains(&d.len()) && (1..=2).contains(&m.len()) {
            let iso = format!(
                "{y}-{:02}-{:02}",
                m.parse::<u32>().ok()?,
                d.parse::<u32>().ok()?
            );
            PartialDate::parse(&iso)?;
            return Some((iso, token.len()));
        }
    }
    // 12. Januar 2022 / Januar 2022
    let words: Vec<(usize, &str)> = s
        .split_whitespace()
        .take(3)
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .collect();
    let month_of = |w: &str| {
        let w = w.trim_end_matches([',', '.']);
        MONTHS.iter().position(|m| *m == w).map(|i| i as u32 + 1)
    };
    let year_of = |w: &str| {
        let w = w.trim_end_matches([',', '.', ';']);
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| (w.parse::<i32>().ok(), w.len()))
            .and_then(|(y, l)| y.map(|y| (y, l)))
    };
    if let [(_, d), (_, m), (yo, y), ..] = words.as_slice() {
        if let (Some(day), Some(month), Some((year, yl))) = (
            d.strip_suffix('.').and_then(|d| d.parse::<u32>().ok()),
            month_of(m),
            year_of(y),
        ) {
            let iso = format!("{year:04}-{month:02}-{day:02}");
            PartialDate::parse(&iso)?;
            return Some((iso, yo + yl));
        }
    }
    if let [(_, m), (yo, y), ..] = words.as_slice() {
        if let (Some(month), Some((year, yl))) = (month_of(m), year_of(y)) {
            return Some((format!("{year:04}-{month:02}"), yo + yl));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_run_into_the_first_sentence_is_blanked() {
        let t = " date 2022-01 Drei Stunden waren vorgesehen.";
        let h = find_header(t).expect("header");
        assert_eq!(h.date.as_deref(), Some("2022-01"));
        let doc = document("x.txt", Path::new("x.txt"), t.to_string(), None, None).expect("doc");
        assert_eq!(doc.text.len(), t.len());
        assert_eq!(doc.text.trim_start(), "Drei Stunden waren vorgesehen.");
        assert_eq!(doc.entry.date, "2022-01");
        let i = t.find("Drei").expect("word");
        assert_eq!(&doc.text[i..i + 4], "Drei");
    }

    #[test]
    fn byte_order_mark_is_blanked() {
        let t = "\u{feff}Datum: 12.01.2022\nDer Rat tagt.";
        let doc = document("a.txt", Path::new("a.txt"), t.to_string(), None, None).expect("doc");
        assert_eq!(doc.entry.date, "2022-01-12");
        assert_eq!(doc.text.len(), t.len());
        assert_eq!(doc.text.trim(), "Der Rat tagt.");
        let t = "\u{feff}---\ndate: 2022-01-12\n---\nDer Rat tagt.";
        let doc = document("a.txt", Path::new("a.txt"), t.to_string(), None, None).expect("doc");
        assert_eq!(doc.entry.date, "2022-01-12");
        assert_eq!(doc.text.len(), t.len());
        assert_eq!(doc.text.trim(), "Der Rat tagt.");
    }

    #[test]
    fn german_datelines() {
        assert_eq!(
            find_header("Datum: 12.01.2022\nDer Rat tagt.").and_then(|h| h.date),
            Some("2022-01-12".into())
        );
        assert_eq!(
            find_header("12. Januar 2022, 14:30 Uhr\nDer Rat tagt.").and_then(|h| h.date),
            Some("2022-01-12".into())
        );
        assert_eq!(find_header("Der Rat tagt am 12. Januar 2022."), None);
        assert_eq!(
            find_header("Veröffentlicht am 03.05.2021\nText.").and_then(|h| h.date),
            Some("2021-05-03".into())
        );
        let t = "Berlin, 12. Januar 2022 – Die Regierung hat beschlossen.";
        let h = find_header(t).expect("a place and a date");
        assert_eq!(h.date.as_deref(), Some("2022-01-12"));
        assert_eq!(&t[h.end..], "Die Regierung hat beschlossen.");
        assert_eq!(find_header("Berlin, Paris und Rom, die drei Städte."), None);
        assert_eq!(find_header("Am Montag, 12. Januar 2022 – nichts."), None);
        assert_eq!(find_header("Datenschutz 2022 ist wichtig."), None);
    }

    #[test]
    fn front_matter() {
        let t = "---\ntitle: Ein Titel\ndate: 2021-10-07\n---\nDer Text.";
        let doc = document("a.txt", Path::new("a.txt"), t.to_string(), None, None).expect("doc");
        assert_eq!(doc.entry.date, "2021-10-07");
        assert_eq!(doc.entry.title.as_deref(), Some("Ein Titel"));
        assert_eq!(doc.text.trim(), "Der Text.");
        assert_eq!(doc.text.len(), t.len());
    }

    #[test]
    fn metadata_wins_then_header_then_option() {
        let t = "date 2021-05-01 Text.";
        let meta = Dct::parse("2022-01-12").ok();
        let opt = Dct::parse("2020-02-02").ok();
        let d = document("a.txt", Path::new("a.txt"), t.to_string(), meta, opt).expect("doc");
        assert_eq!(d.entry.date, "2022-01-12");
        let d = document("a.txt", Path::new("a.txt"), t.to_string(), None, opt).expect("doc");
        assert_eq!(d.entry.date, "2021-05-01");
        let d = document("a.txt", Path::new("a.txt"), "Text.".to_string(), None, opt).expect("doc");
        assert_eq!(d.entry.date, "2020-02-02");
        let e = document("a.txt", Path::new("a.txt"), "Text.".to_string(), None, None).unwrap_err();
        assert!(e.message().contains("a.txt"));
        assert!(e.message().contains("documents.yaml"));
        assert!(e.message().contains("--dct"));
    }
}
