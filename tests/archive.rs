//! The archive of published issues with real files and a real store: publishing, the lock on
//! published issues, corrections, `verify` finding changed and deleted files, the archive folder
//! setting, the schema upgrade that added these tables, and the commands end to end; with
//! figures (issue 24), `bulletin render` of a JSON carrying pictures writes them into every
//! output and `bulletin publish` archives files that carry them.

mod images_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use bulletin::archive::{self, Exporter, Problem};
use bulletin::images::ImageId;
use bulletin::model::{Issue, Status};
use bulletin::store::{Store, StoreError, SCHEMA_VERSION};

mod cli_support;
use cli_support::{bulletin, ok};

const ISSUE: &str = r#"{
  "masthead": {"name": "温州科协信息", "number": 4, "total_number": 245,
               "editor": "温州市科学技术协会编", "date": "2020-04-30"},
  "articles": [
    {"headline": ["市科协召开党建工作会议"],
     "blocks": [{"kind": "paragraph", "text": "4月27日，市科协召开党建工作会议。"}],
     "byline": "叶贤挺"}
  ],
  "status": "in_proof"
}"#;

fn issue() -> Issue {
    bulletin::json::from_str(ISSUE).unwrap()
}

/// A second format: the headlines as plain text, so tests can damage two different files.
fn text_exporter() -> Exporter {
    Exporter::new(".txt", |i: &Issue| Ok(i.toc().join("\n").into_bytes()))
}

/// SHA-256 by coreutils' `sha256sum`, not by our code.
fn sha256sum(path: &Path) -> String {
    let out = Command::new("sha256sum").arg(path).output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()[..64].to_string()
}

#[test]
fn publishing_writes_hashed_files_and_locks_the_issue() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("归档");
    let mut store = Store::open(&dir.path().join("b.sqlite3")).unwrap();
    let id = store.insert(&issue()).unwrap();
    assert!(!store.is_published(id).unwrap());

    let p = archive::publish(
        &mut store,
        id,
        &root,
        &[Exporter::json(), text_exporter()],
        &[],
    )
    .unwrap();
    assert_eq!(p.revision, 1);
    assert_eq!(p.dir, root.join("2020").join("第4期（总第245期）"));
    let names: Vec<&str> = p.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "温州科协信息 2020年第4期（总第245期）.json",
            "温州科协信息 2020年第4期（总第245期）.txt"
        ]
    );
    for f in &p.files {
        let path = p.dir.join(&f.name);
        assert_eq!(f.sha256, sha256sum(&path), "{}", f.name);
        assert_eq!(f.size, fs::metadata(&path).unwrap().len());
    }
    // The archived JSON is the issue as published.
    let archived = bulletin::import::read_path(&p.dir.join(&p.files[0].name)).unwrap();
    assert_eq!(archived.status, Status::Published);
    assert_eq!(archived.articles, issue().articles);
    assert_eq!(
        fs::read_to_string(p.dir.join(&p.files[1].name)).unwrap(),
        "市科协召开党建工作会议"
    );

    // Published and locked: no save, no new proof round, no second publication.
    assert_eq!(store.load(id).unwrap().issue.status, Status::Published);
    assert!(store.is_published(id).unwrap());
    let mut edited = store.load(id).unwrap().issue;
    edited.articles[0].headline = vec!["改过的标题".into()];
    let e = store.save(id, &edited).unwrap_err();
    assert!(matches!(e, StoreError::Published(x) if x == id), "{e:?}");
    assert!(
        e.to_string().contains("修改已印发的期刊请先创建修订版"),
        "{e}"
    );
    assert_eq!(store.load(id).unwrap().issue.articles, issue().articles);
    assert!(matches!(
        store.freeze_proof(id, ""),
        Err(StoreError::Published(_))
    ));
    assert!(matches!(
        archive::publish(&mut store, id, &root, &[Exporter::json()], &[]),
        Err(archive::ArchiveError::Store(StoreError::Published(_)))
    ));
    let report = archive::verify(&store).unwrap();
    assert_eq!((report.checked, report.problems.len()), (2, 0));
}

