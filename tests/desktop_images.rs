//! 插入图片 behind the app's commands (`bulletin::desktop::images`), against a real SQLite file
//! and real JPEG/PNG/WebP files made here: added from a path or from bytes, refused with a
//! message when broken or unsupported, turned by the EXIF orientation, shown as a small copy.

mod images_support;

use base64::Engine as _;
use bulletin::desktop::{Desktop, ExportKind, PREVIEW_MAX_PX};
use bulletin::fonts::FontBook;
use bulletin::model::{Block, FigureWidth};
use images_support::{jpeg, jpeg_with_orientation, png_alpha, webp};

fn desktop() -> (tempfile::TempDir, Desktop) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bulletin.sqlite3");
    let d = Desktop::open(&db, FontBook::default_dir()).unwrap();
    (dir, d)
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn decode_data_url(url: &str) -> (String, image::DynamicImage) {
    let (head, data) = url.split_once(";base64,").unwrap();
    let mime = head.strip_prefix("data:").unwrap().to_string();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .unwrap();
    (mime, image::load_from_memory(&bytes).unwrap())
}

#[test]
fn a_file_and_pasted_bytes_are_added_with_their_id_type_and_size() {
    let (dir, d) = desktop();
    let photo = jpeg(640, 480);
    let path = dir.path().join("现场照片.jpg");
    std::fs::write(&path, &photo).unwrap();
    let added = d.add_image_file(&path).unwrap();
    assert_eq!(added.id, sha256_hex(&photo));
    assert_eq!(added.media_type, "image/jpeg");
    assert_eq!((added.width_px, added.height_px), (640, 480));
    // The same bytes pasted: the same picture.
    assert_eq!(d.add_image_bytes(&photo).unwrap(), added);
    let p = d.add_image_bytes(&png_alpha(50, 20)).unwrap();
    assert_eq!(
        (p.media_type.as_str(), p.width_px, p.height_px),
        ("image/png", 50, 20)
    );
    let w = d.add_image_bytes(&webp(33, 22)).unwrap();
    assert_eq!(
        (w.media_type.as_str(), w.width_px, w.height_px),
        ("image/webp", 33, 22)
    );
    // The original file is untouched.
    assert_eq!(std::fs::read(&path).unwrap(), photo);
}

