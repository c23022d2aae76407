//! TimeML: writing a tagged text as a TimeML document, and reading the DCT and the inline
//! `TIMEX3` annotations back out of one (for `zeitstrahl eval` on `.tml` gold files).
//!
//! Written documents look like
//!
//! ```text
//! <?xml version="1.0" encoding="UTF-8"?>
//! <TimeML>
//! <DCT><TIMEX3 tid="t0" type="DATE" value="2022-01-12" temporalFunction="false" functionInDocument="CREATION_TIME">2022-01-12</TIMEX3></DCT>
//! <TEXT>Seit <TIMEX3 tid="t1" type="DATE" value="2019-07">Juli 2019</TIMEX3> ...</TEXT>
//! </TimeML>
//! ```
//!
//! A range ("von 2011 bis 2018": a value and a range end) is written the TimeML way, as a
//! `DURATION` over the whole span whose `beginPoint` and `endPoint` name two non-consuming
//! (empty) `TIMEX3`s holding the two endpoint values. Characters XML 1.0 forbids (control
//! characters other than tab, line feed and carriage return) are written as U+FFFD.
//!
//! The reader is small and hand-rolled: it understands elements, attributes in single or double
//! quotes, the five named entities and numeric character references, comments, CDATA, the XML
//! declaration and a doctype. It is not a validating XML parser.

use std::fmt::Write as _;

use crate::error::{Error, Result};
use crate::resolve::Dct;
use crate::timex::{AnchorKind, Timex, TimexType, Unit, Value};

/// Escapes text for XML character data and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn dct_value(dct: &Dct) -> (TimexType, String) {
    match dct.time {
        None => (TimexType::Date, dct.date.to_string()),
        Some((h, m, s)) => {
            let mut v = format!("{}T{h:02}:{m:02}", dct.date);
            if s != 0 {
                let _ = write!(v, ":{s:02}");
            }
            (TimexType::Time, v)
        }
    }
}

/// The unit a range of this value is counted in, for the unknown length `PX..` of its duration.
fn range_unit(v: &Value) -> Unit {
    match v {
        Value::Date(d) if d.day.is_some() => Unit::Day,
        Value::Date(d) if d.month.is_some() => Unit::Month,
        Value::DateTime { .. } | Value::PartOfDay { .. } | Value::WeekdayClock { .. } => Unit::Hour,
        Value::Weekday { .. } => Unit::Day,
        Value::Weekend => Unit::Week,
        Value::Week { .. } => Unit::Week,
        Value::Quarter { .. } => Unit::Quarter,
        Value::Half { .. } | Value::Season { .. } => Unit::Month,
        Value::Decade(_) => Unit::Decade,
        Value::Century(_) => Unit::Century,
        _ => Unit::Year,
    }
}