#[test]
fn verify_reports_a_changed_and_a_deleted_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    let mut store = Store::open(&dir.path().join("b.sqlite3")).unwrap();
    let a = store.insert(&issue()).unwrap();
    let mut next = issue();
    next.masthead.number = bulletin::model::IssueNumber::new(5).unwrap();
    next.masthead.total_number = bulletin::model::TotalNumber::new(246).unwrap();
    let b = store.insert(&next).unwrap();
    let pa = archive::publish(
        &mut store,
        a,
        &root,
        &[Exporter::json(), text_exporter()],
        &[],
    )
    .unwrap();
    let pb = archive::publish(&mut store, b, &root, &[Exporter::json()], &[]).unwrap();
    assert_eq!(archive::verify(&store).unwrap().problems, vec![]);

    // One byte changed in a's JSON (same length), a's text file deleted; b untouched.
    let changed = pa.dir.join(&pa.files[0].name);
    let mut bytes = fs::read(&changed).unwrap();
    let at = bytes.iter().position(|&c| c == b'4').unwrap();
    bytes[at] = b'5';
    fs::write(&changed, &bytes).unwrap();
    let deleted = pa.dir.join(&pa.files[1].name);
    fs::remove_file(&deleted).unwrap();

    let report = archive::verify(&store).unwrap();
    assert_eq!(report.checked, 3);
    assert_eq!(report.problems.len(), 2, "{report:?}");
    let by_path = |p: &PathBuf| report.problems.iter().find(|x| &x.path == p).unwrap();
    let c = by_path(&changed);
    assert_eq!((c.issue_id, c.revision), (a, 1));
    assert!(matches!(&c.problem, Problem::Changed { expected, actual }
        if *expected == pa.files[0].sha256 && *actual == sha256sum(&changed)));
    assert_eq!(by_path(&deleted).problem, Problem::Missing);
    assert!(report.problems.iter().all(|x| x.issue_id != pb.issue_id));
}

#[test]
fn a_failing_format_writes_and_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    let mut store = Store::open(&dir.path().join("b.sqlite3")).unwrap();
    let id = store.insert(&issue()).unwrap();
    let broken = Exporter::new(".pdf", |_: &Issue| Err("缺少字体".to_string()));
    let e = archive::publish(&mut store, id, &root, &[Exporter::json(), broken], &[]).unwrap_err();
    assert!(e.to_string().contains("缺少字体"), "{e}");
    assert!(!root.exists());
    assert!(!store.is_published(id).unwrap());
    assert_eq!(store.load(id).unwrap().issue.status, Status::InProof);
    assert!(store.publications(None).unwrap().is_empty());
    assert!(matches!(
        archive::publish(&mut store, id, &root, &[], &[]),
        Err(archive::ArchiveError::NoExporters)
    ));
    // The same issue imported twice: the second may not overwrite the first's archived files.
    let twin = store.insert(&issue()).unwrap();
    let p = archive::publish(&mut store, twin, &root, &[Exporter::json()], &[]).unwrap();
    let e = archive::publish(&mut store, id, &root, &[Exporter::json()], &[]).unwrap_err();
    assert!(
        matches!(&e, archive::ArchiveError::FolderTaken { other, .. } if *other == twin),
        "{e:?}"
    );
    assert!(!store.is_published(id).unwrap());
    assert!(archive::verify(&store).unwrap().problems.is_empty());
    assert_eq!(store.publications(None).unwrap(), vec![p]);
    store.delete(id).unwrap();
    assert!(matches!(
        archive::publish(&mut store, id, &root, &[Exporter::json()], &[]),
        Err(archive::ArchiveError::Deleted(_))
    ));
}

