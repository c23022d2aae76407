//! Layout maths of the timeline picture, apart from drawing: which events are drawn, the time
//! axis (calendar cells, compressed empty stretches, expanded dense ones), where each event's
//! mark and label go, the tick labels, the legend and the sources line.
//!
//! The axis is a row of *pieces*. A piece is either a calendar cell (a year, a month or a day)
//! drawn to scale, or a *break* standing for an empty stretch of time, drawn narrow with the gap
//! written on it. Cells start at the coarsest unit the time range calls for; a cell holding two
//! or more dates finer than itself is split into the next finer unit (a year into months, a
//! month into days), so a dense cluster gets room. Within a run of cells of one unit the scale is
//! linear; a finer run is tinted and captioned, so the reader sees the scale change.
//!
//! Events are placed bottom-up above the axis: each one takes the lowest position where its
//! mark and label touch no other mark, label or leader line, and its own leader line (from a
//! point down to the axis) crosses nothing. Everything is in px of the final canvas.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::text;
use super::RenderOptions;
use crate::error::{Error, Result};
use crate::model::{DateSpan, Precision, Timeline};

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
        TextLine {
            text: text.into(),
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

/// A calendar unit of the axis, finest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    Day,
    Month,
    Year,
}

impl Unit {
    fn finer(self) -> Option<Unit> {
        match self {
            Unit::Year => Some(Unit::Month),
            Unit::Month => Some(Unit::Day),
            Unit::Day => None,
        }
    }

    /// Nominal width of one average cell before scaling, and the days in an average cell.
    fn nominal(self) -> (f64, f64) {
        match self {
            Unit::Year => (64.0, 365.2425),
            Unit::Month => (46.0, 30.436875),
            Unit::Day => (22.0, 1.0),
        }
    }

    fn of(p: Precision) -> Unit {
        match p {
            Precision::Year => Unit::Year,
            Precision::Month => Unit::Month,
            Precision::Day | Precision::Minute => Unit::Day,
        }
    }

    fn floor(self, d: NaiveDate) -> NaiveDate {
        match self {
            Unit::Year => ymd(d.year(), 1, 1),
            Unit::Month => ymd(d.year(), d.month(), 1),
            Unit::Day => d,
        }
    }

    fn next(self, d: NaiveDate) -> NaiveDate {
        match self {
            Unit::Year => ymd(d.year() + 1, 1, 1),
            Unit::Month if d.month() == 12 => ymd(d.year() + 1, 1, 1),
            Unit::Month => ymd(d.year(), d.month() + 1, 1),
            Unit::Day => d.succ_opt().unwrap_or(d),
        }
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn days(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

/// What a piece of the axis is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    /// A calendar cell drawn to scale.
    Cell(Unit),
    /// An empty stretch of time drawn narrow.
    Break,
}

/// A piece of the axis: the time `[start, end)` drawn over `[x0, x1]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub kind: PieceKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub x0: f64,
    pub x1: f64,
}

/// The time axis: pieces left to right, without gaps in time or in px.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub pieces: Vec<Piece>,
}

impl Axis {
    /// The x of the start of day `d` (the end of the axis for its end date).
    pub fn x(&self, d: NaiveDate) -> f64 {
        let (first, last) = match (self.pieces.first(), self.pieces.last()) {
            (Some(f), Some(l)) => (f, l),
            _ => return MARGIN_X,
        };
        if d <= first.start {
            return first.x0;
        }
        if d >= last.end {
            return last.x1;
        }
        for p in &self.pieces {
            if d >= p.start && d < p.end {
                let span = (days(p.end) - days(p.start)) as f64;
                let t = (days(d) - days(p.start)) as f64 / span;
                return p.x0 + t * (p.x1 - p.x0);
            }
        }
        last.x1
    }

    /// The x of the middle of day `d`: where a point on that day is drawn.
    pub fn x_mid(&self, d: NaiveDate) -> f64 {
        let next = d.succ_opt().unwrap_or(d);
        (self.x(d) + self.x(next)) / 2.0
    }

    /// The first and last day the axis covers.
    pub fn range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.pieces.first()?.start;
        let last = self.pieces.last()?.end.pred_opt()?;
        Some((first, last))
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
    /// The date label (also used in the tooltip).
    pub date_label: String,
}

