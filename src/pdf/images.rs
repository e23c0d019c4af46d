//! The pictures of a document as image XObjects (docs/layout.md §11.4): a JPEG goes in as its
//! own bytes (DCTDecode) when it is upright, in RGB or grey, and no finer than 300 dpi where it
//! is printed; anything else is decoded, turned upright, brought down to 300 dpi and written as
//! a JPEG (a turned or CMYK JPEG, an opaque picture that was too fine) or deflated samples (PNG,
//! WebP), with its transparency as a soft mask. Each image is one object however often it is
//! placed, and the same picture always gives the same bytes.

use image::{DynamicImage, GenericImageView as _};
use lopdf::{dictionary, Document as LoDocument, Object, ObjectId, Stream};
use std::collections::BTreeMap;

use crate::images::print_copy::{self, downsampled};
use crate::images::{Image, ImageId, MediaType};
use crate::page::Document;

/// The resource name of picture `id` on the pages: 「Im」 and its id's first 16 hex digits.
pub(crate) fn resource_name(id: &ImageId) -> String {
    format!("Im{}", &id.to_string()[..16])
}

/// The largest printed width and height of each picture the pages place, in points.
fn printed_sizes(doc: &Document) -> BTreeMap<ImageId, (f32, f32)> {
    let mut out: BTreeMap<ImageId, (f32, f32)> = BTreeMap::new();
    for placed in doc.pages.iter().flat_map(|p| &p.images) {
        let e = out.entry(placed.image).or_default();
        e.0 = e.0.max(placed.width.0);
        e.1 = e.1.max(placed.height.0);
    }
    out
}

/// The colour components of a baseline/progressive 8-bit JPEG from its frame header (SOF).
fn jpeg_components(bytes: &[u8]) -> Option<u8> {
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        let len = u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]) as usize;
        // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC); only 8-bit precision is DCTDecode's.
        if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            let precision = *bytes.get(i + 4)?;
            let components = *bytes.get(i + 9)?;
            return (precision == 8).then_some(components);
        }
        if marker == 0xDA {
            return None;
        }
        i += 2 + len;
    }
    None
}

/// Adds the image XObject of every picture `doc` places and returns their ids by resource name.
pub(crate) fn add_all(lo: &mut LoDocument, doc: &Document) -> Vec<(String, ObjectId)> {
    printed_sizes(doc)
        .into_iter()
        .filter_map(|(id, printed)| {
            let img = doc.images.get(&id)?;
            let object = add(lo, img, printed)?;
            Some((resource_name(&id), object))
        })
        .collect()
}

/// The XObject of one picture; `None` (nothing drawn) for bytes that no longer decode.
fn add(lo: &mut LoDocument, img: &Image, printed: (f32, f32)) -> Option<ObjectId> {
    let smaller = downsampled(img.width_px, img.height_px, printed);
    if img.media_type == MediaType::Jpeg && smaller.is_none() && !img.is_turned() {
        let space = match jpeg_components(&img.bytes) {
            Some(1) => Some("DeviceGray"),
            Some(3) => Some("DeviceRGB"),
            _ => None,
        };
        if let Some(space) = space {
            return Some(lo.add_object(Stream::new(
                image_dict(img.width_px, img.height_px, space, "DCTDecode"),
                img.bytes.to_vec(),
            )));
        }
    }
    let pixels = print_copy::pixels(img, smaller).ok()?;
    // A photo stays a JPEG (a turned or CMYK one, re-encoded); a downsampled picture of any
    // kind is written as a JPEG too unless it has transparency.
    let alpha = print_copy::transparency(&pixels);
    let jpeg = print_copy::as_jpeg(img, smaller.is_some(), alpha.is_some());
    Some(add_pixels(lo, &pixels, alpha, jpeg))
}

fn image_dict(w: u32, h: u32, space: &str, filter: &str) -> lopdf::Dictionary {
    dictionary! {
        "Type" => "XObject",
        "Subtype" => "Image",
        "Width" => i64::from(w),
        "Height" => i64::from(h),
        "ColorSpace" => Object::Name(space.as_bytes().to_vec()),
        "BitsPerComponent" => 8,
        "Filter" => Object::Name(filter.as_bytes().to_vec()),
    }
}

/// Decoded pixels as an XObject: the print copy's JPEG when `jpeg`, else deflated samples;
/// transparency (`alpha`) as a deflated grey soft mask.
fn add_pixels(
    lo: &mut LoDocument,
    pixels: &DynamicImage,
    alpha: Option<image::GrayAlphaImage>,
    jpeg: bool,
) -> ObjectId {
    let (w, h) = pixels.dimensions();
    let grey = !pixels.color().has_color();
    let space = if grey { "DeviceGray" } else { "DeviceRGB" };
    let mut dict;
    let content;
    if jpeg {
        dict = image_dict(w, h, space, "DCTDecode");
        content = print_copy::jpeg(pixels);
    } else {
        let samples = if grey {
            pixels.to_luma8().into_raw()
        } else {
            pixels.to_rgb8().into_raw()
        };
        dict = image_dict(w, h, space, "FlateDecode");
        content = super::deflate::zlib(&samples, 6);
    }
    if let Some(a) = alpha {
        let mask: Vec<u8> = a.pixels().map(|p| p.0[1]).collect();
        let smask = lo.add_object(Stream::new(
            image_dict(w, h, "DeviceGray", "FlateDecode"),
            super::deflate::zlib(&mask, 6),
        ));
        dict.set("SMask", Object::Reference(smask));
    }
    let mut stream = Stream::new(dict, content);
    stream.allows_compression = false;
    lo.add_object(stream)
}

/// Puts the pictures into the /XObject dictionary of every page's resources.
pub(crate) fn attach_to_pages(lo: &mut LoDocument, images: &[(String, ObjectId)]) {
    if images.is_empty() {
        return;
    }
    let mut dict = lopdf::Dictionary::new();
    for (name, id) in images {
        dict.set(name.as_bytes().to_vec(), Object::Reference(*id));
    }
    let dict = lo.add_object(dict);
    super::embed::set_page_resource(lo, "XObject", dict);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    #[test]
    fn the_frame_header_tells_a_jpeg_s_components() {
        let mut out = Cursor::new(Vec::new());
        image::RgbImage::new(8, 8)
            .write_to(&mut out, image::ImageFormat::Jpeg)
            .unwrap();
        assert_eq!(jpeg_components(&out.into_inner()), Some(3));
        let mut out = Cursor::new(Vec::new());
        image::GrayImage::new(8, 8)
            .write_to(&mut out, image::ImageFormat::Jpeg)
            .unwrap();
        assert_eq!(jpeg_components(&out.into_inner()), Some(1));
    }
}
