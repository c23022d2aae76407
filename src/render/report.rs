//! The report around the picture: `report.md` (the SVG as an image, the PNG linked) and
//! `report.html` (the SVG inline), each followed by the table of events with their sources as
//! the picture's text alternative, and the list of documents with their dates.

use crate::model::{DateSpan, Event, Timeline};

use super::svg::escape;
use super::text;

/// The events of the report, not hidden, in chronological order (undatable ones last).
fn events(timeline: &Timeline) -> Vec<&Event> {
    let mut out: Vec<&Event> = timeline.events.iter().filter(|e| !e.hidden).collect();
    out.sort_by_key(|e| {
        let s = DateSpan::parse(&e.date);
        (
            s.is_none(),
            s.map(|s| (s.first, super::layout::time_of_day(&e.date), s.last)),
            e.id.clone(),
        )
    });
    out
}

/// The German date label of an event, or its raw value if it has no calendar date.
fn date_label(e: &Event) -> String {
    let mut s = text::event(&e.date, e.end.as_deref()).unwrap_or_else(|| match &e.end {
        Some(end) => format!("{} – {end}", e.date),
        None => e.date.clone(),
    });
    if e.planned {
        s.push_str(" (geplant)");
    }
    s
}

/// Each document's name for the report ("Quelle, 12. Januar 2022"), by id: looked up once per
/// source, so built once per report.
struct DocNames<'t>(std::collections::HashMap<&'t str, String>);