#[test]
fn a_broken_or_unsupported_file_is_refused_in_chinese_and_nothing_is_kept() {
    let (dir, d) = desktop();
    let mut cut = jpeg(200, 100);
    cut.truncate(cut.len() / 3);
    let e = d.add_image_bytes(&cut).unwrap_err().to_string();
    assert!(e.contains("已损坏"), "{e}");
    let gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";
    let e = d.add_image_bytes(gif).unwrap_err().to_string();
    assert!(
        e.contains("不支持") && e.contains("GIF") && e.contains("JPEG"),
        "{e}"
    );
    let text = dir.path().join("说明.txt");
    std::fs::write(&text, "不是图片").unwrap();
    let e = d.add_image_file(&text).unwrap_err().to_string();
    assert!(e.contains("不支持"), "{e}");
    let e = d
        .add_image_file(&dir.path().join("没有这个文件.jpg"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("无法读取") && e.contains("路径不存在"), "{e}");
    let e = d.add_image_bytes(&[]).unwrap_err().to_string();
    assert!(e.contains("空"), "{e}");
    let n: i64 = rusqlite::Connection::open(dir.path().join("bulletin.sqlite3"))
        .unwrap()
        .query_row("SELECT count(*) FROM images", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
}

#[test]
fn the_exif_orientation_turns_the_picture_and_its_preview() {
    let (_dir, d) = desktop();
    // Stored 300 × 200 with orientation 6 (turn 90° clockwise): shown 200 × 300.
    let bytes = jpeg_with_orientation(300, 200, 6);
    let added = d.add_image_bytes(&bytes).unwrap();
    assert_eq!((added.width_px, added.height_px), (200, 300));
    let preview = d.image_preview(&added.id).unwrap();
    let (mime, img) = decode_data_url(&preview.data_url);
    assert_eq!(mime, "image/jpeg");
    assert_eq!((img.width(), img.height()), (200, 300));
    // The dark quarter was top-left in the file; turned clockwise it is top-right.
    let rgb = img.to_rgb8();
    let top_right = rgb.get_pixel(190, 10);
    let top_left = rgb.get_pixel(10, 10);
    assert!(top_right.0.iter().all(|&c| c < 60), "{top_right:?}");
    assert!(top_left.0.iter().any(|&c| c > 60), "{top_left:?}");
}

#[test]
fn the_preview_copy_is_at_most_1200_pixels_and_keeps_transparency() {
    let (_dir, d) = desktop();
    let big = d.add_image_bytes(&jpeg(3000, 2000)).unwrap();
    let p = d.image_preview(&big.id).unwrap();
    assert_eq!((p.width_px, p.height_px), (3000, 2000));
    let (_, img) = decode_data_url(&p.data_url);
    assert_eq!((img.width(), img.height()), (PREVIEW_MAX_PX, 800));
    let alpha = d.add_image_bytes(&png_alpha(40, 30)).unwrap();
    let (mime, img) = decode_data_url(&d.image_preview(&alpha.id).unwrap().data_url);
    assert_eq!(mime, "image/png");
    assert_eq!(img.to_rgba8().get_pixel(35, 5).0[3], 0);
    let e = d.image_preview("abc").unwrap_err().to_string();
    assert!(e.contains("图片编号无效"), "{e}");
    let e = d.image_preview(&"0".repeat(64)).unwrap_err().to_string();
    assert!(e.contains("找不到这张图片"), "{e}");
}

#[test]
fn the_window_edits_an_issue_without_bytes_and_the_desktop_puts_them_back() {
    let (dir, d) = desktop();
    let id = d.list_issues().unwrap()[0].id.to_string();
    let mut issue = d.open_issue(&id).unwrap().issue;
    let added = d.add_image_bytes(&jpeg(400, 300)).unwrap();
    issue.articles[0].blocks.push(Block::figure(
        added.id.parse().unwrap(),
        FigureWidth::new(75).unwrap(),
        "图为峰会筹备会议现场。",
    ));
    assert!(issue.images.is_empty());
    d.save_issue(&id, &issue).unwrap();
    let opened = d.open_issue(&id).unwrap().issue;
    assert!(opened.images.is_empty(), "the window gets no bytes");
    assert_eq!(opened, issue);
    // The JSON the window receives names the picture and carries no base64.
    let json = serde_json::to_string(&d.open_issue(&id).unwrap()).unwrap();
    assert!(json.contains(&added.id) && !json.contains("\"data\""));
    // A PDF exported from the window's form carries the picture.
    let out = d
        .export(ExportKind::Pdf, &opened, &dir.path().join("第4期"))
        .unwrap();
    let list = std::process::Command::new("pdfimages")
        .args(["-list", &out.path])
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(
        list.lines().any(|l| l.contains("400") && l.contains("300")),
        "{list}"
    );
    // And a new Desktop on the same store (an app restart) still finds it.
    drop(d);
    let d = Desktop::open(
        &dir.path().join("bulletin.sqlite3"),
        FontBook::default_dir(),
    )
    .unwrap();
    assert!(d.image_preview(&added.id).is_ok());
    assert_eq!(d.with_images(&opened).images.len(), 1);
}

#[test]
fn publishing_the_window_s_issue_archives_its_pictures() {
    let (dir, d) = desktop();
    let id = d.list_issues().unwrap()[0].id.to_string();
    d.set_archive_dir(Some(&dir.path().join("归档"))).unwrap();
    let mut issue = d.open_issue(&id).unwrap().issue;
    let photo = jpeg(320, 240);
    let added = d.add_image_bytes(&photo).unwrap();
    issue.articles[1].blocks.push(Block::figure(
        added.id.parse().unwrap(),
        FigureWidth::FULL,
        "图为活动现场。",
    ));
    let p = d.publish(&id, &issue).unwrap();
    let json = p.files.iter().find(|f| f.path.ends_with(".json")).unwrap();
    let archived = bulletin::json::from_str(&std::fs::read_to_string(&json.path).unwrap()).unwrap();
    let img = archived.images.get(&added.id.parse().unwrap()).unwrap();
    assert_eq!(&*img.bytes, &photo[..]);
}
