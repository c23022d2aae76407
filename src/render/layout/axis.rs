//! The time axis of the picture: calendar cells (years, months, days) drawn to scale, split
//! finer where dates crowd, and breaks for long empty stretches with the gap written on them;
//! the tick labels under it and the tinted bands of expanded runs.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::*;

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

/// A run of finer cells than the coarsest on the axis: tinted so the change of scale shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub x0: f64,
    pub x1: f64,
    pub unit: Unit,
}

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

/// `bounds` are the picture's `from` and `to`: cells are cut there, not beyond.
pub(super) fn build_axis(
    drawn: &[Drawn],
    width: f64,
    bounds: (Option<NaiveDate>, Option<NaiveDate>),
) -> Axis {
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
    let mut fine: Vec<Cell> = fine.drain(first..=last).collect();
    let levels = &levels[first..=last];
    if let (Some(from), Some(c)) = (bounds.0, fine.first_mut()) {
        c.start = c.start.max(from);
    }
    if let (Some(to), Some(c)) = (bounds.1, fine.last_mut()) {
        c.end = c.end.min(to.succ_opt().unwrap_or(to));
    }
    let fine = &fine[..];

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
pub(super) fn bands(axis: &Axis) -> Vec<Band> {
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
pub(super) fn ticks(axis: &Axis, axis_y: f64) -> (Vec<f64>, Vec<TextLine>) {
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
