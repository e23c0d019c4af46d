//! Real picture files for the figure tests (issue 24), made with the `image` crate: photos-like
//! JPEGs (a gradient, so they do not compress to nothing), PNGs with and without transparency,
//! WebP, and a JPEG carrying an EXIF orientation written byte by byte.
#![allow(dead_code)]

use std::io::Cursor;

use bulletin::images::{Image, ImageId};
use bulletin::model::{Article, Block, FigureWidth, Issue};
use image::{ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};

/// A `w` × `h` picture with a colour gradient and a dark square in its top-left quarter (so a
/// turned copy can be told from an upright one).
pub fn photo(w: u32, h: u32) -> RgbImage {
    RgbImage::from_fn(w, h, |x, y| {
        if x < w / 4 && y < h / 4 {
            Rgb([10, 10, 10])
        } else {
            Rgb([
                (x * 255 / w.max(1)) as u8,
                (y * 255 / h.max(1)) as u8,
                ((x + y) % 256) as u8,
            ])
        }
    })
}

/// A baseline JPEG of `photo(w, h)` at quality 90.
pub fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&photo(w, h))
        .unwrap();
    out.into_inner()
}

/// An RGB PNG of `photo(w, h)`.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    photo(w, h).write_to(&mut out, ImageFormat::Png).unwrap();
    out.into_inner()
}

/// An RGBA PNG: opaque red on the left half, fully transparent on the right.
pub fn png_alpha(w: u32, h: u32) -> Vec<u8> {
    let img = RgbaImage::from_fn(w, h, |x, _| {
        if x < w / 2 {
            Rgba([255, 0, 0, 255])
        } else {
            Rgba([0, 0, 255, 0])
        }
    });
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A lossless WebP of `photo(w, h)`.
pub fn webp(w: u32, h: u32) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    photo(w, h).write_to(&mut out, ImageFormat::WebP).unwrap();
    out.into_inner()
}

/// `jpeg(w, h)` with an EXIF APP1 segment right after SOI saying orientation `o` (6: the camera
/// was turned, show it rotated 90° clockwise). Big-endian TIFF, one IFD entry 0x0112 SHORT.
pub fn jpeg_with_orientation(w: u32, h: u32, o: u16) -> Vec<u8> {
    let plain = jpeg(w, h);
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"MM\x00\x2a\x00\x00\x00\x08"); // header, IFD at offset 8
    tiff.extend_from_slice(&1u16.to_be_bytes()); // one entry
    tiff.extend_from_slice(&0x0112u16.to_be_bytes()); // Orientation
    tiff.extend_from_slice(&3u16.to_be_bytes()); // SHORT
    tiff.extend_from_slice(&1u32.to_be_bytes()); // count 1
    tiff.extend_from_slice(&o.to_be_bytes());
    tiff.extend_from_slice(&[0, 0]); // value padded to 4 bytes
    tiff.extend_from_slice(&0u32.to_be_bytes()); // no next IFD
    let mut app1 = b"Exif\x00\x00".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = plain[..2].to_vec(); // SOI
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&plain[2..]);
    out
}

/// `issue` with a figure of `bytes` at `width` % appended to article `article`, the picture in
/// its image set; gives the picture's id.
pub fn add_figure(
    issue: &mut Issue,
    article: usize,
    bytes: &[u8],
    width: u32,
    caption: &str,
) -> ImageId {
    let id = issue
        .images
        .insert(Image::from_bytes(bytes.to_vec()).unwrap());
    issue.articles[article].blocks.push(Block::figure(
        id,
        FigureWidth::new(width).unwrap(),
        caption,
    ));
    id
}

/// An article holding only `blocks` under a one-line headline.
pub fn article(headline: &str, blocks: Vec<Block>) -> Article {
    Article {
        headline: vec![headline.into()],
        toc_text: None,
        blocks,
        byline: None,
        byline_parens: Default::default(),
    }
}
