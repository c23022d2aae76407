//! Drawing a [`Layout`] as a self-contained SVG document with plotters' SVG backend.
//!
//! plotters draws every shape and text line. Each group (the grid, the axis, one event) is drawn
//! into its own small plotters document whose elements are lifted out and wrapped in what
//! plotters cannot write: the root element with `role`, `<title>` and `<desc>` for screen
//! readers, and per event a `<g>` with a `<title>` tooltip and, where a source has a `url`, an
//! `<a>` link. Coordinates are whole px and every number is formatted the same way each time,
//! so the same input gives the same bytes.

use plotters::prelude::{DrawingBackend, SVGBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBAColor, RGBColor, ShapeStyle};

use super::layout::{
    Anchor, Glyph, Item, Layout, Mark, Rect, Rgb, Shape, TextLine, BAND, FAINT, INK, MUTED,
};
use super::text;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{DocumentEntry, Timeline};

const WHITE: Rgb = (0xFF, 0xFF, 0xFF);
const LEADER: Rgb = (0x9A, 0x9A, 0x9A);
const GRID: Rgb = (0xEC, 0xEC, 0xEC);

/// Draws `layout` of `timeline` as an SVG document.
pub fn draw(timeline: &Timeline, layout: &Layout) -> Result<String> {
    let (w, h) = (layout.width.round() as u32, layout.height.round() as u32);
    let mut out = String::new();
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
         width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" \
         aria-labelledby=\"zs-title zs-desc\" font-family=\"{}\">\n",
        text::FAMILY
    ));
    out.push_str(&format!(
        "<title id=\"zs-title\">{}</title>\n<desc id=\"zs-desc\">{}</desc>\n",
        escape(&layout.title),
        escape(&layout.description)
    ));
    let size = (w, h);

    out.push_str("<g id=\"background\">\n");
    out.push_str(&fragment(size, |p| {
        p.rect(
            Rect {
                x0: 0.0,
                y0: 0.0,
                x1: layout.width,
                y1: layout.height,
            },
            WHITE,
            true,
        )?;
        for b in &layout.bands {
            p.rect(
                Rect {
                    x0: b.x0,
                    y0: layout.body_top,
                    x1: b.x1,
                    y1: layout.axis_y,
                },
                BAND,
                true,
            )?;
        }
        for &x in &layout.ticks {
            p.line((x, layout.body_top), (x, layout.axis_y), GRID, 1)?;
        }
        Ok(())
    })?);
    out.push_str("</g>\n<g id=\"heading\">\n");
    out.push_str(&fragment(size, |p| {
        for l in &layout.heading {
            p.text(l)?;
        }
        Ok(())
    })?);
    out.push_str("</g>\n<g id=\"axis\">\n");
    out.push_str(&fragment(size, |p| axis(p, layout))?);
    out.push_str("</g>\n<g id=\"events\">\n");
    let documents: std::collections::HashMap<&str, &DocumentEntry> = timeline
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    for (n, item) in layout.items.iter().enumerate() {
        let ev = &timeline.events[item.event];
        out.push_str(&format!(
            "<g id=\"event-{}\" class=\"event\">\n<title>{}</title>\n",
            n + 1,
            escape(&tooltip(timeline, &documents, item))
        ));
        let link = ev
            .sources
            .iter()
            .find_map(|s| documents.get(s.doc.as_str()).and_then(|d| d.url.clone()));
        if let Some(url) = &link {
            let url = escape(url);
            out.push_str(&format!("<a href=\"{url}\" xlink:href=\"{url}\">\n"));
        }
        out.push_str(&fragment(size, |p| event(p, item))?);
        if link.is_some() {
            out.push_str("</a>\n");
        }
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n<g id=\"legend\">\n");
    out.push_str(&fragment(size, |p| {
        for e in &layout.legend {
            legend_glyph(p, e.glyph, e.x, e.y)?;
            p.text(&e.text)?;
        }
        for l in &layout.footer {
            p.text(l)?;
        }
        Ok(())
    })?);
    out.push_str("</g>\n</svg>\n");
    Ok(out)
}

/// How many sources a tooltip quotes at most; it counts the others.
const TOOLTIP_SOURCES: usize = 10;

