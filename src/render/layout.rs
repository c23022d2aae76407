//! Layout maths of the timeline picture, apart from drawing: which events are drawn, the time
//! axis (calendar cells, compressed empty stretches, expanded dense ones), where each event's
//! mark and label go, the tick labels, the legend and the sources line.
//!
//! The axis is a row of *pieces*. A piece is either a calendar cell (a year, a month or a day)
//! drawn to scale, or a *break* standing for an empty stretch of time, drawn narrow with the gap
//! written on it. Cells start at the coarsest unit the time range calls for; a cell holding two
//! or more dates finer than itself is split into the next finer unit (a year into months, a
//! month into days), so a dense cluster gets room. Within a run of cells of one unit the scale is
//! linear; a finer run is tinted and captioned, so the reader sees the scale change. The
//! `axis` submodule does that.
//!
//! Events are placed bottom-up above the axis (`place`): each one takes the lowest position
//! where its mark and label touch no other mark, label or leader line, and its own leader line
//! (from a point down to the axis) crosses nothing. Everything is in px of the final canvas.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::text;
use super::RenderOptions;
use crate::error::{Error, Result};
use crate::model::{DateSpan, Precision, Timeline};

mod axis;
mod place;

use axis::{bands, build_axis, ticks};
pub use axis::{Axis, Band, Piece, PieceKind, Unit};
use place::{place, Placed};

/// Left and right margin of the axis.
pub const MARGIN_X: f64 = 40.0;
/// Radius of a point mark.
pub const R: f64 = 5.5;
/// Half the space kept free around every box: boxes are at least `2 * PAD` apart.
pub const PAD: f64 = 2.5;
/// Height of the row a bar is drawn in.
pub const BAR_ROW: f64 = 12.0;
/// Title and date sizes of an event label.
pub const TITLE_SIZE: f64 = 11.0;
pub const DATE_SIZE: f64 = 9.5;
/// Widest label line (narrower on narrow pictures, see [`label_width`]).
pub const LABEL_W: f64 = 150.0;

/// The widest title line on a picture `width` px wide: narrow pictures get narrow labels, so
/// fewer labels stand over the leader lines of their neighbours.
pub fn label_width(width: f64) -> f64 {
    LABEL_W.min((width / 6.0).max(90.0))
}
/// Most title lines of one label.
pub const TITLE_LINES: usize = 3;
/// Width of a break.
pub const BREAK_W: f64 = 34.0;
const LINE: f64 = 1.22;
const TICK_SIZE: f64 = 10.0;
const SMALL: f64 = 9.0;
/// Half width of a leader line's keep-out strip.
const LEADER_HALF: f64 = 1.0;
/// Lowest gap between the axis and an event.
const AXIS_GAP: f64 = 10.0;

/// Colours.
pub type Rgb = (u8, u8, u8);
pub const INK: Rgb = (0x1A, 0x1A, 0x1A);
pub const MUTED: Rgb = (0x55, 0x55, 0x55);
pub const FAINT: Rgb = (0xDD, 0xDD, 0xDD);
pub const BAND: Rgb = (0xF1, 0xF4, 0xF8);

/// The Okabe–Ito palette (without yellow, which is unreadable on white), paired with shapes so
/// categories differ by shape as well as colour.
pub const PALETTE: [(Rgb, Shape); 6] = [
    ((0x00, 0x72, 0xB2), Shape::Circle),
    ((0xD5, 0x5E, 0x00), Shape::Square),
    ((0x00, 0x9E, 0x73), Shape::Diamond),
    ((0xE6, 0x9F, 0x00), Shape::TriangleUp),
    ((0xCC, 0x79, 0xA7), Shape::TriangleDown),
    ((0x56, 0xB4, 0xE9), Shape::Star),
];

/// A marker shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
    Star,
}

