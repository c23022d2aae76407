//! Drawing the timeline: SVG, PNG and the report.
//!
//! [`layout`] does the maths (axis, lanes, labels) apart from drawing; [`svg()`] draws a layout
//! with plotters; [`png()`] renders that SVG with resvg and the shipped font; [`report`] writes
//! the Markdown and HTML report around it. Same input, same bytes: nothing here reads the clock,
//! iterates a hash map or draws at random.

pub mod layout;
pub mod png;
pub mod report;
pub mod svg;
pub mod text;

use chrono::NaiveDate;

use crate::error::Result;
use crate::model::Timeline;

pub use png::png;

/// Options for [`svg()`].
#[derive(Clone, Debug)]
pub struct RenderOptions {
    /// Width in px (A4 landscape by default).
    pub width: u32,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            width: 1123,
            from: None,
            to: None,
        }
    }
}

/// Draws the timeline as a self-contained SVG document.
pub fn svg(timeline: &Timeline, opts: &RenderOptions) -> Result<String> {
    let layout = layout::layout(timeline, opts)?;
    svg::draw(timeline, &layout)
}

/// The files a report folder holds, named and built in memory, ready to be written:
/// `timeline.svg`, `timeline.png`, `report.md`, `report.html`.
pub fn report_files(timeline: &Timeline, opts: &RenderOptions) -> Result<Vec<(String, Vec<u8>)>> {
    let svg = svg(timeline, opts)?;
    // The PNG, the Markdown and the HTML are independent of each other: built side by side.
    let (png, (md, html)) = rayon::join(
        || png(&svg),
        || {
            rayon::join(
                || report::markdown(timeline, "timeline.svg", "timeline.png"),
                || report::html(timeline, &svg),
            )
        },
    );
    let png = png?;
    Ok(vec![
        ("timeline.svg".to_string(), svg.into_bytes()),
        ("timeline.png".to_string(), png),
        ("report.md".to_string(), md.into_bytes()),
        ("report.html".to_string(), html.into_bytes()),
    ])
}