/// Date, title and sources of an event, for its tooltip.
fn tooltip(
    timeline: &Timeline,
    documents: &std::collections::HashMap<&str, &DocumentEntry>,
    item: &Item,
) -> String {
    let ev = &timeline.events[item.event];
    let mut s = format!("{}: {}", item.date_label, ev.title);
    for src in ev.sources.iter().take(TOOLTIP_SOURCES) {
        let doc = documents.get(src.doc.as_str());
        let name = doc
            .and_then(|d| d.source.clone().or_else(|| d.title.clone()))
            .unwrap_or_else(|| src.doc.clone());
        let sentence: String = src.sentence.chars().take(300).collect();
        let more = if src.sentence.chars().count() > 300 {
            "…"
        } else {
            ""
        };
        s.push_str(&format!(
            "\nQuelle: {name} („{}“): {sentence}{more}",
            src.timex
        ));
    }
    let more = ev.sources.len().saturating_sub(TOOLTIP_SOURCES);
    if more > 0 {
        s.push_str(&format!(
            "\n… und {more} weitere Quellen (events.yaml, Bericht)"
        ));
    }
    if let Some(note) = &ev.note {
        s.push_str(&format!("\nAnmerkung: {note}"));
    }
    s
}

/// Escapes text for XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn axis(p: &mut Pen, layout: &Layout) -> Result<()> {
    let y = layout.axis_y;
    let pieces = &layout.axis.pieces;
    let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
        return Ok(());
    };
    // The axis line, interrupted at each break.
    let mut x = first.x0;
    for piece in pieces.iter().filter(|p| p.start < p.end) {
        if piece.kind == super::layout::PieceKind::Break {
            let c = (piece.x0 + piece.x1) / 2.0;
            p.line((x, y), (c - 3.0, y), INK, 2)?;
            for dx in [-3.0, 3.0] {
                p.line((c + dx - 3.0, y + 6.0), (c + dx + 3.0, y - 6.0), MUTED, 2)?;
            }
            x = c + 3.0;
        }
    }
    if first.start < first.end {
        p.line((x, y), (last.x1, y), INK, 2)?;
    }
    for &t in &layout.ticks {
        p.line((t, y), (t, y + 5.0), INK, 1)?;
    }
    for l in &layout.tick_labels {
        p.text(l)?;
    }
    Ok(())
}

fn event(p: &mut Pen, item: &Item) -> Result<()> {
    let c = item.color;
    if let Some((x, y0, y1)) = item.leader {
        if item.planned {
            p.dashed((x, y0), (x, y1), LEADER, 1)?;
        } else {
            p.line((x, y0), (x, y1), LEADER, 1)?;
        }
    }
    match item.mark {
        Mark::Point { cx, cy } => shape(p, item.shape, cx, cy, c, item.planned)?,
        Mark::Bar { x0, x1, cy } => {
            let r = Rect {
                x0,
                y0: cy - 4.0,
                x1,
                y1: cy + 4.0,
            };
            if item.planned {
                p.rect(r, WHITE, true)?;
                p.dashed((x0, r.y0), (x1, r.y0), c, 2)?;
                p.dashed((x0, r.y1), (x1, r.y1), c, 2)?;
                p.line((x0, r.y0), (x0, r.y1), c, 2)?;
                p.line((x1, r.y0), (x1, r.y1), c, 2)?;
            } else {
                p.rect(r, c, true)?;
            }
            breaks_on_bar(p, item, cy - 4.0, cy + 4.0)?;
            cut_ends(p, item, x0, x1, cy)?;
        }
        Mark::Range { x0, x1, cy } => {
            if item.planned {
                p.dashed((x0, cy), (x1, cy), c, 3)?;
            } else {
                p.rect(
                    Rect {
                        x0,
                        y0: cy - 2.0,
                        x1,
                        y1: cy + 2.0,
                    },
                    c,
                    true,
                )?;
            }
            p.line((x0 + 1.0, cy - 6.0), (x0 + 1.0, cy + 6.0), c, 2)?;
            p.line((x1 - 1.0, cy - 6.0), (x1 - 1.0, cy + 6.0), c, 2)?;
            breaks_on_bar(p, item, cy - 3.0, cy + 3.0)?;
            cut_ends(p, item, x0, x1, cy)?;
        }
    }
    if let Some((gx, gy)) = item.glyph {
        shape(p, item.shape, gx, gy, c, item.planned)?;
    }
    for l in &item.lines {
        p.text(l)?;
    }
    Ok(())
}

/// Where `--from`/`--to` cut a bar, its end becomes an arrow head pointing on (inside the
/// bar's box): the event goes on beyond the picture.
fn cut_ends(p: &mut Pen, item: &Item, x0: f64, x1: f64, cy: f64) -> Result<()> {
    let (left, right) = item.cut;
    if left && x1 - x0 > 14.0 {
        p.polygon(
            &[
                (x0, cy - 6.0),
                (x0 + 9.0, cy - 6.0),
                (x0 + 9.0, cy + 6.0),
                (x0, cy + 6.0),
            ],
            WHITE,
        )?;
        p.polygon(
            &[(x0, cy), (x0 + 9.0, cy - 6.0), (x0 + 9.0, cy + 6.0)],
            item.color,
        )?;
    }
    if right && x1 - x0 > 14.0 {
        p.polygon(
            &[
                (x1 - 9.0, cy - 6.0),
                (x1, cy - 6.0),
                (x1, cy + 6.0),
                (x1 - 9.0, cy + 6.0),
            ],
            WHITE,
        )?;
        p.polygon(
            &[(x1, cy), (x1 - 9.0, cy - 6.0), (x1 - 9.0, cy + 6.0)],
            item.color,
        )?;
    }
    Ok(())
}

