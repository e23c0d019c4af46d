//! The copy of a picture that print keeps (docs/layout.md §11.4): a picture finer than 300 dpi
//! at its printed size is decoded, turned upright and resampled (Lanczos3) to 300 dpi; an opaque
//! one is then re-encoded as a JPEG, one with transparency keeps its alpha. The PDF and the DOCX
//! both take their pictures from here, so they carry the same bounded copy, and the same
//! picture at the same size always gives the same bytes.

use std::io::Cursor;

use image::{DynamicImage, GrayAlphaImage, ImageFormat};

use super::{Image, ImageError, MediaType};

/// The finest resolution kept in print: 300 dpi (§11.4).
pub const MAX_DPI: f32 = 300.0;
/// The quality a resampled or re-encoded photo is written at.
const JPEG_QUALITY: u8 = 88;

/// The pixel size that prints `printed` points (width, height) at no more than 300 dpi, if
/// `w` × `h` is finer; `None` when the picture is fine as it is.
pub fn downsampled(w: u32, h: u32, printed: (f32, f32)) -> Option<(u32, u32)> {
    let max_w = (printed.0 / 72.0 * MAX_DPI).ceil().max(1.0) as u32;
    let max_h = (printed.1 / 72.0 * MAX_DPI).ceil().max(1.0) as u32;
    if w <= max_w && h <= max_h {
        return None;
    }
    let scale = (max_w as f64 / w as f64).min(max_h as f64 / h as f64);
    Some((
        ((w as f64 * scale).round() as u32).max(1),
        ((h as f64 * scale).round() as u32).max(1),
    ))
}

/// The picture's pixels decoded upright, resampled to `size` when it is given.
pub fn pixels(img: &Image, size: Option<(u32, u32)>) -> Result<DynamicImage, ImageError> {
    let pixels = img.decode()?;
    Ok(match size {
        Some((w, h)) => pixels.resize_exact(w, h, image::imageops::FilterType::Lanczos3),
        None => pixels,
    })
}

/// The alpha of `pixels` (as grey + alpha) when some pixel is not fully opaque.
pub fn transparency(pixels: &DynamicImage) -> Option<GrayAlphaImage> {
    let alpha = pixels.color().has_alpha().then(|| pixels.to_luma_alpha8());
    alpha.filter(|a| a.pixels().any(|p| p.0[1] != 255))
}

/// Whether the decoded pixels of `img` are written as a JPEG: a photo (a JPEG, or any picture
/// that was resampled) without transparency.
pub fn as_jpeg(img: &Image, resampled: bool, transparent: bool) -> bool {
    (resampled || img.media_type == MediaType::Jpeg) && !transparent
}

/// `pixels` as a JPEG at the print quality, in grey when they have no colour.
pub fn jpeg(pixels: &DynamicImage) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
    let encoded = if pixels.color().has_color() {
        pixels.to_rgb8().write_with_encoder(encoder)
    } else {
        pixels.to_luma8().write_with_encoder(encoder)
    };
    encoded.expect("encoding pixels into memory cannot fail");
    out.into_inner()
}

/// A file of the picture for a document that prints it `printed` points large: its portable
/// file (`Image::portable`) when it is no finer than 300 dpi there, else the 300-dpi copy as a
/// JPEG, or as a PNG when it has transparency. Also its pixel size.
pub fn file(img: &Image, printed: (f32, f32)) -> Result<(Vec<u8>, u32, u32), ImageError> {
    let Some(size) = downsampled(img.width_px, img.height_px, printed) else {
        let (_, bytes) = img.portable()?;
        return Ok((bytes.into_owned(), img.width_px, img.height_px));
    };
    let pixels = pixels(img, Some(size))?;
    let bytes = if as_jpeg(img, true, transparency(&pixels).is_some()) {
        jpeg(&pixels)
    } else {
        let mut out = Cursor::new(Vec::new());
        pixels
            .write_to(&mut out, ImageFormat::Png)
            .map_err(|e| ImageError::Broken(e.to_string()))?;
        out.into_inner()
    };
    Ok((bytes, size.0, size.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_is_kept_up_to_300_dpi_where_it_is_printed() {
        // 4 in × 3 in printed (288 × 216 pt) holds 1200 × 900 pixels at 300 dpi.
        assert_eq!(downsampled(1200, 900, (288.0, 216.0)), None);
        assert_eq!(downsampled(4000, 3000, (288.0, 216.0)), Some((1200, 900)));
        assert_eq!(downsampled(600, 450, (288.0, 216.0)), None);
    }
}
