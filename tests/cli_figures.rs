//! The command line with figures (issue 24): `bulletin render` of a JSON carrying pictures
//! writes them into the PDF, DOCX and JSON; `bulletin import` keeps them in the store and
//! `bulletin publish` archives files that carry them (the JSON copy with its base64 images).

mod images_support;

use std::path::Path;
use std::process::{Command, Output};

use bulletin::images::ImageId;
use images_support::{add_figure, jpeg, png_alpha};

fn bulletin(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("BULLETIN_DB")
        .output()
        .unwrap()
}

fn ok(db: &Path, args: &[&str]) -> String {
    let o = bulletin(db, args);
    assert!(
        o.status.success(),
        "bulletin {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// Image rows of `pdfimages -list` as (width, height).
fn pdf_images(pdf: &Path) -> Vec<(u32, u32)> {
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(pdf)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|f| f[2] == "image")
        .map(|f| (f[3].parse().unwrap(), f[4].parse().unwrap()))
        .collect()
}

/// The sample as JSON with a photo and a transparent logo; the photo's id.
fn photos_json(dir: &Path) -> (std::path::PathBuf, ImageId, Vec<u8>) {
    let mut issue = bulletin::demo::issue();
    let photo = jpeg(640, 480);
    let id = add_figure(&mut issue, 0, &photo, 100, "图为会议现场。");
    add_figure(&mut issue, 1, &png_alpha(64, 64), 30, "");
    let path = dir.join("图片.json");
    std::fs::write(&path, bulletin::json::to_string(&issue)).unwrap();
    (path, id, photo)
}

#[test]
fn render_writes_the_pictures_into_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite3");
    let (json, id, photo) = photos_json(dir.path());
    let (pdf, docx, out) = (
        dir.path().join("o.pdf"),
        dir.path().join("o.docx"),
        dir.path().join("o.json"),
    );
    ok(
        &db,
        &[
            "render",
            json.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
            "--docx",
            docx.to_str().unwrap(),
            "--json",
            out.to_str().unwrap(),
        ],
    );
    let mut sizes = pdf_images(&pdf);
    sizes.sort();
    assert_eq!(sizes, [(64, 64), (640, 480)]);
    let back = bulletin::json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(&*back.images.get(&id).unwrap().bytes, &photo[..]);
    let mut z = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let media: Vec<String> = (0..z.len())
        .map(|i| z.by_index(i).unwrap().name().to_string())
        .filter(|n| n.starts_with("word/media/"))
        .collect();
    assert_eq!(media.len(), 2, "{media:?}");
}

#[test]
fn import_and_publish_archive_the_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite3");
    let (json, id, photo) = photos_json(dir.path());
    let issue_id = ok(&db, &["import", json.to_str().unwrap()])[..36].to_string();
    let root = dir.path().join("档案");
    ok(&db, &["archive-dir", root.to_str().unwrap()]);
    ok(&db, &["publish", &issue_id[..8]]);
    let folder = root.join("2020").join("第4期（总第245期）");
    let base = "温州科协信息 2020年第4期（总第245期）";
    let archived = std::fs::read_to_string(folder.join(format!("{base}.json"))).unwrap();
    let back = bulletin::json::from_str(&archived).unwrap();
    assert_eq!(back.images.len(), 2);
    assert_eq!(&*back.images.get(&id).unwrap().bytes, &photo[..]);
    let mut sizes = pdf_images(&folder.join(format!("{base}.pdf")));
    sizes.sort();
    assert_eq!(sizes, [(64, 64), (640, 480)]);
    let out = ok(&db, &["verify"]);
    assert!(!out.contains("不一致"), "{out}");
}
