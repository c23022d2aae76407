//! The PNG beside the SVG, for documents that cannot take SVG: rendered from the same SVG with
//! resvg and only the shipped DejaVu Sans (no system fonts), so it is the same on every machine.

use std::sync::Arc;

use resvg::tiny_skia::{Color, Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use super::text;
use crate::error::{Error, Result};

/// Pixels per SVG px: 2 gives an A4 landscape page about 190 dpi, sharp enough for print.
pub const SCALE: f32 = 2.0;

/// Renders `svg` to PNG bytes at [`SCALE`] on a white background.
pub fn png(svg: &str) -> Result<Vec<u8>> {
    let mut db = fontdb::Database::new();
    db.load_font_data(text::REGULAR.to_vec());
    db.load_font_data(text::BOLD.to_vec());
    let family = "DejaVu Sans";
    db.set_sans_serif_family(family);
    db.set_serif_family(family);
    db.set_monospace_family(family);
    db.set_cursive_family(family);
    db.set_fantasy_family(family);
    let opt = usvg::Options {
        font_family: "DejaVu Sans".to_string(),
        fontdb: Arc::new(db),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &opt)
        .map_err(|e| Error::input(format!("cannot read the svg to render a png: {e}")))?;
    let size = tree.size();
    let w = (size.width() * SCALE).round() as u32;
    let h = (size.height() * SCALE).round() as u32;
    let mut pixmap = Pixmap::new(w.max(1), h.max(1))
        .ok_or_else(|| Error::input(format!("cannot render a png of {w}×{h} px")))?;
    pixmap.fill(Color::WHITE);
    resvg::render(
        &tree,
        Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| Error::input(format!("cannot encode the png: {e}")))
}