/// Writes `text` with its expressions as a TimeML document. Expressions must be in text order
/// and not overlap (as [`crate::tag`] returns them); one that overlaps the one before it is left
/// out. With a `dct`, the document gets a `DCT` element and expressions anchored to it name it
/// as their `anchorTimeID`.
pub fn to_timeml(text: &str, dct: Option<&Dct>, timexes: &[Timex]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n");
    if let Some(d) = dct {
        let (kind, value) = dct_value(d);
        let _ = writeln!(
            out,
            "<DCT><TIMEX3 tid=\"t0\" type=\"{kind}\" value=\"{value}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{value}</TIMEX3></DCT>"
        );
    }
    out.push_str("<TEXT>");
    let mut pos = 0;
    let mut next_tid = 1;
    for t in timexes {
        if t.start < pos || t.end > text.len() || t.start > t.end {
            continue;
        }
        let (Some(before), Some(inner)) = (text.get(pos..t.start), text.get(t.start..t.end)) else {
            continue;
        };
        out.push_str(&escape(before));
        let tid = next_tid;
        next_tid += 1;
        let mut attrs = String::new();
        let anchored = t.anchor == AnchorKind::Document && dct.is_some();
        if anchored {
            attrs.push_str(" temporalFunction=\"true\" anchorTimeID=\"t0\"");
        }
        if let Some(m) = t.modifier {
            let _ = write!(attrs, " mod=\"{m}\"");
        }
        if let Some(q) = t.quant {
            let _ = write!(attrs, " quant=\"{}\"", escape(q));
        }
        if let Some(f) = t.freq {
            let _ = write!(attrs, " freq=\"{f}X\"");
        }
        match &t.range_end {
            None => {
                let _ = write!(
                    out,
                    "<TIMEX3 tid=\"t{tid}\" type=\"{}\" value=\"{}\"{attrs}>{}</TIMEX3>",
                    t.kind,
                    escape(&t.value.to_string()),
                    escape(inner)
                );
            }
            Some(end) => {
                let (b, e) = (next_tid, next_tid + 1);
                next_tid += 2;
                let length = crate::timex::Duration::unknown(range_unit(&t.value));
                let _ = write!(
                    out,
                    "<TIMEX3 tid=\"t{tid}\" type=\"DURATION\" value=\"{length}\" beginPoint=\"t{b}\" endPoint=\"t{e}\"{attrs}>{}</TIMEX3>",
                    escape(inner)
                );
                let _ = write!(
                    out,
                    "<TIMEX3 tid=\"t{b}\" type=\"{}\" value=\"{}\"/><TIMEX3 tid=\"t{e}\" type=\"{}\" value=\"{}\"/>",
                    t.value.timex_type(),
                    escape(&t.value.to_string()),
                    end.timex_type(),
                    escape(&end.to_string())
                );
            }
        }
        pos = t.end;
    }
    out.push_str(&escape(&text[pos..]));
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

/// One `TIMEX3` annotation read from the `TEXT` of a TimeML document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation {
    /// The annotated text.
    pub text: String,
    /// UTF-8 byte offsets into [`Document::text`], end exclusive.
    pub start: usize,
    pub end: usize,
    /// The attributes in document order (`tid`, `type`, `value`, `mod`, ...).
    pub attrs: Vec<(String, String)>,
}

impl Annotation {
    /// The value of attribute `name`, if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What [`read`] takes out of a TimeML document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// The `value` of the creation-time `TIMEX3` (inside `DCT`, or marked
    /// `functionInDocument="CREATION_TIME"`), if there is one.
    pub dct: Option<String>,
    /// The character data of the `TEXT` element, tags removed and entities decoded.
    pub text: String,
    /// The consuming `TIMEX3`s inside `TEXT`, in order of their start.
    pub timexes: Vec<Annotation>,
}

/// 1-based line and column of byte offset `at` in `s`.
fn line_col(s: &str, at: usize) -> (usize, usize) {
    let before = &s[..at.min(s.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn unescape(s: &str, xml: &str, at: usize) -> Result<String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(semi) = rest.find(';') else {
            let (l, c) = line_col(xml, at);
            return Err(Error::input("unterminated entity reference").at(l, c));
        };
        let name = &rest[1..semi];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => {
                let code = if let Some(hex) = name.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = name.strip_prefix('#') {
                    dec.parse().ok()
                } else {
                    None
                };
                code.and_then(char::from_u32)
            }
        };
        match c {
            Some(c) => out.push(c),
            None => {
                let (l, col) = line_col(xml, at);
                return Err(Error::input(format!("unknown entity &{name};")).at(l, col));
            }
        }
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// A start, end or empty-element tag.
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    closing: bool,
    empty: bool,
}

fn parse_tag(body: &str, xml: &str, at: usize) -> Result<Tag> {
    let bad = |what: &str| {
        let (l, c) = line_col(xml, at);
        Error::input(format!("malformed tag <{body}>: {what}")).at(l, c)
    };
    let (closing, body) = match body.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, body),
    };
    let (empty, body) = match body.strip_suffix('/') {
        Some(b) => (true, b),
        None => (false, body),
    };
    let body = body.trim();
    let name_end = body.find(|c: char| c.is_whitespace()).unwrap_or(body.len());
    let name = body[..name_end].to_string();
    if name.is_empty() {
        return Err(bad("no element name"));
    }
    let mut attrs = Vec::new();
    let mut rest = body[name_end..].trim_start();
    while !rest.is_empty() {
        let eq = rest
            .find('=')
            .ok_or_else(|| bad("attribute without value"))?;
        let key = rest[..eq].trim().to_string();
        let after = rest[eq + 1..].trim_start();
        let quote = after
            .chars()
            .next()
            .filter(|q| *q == '"' || *q == '\'')
            .ok_or_else(|| bad("attribute value not quoted"))?;
        let close = after[1..]
            .find(quote)
            .ok_or_else(|| bad("unterminated attribute value"))?;
        let value = unescape(&after[1..1 + close], xml, at)?;
        attrs.push((key, value));
        rest = after[close + 2..].trim_start();
    }
    Ok(Tag {
        name,
        attrs,
        closing,
        empty,
    })
}

