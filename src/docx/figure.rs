//! Figures (docs/layout.md §11.4): the picture as an inline drawing in a centred paragraph whose
//! exact line height is the picture's grid lines (§11.1), so the text after it stays on Word's
//! grid too, then the caption paragraph in its own style. The size is the PDF's, in EMU, and the
//! picture the same 300-dpi print copy the PDF carries (`crate::images::print_copy`).

use docx_rs::{LineSpacing, LineSpacingType, Paragraph, Pic, Run};

use crate::images::{print_copy, ImageSet};
use crate::layout::figure_size;
use crate::model::Figure;

use super::geometry::LINE_PITCH;
use super::styles;
use super::xml::clean_text;

/// EMU in a point (OOXML's drawing unit: 914 400 an inch, 72 points an inch).
pub const EMU_PER_PT: f32 = 12_700.0;

/// The relationship id (and media name) of picture `id` in the package, `width_px` wide there:
/// stable, so the same issue gives the same bytes; a print copy's names its width, so the same
/// photo printed at two sizes is two parts, each with its own bytes.
pub fn relationship_id(id: &crate::images::ImageId, width_px: Option<u32>) -> String {
    let id = &id.to_string()[..16];
    match width_px {
        Some(w) => format!("rIdImg{id}w{w}"),
        None => format!("rIdImg{id}"),
    }
}

/// The figure's paragraphs: the picture (when its bytes are at hand) and the caption (when
/// there is one).
pub fn figure(figure: &Figure, caption: &str, images: &ImageSet) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let caption = clean_text(caption.trim());
    let size = figure_size(figure, images, caption.chars().count());
    let picture = images.get(&figure.image).and_then(|img| {
        print_copy::file(img, (size.width, size.height))
            .ok()
            .map(|f| (img, f))
    });
    if let Some((img, (bytes, w, h))) = picture {
        let resampled = ((w, h) != (img.width_px, img.height_px)).then_some(w);
        let pic = Pic::new_with_dimensions(bytes, w, h)
            .id(relationship_id(&figure.image, resampled))
            .size(
                (size.width * EMU_PER_PT).round() as u32,
                (size.height * EMU_PER_PT).round() as u32,
            );
        out.push(
            Paragraph::new()
                .style(styles::FIGURE.0)
                .line_spacing(
                    LineSpacing::new()
                        .line_rule(LineSpacingType::Exact)
                        .line(size.cells as i32 * LINE_PITCH),
                )
                .add_run(Run::new().add_image(pic)),
        );
    }
    if !caption.is_empty() {
        out.push(
            Paragraph::new()
                .style(styles::CAPTION.0)
                .add_run(Run::new().add_text(caption)),
        );
    }
    out
}