/// A white gap with slanted edges where a bar runs through a break of the axis.
fn breaks_on_bar(p: &mut Pen, item: &Item, top: f64, bottom: f64) -> Result<()> {
    for &x in &item.breaks_crossed {
        let (t, b) = (top - 1.0, bottom + 1.0);
        p.polygon(
            &[(x - 5.0, b), (x - 1.0, t), (x + 5.0, t), (x + 1.0, b)],
            WHITE,
        )?;
        p.line((x - 5.0, b), (x - 1.0, t), MUTED, 1)?;
        p.line((x + 1.0, b), (x + 5.0, t), MUTED, 1)?;
    }
    Ok(())
}

/// Outline of a marker shape around `(cx, cy)`.
fn outline(s: Shape, cx: f64, cy: f64) -> Vec<(f64, f64)> {
    // A five-pointed star, outer radius 6.5, inner 2.7, first point up (precomputed so no
    // platform's sin/cos can change a coordinate).
    const STAR: [(f64, f64); 10] = [
        (0.0, -6.5),
        (1.587, -2.184),
        (6.182, -2.009),
        (2.568, 0.834),
        (3.821, 5.259),
        (0.0, 2.7),
        (-3.821, 5.259),
        (-2.568, 0.834),
        (-6.182, -2.009),
        (-1.587, -2.184),
    ];
    let pts: Vec<(f64, f64)> = match s {
        Shape::Circle => Vec::new(),
        Shape::Square => vec![(-4.5, -4.5), (4.5, -4.5), (4.5, 4.5), (-4.5, 4.5)],
        Shape::Diamond => vec![(0.0, -6.0), (6.0, 0.0), (0.0, 6.0), (-6.0, 0.0)],
        Shape::TriangleUp => vec![(0.0, -6.0), (6.0, 5.0), (-6.0, 5.0)],
        Shape::TriangleDown => vec![(-6.0, -5.0), (6.0, -5.0), (0.0, 6.0)],
        Shape::Star => STAR.to_vec(),
    };
    pts.into_iter().map(|(x, y)| (cx + x, cy + y)).collect()
}

fn shape(p: &mut Pen, s: Shape, cx: f64, cy: f64, color: Rgb, hollow: bool) -> Result<()> {
    if s == Shape::Circle {
        if hollow {
            p.circle((cx, cy), 5, WHITE, true, 1)?;
            return p.circle((cx, cy), 5, color, false, 2);
        }
        return p.circle((cx, cy), 5, color, true, 1);
    }
    let pts = outline(s, cx, cy);
    if hollow {
        p.polygon(&pts, WHITE)?;
        let mut closed = pts.clone();
        closed.push(pts[0]);
        p.polyline(&closed, color, 2)
    } else {
        p.polygon(&pts, color)
    }
}

fn legend_glyph(p: &mut Pen, g: Glyph, x: f64, y: f64) -> Result<()> {
    match g {
        Glyph::Shape(s, c, hollow) => shape(p, s, x, y, c, hollow),
        Glyph::Bar => p.rect(
            Rect {
                x0: x - 7.0,
                y0: y - 3.0,
                x1: x + 7.0,
                y1: y + 3.0,
            },
            MUTED,
            true,
        ),
        Glyph::Range => {
            p.line((x - 7.0, y), (x + 7.0, y), MUTED, 3)?;
            p.line((x - 7.0, y - 5.0), (x - 7.0, y + 5.0), MUTED, 2)?;
            p.line((x + 7.0, y - 5.0), (x + 7.0, y + 5.0), MUTED, 2)
        }
        Glyph::Break => {
            p.line((x - 8.0, y), (x - 3.0, y), INK, 2)?;
            p.line((x + 3.0, y), (x + 8.0, y), INK, 2)?;
            for dx in [-3.0, 3.0] {
                p.line((x + dx - 2.5, y + 5.0), (x + dx + 2.5, y - 5.0), MUTED, 2)?;
            }
            Ok(())
        }
        Glyph::Band => {
            p.rect(
                Rect {
                    x0: x - 7.0,
                    y0: y - 6.0,
                    x1: x + 7.0,
                    y1: y + 6.0,
                },
                BAND,
                true,
            )?;
            p.rect(
                Rect {
                    x0: x - 7.0,
                    y0: y - 6.0,
                    x1: x + 7.0,
                    y1: y + 6.0,
                },
                FAINT,
                false,
            )
        }
    }
}

