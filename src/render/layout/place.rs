//! Placing events above the axis: each mark and label takes the lowest position where it
//! touches no other mark, label or leader line, and a point's leader line down to the axis
//! crosses nothing.

use super::*;

/// A placed event, in heights above the axis (y grows upwards here).
pub(super) struct Placed {
    event: usize,
    color: Rgb,
    shape: Shape,
    planned: bool,
    kind: MarkKind,
    /// Mark box, label box: x0, y0 (bottom), x1, y1 (top).
    pub(super) mark_rect: Rect,
    pub(super) label_rect: Rect,
    lines: Vec<TextLine>,
    glyph: Option<(f64, f64)>,
    leader: Option<(f64, f64)>,
    breaks_crossed: Vec<f64>,
    cut: (bool, bool),
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
    pub(super) fn into_item(self, axis_y: f64) -> Item {
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
            cut: self.cut,
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
    // The date line, then the title lines; the box ends at the last line's glyphs.
    let h = if title.is_empty() {
        DATE_SIZE
    } else {
        DATE_SIZE * LINE + (title.len() - 1) as f64 * TITLE_SIZE * LINE + TITLE_SIZE
    };
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

pub(super) fn place(
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
    // The order of placing (earlier goes lower):
    // 1. points too near the right edge for a label on their right, left to right: their labels
    //    stand on their left, the mirror image of the staircase below;
    // 2. the other points, right to left: labels run to the right of their points, so a point
    //    further right sits lower and the leader lines of the ones left of it pass beside its
    //    label;
    // 3. bars, which have no leader lines and take the room the points leave.
    // Ties (one day) keep reverse time order, so a day's later events sit lower.
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
            cut: d.cut,
            date_label: t.date_label.clone(),
            cx,
        });
    }
    // Back to chronological order.
    let order: Vec<usize> = drawn.iter().map(|d| d.event).collect();
    placed.sort_by_key(|p| order.iter().position(|&e| e == p.event));
    placed
}
