//! Pictures of an issue: image bytes kept exactly as the editor's file had them, named by the
//! SHA-256 of those bytes (so a photo used twice, or in two issues, is kept once), with their
//! media type and their pixel size as shown (after the EXIF orientation).
//!
//! In the JSON interchange form an issue's pictures travel inside it, base64 in `"images"` (see
//! `crate::json`); the store keeps them once in its `images` table (schema version 7).

use std::collections::BTreeMap;
use std::fmt;
use std::io::Cursor;
use std::str::FromStr;
use std::sync::Arc;

use base64::Engine as _;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

pub mod print_copy;

/// The SHA-256 of an image's bytes: its name in the issue, the store and every output.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ImageId([u8; 32]);

impl ImageId {
    /// The id of `bytes`.
    pub fn of(bytes: &[u8]) -> ImageId {
        ImageId(Sha256::digest(bytes).into())
    }

    /// The 32 digest bytes.
    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Display for ImageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for ImageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ImageId({self})")
    }
}

impl FromStr for ImageId {
    type Err = ImageError;
    fn from_str(s: &str) -> Result<ImageId, ImageError> {
        let bad = || ImageError::BadId(s.chars().take(80).collect());
        let s = s.trim();
        if s.len() != 64 || !s.is_ascii() {
            return Err(bad());
        }
        let mut out = [0u8; 32];
        for (i, o) in out.iter_mut().enumerate() {
            *o = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
        }
        Ok(ImageId(out))
    }
}

impl Serialize for ImageId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ImageId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ImageId, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The image formats an article's picture may be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MediaType {
    /// JPEG (a photo); the PDF embeds its bytes as they are (DCTDecode).
    #[serde(rename = "image/jpeg")]
    Jpeg,
    /// PNG, possibly with transparency.
    #[serde(rename = "image/png")]
    Png,
    /// WebP.
    #[serde(rename = "image/webp")]
    Webp,
}

impl MediaType {
    /// The MIME type: 「image/jpeg」.
    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
            MediaType::Webp => "image/webp",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            MediaType::Jpeg => "jpg",
            MediaType::Png => "png",
            MediaType::Webp => "webp",
        }
    }

    /// Reads a MIME type back (`None` for any other).
    pub fn from_mime(mime: &str) -> Option<MediaType> {
        match mime {
            "image/jpeg" => Some(MediaType::Jpeg),
            "image/png" => Some(MediaType::Png),
            "image/webp" => Some(MediaType::Webp),
            _ => None,
        }
    }

    fn format(self) -> ImageFormat {
        match self {
            MediaType::Jpeg => ImageFormat::Jpeg,
            MediaType::Png => ImageFormat::Png,
            MediaType::Webp => ImageFormat::WebP,
        }
    }
}

/// Why some bytes are not a picture an article can hold. Worded for the editor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    /// An empty file.
    #[error("图片文件是空的：请换一个文件")]
    Empty,
    /// A format we do not take (GIF, BMP, TIFF, EMF, …) or no image at all.
    #[error("不支持这种图片格式（{0}）：请插入 JPEG、PNG 或 WebP 图片")]
    Unsupported(String),
    /// The file says it is a JPEG/PNG/WebP but cannot be decoded.
    #[error("图片文件已损坏，无法读取（{0}）：请换一个文件，或用看图软件另存一份后再插入")]
    Broken(String),
    /// Not the 64 hexadecimal digits of an image id.
    #[error("图片编号无效：{0}")]
    BadId(String),
    /// The bytes do not hash to the id they came with.
    #[error("图片 {0} 的数据与编号不符（文件可能已损坏）")]
    Mismatch(String),
}

/// One picture: its bytes as the file had them, what they are and how big they show.
#[derive(Clone, PartialEq, Eq)]
pub struct Image {
    /// The format of `bytes`.
    pub media_type: MediaType,
    /// Width in pixels as shown (after the EXIF orientation).
    pub width_px: u32,
    /// Height in pixels as shown.
    pub height_px: u32,
    /// The file's bytes, untouched (shared: cloning an issue does not copy them).
    pub bytes: Arc<[u8]>,
}