/// A run of finer cells than the coarsest on the axis: tinted so the change of scale shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub x0: f64,
    pub x1: f64,
    pub unit: Unit,
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

impl Layout {
    /// Every box that must not overlap another: marks and labels of all events, then the keep-
    /// out strips of leader lines. For tests and checks.
    pub fn boxes(&self) -> Vec<(usize, &'static str, Rect)> {
        let mut out = Vec::new();
        for (i, it) in self.items.iter().enumerate() {
            out.push((i, "mark", it.mark_rect));
            out.push((i, "label", it.label_rect));
        }
        for (i, it) in self.items.iter().enumerate() {
            if let Some((x, y0, y1)) = it.leader {
                out.push((
                    i,
                    "leader",
                    Rect {
                        x0: x - 0.5,
                        y0,
                        x1: x + 0.5,
                        y1,
                    },
                ));
            }
        }
        out
    }
}

/// One event with a calendar interval, as the layout sees it.
struct Drawn {
    event: usize,
    first: DateSpan,
    last: Option<DateSpan>,
    /// Clipped to `from`/`to`: `[a, b)`.
    a: NaiveDate,
    b: NaiveDate,
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
    let (drawn, skipped) = select(timeline, opts);
    let title = timeline
        .title
        .clone()
        .unwrap_or_else(|| "Zeitstrahl".to_string());

    let axis = build_axis(&drawn, width);
    let styles = categories(&drawn);

    // Heading.
    let mut heading = Vec::new();
    let mut y = 22.0;
    for line in text::wrap(&title, 20.0, true, width - 2.0 * MARGIN_X, 2) {
        heading.push(TextLine::new(line, MARGIN_X, y, 20.0, true));
        y += 20.0 * LINE;
    }
    let range_label = date_range(&drawn);
    let sub = match &range_label {
        Some(r) => format!("{r} · {} Ereignisse", drawn.len()),
        None => "keine datierten Ereignisse".to_string(),
    };
    heading.push(TextLine::new(sub, MARGIN_X, y + 2.0, 12.0, false).colored(MUTED));
    let body_top = y + 2.0 + 12.0 * LINE + 14.0;

