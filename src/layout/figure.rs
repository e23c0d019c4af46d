//! Figures (docs/layout.md §11): a picture centred in the column, its height a whole number of
//! grid lines' type boxes so the text below stays on the grid, and its caption in 楷体 centred
//! under it; picture and caption stay together and float to the next page when they do not fit.

use crate::fonts::FontRole;
use crate::images::ImageSet;
use crate::model::Figure;
use crate::page::{Element, PlacedImage};
use crate::units::Pt;

use super::article::centred_rows;
use super::grid;
use super::paginate::{Chunk, Row};
use super::text::Setter;

/// The aspect ratio (height / width) assumed for a picture whose bytes are missing, so the
/// layout still leaves its room (preflight names it): 4 : 3 landscape.
const MISSING_ASPECT: f32 = 0.75;

/// The part of a grid line above and below a body line's em box: a picture of `n` lines is as
/// tall as `n` lines of 16 pt type from the first em box's top to the last one's bottom (§11).
const INSET: f32 = grid::PITCH - grid::BODY_SIZE;

/// A picture's box on its grid lines, before it knows which line it starts on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Picture {
    /// The image.
    pub image: crate::images::ImageId,
    /// Grid lines it takes.
    pub cells: u32,
    /// Its printed width.
    pub width: f32,
    /// Its printed height.
    pub height: f32,
}

impl Picture {
    /// The placed image when the picture starts on grid line `cell`: centred across the column
    /// and down its lines.
    pub(crate) fn at(&self, cell: u32) -> PlacedImage {
        let room = self.cells as f32 * grid::PITCH;
        PlacedImage {
            image: self.image,
            x: Pt(grid::LEFT + (grid::MEASURE - self.width) / 2.0),
            y: Pt(grid::cell_top(cell) + (room - self.height) / 2.0),
            width: Pt(self.width),
            height: Pt(self.height),
        }
    }
}

/// The picture's size (§11): at most its share of the column wide, its height snapped down to
/// whole grid lines (at least one, at most `max_cells`), the width following the aspect ratio.
pub(crate) fn size(figure: &Figure, images: &ImageSet, max_cells: u32) -> Picture {
    let aspect = images
        .get(&figure.image)
        .map(|i| i.height_px as f32 / i.width_px as f32)
        .unwrap_or(MISSING_ASPECT);
    let full_width = grid::MEASURE * figure.width.percent() as f32 / 100.0;
    let natural = full_width * aspect;
    // n lines hold a picture n × pitch − inset tall; the most lines it fills without growing.
    let fits = ((natural + INSET) / grid::PITCH + 1e-4).floor() as u32;
    let cells = fits.clamp(1, max_cells.max(1));
    let height = (cells as f32 * grid::PITCH - INSET).min(natural);
    let width = (height / aspect).min(full_width);
    let height = width * aspect;
    Picture {
        image: figure.image,
        cells,
        width,
        height,
    }
}

/// A figure's picture as every backend sets it (§11.1): its grid lines and printed size in pt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigureSize {
    /// Grid lines it takes.
    pub cells: u32,
    /// Printed width, pt.
    pub width: f32,
    /// Printed height, pt.
    pub height: f32,
}

/// The size of `figure`'s picture with a caption of `caption_chars` characters (a full line
/// holds 28, §1): what the DOCX, which has no laid-out pages, sets (§11.4).
pub fn figure_size(figure: &Figure, images: &ImageSet, caption_chars: usize) -> FigureSize {
    let caption_cells = caption_chars.div_ceil(grid::CHARS as usize) as u32;
    let p = size(figure, images, max_cells(caption_cells));
    FigureSize {
        cells: p.cells,
        width: p.width,
        height: p.height,
    }
}

/// The lines a picture may take above a caption of `caption_cells` lines (§11.1).
fn max_cells(caption_cells: u32) -> u32 {
    grid::LINES
        .saturating_sub(caption_cells)
        .max(grid::LINES / 4)
}

/// The figure's chunk: the picture's row and the caption's lines, kept together, floating (§11).
pub(crate) fn chunk(figure: &Figure, caption: &str, images: &ImageSet, set: &Setter) -> Chunk {
    let caption = caption.trim();
    let mut captions = if caption.is_empty() {
        Vec::new()
    } else {
        centred_rows(
            caption,
            Element::Caption,
            FontRole::Kai,
            grid::BODY_SIZE,
            set,
        )
    };
    // However long the caption, the picture keeps at least a quarter of the page (§11.1).
    let caption_cells: u32 = captions.iter().map(|r| r.cells).sum();
    let picture = size(figure, images, max_cells(caption_cells));
    let mut rows = vec![Row::picture(picture)];
    rows.append(&mut captions);
    Chunk {
        rows,
        space_before: 0,
        keep_together: true,
        keep_with_next: 0,
        float: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::{Image, ImageId};
    use crate::model::FigureWidth;

    fn set_with(w: u32, h: u32) -> (ImageSet, Figure) {
        let img = image::RgbImage::from_pixel(w, h, image::Rgb([1, 2, 3]));
        let mut png = std::io::Cursor::new(Vec::new());
        img.write_to(&mut png, image::ImageFormat::Png).unwrap();
        let mut set = ImageSet::new();
        let id = set.insert(Image::from_bytes(png.into_inner()).unwrap());
        (
            set,
            Figure {
                image: id,
                width: FigureWidth::FULL,
            },
        )
    }

    #[test]
    fn a_landscape_photo_fills_whole_lines_and_keeps_its_aspect() {
        // 3:2 over the 156 mm measure (442.2 pt): 294.8 pt natural. Lines of 28.99 pt hold
        // n × 28.99 − 12.99 pt: 10 lines 276.9 pt fit, 11 lines 305.9 pt do not.
        let (set, fig) = set_with(300, 200);
        let p = size(&fig, &set, 22);
        assert_eq!(p.cells, 10);
        assert!((p.height - (10.0 * grid::PITCH - INSET)).abs() < 0.01);
        assert!((p.width / p.height - 1.5).abs() < 1e-3);
        assert!(p.width <= grid::MEASURE);
        let placed = p.at(3);
        assert!(
            (placed.x.0 + placed.width.0 / 2.0 - (grid::LEFT + grid::MEASURE / 2.0)).abs() < 0.01
        );
        assert!((placed.y.0 - (grid::cell_top(3) + INSET / 2.0)).abs() < 0.01);
    }

    #[test]
    fn a_tall_picture_is_scaled_to_the_lines_it_may_have() {
        let (set, fig) = set_with(100, 1000);
        let p = size(&fig, &set, 20);
        assert_eq!(p.cells, 20);
        assert!((p.height - (20.0 * grid::PITCH - INSET)).abs() < 0.01);
        assert!((p.height / p.width - 10.0).abs() < 1e-3);
    }

    #[test]
    fn a_half_width_figure_is_no_wider_than_half_the_column() {
        let (set, mut fig) = set_with(400, 300);
        fig.width = FigureWidth::new(50).unwrap();
        let p = size(&fig, &set, 22);
        assert!(p.width <= grid::MEASURE / 2.0 + 1e-3);
        // 221.1 pt × 0.75 = 165.8 pt: 6 lines (161.0 pt) fit.
        assert_eq!(p.cells, 6);
        let missing = Figure {
            image: ImageId::of(b"not here"),
            width: FigureWidth::FULL,
        };
        assert!(size(&missing, &ImageSet::new(), 22).cells >= 1);
    }
}
