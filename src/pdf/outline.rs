//! The document outline (bookmarks, ISO 32000-1 §12.3.3): one flat level of entries, each
//! opening its page, shown by the reader when the file opens.

use lopdf::{dictionary, Document as LoDocument, Object, ObjectId, StringFormat};

use crate::page::Bookmark;

/// Adds `bookmarks` as the outline of `doc` (nothing when there are none). Entries naming a
/// page the document does not have are left out.
pub(crate) fn add(doc: &mut LoDocument, bookmarks: &[Bookmark]) {
    let pages = doc.get_pages();
    let entries: Vec<(&Bookmark, ObjectId)> = bookmarks
        .iter()
        .filter_map(|b| Some((b, *pages.get(&b.page)?)))
        .collect();
    if entries.is_empty() {
        return;
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = entries.iter().map(|_| doc.new_object_id()).collect();
    for (i, ((bookmark, page), &id)) in entries.iter().zip(&ids).enumerate() {
        let mut item = dictionary! {
            "Title" => text_string(&bookmark.title),
            "Parent" => root,
            "Dest" => vec![Object::Reference(*page), "Fit".into()],
        };
        if i > 0 {
            item.set("Prev", ids[i - 1]);
        }
        if let Some(&next) = ids.get(i + 1) {
            item.set("Next", next);
        }
        doc.objects.insert(id, Object::Dictionary(item));
    }
    doc.objects.insert(
        root,
        Object::Dictionary(dictionary! {
            "Type" => "Outlines",
            "First" => ids[0],
            "Last" => ids[ids.len() - 1],
            "Count" => ids.len() as i64,
        }),
    );
    let Ok(catalog) = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .and_then(|r| doc.get_dictionary_mut(r))
    else {
        return;
    };
    catalog.set("Outlines", root);
    catalog.set("PageMode", "UseOutlines");
}

/// A PDF text string in UTF-16BE with its byte-order mark (ISO 32000-1 §7.9.2.2), so Chinese
/// titles survive every reader.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}
