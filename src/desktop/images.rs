//! Pictures in the editor (插入图片): a file chosen, dropped or pasted becomes an image kept in
//! the store (once, by the SHA-256 of its bytes) that a figure block names by id; the form's
//! thumbnail and the preview get a smaller copy. The bytes the window never carries: it edits
//! the issue without `images`, and every operation here puts them back from a per-app cache
//! (filled from the store) before laying the issue out.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;
use std::sync::{MutexGuard, TryLockError};

use base64::Engine as _;
use serde::Serialize;

use super::{Desktop, DesktopError, Result};
use crate::images::{Image, ImageId};
use crate::model::Issue;

/// The longest side of the copy the window shows (thumbnail and preview), in pixels.
pub const PREVIEW_MAX_PX: u32 = 1200;

/// A picture just added: what the form needs to make a figure of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AddedImage {
    /// Its id (SHA-256 of the bytes, 64 hex digits): the figure's `image`.
    pub id: String,
    /// 「image/jpeg」, 「image/png」 or 「image/webp」.
    pub media_type: String,
    /// Width in pixels as shown (EXIF orientation applied).
    pub width_px: u32,
    /// Height in pixels as shown.
    pub height_px: u32,
}

impl AddedImage {
    fn of(id: ImageId, img: &Image) -> AddedImage {
        AddedImage {
            id: id.to_string(),
            media_type: img.media_type.mime().to_string(),
            width_px: img.width_px,
            height_px: img.height_px,
        }
    }
}

/// A picture's copy for the window: upright, at most `PREVIEW_MAX_PX` on its longest side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImagePreview {
    /// The picture's id.
    pub id: String,
    /// The original's size in pixels as shown (the copy may be smaller).
    pub width_px: u32,
    /// The original's height in pixels.
    pub height_px: u32,
    /// The copy as a `data:` URL (JPEG, or PNG when the picture has transparency).
    pub data_url: String,
}

/// The pictures the app has at hand, by id (added this run or read with an issue).
pub(super) type ImageCache = BTreeMap<ImageId, Image>;

impl Desktop {
    fn image_cache(&self) -> MutexGuard<'_, ImageCache> {
        self.images.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// 插入图片 from a file the editor chose or dropped: checked, kept in the store, its id and
    /// size returned; a broken or unsupported file is refused with what to do.
    pub fn add_image_file(&self, path: &Path) -> Result<AddedImage> {
        let bytes = std::fs::read(path).map_err(|e| {
            DesktopError::new(format!(
                "无法读取图片文件 {}：{}",
                path.display(),
                crate::store::io_reason(&e)
            ))
        })?;
        self.add_image_bytes(&bytes)
    }

    /// 插入图片 from bytes (pasted from the clipboard or dropped as data), as `add_image_file`.
    pub fn add_image_bytes(&self, bytes: &[u8]) -> Result<AddedImage> {
        let img =
            Image::from_bytes(bytes.to_vec()).map_err(|e| DesktopError::new(e.to_string()))?;
        let id = self.store().add_image(&img)?;
        let added = AddedImage::of(id, &img);
        self.image_cache().insert(id, img);
        Ok(added)
    }

    /// Picture `id`, from the cache or the store.
    fn image(&self, id: &ImageId) -> Result<Image> {
        if let Some(img) = self.image_cache().get(id) {
            return Ok(img.clone());
        }
        let img = self
            .store()
            .image(id)?
            .ok_or_else(|| DesktopError::new("找不到这张图片（可能已被删除）：请重新插入图片。"))?;
        self.image_cache().insert(*id, img.clone());
        Ok(img)
    }

    /// The window's copy of picture `id` (for the form's thumbnail and the preview's page).
    pub fn image_preview(&self, id: &str) -> Result<ImagePreview> {
        let image_id: ImageId = id
            .parse()
            .map_err(|e: crate::images::ImageError| DesktopError::new(e.to_string()))?;
        let img = self.image(&image_id)?;
        let data_url = preview_data_url(&img).map_err(|e| DesktopError::new(e.to_string()))?;
        Ok(ImagePreview {
            id: image_id.to_string(),
            width_px: img.width_px,
            height_px: img.height_px,
            data_url,
        })
    }

    /// `issue` with the bytes of its figures' pictures, from the cache, else the store. While
    /// the store is busy (an autosave) only the cache serves, so typing never waits.
    pub fn with_images(&self, issue: &Issue) -> Issue {
        let mut out = issue.clone();
        let missing: Vec<ImageId> = issue
            .figures()
            .map(|(_, _, f)| f.image)
            .filter(|id| !out.images.contains(id))
            .collect();
        let mut cache = self.image_cache();
        let mut from_store = Vec::new();
        for id in missing {
            match cache.get(&id) {
                Some(img) => {
                    out.images.insert(img.clone());
                }
                None => from_store.push(id),
            }
        }
        if from_store.is_empty() {
            return out;
        }
        let store = match self.store.try_lock() {
            Ok(s) => s,
            Err(TryLockError::Poisoned(p)) => p.into_inner(),
            Err(TryLockError::WouldBlock) => return out,
        };
        for id in from_store {
            if let Ok(Some(img)) = store.image(&id) {
                cache.insert(id, img.clone());
                out.images.insert(img);
            }
        }
        out
    }

    /// Remembers the pictures of an issue read from the store and gives it back without them
    /// (the window's form of it).
    pub(super) fn keep_images(&self, issue: Issue) -> Issue {
        if issue.images.is_empty() {
            return issue;
        }
        let mut cache = self.image_cache();
        for (id, img) in issue.images.iter() {
            cache.entry(*id).or_insert_with(|| img.clone());
        }
        issue.without_images()
    }
}

/// The picture upright and at most `PREVIEW_MAX_PX` on its longest side, as a data URL.
fn preview_data_url(img: &Image) -> std::result::Result<String, crate::images::ImageError> {
    let broken = |e: image::ImageError| crate::images::ImageError::Broken(e.to_string());
    let decoded = img.decode()?;
    let small = if decoded.width().max(decoded.height()) > PREVIEW_MAX_PX {
        decoded.resize(
            PREVIEW_MAX_PX,
            PREVIEW_MAX_PX,
            image::imageops::FilterType::Triangle,
        )
    } else {
        decoded
    };
    let mut out = Cursor::new(Vec::new());
    let mime = if small.color().has_alpha() {
        small
            .write_to(&mut out, image::ImageFormat::Png)
            .map_err(broken)?;
        "image/png"
    } else {
        let rgb = small.to_rgb8();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
            .encode_image(&rgb)
            .map_err(broken)?;
        "image/jpeg"
    };
    Ok(format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(out.into_inner())
    ))
}