/// An axis-aligned rectangle in canvas px (y grows downwards).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// Whether the two rectangles share inner points.
    pub fn intersects(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    fn grow(&self, p: f64) -> Rect {
        self.grow_xy(p, p)
    }

    fn grow_xy(&self, px: f64, py: f64) -> Rect {
        Rect {
            x0: self.x0 - px,
            y0: self.y0 - py,
            x1: self.x1 + px,
            y1: self.y1 + py,
        }
    }
}

/// Horizontal alignment of a text line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One line of text; `y` is the top of its line box.
#[derive(Clone, Debug, PartialEq)]
pub struct TextLine {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub bold: bool,
    pub anchor: Anchor,
    pub color: Rgb,
}

impl TextLine {
    fn new(text: impl Into<String>, x: f64, y: f64, size: f64, bold: bool) -> TextLine {
        // Control characters have no place in XML text.
        let text: String = text
            .into()
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        TextLine {
            text,
            x,
            y,
            size,
            bold,
            anchor: Anchor::Start,
            color: INK,
        }
    }

    fn anchored(mut self, anchor: Anchor) -> TextLine {
        self.anchor = anchor;
        self
    }

    fn colored(mut self, color: Rgb) -> TextLine {
        self.color = color;
        self
    }

    /// The width of the text in the shipped font.
    pub fn width(&self) -> f64 {
        text::width(&self.text, self.size, self.bold)
    }

    /// The box the glyphs of this line stay in.
    pub fn rect(&self) -> Rect {
        let w = self.width();
        let x0 = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - w / 2.0,
            Anchor::End => self.x - w,
        };
        Rect {
            x0,
            y0: self.y,
            x1: x0 + w,
            y1: self.y + self.size,
        }
    }
}

/// How an event's time is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A day (or a clock time on it): a marker shape centred on the day.
    Point { cx: f64, cy: f64 },
    /// A month or a year: a bar over all of it.
    Bar { x0: f64, x1: f64, cy: f64 },
    /// A span from one value to another: a thin bar with end caps.
    Range { x0: f64, x1: f64, cy: f64 },
}

/// One drawn event.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Index into `Timeline::events`.
    pub event: usize,
    pub color: Rgb,
    pub shape: Shape,
    pub planned: bool,
    pub mark: Mark,
    /// The box the mark is drawn in.
    pub mark_rect: Rect,
    /// The box the label's glyphs (and a bar's category marker) are drawn in.
    pub label_rect: Rect,
    /// The label: the date line first, then the title lines.
    pub lines: Vec<TextLine>,
    /// For a bar, the category marker drawn before the date line (its centre).
    pub glyph: Option<(f64, f64)>,
    /// A point's leader line down to the axis: x, top y, bottom y.
    pub leader: Option<(f64, f64, f64)>,
    /// x of the breaks a bar runs through.
    pub breaks_crossed: Vec<f64>,
    /// Whether a bar goes on before the start (after the end) of the picture's `from`/`to`.
    pub cut: (bool, bool),
    /// The date label (also used in the tooltip).
    pub date_label: String,
}

/// A legend marker.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Glyph {
    Shape(Shape, Rgb, bool),
    Bar,
    Range,
    Break,
    Band,
}

/// One legend entry: a marker centred at `(x, y)` and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub glyph: Glyph,
    pub x: f64,
    pub y: f64,
    pub text: TextLine,
}

/// The whole picture, laid out.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub title: String,
    /// Heading lines: title, then the date range.
    pub heading: Vec<TextLine>,
    /// Top of the area events are drawn in.
    pub body_top: f64,
    pub axis_y: f64,
    pub axis: Axis,
    /// Cell boundaries (x), for ticks and faint grid lines.
    pub ticks: Vec<f64>,
    pub tick_labels: Vec<TextLine>,
    pub bands: Vec<Band>,
    /// Events, in chronological order.
    pub items: Vec<Item>,
    pub legend: Vec<LegendEntry>,
    pub footer: Vec<TextLine>,
    /// A sentence summing up the picture, for `<desc>`.
    pub description: String,
    /// Events not drawn: hidden, outside `from`/`to`, or without a calendar date.
    pub skipped: Vec<usize>,
}