/// Draws into a fresh plotters document and returns its elements without the `<svg>` root.
fn fragment(size: (u32, u32), f: impl FnOnce(&mut Pen) -> Result<()>) -> Result<String> {
    let mut buf = String::new();
    {
        let mut pen = Pen {
            b: SVGBackend::with_string(&mut buf, size),
        };
        f(&mut pen)?;
        pen.b.present().map_err(failed)?;
    }
    let body = buf.split_once('\n').map_or("", |(_, rest)| rest);
    let body = body.strip_suffix("</svg>\n").unwrap_or(body);
    Ok(body.to_string())
}

fn failed(e: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Io, format!("cannot draw the svg: {e}"))
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

fn pt((x, y): (f64, f64)) -> (i32, i32) {
    (px(x), px(y))
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn stroke(c: Rgb, width: u32) -> ShapeStyle {
    ShapeStyle {
        color: RGBAColor(c.0, c.1, c.2, 1.0),
        filled: false,
        stroke_width: width,
    }
}

/// plotters writes `font-size` as the size it is given divided by 1.24; this finds the size
/// whose quotient is exactly `px`, so the attribute reads `11`, not `10.999999999999998`.
pub fn plotters_font_size(px: f64) -> f64 {
    let s = px * 1.24;
    if s / 1.24 == px {
        return s;
    }
    for k in 1..64u64 {
        for c in [
            f64::from_bits(s.to_bits() + k),
            f64::from_bits(s.to_bits() - k),
        ] {
            if c / 1.24 == px {
                return c;
            }
        }
    }
    s
}

/// A thin wrapper over plotters' backend taking canvas px as `f64`.
struct Pen<'a> {
    b: SVGBackend<'a>,
}

impl Pen<'_> {
    fn line(&mut self, a: (f64, f64), b: (f64, f64), c: Rgb, width: u32) -> Result<()> {
        self.b
            .draw_line(pt(a), pt(b), &stroke(c, width))
            .map_err(failed)
    }

    /// A dashed line: dashes of 4 px, gaps of 3 px.
    fn dashed(&mut self, a: (f64, f64), b: (f64, f64), c: Rgb, width: u32) -> Result<()> {
        // Plain products and sqrt: IEEE-exact, the same bytes on every machine.
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = (dx * dx + dy * dy).sqrt();
        if len < 1.0 {
            return Ok(());
        }
        let (ux, uy) = ((b.0 - a.0) / len, (b.1 - a.1) / len);
        let mut t = 0.0;
        while t < len {
            let e = (t + 4.0).min(len);
            self.line(
                (a.0 + ux * t, a.1 + uy * t),
                (a.0 + ux * e, a.1 + uy * e),
                c,
                width,
            )?;
            t += 7.0;
        }
        Ok(())
    }

    fn rect(&mut self, r: Rect, c: Rgb, fill: bool) -> Result<()> {
        self.b
            .draw_rect(pt((r.x0, r.y0)), pt((r.x1, r.y1)), &rgb(c), fill)
            .map_err(failed)
    }

    fn polygon(&mut self, pts: &[(f64, f64)], c: Rgb) -> Result<()> {
        self.b
            .fill_polygon(pts.iter().map(|&p| pt(p)), &rgb(c))
            .map_err(failed)
    }

    fn polyline(&mut self, pts: &[(f64, f64)], c: Rgb, width: u32) -> Result<()> {
        self.b
            .draw_path(pts.iter().map(|&p| pt(p)), &stroke(c, width))
            .map_err(failed)
    }

    fn circle(&mut self, c: (f64, f64), r: u32, color: Rgb, fill: bool, width: u32) -> Result<()> {
        let style = ShapeStyle {
            color: RGBAColor(color.0, color.1, color.2, 1.0),
            filled: fill,
            stroke_width: width,
        };
        self.b.draw_circle(pt(c), r, &style, fill).map_err(failed)
    }

    fn text(&mut self, l: &TextLine) -> Result<()> {
        let weight = if l.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let h = match l.anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        let color = rgb(l.color);
        let font = FontDesc::new(
            FontFamily::Name(text::FAMILY),
            plotters_font_size(l.size),
            weight,
        );
        let style = font.color(&color).pos(Pos::new(h, VPos::Top));
        self.b
            .draw_text(&l.text, &style, pt((l.x, l.y)))
            .map_err(failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_sizes_print_exactly() {
        for px in [9.0, 9.5, 10.0, 11.0, 12.0, 20.0] {
            assert_eq!(plotters_font_size(px) / 1.24, px);
        }
    }
}