impl fmt::Debug for Image {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Image")
            .field("media_type", &self.media_type)
            .field("width_px", &self.width_px)
            .field("height_px", &self.height_px)
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

/// The format of `bytes` by their signature, if it is one we take.
fn sniff(bytes: &[u8]) -> Result<MediaType, ImageError> {
    if bytes.is_empty() {
        return Err(ImageError::Empty);
    }
    match image::guess_format(bytes) {
        Ok(ImageFormat::Jpeg) => Ok(MediaType::Jpeg),
        Ok(ImageFormat::Png) => Ok(MediaType::Png),
        Ok(ImageFormat::WebP) => Ok(MediaType::Webp),
        Ok(other) => Err(ImageError::Unsupported(
            other
                .extensions_str()
                .first()
                .unwrap_or(&"?")
                .to_uppercase(),
        )),
        Err(_) => Err(ImageError::Unsupported(unknown_kind(bytes).into())),
    }
}

/// A name for bytes `image` does not recognise (Word's EMF/WMF are the usual ones).
fn unknown_kind(bytes: &[u8]) -> &'static str {
    if bytes.len() >= 44 && bytes[0..4] == [1, 0, 0, 0] && &bytes[40..44] == b" EMF" {
        "EMF"
    } else if bytes.starts_with(&[0xD7, 0xCD, 0xC6, 0x9A]) || bytes.starts_with(&[1, 0, 9, 0]) {
        "WMF"
    } else {
        "无法识别"
    }
}

fn decoder(bytes: &[u8], media_type: MediaType) -> Result<impl ImageDecoder + use<'_>, ImageError> {
    let mut reader = ImageReader::new(Cursor::new(bytes));
    reader.set_format(media_type.format());
    reader
        .into_decoder()
        .map_err(|e| ImageError::Broken(e.to_string()))
}

impl Image {
    /// Checks `bytes` (JPEG, PNG or WebP that decodes whole) and reads its size as shown.
    pub fn from_bytes(bytes: impl Into<Arc<[u8]>>) -> Result<Image, ImageError> {
        let bytes: Arc<[u8]> = bytes.into();
        let media_type = sniff(&bytes)?;
        // The JPEG decoder fills a cut-off file with grey rather than failing: a JPEG whose last
        // scan (SOS) has no end marker (EOI) after it was not copied whole. (The EXIF thumbnail
        // has markers of its own, all before the main image's scans.)
        let last = |m: [u8; 2]| bytes.windows(2).rposition(|w| w == m);
        if media_type == MediaType::Jpeg && last([0xFF, 0xD9]) < last([0xFF, 0xDA]) {
            return Err(ImageError::Broken("JPEG 文件不完整".into()));
        }
        let upright = decode_upright(&bytes, media_type)?;
        Ok(Image {
            media_type,
            width_px: upright.width(),
            height_px: upright.height(),
            bytes,
        })
    }

    /// Its id (the SHA-256 of its bytes).
    pub fn id(&self) -> ImageId {
        ImageId::of(&self.bytes)
    }

    /// The picture decoded and turned upright by its EXIF orientation.
    pub fn decode(&self) -> Result<DynamicImage, ImageError> {
        decode_upright(&self.bytes, self.media_type)
    }

    /// A file any reader shows upright: the bytes as they are for an upright JPEG or a PNG; a
    /// turned JPEG re-encoded upright (JPEG), a WebP as PNG (older Word and WPS cannot read it).
    pub fn portable(&self) -> Result<(MediaType, std::borrow::Cow<'_, [u8]>), ImageError> {
        let turned = self.media_type == MediaType::Jpeg && self.is_turned();
        if self.media_type == MediaType::Png || (self.media_type == MediaType::Jpeg && !turned) {
            return Ok((self.media_type, std::borrow::Cow::Borrowed(&self.bytes)));
        }
        let pixels = self.decode()?;
        let mut out = Cursor::new(Vec::new());
        let broken = |e: image::ImageError| ImageError::Broken(e.to_string());
        let kind = if turned {
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92)
                .encode_image(&pixels.to_rgb8())
                .map_err(broken)?;
            MediaType::Jpeg
        } else {
            pixels
                .write_to(&mut out, ImageFormat::Png)
                .map_err(broken)?;
            MediaType::Png
        };
        Ok((kind, std::borrow::Cow::Owned(out.into_inner())))
    }

    /// Whether the bytes need turning to show upright (an EXIF orientation other than 1).
    pub fn is_turned(&self) -> bool {
        decoder(&self.bytes, self.media_type)
            .and_then(|mut d| {
                d.orientation()
                    .map_err(|e| ImageError::Broken(e.to_string()))
            })
            .map(|o| o != image::metadata::Orientation::NoTransforms)
            .unwrap_or(false)
    }
}

fn decode_upright(bytes: &[u8], media_type: MediaType) -> Result<DynamicImage, ImageError> {
    let mut d = decoder(bytes, media_type)?;
    // A damaged EXIF block only loses the turn, not the picture.
    let orientation = d
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(d).map_err(|e| ImageError::Broken(e.to_string()))?;
    img.apply_orientation(orientation);
    Ok(img)
}

