//! The pictures of figures in the store (schema version 7, issue 24), against a real SQLite
//! file: kept once by SHA-256 with the file's bytes untouched, saved with their issue, left out
//! of the issue's stored JSON, kept by backups, the recycle bin and proof rounds.

mod images_support;

use bulletin::images::ImageId;
use bulletin::model::Issue;
use bulletin::store::{Store, StoreError, SCHEMA_VERSION};
use images_support::{add_figure, jpeg, png_alpha};
use rusqlite::Connection;

fn sample() -> Issue {
    bulletin::demo::issue()
}

fn count_images(path: &std::path::Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row("SELECT count(*) FROM images", [], |r| r.get(0))
        .unwrap()
}

fn stored_bytes(path: &std::path::Path, id: ImageId) -> Vec<u8> {
    Connection::open(path)
        .unwrap()
        .query_row(
            "SELECT bytes FROM images WHERE sha256 = ?1",
            [id.to_string()],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_version_6_database_gains_the_images_table_and_keeps_its_issues() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.sqlite3");
    let id = Store::open(&path).unwrap().insert(&sample()).unwrap();
    // What version 6 had: everything but the images and alias tables.
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch("DROP TABLE images; DROP TABLE unit_aliases; PRAGMA user_version = 6;")
        .unwrap();
    drop(conn);
    let mut store = Store::open(&path).unwrap();
    let v: u32 = Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!((v, SCHEMA_VERSION), (8, 8));
    assert_eq!(store.load(id).unwrap().issue, sample());
    assert_eq!(count_images(&path), 0);
    // The migrated store takes figures.
    let mut issue = sample();
    let photo = jpeg(64, 48);
    let img = add_figure(&mut issue, 0, &photo, 80, "图为会议现场。");
    store.save(id, &issue).unwrap();
    assert_eq!(store.load(id).unwrap().issue, issue);
    assert_eq!(stored_bytes(&path, img), photo);
    // The migration kept a copy of the version-6 file beside it.
    let baks = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".bak")
        })
        .count();
    assert!(baks >= 1);
}

#[test]
fn an_issue_s_pictures_are_saved_with_it_once_each_and_left_out_of_its_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let mut issue = sample();
    let photo = jpeg(120, 80);
    let logo = png_alpha(40, 40);
    let a = add_figure(&mut issue, 0, &photo, 100, "图为峰会筹备会议现场。");
    let b = add_figure(&mut issue, 1, &logo, 40, "");
    // The same photo again in another article: one row.
    assert_eq!(add_figure(&mut issue, 2, &photo, 50, "图为会场。"), a);
    let id = store.insert(&issue).unwrap();
    assert_eq!(count_images(&path), 2);
    assert_eq!(stored_bytes(&path, a), photo);
    assert_eq!(stored_bytes(&path, b), logo);
    let content: String = Connection::open(&path)
        .unwrap()
        .query_row("SELECT content FROM issues", [], |r| r.get(0))
        .unwrap();
    assert!(content.contains(&a.to_string()), "figures name their image");
    assert!(
        !content.contains("\"data\""),
        "no bytes in the issue's JSON"
    );
    assert!(content.len() < 20_000, "{}", content.len());
    let loaded = store.load(id).unwrap().issue;
    assert_eq!(loaded, issue);
    assert_eq!(&*loaded.images.get(&a).unwrap().bytes, &photo[..]);

    // A second issue with the same photo adds no row.
    let mut other = sample();
    add_figure(&mut other, 0, &photo, 100, "图为同一张照片。");
    store.insert(&other).unwrap();
    assert_eq!(count_images(&path), 2);

    // The window's form (no bytes) saves and loads back whole: the store has the pictures.
    let mut edited = loaded.without_images();
    edited.articles[0].blocks.last_mut().unwrap().text = "图为修改后的说明。".into();
    store.save(id, &edited).unwrap();
    let again = store.load(id).unwrap().issue;
    assert_eq!(again.images, issue.images);
    assert_eq!(
        again.articles[0].blocks.last().unwrap().text,
        "图为修改后的说明。"
    );
}

#[test]
fn a_refused_save_stores_none_of_its_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let id = store.insert(&sample()).unwrap();
    store
        .record_publication(id, 1, dir.path(), &[], &[])
        .unwrap();
    let mut issue = sample();
    add_figure(&mut issue, 0, &jpeg(30, 20), 100, "图为");
    assert!(matches!(
        store.save(id, &issue),
        Err(StoreError::Published(_))
    ));
    assert_eq!(count_images(&path), 0);
}

#[test]
fn backups_the_recycle_bin_and_proof_rounds_keep_the_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let mut issue = sample();
    let photo = jpeg(90, 60);
    let img = add_figure(&mut issue, 0, &photo, 100, "图为会议现场。");
    let id = store.insert(&issue).unwrap();

    let round = store.freeze_proof(id, "初校").unwrap();
    assert_eq!(round.issue.images, issue.images);
    assert_eq!(store.load_proof(id, 1).unwrap().issue.images, issue.images);

    let backup = dir.path().join("备份.sqlite3");
    store.backup_to(&backup).unwrap();
    let copy = Store::open(&backup).unwrap();
    assert_eq!(
        &*copy.load(id).unwrap().issue.images.get(&img).unwrap().bytes,
        &photo[..]
    );
    drop(copy);

    store.delete(id).unwrap();
    assert_eq!(store.load(id).unwrap().issue.images, issue.images);
    store.restore(id).unwrap();

    // 新建下一期 starts empty: no figures, and the photo stays with the issue it is in.
    let next = store.new_next(id, None).unwrap();
    assert!(store.load(next).unwrap().issue.figures().next().is_none());
    assert_eq!(store.load(id).unwrap().issue.images, issue.images);

    // Restoring the backup over a store that lost the row brings the picture back.
    Connection::open(&path)
        .unwrap()
        .execute("DELETE FROM images", [])
        .unwrap();
    assert!(store.load(id).unwrap().issue.images.is_empty());
    store.restore_from(&backup).unwrap();
    assert_eq!(store.load(id).unwrap().issue.images, issue.images);
}

#[test]
fn purging_drops_only_pictures_nothing_names_and_not_those_just_added() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let mut lone = sample();
    let only_here = add_figure(&mut lone, 0, &jpeg(20, 20), 100, "");
    let shared = add_figure(&mut lone, 1, &jpeg(30, 20), 100, "");
    let mut keeper = sample();
    add_figure(&mut keeper, 0, &jpeg(30, 20), 100, "");
    let lone_id = store.insert(&lone).unwrap();
    store.insert(&keeper).unwrap();
    // Added in the editor, not yet in any saved issue.
    let pending = store
        .add_image(&bulletin::images::Image::from_bytes(jpeg(10, 10)).unwrap())
        .unwrap();
    // Make every picture older than a day, but the pending one.
    Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE images SET added_at = '2000-01-01T00:00:00.000Z' WHERE sha256 != ?1",
            [pending.to_string()],
        )
        .unwrap();
    store.delete(lone_id).unwrap();
    store.purge(lone_id).unwrap();
    assert!(store.image(&only_here).unwrap().is_none());
    assert!(store.image(&shared).unwrap().is_some());
    assert!(store.image(&pending).unwrap().is_some());
}