/// One event with a calendar interval, as the layout sees it.
struct Drawn {
    event: usize,
    first: DateSpan,
    last: Option<DateSpan>,
    /// Clipped to `from`/`to`: `[a, b)`.
    a: NaiveDate,
    b: NaiveDate,
    /// Whether the clipping cut the start, the end.
    cut: (bool, bool),
    point: bool,
    planned: bool,
    category: Option<String>,
    title: String,
}

/// Lays out `timeline` for `opts`.
pub fn layout(timeline: &Timeline, opts: &RenderOptions) -> Result<Layout> {
    let width = f64::from(opts.width);
    if opts.width < 400 {
        return Err(Error::usage(format!(
            "width {} px is too narrow for a timeline (at least 400)",
            opts.width
        )));
    }
    if let (Some(f), Some(t)) = (opts.from, opts.to) {
        if f > t {
            return Err(Error::usage(format!("--from {f} lies after --to {t}")));
        }
    }
    let (mut drawn, skipped) = select(timeline, opts);
    let crowded = crowd_out(timeline, &mut drawn);
    let title = timeline
        .title
        .clone()
        .unwrap_or_else(|| "Zeitstrahl".to_string());

    let axis = build_axis(&drawn, width, (opts.from, opts.to));
    let styles = categories(&drawn);

    // Heading.
    let mut heading = Vec::new();
    let mut y = 22.0;
    for line in text::wrap(&title, 20.0, true, width - 2.0 * MARGIN_X, 2) {
        heading.push(TextLine::new(line, MARGIN_X, y, 20.0, true));
        y += 20.0 * LINE;
    }
    let range_label = date_range(&drawn, opts);
    let sub = match &range_label {
        Some(r) if !crowded.is_empty() => format!(
            "{r} · die {} meistgenannten von {} Ereignissen",
            drawn.len(),
            thousands(drawn.len() + crowded.len())
        ),
        Some(r) => format!("{r} · {}", events(drawn.len(), "1 Ereignis", "Ereignisse")),
        None => "keine datierten Ereignisse".to_string(),
    };
    heading.push(TextLine::new(sub, MARGIN_X, y + 2.0, 12.0, false).colored(MUTED));
    let body_top = y + 2.0 + 12.0 * LINE + 14.0;

    // Below the axis: tick labels, legend, sources; their height does not depend on axis_y.
    let bands = bands(&axis);
    let (legend, legend_h) = legend(&styles, &drawn, &bands, width);
    let footer_lines = footer(timeline, &skipped, crowded.len(), width);
    let below = 44.0 + legend_h + 8.0 + footer_lines.len() as f64 * SMALL * LINE + 14.0;
    let a4 = (width * 210.0 / 297.0).round();

    // Events, placed in heights above the axis: with air between stacked labels where the
    // page has room for it, tight where it has not.
    let room = a4 - body_top - below - 12.0;
    let needed_of = |placed: &[Placed]| {
        placed
            .iter()
            .flat_map(|p| [p.mark_rect.y1, p.label_rect.y1])
            .fold(0.0_f64, f64::max)
    };
    let mut placed = place(timeline, &drawn, &axis, &styles, width, PAD);
    if drawn.len() <= 120 {
        for vpad in [16.0, 12.0, 9.0, 6.0, 4.0] {
            let airy = place(timeline, &drawn, &axis, &styles, width, vpad);
            if needed_of(&airy) <= room.max(needed_of(&placed)) {
                placed = airy;
                break;
            }
        }
    }
    let needed = needed_of(&placed);
    let body_h = (needed + 12.0).max(a4 - body_top - below).max(60.0);
    let axis_y = (body_top + body_h).round();
    let height = (axis_y + below).round().max(a4);

    let (ticks, tick_labels) = ticks(&axis, axis_y);
    let items = placed
        .into_iter()
        .map(|p| p.into_item(axis_y))
        .collect::<Vec<_>>();
    let legend = legend
        .into_iter()
        .map(|mut e| {
            e.y += axis_y;
            e.text.y += axis_y;
            e
        })
        .collect();
    let fy = axis_y + 44.0 + legend_h + 8.0;
    let footer = footer_lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            TextLine::new(l, MARGIN_X, fy + i as f64 * SMALL * LINE, SMALL, false).colored(MUTED)
        })
        .collect();

    let description = match &range_label {
        Some(r) => format!(
            "Zeitstrahl „{title}“ mit {}, {r}; die Zeitachse ist abschnittsweise linear, lange \
             leere Zeiträume sind ausgelassen und markiert.",
            events(drawn.len(), "einem Ereignis", "Ereignissen")
        ),
        None => format!("Zeitstrahl „{title}“ ohne datierte Ereignisse."),
    };
    Ok(Layout {
        width,
        height,
        title,
        heading,
        body_top,
        axis_y,
        axis,
        ticks,
        tick_labels,
        bands,
        items,
        legend,
        footer,
        description,
        skipped,
    })
}