#[test]
fn a_correction_is_a_new_revision_and_keeps_the_archived_one() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    let mut store = Store::open(&dir.path().join("b.sqlite3")).unwrap();
    let id = store.insert(&issue()).unwrap();
    assert!(matches!(
        archive::start_correction(&mut store, id),
        Err(archive::ArchiveError::Store(StoreError::NotPublished(_)))
    ));
    let first = archive::publish(&mut store, id, &root, &[Exporter::json()], &[]).unwrap();

    assert_eq!(archive::start_correction(&mut store, id).unwrap(), 2);
    assert_eq!(store.load(id).unwrap().issue.status, Status::Draft);
    let mut fixed = store.load(id).unwrap().issue;
    fixed.articles[0].byline = Some("夏细绸".into());
    store.save(id, &fixed).unwrap();
    let second = archive::publish(&mut store, id, &root, &[Exporter::json()], &[]).unwrap();
    assert_eq!(second.revision, 2);
    assert_eq!(
        second.dir,
        root.join("2020").join("第4期（总第245期）修订2")
    );
    assert_ne!(second.files[0].sha256, first.files[0].sha256);
    assert!(store.save(id, &fixed).is_err());

    let all = store.publications(Some(id)).unwrap();
    assert_eq!(all.len(), 2);
    assert!(all[0].superseded_at.is_some() && all[1].superseded_at.is_none());
    assert_eq!(all[0].files, first.files);
    assert_eq!(all[0].issue.articles[0].byline.as_deref(), Some("叶贤挺"));
    // The first revision's file is still there and still checked.
    assert_eq!(
        sha256sum(&first.dir.join(&first.files[0].name)),
        first.files[0].sha256
    );
    assert_eq!(archive::verify(&store).unwrap().checked, 2);
}

#[test]
fn the_archive_folder_is_a_setting_kept_in_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.sqlite3");
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.setting(archive::ROOT_SETTING).unwrap(), None);
    if let Some(default) = archive::default_root() {
        assert_eq!(archive::root(&store).unwrap(), default);
        assert!(default.ends_with("温州科协信息"));
    }
    archive::set_root(&mut store, Some(&dir.path().join("档案"))).unwrap();
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(archive::root(&store).unwrap(), dir.path().join("档案"));
    store.set_setting("other", Some("1")).unwrap();
    store.set_setting("other", Some("2")).unwrap();
    assert_eq!(store.setting("other").unwrap().as_deref(), Some("2"));
    archive::set_root(&mut store, None).unwrap();
    assert_eq!(store.setting(archive::ROOT_SETTING).unwrap(), None);
}

/// A database as version 2 of the schema left it, with one issue.
fn build_v2(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(&format!(
        "PRAGMA application_id = {};
         CREATE TABLE issues (
            seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
            number INTEGER NOT NULL CHECK (number >= 1),
            total_number INTEGER NOT NULL CHECK (total_number >= 1),
            date TEXT NOT NULL, status TEXT NOT NULL, first_headline TEXT,
            content TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
            deleted_at TEXT);
         CREATE INDEX issues_by_total ON issues (total_number DESC, date DESC);
         CREATE VIRTUAL TABLE issue_text USING fts5 (body, tokenize = 'trigram case_sensitive 0');
         PRAGMA user_version = 2;",
        bulletin::store::APPLICATION_ID
    ))
    .unwrap();
    conn.execute(
        "INSERT INTO issues (id, number, total_number, date, status, first_headline, content,
                             created_at, updated_at)
         VALUES ('5b0f6c1e-2d3a-4b5c-8d6e-7f8091a2b3c4', 4, 245, '2020-04-30', 'in_proof',
                 '市科协召开党建工作会议', ?1, '2020-05-02T09:30:00.000Z', '2020-05-02T09:30:00.000Z')",
        [ISSUE],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO issue_text (rowid, body) VALUES (1, '市科协召开党建工作会议')",
        [],
    )
    .unwrap();
}

#[test]
fn a_version_2_database_is_backed_up_and_gains_proofs_and_archive() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.sqlite3");
    build_v2(&path);
    let mut store = Store::open(&path).unwrap();
    let version: u32 = rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    assert!(dir.path().join("b.sqlite3.v2.bak").exists());
    let id = store.resolve("5b0f6c1e").unwrap();
    assert_eq!(store.load(id).unwrap().issue, issue());
    // The character index was filled from the text already indexed: short words find it.
    assert_eq!(store.search("党建").unwrap()[0].id, id);
    assert_eq!(store.freeze_proof(id, "升级后").unwrap().round, 1);
    let p = archive::publish(
        &mut store,
        id,
        &dir.path().join("a"),
        &[Exporter::json()],
        &[],
    )
    .unwrap();
    assert_eq!(p.revision, 1);
    let e = store.save(id, &issue()).unwrap_err();
    assert!(matches!(e, StoreError::Published(_)));
}