    // Below the axis: tick labels, legend, sources; their height does not depend on axis_y.
    let bands = bands(&axis);
    let (legend, legend_h) = legend(&styles, &drawn, &bands, width);
    let footer_lines = footer(timeline, &skipped, width);
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
        for vpad in [9.0, 6.0, 4.0] {
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
            "Zeitstrahl „{title}“ mit {} Ereignissen, {r}; die Zeitachse ist abschnittsweise \
             linear, lange leere Zeiträume sind ausgelassen und markiert.",
            drawn.len()
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
        drawn.push(Drawn {
            event: i,
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
fn date_range(drawn: &[Drawn]) -> Option<String> {
    let first = drawn.iter().map(|d| d.first).min_by_key(|s| s.first)?;
    let last = drawn
        .iter()
        .map(|d| d.last.unwrap_or(d.first))
        .max_by_key(|s| s.last)?;
    if first == last {
        return Some(text::span(&first));
    }
    Some(text::range(&first, Some(&last)))
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
// The axis.

/// A date the axis must resolve, with its precision.
struct Pin {
    day: NaiveDate,
    unit: Unit,
}

fn anchors(drawn: &[Drawn]) -> Vec<Pin> {
    let mut out = Vec::new();
    for d in drawn {
        out.push(Pin {
            day: d.a,
            unit: Unit::of(d.first.precision),
        });
        if !d.point {
            let unit = Unit::of(d.last.unwrap_or(d.first).precision);
            out.push(Pin {
                day: d.b.pred_opt().unwrap_or(d.b),
                unit,
            });
        }
    }
    out
}

struct Cell {
    start: NaiveDate,
    end: NaiveDate,
    unit: Unit,
}

fn cells(start: NaiveDate, end: NaiveDate, unit: Unit) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut s = unit.floor(start);
    while s < end {
        let e = unit.next(s);
        if e <= s {
            break;
        }
        out.push(Cell {
            start: s,
            end: e,
            unit,
        });
        s = e;
    }
    out
}

/// Splits a cell holding two or more distinct dates finer than itself, recursively.
fn refine(cell: Cell, anchors: &[Pin], out: &mut Vec<Cell>) {
    if let Some(finer) = cell.unit.finer() {
        let inside: BTreeSet<NaiveDate> = anchors
            .iter()
            .filter(|a| a.unit < cell.unit && a.day >= cell.start && a.day < cell.end)
            .map(|a| a.day)
            .collect();
        if inside.len() >= 2 {
            for c in cells(cell.start, cell.end, finer) {
                refine(c, anchors, out);
            }
            return;
        }
    }
    out.push(cell);
}

fn build_axis(drawn: &[Drawn], width: f64) -> Axis {
    let (lo, hi) = match (
        drawn.iter().map(|d| d.a).min(),
        drawn.iter().map(|d| d.b).max(),
    ) {
        (Some(lo), Some(hi)) => (lo, hi),
        _ => {
            return Axis {
                pieces: vec![Piece {
                    kind: PieceKind::Break,
                    start: NaiveDate::MIN,
                    end: NaiveDate::MIN,
                    x0: MARGIN_X,
                    x1: width - MARGIN_X,
                }],
            }
        }
    };
    let len = days(hi) - days(lo);
    let top = if len > 3 * 366 {
        Unit::Year
    } else if len > 92 {
        Unit::Month
    } else {
        Unit::Day
    };
    let anchors = anchors(drawn);
    let mut fine = Vec::new();
    for c in cells(lo, hi, top) {
        refine(c, &anchors, &mut fine);
    }
    // Occupancy: 2 holds a date, 1 lies under a bar, 0 is empty.
    let level = |c: &Cell| -> u8 {
        if anchors.iter().any(|a| a.day >= c.start && a.day < c.end) {
            2
        } else if drawn.iter().any(|d| d.a < c.end && d.b > c.start) {
            1
        } else {
            0
        }
    };
    let levels: Vec<u8> = fine.iter().map(level).collect();
    let first = levels.iter().position(|&l| l > 0).unwrap_or(0);
    let last = levels.iter().rposition(|&l| l > 0).unwrap_or(0);
    let fine = &fine[first..=last];
    let levels = &levels[first..=last];

    // Runs of cells without dates become breaks when they are long.
    enum Proto {
        Cell(usize),
        Break(usize, usize),
    }
    let nominal = |c: &Cell| {
        let (w, per) = c.unit.nominal();
        w * (days(c.end) - days(c.start)) as f64 / per
    };
    let mut protos = Vec::new();
    let mut i = 0;
    while i < fine.len() {
        if levels[i] == 2 {
            protos.push(Proto::Cell(i));
            i += 1;
            continue;
        }
        let mut j = i;
        while j < fine.len() && levels[j] < 2 {
            j += 1;
        }
        let w: f64 = fine[i..j].iter().map(nominal).sum();
        let max = levels[i..j].iter().copied().max().unwrap_or(0);
        // Empty stretches go when they are wider than two breaks; stretches under a bar only
        // when they are long, so a span keeps its length where it can.
        let long = if max == 0 {
            w >= 2.2 * BREAK_W
        } else {
            w >= 6.0 * BREAK_W || j - i >= 5
        };
        if long {
            protos.push(Proto::Break(i, j));
        } else {
            protos.extend((i..j).map(Proto::Cell));
        }
        i = j;
    }
    // A break is wide enough for the gap written under it, unless breaks would take more than
    // a third of the axis.
    let break_w = |i: usize, j: usize| {
        let gap = break_label(fine[i].start, fine[j - 1].end);
        gap.iter()
            .map(|l| text::width(l, SMALL, false) + 8.0)
            .fold(BREAK_W, f64::max)
    };
    let avail = width - 2.0 * MARGIN_X;
    let breaks_sum: f64 = protos
        .iter()
        .map(|p| match p {
            Proto::Break(i, j) => break_w(*i, *j),
            Proto::Cell(_) => 0.0,
        })
        .sum();
    let break_scale = if breaks_sum > avail / 3.0 {
        avail / 3.0 / breaks_sum
    } else {
        1.0
    };
    let cell_sum: f64 = protos
        .iter()
        .map(|p| match p {
            Proto::Cell(i) => nominal(&fine[*i]),
            Proto::Break(..) => 0.0,
        })
        .sum();
    let scale = if cell_sum > 0.0 {
        (avail - breaks_sum * break_scale) / cell_sum
    } else {
        1.0
    };
    let mut x = MARGIN_X;
    let mut pieces = Vec::new();
    for p in protos {
        let (kind, start, end, w) = match p {
            Proto::Cell(i) => (
                PieceKind::Cell(fine[i].unit),
                fine[i].start,
                fine[i].end,
                nominal(&fine[i]) * scale,
            ),
            Proto::Break(i, j) => (
                PieceKind::Break,
                fine[i].start,
                fine[j - 1].end,
                break_w(i, j) * break_scale,
            ),
        };
        pieces.push(Piece {
            kind,
            start,
            end,
            x0: x,
            x1: x + w,
        });
        x += w;
    }
    Axis { pieces }
}

/// The gap a break stands for, in one or two lines: "4 Jahre", "2 Jahre," "3 Monate".
fn break_label(start: NaiveDate, end: NaiveDate) -> Vec<String> {
    let d = text::duration(start, end);
    match d.split_once(", ") {
        Some((a, b)) => vec![format!("{a},"), b.to_string()],
        None => vec![d],
    }
}

/// Runs of cells finer than the coarsest cell on the axis.
fn bands(axis: &Axis) -> Vec<Band> {
    let coarsest = axis
        .pieces
        .iter()
        .filter_map(|p| match p.kind {
            PieceKind::Cell(u) => Some(u),
            PieceKind::Break => None,
        })
        .max();
    let Some(coarsest) = coarsest else {
        return Vec::new();
    };
    let mut out: Vec<Band> = Vec::new();
    let mut prev_cell: Option<Unit> = None;
    for p in &axis.pieces {
        match p.kind {
            PieceKind::Cell(u) if u < coarsest => {
                match out.last_mut() {
                    Some(b) if prev_cell == Some(u) && (b.x1 - p.x0).abs() < 1e-9 => b.x1 = p.x1,
                    _ => out.push(Band {
                        x0: p.x0,
                        x1: p.x1,
                        unit: u,
                    }),
                }
                prev_cell = Some(u);
            }
            PieceKind::Cell(u) => prev_cell = Some(u),
            PieceKind::Break => prev_cell = None,
        }
    }
    out
}

/// Cell boundaries and tick labels: a label per cell ("2014", "Okt.", "12."), a break's gap
/// ("4 Jahre"), and a second row naming the year of month cells and the month of day cells.
fn ticks(axis: &Axis, axis_y: f64) -> (Vec<f64>, Vec<TextLine>) {
    let mut ticks = Vec::new();
    let y1 = axis_y + 8.0;
    let y2 = axis_y + 24.0;
    let mut labels: Vec<TextLine> = Vec::new();
    // Keeps a label (of one or more lines) only where it collides with none kept before.
    let keep = |labels: &mut Vec<TextLine>, ls: Vec<TextLine>, limit: (f64, f64)| {
        let free = ls.iter().all(|l| {
            let r = l.rect();
            r.x0 >= limit.0
                && r.x1 <= limit.1
                && labels.iter().all(|o| !o.rect().grow(1.0).intersects(&r))
        });
        if free {
            labels.extend(ls);
        }
    };
    let limit = (
        4.0,
        axis.pieces.last().map_or(0.0, |p| p.x1) + MARGIN_X - 4.0,
    );
    // Breaks first: their gap must be readable.
    for p in &axis.pieces {
        if p.kind == PieceKind::Break && p.start < p.end {
            let ls = break_label(p.start, p.end)
                .into_iter()
                .enumerate()
                .map(|(k, t)| {
                    TextLine::new(
                        t,
                        (p.x0 + p.x1) / 2.0,
                        y1 + k as f64 * SMALL * 1.1,
                        SMALL,
                        false,
                    )
                    .anchored(Anchor::Middle)
                    .colored(MUTED)
                })
                .collect();
            keep(&mut labels, ls, limit);
        }
    }
    for (i, p) in axis.pieces.iter().enumerate() {
        // The first cell after a break or a change of unit is labelled whenever it fits.
        let first_of_run = i == 0 || axis.pieces[i - 1].kind != p.kind;
        if let PieceKind::Cell(u) = p.kind {
            ticks.push(p.x0);
            ticks.push(p.x1);
            let t = match u {
                Unit::Year => p.start.year().to_string(),
                Unit::Month => text::MONTHS_SHORT[p.start.month0() as usize].to_string(),
                Unit::Day => format!("{}.", p.start.day()),
            };
            let size = if u == Unit::Day { SMALL } else { TICK_SIZE };
            // Where cells are too narrow for every label, label every 2nd, 5th, 10th… cell
            // on round numbers, so the labels that stay are regular.
            let (widest, steps, n): (&str, &[i64], i64) = match u {
                Unit::Year => (
                    "8888",
                    &[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
                    i64::from(p.start.year()),
                ),
                Unit::Month => ("Sept.", &[1, 3, 6, 12], i64::from(p.start.month0())),
                Unit::Day => ("28.", &[1, 2, 5, 10, 31], i64::from(p.start.day0())),
            };
            // Days are all candidates (left to right, as room allows): the days of a
            // cluster matter more than regular steps.
            let need = if u == Unit::Day {
                0.0
            } else {
                text::width(widest, size, false) + 3.0
            };
            let w = p.x1 - p.x0;
            let step = steps
                .iter()
                .copied()
                .find(|&s| s as f64 * w >= need)
                .unwrap_or(i64::MAX);
            if n.rem_euclid(step) != 0 && !first_of_run {
                continue;
            }
            let l = TextLine::new(t, (p.x0 + p.x1) / 2.0, y1, size, false).anchored(Anchor::Middle);
            keep(&mut labels, vec![l], limit);
        }
    }
    ticks.sort_by(f64::total_cmp);
    ticks.dedup_by(|a, b| (*a - *b).abs() < 1e-6);
    // Second row: groups of month cells by year, day cells by month (breaks inside a group
    // belong to it).
    let mut groups: Vec<(String, f64, f64)> = Vec::new();
    let mut last_key: Option<(Unit, i32, u32)> = None;
    for p in &axis.pieces {
        let key = match p.kind {
            PieceKind::Cell(Unit::Month) => Some((Unit::Month, p.start.year(), 0)),
            PieceKind::Cell(Unit::Day) => Some((Unit::Day, p.start.year(), p.start.month())),
            PieceKind::Cell(Unit::Year) => {
                last_key = None;
                continue;
            }
            PieceKind::Break => continue,
        };
        match groups.last_mut() {
            Some(g) if key == last_key => g.2 = p.x1,
            _ => {
                let name = match p.kind {
                    PieceKind::Cell(Unit::Day) => text::month(p.start),
                    _ => p.start.year().to_string(),
                };
                groups.push((name, p.x0, p.x1));
            }
        }
        last_key = key;
    }
    for (name, x0, x1) in groups {
        let l = TextLine::new(name, (x0 + x1) / 2.0, y2, TICK_SIZE, true).anchored(Anchor::Middle);
        keep(&mut labels, vec![l], limit);
    }
    labels.sort_by(|a, b| {
        (a.y, a.x)
            .partial_cmp(&(b.y, b.x))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    (ticks, labels)
}

// ---------------------------------------------------------------------------------------------
// Placing events.

/// A placed event, in heights above the axis (y grows upwards here).
struct Placed {
    event: usize,
    color: Rgb,
    shape: Shape,
    planned: bool,
    kind: MarkKind,
    /// Mark box, label box: x0, y0 (bottom), x1, y1 (top).
    mark_rect: Rect,
    label_rect: Rect,
    lines: Vec<TextLine>,
    glyph: Option<(f64, f64)>,
    leader: Option<(f64, f64)>,
    breaks_crossed: Vec<f64>,
    date_label: String,
    cx: f64,
}

#[derive(Clone, Copy, PartialEq)]
enum MarkKind {
    Point,
    Bar(f64, f64),
    Range(f64, f64),
}

impl Placed {
    fn into_item(self, axis_y: f64) -> Item {
        let flip = |r: Rect| Rect {
            x0: r.x0,
            x1: r.x1,
            y0: axis_y - r.y1,
            y1: axis_y - r.y0,
        };
        let mark_rect = flip(self.mark_rect);
        let cy = (mark_rect.y0 + mark_rect.y1) / 2.0;
        let mark = match self.kind {
            MarkKind::Point => Mark::Point { cx: self.cx, cy },
            MarkKind::Bar(x0, x1) => Mark::Bar { x0, x1, cy },
            MarkKind::Range(x0, x1) => Mark::Range { x0, x1, cy },
        };
        let lines = self
            .lines
            .into_iter()
            .map(|mut l| {
                l.y = axis_y - l.y;
                l
            })
            .collect();
        Item {
            event: self.event,
            color: self.color,
            shape: self.shape,
            planned: self.planned,
            mark,
            mark_rect,
            label_rect: flip(self.label_rect),
            lines,
            glyph: self.glyph.map(|(x, y)| (x, axis_y - y)),
            leader: self.leader.map(|(x, top)| (x, axis_y - top, axis_y)),
            breaks_crossed: self.breaks_crossed,
            date_label: self.date_label,
        }
    }
}

/// The label of one event before it is placed: lines relative to the label's top-left corner
/// (y downwards), its width and height.
struct Label {
    date: String,
    title: Vec<String>,
    w: f64,
    h: f64,
    indent: f64,
}

fn label(date: &str, title: &str, glyph: bool, max: f64) -> Label {
    let indent = if glyph { 13.0 } else { 0.0 };
    let title = text::wrap(title, TITLE_SIZE, false, max, TITLE_LINES);
    let w = title
        .iter()
        .map(|l| text::width(l, TITLE_SIZE, false))
        .fold(indent + text::width(date, DATE_SIZE, true), f64::max);
    let h = DATE_SIZE * LINE + title.len() as f64 * TITLE_SIZE * LINE - (LINE - 1.0) * TITLE_SIZE;
    Label {
        date: date.to_string(),
        title,
        w,
        h,
        indent,
    }
}

/// Where a label goes relative to its mark.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    /// Right of a point, or above a bar starting at its left end.
    Right,
    /// Left of a point, or above a bar ending at its right end.
    Left,
    /// Above a point.
    Above,
}

/// The boxes of one event for a block bottom `hb` (heights above the axis).
struct Geometry {
    label: Rect,
    label_top: f64,
    label_x: f64,
    mark: Rect,
    leader: Option<(f64, f64)>,
}

fn geometry(kind: MarkKind, cx: f64, lab: &Label, side: Side, hb: f64, width: f64) -> Geometry {
    let clamp = |x: f64| x.max(6.0).min(width - 6.0 - lab.w);
    match kind {
        MarkKind::Point => {
            let (lx, label_bottom, my) = match side {
                Side::Right | Side::Left => {
                    let lx = if side == Side::Right {
                        cx + R + 4.0
                    } else {
                        cx - R - 4.0 - lab.w
                    };
                    (lx, hb, hb + lab.h - DATE_SIZE / 2.0)
                }
                Side::Above => (clamp(cx - R), hb + 2.0 * R + 3.0, hb + R),
            };
            let label_top = label_bottom + lab.h;
            Geometry {
                label: Rect {
                    x0: lx,
                    y0: label_bottom,
                    x1: lx + lab.w,
                    y1: label_top,
                },
                label_top,
                label_x: lx,
                mark: Rect {
                    x0: cx - R,
                    y0: my - R,
                    x1: cx + R,
                    y1: my + R,
                },
                leader: Some((cx, my - R)),
            }
        }
        MarkKind::Bar(x0, x1) | MarkKind::Range(x0, x1) => {
            let lx = match side {
                Side::Left => clamp(x1 - lab.w),
                _ => clamp(x0),
            };
            let label_bottom = hb + BAR_ROW + 3.0;
            let label_top = label_bottom + lab.h;
            Geometry {
                label: Rect {
                    x0: lx,
                    y0: label_bottom,
                    x1: lx + lab.w,
                    y1: label_top,
                },
                label_top,
                label_x: lx,
                mark: Rect {
                    x0,
                    y0: hb,
                    x1,
                    y1: hb + BAR_ROW,
                },
                leader: None,
            }
        }
    }
}

fn strip(x: f64, top: f64) -> Rect {
    Rect {
        x0: x - LEADER_HALF,
        y0: 0.0,
        x1: x + LEADER_HALF,
        y1: top,
    }
}

/// Whether `g` (of a point at `cx` if `point`) fits among `placed`.
/// `vpad` is the free space kept above and below every box (at least `PAD`).
fn fits(
    g: &Geometry,
    point: bool,
    cx: f64,
    placed: &[Placed],
    with_leader: bool,
    vpad: f64,
) -> bool {
    let same_x = |q: &Placed| point && q.kind == MarkKind::Point && (q.cx - cx).abs() < 0.01;
    let label = g.label.grow_xy(PAD, vpad);
    let mark = g.mark.grow_xy(PAD, vpad);
    for q in placed {
        let ql = q.label_rect.grow_xy(PAD, vpad);
        let qm = q.mark_rect.grow_xy(PAD, vpad);
        if label.intersects(&ql) || label.intersects(&qm) || mark.intersects(&ql) {
            return false;
        }
        if mark.intersects(&qm) {
            return false;
        }
        if let Some((x, top)) = q.leader {
            let s = strip(x, top);
            if s.intersects(&label) || (!same_x(q) && s.intersects(&mark)) {
                return false;
            }
        }
        if with_leader {
            if let Some((x, top)) = g.leader {
                let s = strip(x, top);
                if s.intersects(&ql) || (!same_x(q) && s.intersects(&qm)) {
                    return false;
                }
            }
        }
    }
    true
}

fn place(
    timeline: &Timeline,
    drawn: &[Drawn],
    axis: &Axis,
    styles: &Styles,
    width: f64,
    vpad: f64,
) -> Vec<Placed> {
    let breaks: Vec<f64> = axis
        .pieces
        .iter()
        .filter(|p| p.kind == PieceKind::Break)
        .map(|p| (p.x0 + p.x1) / 2.0)
        .collect();
    // Each event's mark and label before placing.
    struct Todo<'a> {
        d: &'a Drawn,
        kind: MarkKind,
        cx: f64,
        lab: Label,
        date_label: String,
    }
    let mut todo: Vec<Todo> = drawn
        .iter()
        .map(|d| {
            let ev = &timeline.events[d.event];
            let mut date_label = text::event(&ev.date, ev.end.as_deref())
                .unwrap_or_else(|| text::range(&d.first, d.last.as_ref()));
            if d.planned {
                date_label.push_str(" (geplant)");
            }
            let (kind, cx) = if d.point {
                (MarkKind::Point, axis.x_mid(d.a))
            } else {
                let (x0, x1) = (axis.x(d.a), axis.x(d.b));
                let x1 = x1.max(x0 + 3.0);
                let k = if d.last.is_some() {
                    MarkKind::Range(x0, x1)
                } else {
                    MarkKind::Bar(x0, x1)
                };
                (k, x0)
            };
            let lab = label(&date_label, &d.title, !d.point, label_width(width));
            Todo {
                d,
                kind,
                cx,
                lab,
                date_label,
            }
        })
        .collect();
    // Points first, right to left: labels run to the right of their points, so a point further
    // right sits lower and the leader lines of the ones left of it pass beside its label. Bars
    // have no leader lines; they take the room the points leave.
    // Points too near the right edge for a label on their right go first, left to right: their
    // labels stand on their left, the mirror image of the staircase.
    todo.reverse();
    let order = |t: &Todo| -> (u8, f64) {
        if t.kind != MarkKind::Point {
            (2, -t.cx)
        } else if t.cx + R + 4.0 + t.lab.w > width - 5.0 {
            (0, t.cx)
        } else {
            (1, -t.cx)
        }
    };
    todo.sort_by(|a, b| {
        order(a)
            .partial_cmp(&order(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut placed: Vec<Placed> = Vec::new();
    for (k, t) in todo.iter().enumerate() {
        // Points still to come need their leader lines free: a label should not cover them.
        let pending: Vec<f64> = todo[k + 1..]
            .iter()
            .filter(|u| u.kind == MarkKind::Point)
            .map(|u| u.cx)
            .collect();
        let (kind, cx, lab, d) = (t.kind, t.cx, &t.lab, t.d);
        let (color, shape) = styles.of(&d.category);
        let sides: &[Side] = if d.point {
            &[Side::Right, Side::Left, Side::Above]
        } else {
            &[Side::Right, Side::Left]
        };
        let in_bounds = |g: &Geometry| g.label.x0 >= 5.0 && g.label.x1 <= width - 5.0;
        // How many points still to come a side's label (or a bar) would stand over: their
        // leader lines would have to cross it. Labels keep their x at every height.
        let covers = |side: Side| {
            let g = geometry(kind, cx, lab, side, 0.0, width);
            let covered = |r: &Rect, x: f64| r.x0 < x + R + PAD && x - R - PAD < r.x1;
            pending
                .iter()
                .filter(|&&x| covered(&g.label, x) || (!d.point && covered(&g.mark, x)))
                .count()
        };
        // Candidate block bottoms: the axis gap, and just above every box placed so far.
        let mut tops: Vec<f64> = vec![AXIS_GAP];
        for q in &placed {
            for top in [q.label_rect.y1, q.mark_rect.y1] {
                for &side in sides {
                    let g = geometry(kind, cx, lab, side, 0.0, width);
                    for off in [g.label.y0, g.mark.y0] {
                        let hb = top + 2.0 * vpad + 0.01 - off;
                        if hb >= AXIS_GAP {
                            tops.push(hb);
                        }
                    }
                }
            }
        }
        tops.sort_by(f64::total_cmp);
        tops.dedup_by(|a, b| (*a - *b).abs() < 1e-6);
        // Sides that cover the fewest points to come first, then the lowest position.
        let mut groups: Vec<(usize, Vec<Side>)> = Vec::new();
        for &side in sides {
            let c = covers(side);
            match groups.iter_mut().find(|(n, _)| *n == c) {
                Some((_, g)) => g.push(side),
                None => groups.push((c, vec![side])),
            }
        }
        groups.sort_by_key(|(n, _)| *n);
        let choose = |with_leader: bool| -> Option<(f64, Side)> {
            for (_, group) in &groups {
                for &hb in &tops {
                    for &side in group {
                        let g = geometry(kind, cx, lab, side, hb, width);
                        if in_bounds(&g) && fits(&g, d.point, cx, &placed, with_leader, vpad) {
                            return Some((hb, side));
                        }
                    }
                }
            }
            None
        };
        let chosen = [true, false]
            .iter()
            .find_map(|&leader| choose(leader).map(|c| (c, leader)));
        let ((hb, side), leader) = chosen.unwrap_or_else(|| {
            // Only if no side fits the canvas: above everything, the label clamped.
            let hb = tops.last().copied().unwrap_or(AXIS_GAP) + 40.0;
            ((hb, Side::Above), false)
        });
        let g = geometry(kind, cx, lab, side, hb, width);
        let mut lines = vec![TextLine::new(
            lab.date.clone(),
            g.label_x + lab.indent,
            g.label_top,
            DATE_SIZE,
            true,
        )
        .colored(MUTED)];
        for (k, line) in lab.title.iter().enumerate() {
            lines.push(TextLine::new(
                line.clone(),
                g.label_x,
                g.label_top - DATE_SIZE * LINE - k as f64 * TITLE_SIZE * LINE,
                TITLE_SIZE,
                false,
            ));
        }
        let breaks_crossed = match kind {
            MarkKind::Point => Vec::new(),
            MarkKind::Bar(x0, x1) | MarkKind::Range(x0, x1) => breaks
                .iter()
                .copied()
                .filter(|&x| x > x0 + 2.0 && x < x1 - 2.0)
                .collect(),
        };
        placed.push(Placed {
            event: d.event,
            color,
            shape,
            planned: d.planned,
            kind,
            mark_rect: g.mark,
            label_rect: g.label,
            lines,
            glyph: (!d.point).then_some((g.label_x + 5.0, g.label_top - DATE_SIZE / 2.0)),
            leader: if leader { g.leader } else { None },
            breaks_crossed,
            date_label: t.date_label.clone(),
            cx,
        });
    }
    // Back to chronological order.
    let order: Vec<usize> = drawn.iter().map(|d| d.event).collect();
    placed.sort_by_key(|p| order.iter().position(|&e| e == p.event));
    placed
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
            let name = k.clone().unwrap_or_else(|| "ohne Kategorie".to_string());
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

/// The sources line: each document with its date, then what is not drawn.
fn footer(timeline: &Timeline, skipped: &[usize], width: f64) -> Vec<String> {
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
    } else {
        s.push_str(&docs.join("; "));
    }
    s.push('.');
    let hidden = skipped
        .iter()
        .filter(|&&i| timeline.events.get(i).is_some_and(|e| !e.hidden))
        .count();
    if hidden > 0 {
        s.push_str(&format!(
            " {hidden} Ereignis(se) ohne Kalenderdatum oder außerhalb des Zeitraums nicht gezeigt."
        ));
    }
    text::wrap(&s, SMALL, false, width - 2.0 * MARGIN_X, 3)
}