impl<'t> DocNames<'t> {
    fn new(timeline: &'t Timeline) -> DocNames<'t> {
        let mut names = std::collections::HashMap::new();
        for d in &timeline.documents {
            names.entry(d.id.as_str()).or_insert_with(|| {
                let name = d
                    .source
                    .clone()
                    .or_else(|| d.title.clone())
                    .unwrap_or_else(|| d.file.clone());
                format!("{name}, {}", doc_date(&d.date))
            });
        }
        DocNames(names)
    }

    fn get(&self, id: &str) -> String {
        self.0.get(id).cloned().unwrap_or_else(|| id.to_string())
    }
}

fn doc_date(value: &str) -> String {
    DateSpan::parse(value)
        .map(|s| text::span(&s))
        .unwrap_or_else(|| value.to_string())
}

fn title(timeline: &Timeline) -> String {
    timeline
        .title
        .clone()
        .unwrap_or_else(|| "Zeitstrahl".to_string())
}

/// Markdown table cells: no line breaks, pipes escaped.
fn cell(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
}

/// `report.md`: heading, the picture, the events table and the documents.
pub fn markdown(timeline: &Timeline, svg_file_name: &str, png_file_name: &str) -> String {
    let names = DocNames::new(timeline);
    let t = title(timeline);
    let mut s = format!("# {}\n\n", cell(&t));
    let alt = match &timeline.title {
        Some(t) => format!("Zeitstrahl: {}", cell(t).replace(['[', ']'], "")),
        None => "Zeitstrahl".to_string(),
    };
    s.push_str(&format!("![{alt}]({svg_file_name})\n\n"));
    s.push_str(&format!(
        "Als Bild für Textverarbeitungen: [{png_file_name}]({png_file_name})\n\n"
    ));
    s.push_str("## Ereignisse\n\n");
    let evs = events(timeline);
    if evs.is_empty() {
        s.push_str("Keine Ereignisse.\n\n");
    } else {
        s.push_str("| Datum | Ereignis | Quellen |\n|---|---|---|\n");
        for e in evs {
            let sources: Vec<String> = e
                .sources
                .iter()
                .map(|src| {
                    format!(
                        "{} („{}“): „{}“",
                        names.get(&src.doc),
                        src.timex,
                        src.sentence
                    )
                })
                .collect();
            let mut title = e.title.clone();
            if let Some(note) = &e.note {
                title.push_str(&format!(" ({note})"));
            }
            s.push_str(&format!(
                "| {} | {} | {} |\n",
                cell(&date_label(e)),
                cell(&title),
                cell(&sources.join("; "))
            ));
        }
        s.push('\n');
    }
    s.push_str("## Dokumente\n\n");
    if timeline.documents.is_empty() {
        s.push_str("Keine Dokumente.\n");
    }
    for d in &timeline.documents {
        let name = d
            .title
            .clone()
            .or_else(|| d.source.clone())
            .unwrap_or_else(|| d.file.clone());
        let name = match &d.url {
            Some(u) => format!("[{}]({})", cell(&name).replace(['[', ']'], ""), u),
            None => cell(&name),
        };
        let mut line = format!("- {name}: {}", doc_date(&d.date));
        if let Some(src) = &d.source {
            if d.title.is_some() {
                line.push_str(&format!(", {}", cell(src)));
            }
        }
        if d.title.is_some() || d.source.is_some() {
            line.push_str(&format!(" (`{}`)", d.file));
        }
        line.push('\n');
        s.push_str(&line);
    }
    s
}

/// `report.html`: a self-contained page with the SVG inline.
pub fn html(timeline: &Timeline, svg: &str) -> String {
    let names = DocNames::new(timeline);
    let t = escape(&title(timeline));
    let mut s = String::new();
    s.push_str("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.push_str(&format!("<title>{t}</title>\n"));
    s.push_str(
        "<style>\nbody{font-family:\"DejaVu Sans\",Verdana,sans-serif;margin:2em auto;\
         max-width:1180px;color:#1a1a1a;line-height:1.4}\nfigure{margin:0}\n\
         figure svg{max-width:100%;height:auto}\ntable{border-collapse:collapse;width:100%}\n\
         th,td{border-bottom:1px solid #ddd;padding:.35em .5em;text-align:left;\
         vertical-align:top}\nth{background:#f1f4f8}\ntd.date{white-space:nowrap}\n\
         blockquote{margin:.2em 0 .2em 1em;color:#555}\n</style>\n</head>\n<body>\n",
    );
    s.push_str(&format!("<h1>{t}</h1>\n<figure>\n"));
    // The SVG is a full document; inline it without an XML declaration.
    s.push_str(svg.trim_start_matches(|c| c != '<'));
    if !svg.ends_with('\n') {
        s.push('\n');
    }
    s.push_str("</figure>\n<h2>Ereignisse</h2>\n");
    let evs = events(timeline);
    if evs.is_empty() {
        s.push_str("<p>Keine Ereignisse.</p>\n");
    } else {
        s.push_str(
            "<table>\n<thead><tr><th>Datum</th><th>Ereignis</th><th>Quellen</th></tr></thead>\n\
             <tbody>\n",
        );
        for e in evs {
            let mut title = escape(&e.title);
            if let Some(note) = &e.note {
                title.push_str(&format!(" <small>({})</small>", escape(note)));
            }
            let mut sources = String::new();
            for src in &e.sources {
                sources.push_str(&format!(
                    "<div>{} („{}“)<blockquote>{}</blockquote></div>",
                    escape(&names.get(&src.doc)),
                    escape(&src.timex),
                    escape(&src.sentence)
                ));
            }
            s.push_str(&format!(
                "<tr><td class=\"date\">{}</td><td>{title}</td><td>{sources}</td></tr>\n",
                escape(&date_label(e))
            ));
        }
        s.push_str("</tbody>\n</table>\n");
    }
    s.push_str("<h2>Dokumente</h2>\n<ul>\n");
    for d in &timeline.documents {
        let name = escape(
            &d.title
                .clone()
                .or_else(|| d.source.clone())
                .unwrap_or_else(|| d.file.clone()),
        );
        let name = match &d.url {
            Some(u) => format!("<a href=\"{}\">{name}</a>", escape(u)),
            None => name,
        };
        let mut line = format!("<li>{name}: {}", escape(&doc_date(&d.date)));
        if let (Some(src), Some(_)) = (&d.source, &d.title) {
            line.push_str(&format!(", {}", escape(src)));
        }
        if d.title.is_some() || d.source.is_some() {
            line.push_str(&format!(" (<code>{}</code>)", escape(&d.file)));
        }
        line.push_str("</li>\n");
        s.push_str(&line);
    }
    s.push_str("</ul>\n</body>\n</html>\n");
    s
}