fn fails(db: &Path, args: &[&str]) -> String {
    let o = bulletin(db, args);
    assert_eq!(o.status.code(), Some(1), "bulletin {args:?}");
    String::from_utf8(o.stderr).unwrap()
}

#[test]
fn cli_publish_verify_correct_and_archive_dir() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite3");
    let file = dir.path().join("a.json");
    fs::write(&file, ISSUE).unwrap();
    let id = ok(&db, &["import", file.to_str().unwrap()])[..36].to_string();
    let root = dir.path().join("档案");

    let out = ok(&db, &["archive-dir", root.to_str().unwrap()]);
    assert_eq!(out.trim(), root.to_str().unwrap());
    let out = ok(&db, &["verify"]);
    assert!(out.contains("检查了 0 个归档文件"), "{out}");

    let out = ok(&db, &["publish", &id[..8]]);
    let folder = root.join("2020").join("第4期（总第245期）");
    assert!(
        out.contains(&format!("归档于 {}", folder.display())),
        "{out}"
    );
    let json = folder.join("温州科协信息 2020年第4期（总第245期）.json");
    assert!(out.contains(&sha256sum(&json)), "{out}");
    assert!(ok(&db, &["list"]).contains("已印发"));
    let e = fails(&db, &["publish", &id]);
    assert!(e.contains("修改已印发的期刊请先创建修订版"), "{e}");

    // The final PDF, the DOCX and the JSON form (and the PDF/A copy: tests/cli.rs).
    let stem = folder.join("温州科协信息 2020年第4期（总第245期）");
    let pdf = fs::read(stem.with_extension("pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let docx = fs::read(stem.with_extension("docx")).unwrap();
    assert!(docx.starts_with(b"PK"), "not a DOCX (zip)");
    assert!(
        out.contains(&sha256sum(&stem.with_extension("pdf"))),
        "{out}"
    );
    assert!(ok(&db, &["verify"]).contains("检查了 4 个归档文件，全部完好"));
    fs::remove_file(&json).unwrap();
    let o = bulletin(&db, &["verify"]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains(&format!("{}：文件不见了", json.display())),
        "{out}"
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("4 个归档文件中有 1 个"));

    let out = ok(&db, &["correct", &id]);
    assert!(out.contains("修订2"), "{out}");
    let other = dir.path().join("另一处");
    ok(&db, &["publish", &id, "--archive", other.to_str().unwrap()]);
    assert!(other
        .join("2020/第4期（总第245期）修订2/温州科协信息 2020年第4期（总第245期）.json")
        .exists());
    let e = fails(&db, &["correct", "0000"]);
    assert!(e.contains("找不到"), "{e}");
    let out = ok(&db, &["archive-dir", "--reset"]);
    assert!(!out.contains("档案"), "{out}");
}

/// A publication recorded by the program before the record named faces (store version 5) keeps
/// its files and hashes and names no faces; new ones name theirs (issue 15).
#[test]
fn a_version_5_database_gains_the_faces_of_its_publications() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.sqlite3");
    let root = dir.path().join("归档");
    let id = {
        let mut store = Store::open(&path).unwrap();
        let id = store.insert(&issue()).unwrap();
        archive::publish(&mut store, id, &root, &[Exporter::json()], &[]).unwrap();
        id
    };
    let conn = rusqlite::Connection::open(&path).unwrap();
    // Version 5 had neither the faces nor the images table (v7).
    conn.execute_batch(
        "ALTER TABLE publications DROP COLUMN faces; DROP TABLE images; DROP TABLE unit_aliases; PRAGMA user_version = 5;",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let v: u32 = rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, SCHEMA_VERSION);
    let p = store.publications(Some(id)).unwrap().remove(0);
    assert!(p.faces.is_empty());
    assert_eq!(p.files.len(), 1);
    assert!(archive::verify(&store).unwrap().problems.is_empty());
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
fn photos_json(dir: &Path) -> (PathBuf, ImageId, Vec<u8>) {
    let mut issue = bulletin::demo::issue();
    let photo = images_support::jpeg(640, 480);
    let id = images_support::add_figure(&mut issue, 0, &photo, 100, "图为会议现场。");
    images_support::add_figure(&mut issue, 1, &images_support::png_alpha(64, 64), 30, "");
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
