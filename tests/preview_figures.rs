//! The live preview of an issue with photos (issue 24): a page's drawing names each picture by id
//! in the box layout gave it, and no update ever carries image bytes — the window fetches each
//! picture's preview copy once (`Desktop::image_preview`, cached by id in ui/src/imagecache.ts),
//! so typing in an issue with ten photos sends what it sends without them.

mod images_support;

use bulletin::desktop::Desktop;
use bulletin::fonts::FontBook;
use bulletin::model::{Block, FigureWidth, Issue};
use bulletin::preview::PreviewUpdate;

fn desktop() -> (tempfile::TempDir, Desktop) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data").join("bulletin.sqlite3");
    let d = Desktop::open(&db, FontBook::default_dir()).unwrap();
    (dir, d)
}

/// The demo issue with `n` photos added as the window adds them (the bytes to the store, the
/// issue naming them only), spread over its articles after their first paragraph; the photos'
/// bytes are returned too.
fn with_photos(d: &Desktop, n: usize) -> (Issue, Vec<Vec<u8>>) {
    let mut issue = bulletin::demo::issue();
    let mut photos = Vec::new();
    for k in 0..n {
        // Each a different picture (a different size), landscape 4:3-ish.
        let bytes = images_support::jpeg(640 + 16 * k as u32, 480);
        let added = d.add_image_bytes(&bytes).unwrap();
        let article = k % issue.articles.len();
        let at = 1.min(issue.articles[article].blocks.len());
        issue.articles[article].blocks.insert(
            at,
            Block::figure(
                added.id.parse().unwrap(),
                FigureWidth::new(if k % 2 == 0 { 100 } else { 50 }).unwrap(),
                format!("图为第{}张照片", k + 1),
            ),
        );
        photos.push(bytes);
    }
    assert!(
        issue.images.is_empty(),
        "the window's issue carries no bytes"
    );
    (issue, photos)
}

/// The update as the window receives it.
fn json(u: &PreviewUpdate) -> String {
    serde_json::to_string(u).unwrap()
}

/// A one-character edit that moves no break: the 3rd character of the first article's first
/// paragraph becomes 「鑫」 (as wide, one grid cell).
fn swap_a_character(issue: &mut Issue, ch: char) {
    let block = &mut issue.articles[0].blocks[0];
    let mut chars: Vec<char> = block.text.chars().collect();
    chars[2] = ch;
    block.text = chars.into_iter().collect();
}

/// No base64 of any photo, no data URL, in `text`.
fn assert_no_image_bytes(text: &str, photos: &[Vec<u8>]) {
    use base64::Engine as _;
    assert!(!text.contains("data:"), "a data URL in the update");
    for p in photos {
        // Any 64 characters from the middle of the photo's base64 would do.
        let b64 = base64::engine::general_purpose::STANDARD.encode(p);
        let probe = &b64[b64.len() / 2..b64.len() / 2 + 64];
        assert!(!text.contains(probe), "a photo's bytes in the update");
    }
}

#[test]
fn each_photo_is_drawn_by_id_in_the_box_layout_gave_it() {
    let (_dir, d) = desktop();
    let (issue, _) = with_photos(&d, 10);
    let u = d.preview_update("s1", &issue).unwrap();
    // The layout of the same issue, its pictures' bytes put back as the engine does.
    let doc = bulletin::layout::layout(&d.with_images(&issue), &d.fonts().unwrap()).unwrap();
    assert_eq!(u.pages.len(), doc.pages.len());
    let mut drawn = 0;
    for (state, page) in u.pages.iter().zip(&doc.pages) {
        let drawing = state.drawing.as_ref().unwrap();
        assert_eq!(drawing.images.len(), page.images.len());
        for (img, placed) in drawing.images.iter().zip(&page.images) {
            assert_eq!(img.id, placed.image.to_string());
            for (a, b) in [
                (img.x, placed.x.0),
                (img.y, placed.y.0),
                (img.width, placed.width.0),
                (img.height, placed.height.0),
            ] {
                assert!((a - b).abs() <= 0.006, "{a} vs {b}");
            }
            // Inside the page.
            assert!(img.x >= 0.0 && img.x + img.width <= drawing.width);
            assert!(img.y >= 0.0 && img.y + img.height <= drawing.height);
        }
        drawn += drawing.images.len();
    }
    let mut ids: Vec<String> = issue
        .figures()
        .map(|(_, _, f)| f.image.to_string())
        .collect();
    let mut on_pages: Vec<String> = u
        .pages
        .iter()
        .flat_map(|p| p.drawing.as_ref().unwrap().image_ids().map(String::from))
        .collect();
    ids.sort();
    on_pages.sort();
    assert_eq!(drawn, 10);
    assert_eq!(on_pages, ids, "every photo once, by its id");
    // The caption prints under its picture, as text of the page.
    assert!(u
        .pages
        .iter()
        .any(|p| p.drawing.as_ref().unwrap().text().contains("图为第1张照片")));
}

