//! Figures (docs/layout.md §11.4): the picture as an inline drawing in a centred paragraph whose
//! exact line height is the picture's grid lines (§11.1), so the text after it stays on Word's
//! grid too, then the caption paragraph in its own style. The size is the PDF's, in EMU.

use docx_rs::{LineSpacing, LineSpacingType, Paragraph, Pic, Run};

use crate::images::ImageSet;
use crate::layout::figure_size;
use crate::model::Figure;

use super::geometry::LINE_PITCH;
use super::styles;
use super::xml::clean_text;

/// EMU in a point (OOXML's drawing unit: 914 400 an inch, 72 points an inch).
pub const EMU_PER_PT: f32 = 12_700.0;

/// The relationship id (and media name) of picture `id` in the package: stable, so the same
/// issue gives the same bytes.
pub fn relationship_id(id: &crate::images::ImageId) -> String {
    format!("rIdImg{}", &id.to_string()[..16])
}

/// The figure's paragraphs: the picture (when its bytes are at hand) and the caption (when
/// there is one).
pub fn figure(figure: &Figure, caption: &str, images: &ImageSet) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let caption = clean_text(caption.trim());
    let size = figure_size(figure, images, caption.chars().count());
    let picture = images.get(&figure.image).and_then(|img| {
        img.portable()
            .ok()
            .map(|(_, bytes)| (img, bytes.into_owned()))
    });
    if let Some((img, bytes)) = picture {
        let pic = Pic::new_with_dimensions(bytes, img.width_px, img.height_px)
            .id(relationship_id(&figure.image))
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