/// An issue's pictures by id. Serialised (the JSON interchange form) as an object from id to
/// `{"media_type", "width_px", "height_px", "data"}`, `data` the bytes in standard base64.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImageSet(BTreeMap<ImageId, Image>);

impl ImageSet {
    /// No pictures.
    pub fn new() -> ImageSet {
        ImageSet::default()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Adds `image` (once: the same bytes again change nothing) and gives its id.
    pub fn insert(&mut self, image: Image) -> ImageId {
        let id = image.id();
        self.0.entry(id).or_insert(image);
        id
    }

    /// The picture named `id`.
    pub fn get(&self, id: &ImageId) -> Option<&Image> {
        self.0.get(id)
    }

    /// Whether `id` is here.
    pub fn contains(&self, id: &ImageId) -> bool {
        self.0.contains_key(id)
    }

    /// The pictures in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&ImageId, &Image)> {
        self.0.iter()
    }

    /// Keeps only the pictures `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&ImageId) -> bool) {
        self.0.retain(|id, _| keep(id));
    }
}

#[derive(Serialize, Deserialize)]
struct ImageJson {
    media_type: MediaType,
    width_px: u32,
    height_px: u32,
    data: String,
}

impl Serialize for ImageSet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (id, img) in &self.0 {
            map.serialize_entry(
                id,
                &ImageJson {
                    media_type: img.media_type,
                    width_px: img.width_px,
                    height_px: img.height_px,
                    data: base64::engine::general_purpose::STANDARD.encode(&img.bytes),
                },
            )?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for ImageSet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ImageSet, D::Error> {
        use serde::de::Error;
        let raw = BTreeMap::<ImageId, ImageJson>::deserialize(d)?;
        let mut out = BTreeMap::new();
        for (id, j) in raw {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(j.data.as_bytes())
                .map_err(|e| D::Error::custom(format!("图片 {id} 的 base64 数据有误：{e}")))?;
            if ImageId::of(&bytes) != id {
                return Err(D::Error::custom(ImageError::Mismatch(id.to_string())));
            }
            if j.width_px == 0 || j.height_px == 0 {
                return Err(D::Error::custom(format!("图片 {id} 的像素尺寸为0")));
            }
            out.insert(
                id,
                Image {
                    media_type: j.media_type,
                    width_px: j.width_px,
                    height_px: j.height_px,
                    bytes: bytes.into(),
                },
            );
        }
        Ok(ImageSet(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(w, h, image::Rgb([200, 30, 30]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn id_is_the_sha256_in_hex_and_parses_back() {
        // SHA-256 of the empty string, from FIPS 180-2's test vectors.
        let id = ImageId::of(b"");
        assert_eq!(
            id.to_string(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(id.to_string().parse::<ImageId>().unwrap(), id);
        assert!("e3b0".parse::<ImageId>().is_err());
        assert!("zz".repeat(32).parse::<ImageId>().is_err());
    }

    #[test]
    fn a_png_is_read_with_its_size_and_a_broken_or_foreign_file_is_refused() {
        let bytes = png(30, 20);
        let img = Image::from_bytes(bytes.clone()).unwrap();
        assert_eq!(
            (img.media_type, img.width_px, img.height_px),
            (MediaType::Png, 30, 20)
        );
        assert_eq!(&*img.bytes, &bytes[..]);
        assert_eq!(Image::from_bytes(Vec::new()), Err(ImageError::Empty));
        let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec();
        assert_eq!(
            Image::from_bytes(gif),
            Err(ImageError::Unsupported("GIF".into()))
        );
        let mut cut = bytes.clone();
        cut.truncate(bytes.len() / 2);
        assert!(matches!(Image::from_bytes(cut), Err(ImageError::Broken(_))));
        assert!(matches!(
            Image::from_bytes(b"hello".to_vec()),
            Err(ImageError::Unsupported(_))
        ));
    }

    #[test]
    fn the_set_round_trips_through_json_and_refuses_bytes_that_do_not_match_their_id() {
        let mut set = ImageSet::new();
        let id = set.insert(Image::from_bytes(png(4, 3)).unwrap());
        assert_eq!(set.insert(Image::from_bytes(png(4, 3)).unwrap()), id);
        assert_eq!(set.len(), 1);
        let json = serde_json::to_string(&set).unwrap();
        assert!(json.contains(&format!("\"{id}\"")), "{json}");
        assert!(json.contains("\"media_type\":\"image/png\""), "{json}");
        let back: ImageSet = serde_json::from_str(&json).unwrap();
        assert_eq!(back, set);
        let other = ImageId::of(b"x");
        let forged = json.replace(&id.to_string(), &other.to_string());
        assert!(serde_json::from_str::<ImageSet>(&forged).is_err());
    }
}