/// The events to draw, in chronological order, and the indices of those not drawn.
fn select(timeline: &Timeline, opts: &RenderOptions) -> (Vec<Drawn>, Vec<usize>) {
    let mut drawn = Vec::new();
    let mut skipped = Vec::new();
    for (i, ev) in timeline.events.iter().enumerate() {
        let first = DateSpan::parse(&ev.date);
        let last = match &ev.end {
            Some(e) => DateSpan::parse(e).map(Some),
            None => Some(None),
        };
        let (first, last) = match (first, last) {
            (Some(f), Some(l)) if !ev.hidden => (f, l),
            _ => {
                skipped.push(i);
                continue;
            }
        };
        let end = last.map_or(first.last, |l| l.last.max(first.last));
        let mut a = first.first;
        let mut b = end.succ_opt().unwrap_or(end);
        if let Some(f) = opts.from {
            a = a.max(f);
        }
        if let Some(t) = opts.to {
            b = b.min(t.succ_opt().unwrap_or(t));
        }
        if a >= b {
            skipped.push(i);
            continue;
        }
        let point = last.is_none() && first.precision <= Precision::Day;
        let cut = (a > first.first, b <= end);
        drawn.push(Drawn {
            event: i,
            cut,
            first,
            last,
            a,
            b,
            point,
            planned: ev.planned,
            category: ev.category.clone(),
            title: ev.title.clone(),
        });
    }
    let key = |d: &Drawn| {
        let ev = &timeline.events[d.event];
        (d.a, time_of_day(&ev.date), d.b, ev.id.clone(), d.event)
    };
    drawn.sort_by_key(key);
    (drawn, skipped)
}

/// How many documents the footer names one by one; more are counted.
const MAX_LISTED_SOURCES: usize = 12;

/// A count with German thousands separators: "12.308".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// How many events one picture draws at most: beyond about this many, labels no longer fit an
/// A4 page readably.
pub const MAX_DRAWN: usize = 30;