/// Reads the DCT, the text and the `TIMEX3` annotations of a TimeML document. Errors (a tag
/// that does not end, an unknown entity, an unbalanced `</TIMEX3>`, no `TEXT` element) name the
/// line and column.
pub fn read(xml: &str) -> Result<Document> {
    let mut doc = Document::default();
    let mut pos = 0;
    let mut in_text = false;
    let mut seen_text = false;
    let mut in_dct = false;
    // Open TIMEX3s in TEXT: attributes and start offset in `doc.text`.
    let mut open: Vec<(Vec<(String, String)>, usize)> = Vec::new();
    while pos < xml.len() {
        let Some(lt) = xml[pos..].find('<').map(|i| pos + i) else {
            if in_text {
                let s = unescape(&xml[pos..], xml, pos)?;
                doc.text.push_str(&s);
            }
            break;
        };
        if in_text && lt > pos {
            let s = unescape(&xml[pos..lt], xml, pos)?;
            doc.text.push_str(&s);
        }
        let rest = &xml[lt..];
        let unterminated = |what: &str| {
            let (l, c) = line_col(xml, lt);
            Error::input(format!("unterminated {what}")).at(l, c)
        };
        if rest.starts_with("<!--") {
            let end = rest.find("-->").ok_or_else(|| unterminated("comment"))?;
            pos = lt + end + 3;
            continue;
        }
        if let Some(cdata) = rest.strip_prefix("<![CDATA[") {
            let end = cdata.find("]]>").ok_or_else(|| unterminated("cdata"))?;
            if in_text {
                doc.text.push_str(&cdata[..end]);
            }
            pos = lt + 9 + end + 3;
            continue;
        }
        let gt = rest.find('>').ok_or_else(|| unterminated("tag"))?;
        pos = lt + gt + 1;
        if rest.starts_with("<?") || rest.starts_with("<!") {
            continue;
        }
        let tag = parse_tag(&rest[1..gt], xml, lt)?;
        match (tag.name.as_str(), tag.closing) {
            ("TEXT", false) if !tag.empty => {
                in_text = true;
                seen_text = true;
            }
            ("TEXT", true) => in_text = false,
            ("DCT", false) => in_dct = !tag.empty,
            ("DCT", true) => in_dct = false,
            ("TIMEX3", false) => {
                let creation = tag
                    .attrs
                    .iter()
                    .any(|(k, v)| k == "functionInDocument" && v == "CREATION_TIME");
                if (in_dct || creation) && doc.dct.is_none() {
                    doc.dct = tag
                        .attrs
                        .iter()
                        .find(|(k, _)| k == "value")
                        .map(|(_, v)| v.clone());
                }
                if in_text && !tag.empty {
                    open.push((tag.attrs, doc.text.len()));
                }
            }
            ("TIMEX3", true) if in_text => {
                let Some((attrs, start)) = open.pop() else {
                    let (l, c) = line_col(xml, lt);
                    return Err(Error::input("</TIMEX3> without an open <TIMEX3>").at(l, c));
                };
                let end = doc.text.len();
                doc.timexes.push(Annotation {
                    text: doc.text[start..end].to_string(),
                    start,
                    end,
                    attrs,
                });
            }
            _ => {}
        }
    }
    if !open.is_empty() {
        return Err(Error::input("<TIMEX3> not closed before the end of <TEXT>"));
    }
    if !seen_text {
        return Err(Error::input("no <TEXT> element"));
    }
    doc.timexes
        .sort_by_key(|a| (a.start, std::cmp::Reverse(a.end)));
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timex::{Direction, PartialDate};

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
            rule: "test",
            anchor: AnchorKind::None,
            anchor_value: None,
            direction: Direction::Fixed,
        }
    }

    #[test]
    fn writes_escaped_text_with_inline_timexes_and_reads_them_back() {
        let text = "A & B <seit> Juli 2019 \"x\"";
        let start = text.find("Juli").unwrap();
        let t = timex("Juli 2019", start, Value::Date(PartialDate::ym(2019, 7)));
        let dct = Dct::parse("2022-01-12").unwrap();
        let xml = to_timeml(text, Some(&dct), &[t]);
        assert!(xml.contains("<TEXT>A &amp; B &lt;seit&gt; <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2019-07\">Juli 2019</TIMEX3> &quot;x&quot;</TEXT>"), "{xml}");
        let doc = read(&xml).unwrap();
        assert_eq!(doc.dct.as_deref(), Some("2022-01-12"));
        assert_eq!(doc.text, text);
        assert_eq!(doc.timexes.len(), 1);
        assert_eq!(
            (doc.timexes[0].start, doc.timexes[0].end),
            (start, start + 9)
        );
        assert_eq!(doc.timexes[0].attr("value"), Some("2019-07"));
    }

    #[test]
    fn a_range_becomes_a_duration_with_two_endpoints() {
        let text = "von 2011 bis 2018";
        let mut t = timex(text, 0, Value::Date(PartialDate::y(2011)));
        t.range_end = Some(Value::Date(PartialDate::y(2018)));
        let xml = to_timeml(text, None, &[t]);
        assert!(xml.contains("<TIMEX3 tid=\"t1\" type=\"DURATION\" value=\"PXY\" beginPoint=\"t2\" endPoint=\"t3\">von 2011 bis 2018</TIMEX3><TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2011\"/><TIMEX3 tid=\"t3\" type=\"DATE\" value=\"2018\"/>"), "{xml}");
        assert!(!xml.contains("<DCT>"));
        let doc = read(&xml).unwrap();
        assert_eq!(
            doc.timexes.len(),
            1,
            "empty endpoint timexes are not annotations"
        );
    }

    #[test]
    fn reads_entities_comments_and_nested_tags() {
        let xml = "<?xml version='1.0'?><!-- c --><TimeML><DCT><TIMEX3 tid='t0' value='1998-03-01' functionInDocument='CREATION_TIME'>March 1, 1998</TIMEX3></DCT>\n<TEXT>Am <EVENT eid='e1'>X</EVENT> &#252;ber <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-02\">Februar</TIMEX3>&amp;</TEXT></TimeML>";
        let doc = read(xml).unwrap();
        assert_eq!(doc.dct.as_deref(), Some("1998-03-01"));
        assert_eq!(doc.text, "Am X über Februar&");
        let a = &doc.timexes[0];
        assert_eq!(&doc.text[a.start..a.end], "Februar");
        assert_eq!(a.attr("type"), Some("DATE"));
    }

    #[test]
    fn reports_broken_documents_with_a_position() {
        let err = read("<TimeML>\n<TEXT>a </TIMEX3></TEXT>").unwrap_err();
        assert_eq!(err.position(), Some((2, 9)));
        assert!(read("<TimeML><TEXT>a &nope; b</TEXT>").is_err());
        assert!(read("<TimeML><TEXT>a <TIMEX3 value=\"1\"").is_err());
        assert!(read("<TimeML></TimeML>").is_err());
    }

    #[test]
    fn control_characters_are_replaced() {
        assert_eq!(escape("a\u{1}b\tc"), "a\u{FFFD}b\tc");
    }
}
