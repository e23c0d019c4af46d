//! The pictures of the stored issues (schema version 7): each image's bytes once in the `images`
//! table, keyed by their SHA-256, exactly as the editor's file had them. The issues' JSON (and
//! the proof rounds' and publications' frozen copies) name them by that id and leave the bytes
//! out; reading an issue brings the bytes of its figures back into `Issue::images`.

use rusqlite::{params, Connection, OptionalExtension};

use crate::images::{Image, ImageId, ImageSet, MediaType};
use crate::model::Issue;

use super::{now, Store, StoreError};

/// The JSON the store keeps for `issue`: its interchange form without the pictures' bytes.
pub(super) fn content(issue: &Issue) -> String {
    if issue.images.is_empty() {
        crate::json::to_string(issue)
    } else {
        crate::json::to_string(&issue.without_images())
    }
}

/// Stores the pictures `issue`'s figures show (those already kept are left as they are), in the
/// caller's transaction: an issue and its pictures are saved together or not at all.
pub(super) fn put_used(conn: &Connection, issue: &Issue) -> rusqlite::Result<()> {
    put(conn, &issue.used_images())
}

/// Stores every picture of `images` not kept yet.
pub(super) fn put(conn: &Connection, images: &ImageSet) -> rusqlite::Result<()> {
    if images.is_empty() {
        return Ok(());
    }
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO images (sha256, media_type, width_px, height_px, bytes, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let t = now();
    for (id, img) in images.iter() {
        insert.execute(params![
            id.to_string(),
            img.media_type.mime(),
            img.width_px,
            img.height_px,
            &img.bytes[..],
            t
        ])?;
    }
    Ok(())
}

/// Reads picture `id`, if kept.
pub(super) fn get(conn: &Connection, id: &ImageId) -> rusqlite::Result<Option<Image>> {
    let row: Option<(String, u32, u32, Vec<u8>)> = conn
        .prepare_cached(
            "SELECT media_type, width_px, height_px, bytes FROM images WHERE sha256 = ?1",
        )?
        .query_row([id.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    Ok(row.and_then(|(mime, width_px, height_px, bytes)| {
        // A row whose bytes no longer hash to its key (a damaged file) counts as missing:
        // preflight names the figure, nothing wrong is printed.
        let media_type = MediaType::from_mime(&mime)?;
        (ImageId::of(&bytes) == *id).then(|| Image {
            media_type,
            width_px,
            height_px,
            bytes: bytes.into(),
        })
    }))
}

/// Brings the bytes of `issue`'s figures into `issue.images` (those the issue does not carry
/// already); a picture the store does not have stays missing.
pub(super) fn fill(conn: &Connection, issue: &mut Issue) -> rusqlite::Result<()> {
    let wanted: Vec<ImageId> = issue
        .figures()
        .map(|(_, _, f)| f.image)
        .filter(|id| !issue.images.contains(id))
        .collect();
    for id in wanted {
        if let Some(img) = get(conn, &id)? {
            issue.images.insert(img);
        }
    }
    Ok(())
}

/// Deletes the pictures no issue, proof round or publication names any more, once they are a
/// day old (a picture just added in the editor may not be saved in its issue yet).
pub(super) fn collect_garbage(conn: &Connection) -> rusqlite::Result<usize> {
    let day_ago = (chrono::Utc::now() - chrono::Duration::days(1))
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    conn.execute(
        "DELETE FROM images WHERE added_at < ?1
           AND NOT EXISTS (SELECT 1 FROM issues WHERE instr(content, images.sha256) > 0)
           AND NOT EXISTS (SELECT 1 FROM proof_rounds WHERE instr(content, images.sha256) > 0)
           AND NOT EXISTS (SELECT 1 FROM publications WHERE instr(content, images.sha256) > 0)",
        [day_ago],
    )
}

impl Store {
    /// Keeps `image` (once: the same bytes again change nothing) and gives its id.
    pub fn add_image(&mut self, image: &Image) -> Result<ImageId, StoreError> {
        let mut set = ImageSet::new();
        let id = set.insert(image.clone());
        let tx = self.write()?;
        put(&tx, &set).map_err(tx.sql())?;
        tx.commit()?;
        Ok(id)
    }

    /// Picture `id`, if the store keeps it.
    pub fn image(&self, id: &ImageId) -> Result<Option<Image>, StoreError> {
        get(&self.conn, id).map_err(|e| self.sql(e))
    }

    /// Brings the bytes of `issue`'s figures that it lacks from the store (see `Issue::images`).
    pub fn fill_images(&self, issue: &mut Issue) -> Result<(), StoreError> {
        fill(&self.conn, issue).map_err(|e| self.sql(e))
    }
}