/// Keeps the [`MAX_DRAWN`] events told by the most documents (then by the most tellings, then
/// in timeline order) and returns the others' indices: a picture of a whole archive shows what
/// most sources report, and says how many more `events.yaml` and the report hold.
fn crowd_out(timeline: &Timeline, drawn: &mut Vec<Drawn>) -> Vec<usize> {
    if drawn.len() <= MAX_DRAWN {
        return Vec::new();
    }
    let weight = |d: &Drawn| {
        let ev = &timeline.events[d.event];
        let mut docs: Vec<&str> = ev.sources.iter().map(|s| s.doc.as_str()).collect();
        docs.sort_unstable();
        docs.dedup();
        (
            std::cmp::Reverse(docs.len()),
            std::cmp::Reverse(ev.sources.len()),
            d.event,
        )
    };
    let mut order: Vec<usize> = (0..drawn.len()).collect();
    order.sort_by_cached_key(|&k| weight(&drawn[k]));
    let mut keep = vec![false; drawn.len()];
    for &k in &order[..MAX_DRAWN] {
        keep[k] = true;
    }
    let mut left_out = Vec::new();
    let mut k = 0;
    drawn.retain(|d| {
        let kept = keep[k];
        k += 1;
        if !kept {
            left_out.push(d.event);
        }
        kept
    });
    left_out.sort_unstable();
    left_out
}

/// Minutes after midnight a value names, for ordering a day's events: a clock time, or the
/// middle of a part of day ("TAF" about 15:00); `None` for the day as a whole, which comes first.
pub(crate) fn time_of_day(value: &str) -> Option<u32> {
    if let Some(m) = DateSpan::parse(value).and_then(|s| s.minute) {
        return Some(m);
    }
    let hour = match value.split_once('T')?.1 {
        "MO" => 8,
        "MI" | "DT" => 12,
        "AF" => 15,
        "EV" => 19,
        "NI" => 22,
        _ => return None,
    };
    Some(hour * 60)
}

/// "1997 – Feb. 2022": from the earliest start to the latest end, at their precisions.
fn date_range(drawn: &[Drawn], opts: &RenderOptions) -> Option<String> {
    let first = drawn.iter().map(|d| d.first).min_by_key(|s| s.first)?;
    let last = drawn
        .iter()
        .map(|d| d.last.unwrap_or(d.first))
        .max_by_key(|s| s.last)?;
    // Where --from/--to cut an event, the picture starts (ends) at the cut.
    let start = match opts.from {
        Some(f) if f > first.first => text::day(f),
        _ => text::span(&first),
    };
    let end = match opts.to {
        Some(t) if t < last.last => text::day(t),
        _ => text::span(&last),
    };
    if start == end {
        return Some(start);
    }
    Some(if start.contains(' ') || end.contains(' ') {
        format!("{start} – {end}")
    } else {
        format!("{start}–{end}")
    })
}

/// Category → colour and shape: named categories in sorted order, events without one last.
struct Styles {
    keys: Vec<Option<String>>,
}

impl Styles {
    fn of(&self, category: &Option<String>) -> (Rgb, Shape) {
        let i = self.keys.iter().position(|k| k == category).unwrap_or(0);
        let (color, _) = PALETTE[(i + i / PALETTE.len()) % PALETTE.len()];
        let (_, shape) = PALETTE[i % PALETTE.len()];
        (color, shape)
    }
}

fn categories(drawn: &[Drawn]) -> Styles {
    let named: BTreeSet<&String> = drawn.iter().filter_map(|d| d.category.as_ref()).collect();
    let mut keys: Vec<Option<String>> = named.into_iter().map(|c| Some(c.clone())).collect();
    if drawn.iter().any(|d| d.category.is_none()) {
        keys.push(None);
    }
    Styles { keys }
}

// ---------------------------------------------------------------------------------------------
// Legend and sources line.