#[test]
fn an_edit_in_an_issue_with_photos_sends_no_image_bytes_and_no_more_than_without_them() {
    let (_dir, d) = desktop();
    let (mut issue, photos) = with_photos(&d, 10);
    let first = d.preview_update("with", &issue).unwrap();
    let first_json = json(&first);
    assert_no_image_bytes(&first_json, &photos);
    swap_a_character(&mut issue, '鑫');
    let typed = d.preview_update("with", &issue).unwrap();
    let typed_json = json(&typed);
    assert_no_image_bytes(&typed_json, &photos);
    assert_eq!(typed.drawn(), 1, "one page redrawn");

    let mut plain = bulletin::demo::issue();
    d.preview_update("without", &plain).unwrap();
    swap_a_character(&mut plain, '鑫');
    let plain_typed = d.preview_update("without", &plain).unwrap();
    let plain_json = json(&plain_typed);
    assert_eq!(plain_typed.drawn(), 1);

    // Per keystroke: the same page's lines, plus one small item (id and box) per photo on it.
    let on_page = typed
        .pages
        .iter()
        .filter_map(|p| p.drawing.as_ref())
        .map(|p| p.images.len())
        .sum::<usize>();
    let per_photo = 64 + 80; // the id's 64 hex digits and the box's keys and numbers
    let smallest_photo = photos.iter().map(Vec::len).min().unwrap();
    println!(
        "per keystroke: {} bytes with 10 photos ({on_page} on the page typed in), {} bytes without; \
         first update {} KB with photos; smallest photo {} KB",
        typed_json.len(),
        plain_json.len(),
        first_json.len() / 1024,
        smallest_photo / 1024
    );
    // The typed page's lines differ only as its pictures push them: allow a line's worth more.
    assert!(
        typed_json.len() <= plain_json.len() + on_page * per_photo + 1024,
        "{} vs {}",
        typed_json.len(),
        plain_json.len()
    );
    assert!(typed_json.len() < smallest_photo, "less than one photo");

    // Typing in a caption redraws the page of its picture: that page's drawing names its photos
    // (ids and boxes), still without their bytes.
    let (a, b, _) = issue.figures().nth(4).unwrap();
    issue.articles[a].blocks[b].text = "图为第五张照片".into();
    let caption = d.preview_update("with", &issue).unwrap();
    let caption_json = json(&caption);
    assert_eq!(caption.drawn(), 1);
    let page = caption
        .pages
        .iter()
        .find_map(|p| p.drawing.as_ref())
        .unwrap();
    assert!(page.text().contains("图为第五张照片"));
    assert!(!page.images.is_empty());
    assert_no_image_bytes(&caption_json, &photos);
    println!(
        "a caption edit: {} bytes ({} photos on its page)",
        caption_json.len(),
        page.images.len()
    );
    assert!(caption_json.len() <= 2 * plain_json.len());
}

#[test]
fn a_photo_moved_or_resized_redraws_the_pages_it_touches_and_still_sends_no_bytes() {
    let (_dir, d) = desktop();
    let (mut issue, photos) = with_photos(&d, 3);
    let before = d.preview_update("s1", &issue).unwrap();
    let (a, b, _) = issue.figures().next().unwrap();
    let Some(figure) = issue.articles[a].blocks[b].figure.as_mut() else {
        unreachable!("figures() names figure blocks")
    };
    figure.width = FigureWidth::new(50).unwrap();
    let after = d.preview_update("s1", &issue).unwrap();
    assert!(after.drawn() >= 1);
    assert_no_image_bytes(&json(&after), &photos);
    let width = |u: &PreviewUpdate| {
        u.pages
            .iter()
            .filter_map(|p| p.drawing.as_ref())
            .flat_map(|p| p.images.iter())
            .map(|i| i.width)
            .fold(f32::MAX, f32::min)
    };
    assert!(
        width(&after) < width(&before),
        "the half-width picture is narrower"
    );
    // Unchanged again: nothing sent.
    let same = d.preview_update("s1", &issue).unwrap();
    assert_eq!(same.drawn(), 0);
}

#[test]
fn the_preview_copy_of_a_photo_is_a_picture_the_window_can_show() {
    let (_dir, d) = desktop();
    let bytes = images_support::jpeg(2400, 1800);
    let added = d.add_image_bytes(&bytes).unwrap();
    let copy = d.image_preview(&added.id).unwrap();
    assert_eq!(copy.id, added.id);
    assert_eq!((copy.width_px, copy.height_px), (2400, 1800));
    let b64 = copy
        .data_url
        .strip_prefix("data:image/jpeg;base64,")
        .unwrap();
    use base64::Engine as _;
    let jpeg = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap();
    let shown = image::load_from_memory(&jpeg).unwrap();
    // At most 1200 px on its longest side: far smaller than the photo.
    assert_eq!((shown.width(), shown.height()), (1200, 900));
    assert!(jpeg.len() < bytes.len());
    let e = d.image_preview(&"0".repeat(64)).unwrap_err();
    assert!(e.0.contains("图片"), "{e}");
}