/// The legend entries (y relative to the axis) and the legend's height.
fn legend(styles: &Styles, drawn: &[Drawn], bands: &[Band], width: f64) -> (Vec<LegendEntry>, f64) {
    let mut entries: Vec<(Glyph, String)> = Vec::new();
    let named = styles.keys.iter().any(|k| k.is_some());
    if named {
        for k in &styles.keys {
            let (color, shape) = styles.of(k);
            let name = match k {
                Some(k) => text::wrap(k, SMALL, false, 200.0, 1).concat(),
                None => "ohne Kategorie".to_string(),
            };
            entries.push((Glyph::Shape(shape, color, false), name));
        }
    }
    let (grey, circle) = ((0x55, 0x55, 0x55), Shape::Circle);
    entries.push((Glyph::Shape(circle, grey, false), "Tag".to_string()));
    entries.push((Glyph::Bar, "Monat, Jahr".to_string()));
    entries.push((Glyph::Range, "Zeitraum".to_string()));
    if drawn.iter().any(|d| d.planned) {
        entries.push((Glyph::Shape(circle, grey, true), "geplant".to_string()));
    }
    entries.push((Glyph::Break, "ausgelassene Zeit".to_string()));
    if !bands.is_empty() {
        entries.push((Glyph::Band, "gedehnter Abschnitt".to_string()));
    }
    let mut out = Vec::new();
    let (mut x, mut row) = (MARGIN_X, 0.0);
    let top = 44.0;
    for (glyph, name) in entries {
        let w = 18.0 + text::width(&name, SMALL, false) + 14.0;
        if x + w > width - MARGIN_X && x > MARGIN_X {
            x = MARGIN_X;
            row += 1.0;
        }
        let y = top + row * 16.0;
        out.push(LegendEntry {
            glyph,
            x: x + 7.0,
            y: y + SMALL / 2.0,
            text: TextLine::new(name, x + 18.0, y, SMALL, false),
        });
        x += w;
    }
    (out, (row + 1.0) * 16.0)
}

/// `one` for one ("1 Ereignis", "einem Ereignis"), else the count and `many` ("15 Ereignisse").
fn events(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        one.to_string()
    } else {
        format!("{n} {many}")
    }
}

/// The sources line: each document with its date, then what is not drawn.
fn footer(timeline: &Timeline, skipped: &[usize], crowded: usize, width: f64) -> Vec<String> {
    let mut s = String::from("Quellen: ");
    let docs: Vec<String> = timeline
        .documents
        .iter()
        .map(|d| {
            let name = d
                .source
                .clone()
                .or_else(|| d.title.clone())
                .unwrap_or_else(|| d.file.clone());
            let date = DateSpan::parse(&d.date)
                .map(|s| text::span(&s))
                .unwrap_or_else(|| d.date.clone());
            format!("{name} ({date})")
        })
        .collect();
    if docs.is_empty() {
        s.push_str("keine Dokumente angegeben");
    } else if docs.len() > MAX_LISTED_SOURCES {
        let mut dates: Vec<DateSpan> = timeline
            .documents
            .iter()
            .filter_map(|d| DateSpan::parse(&d.date))
            .collect();
        dates.sort_by_key(|d| (d.first, d.last));
        s.push_str(&format!("{} Dokumente", thousands(docs.len())));
        if let (Some(a), Some(b)) = (dates.first(), dates.last()) {
            s.push_str(&format!(" ({} bis {})", text::span(a), text::span(b)));
        }
        s.push_str(", einzeln in events.yaml");
    } else {
        s.push_str(&docs.join("; "));
    }
    s.push('.');
    if crowded > 0 {
        s.push_str(&format!(
            " Gezeichnet sind die {MAX_DRAWN} Ereignisse mit den meisten Quellen; {} weitere \
             stehen in events.yaml und im Bericht.",
            thousands(crowded)
        ));
    }
    let hidden = skipped
        .iter()
        .filter(|&&i| timeline.events.get(i).is_some_and(|e| !e.hidden))
        .count();
    if hidden > 0 {
        let (n, verb) = if hidden == 1 {
            ("1 Ereignis".to_string(), "ist")
        } else {
            (format!("{hidden} Ereignisse"), "sind")
        };
        s.push_str(&format!(
            " {n} ohne Kalenderdatum oder außerhalb des Zeitraums {verb} nicht gezeigt."
        ));
    }
    text::wrap(&s, SMALL, false, width - 2.0 * MARGIN_X, 3)
}
