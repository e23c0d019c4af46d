//! The store facing old, new, foreign and broken files, unwritable places and a full disk:
//! each gets a clear error and nothing already stored is changed.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use bulletin::model::{Block, Issue};
use bulletin::store::{Store, StoreError, APPLICATION_ID, SCHEMA_VERSION};

fn sample_json(total: u32, headline: &str) -> String {
    format!(
        r#"{{"masthead": {{"name": "温州科协信息", "number": 4, "total_number": {total},
            "editor": "温州市科学技术协会编", "date": "2020-04-30"}},
           "articles": [{{"headline": ["{headline}"], "blocks": [{{"kind": "paragraph",
            "text": "市政府召开专题会议，研究峰会筹备工作。"}}], "byline": "叶贤挺"}}],
           "status": "published"}}"#
    )
}

fn sample(total: u32, headline: &str) -> Issue {
    bulletin::json::from_str(&sample_json(total, headline)).unwrap()
}

/// Every file in `dir` with its length and a hash of its bytes, to show that a refused open
/// changed nothing.
fn snapshot(dir: &Path) -> Vec<(PathBuf, usize, u64)> {
    use std::hash::{Hash, Hasher};
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let bytes = fs::read(&p).unwrap_or_default();
            let mut h = std::collections::hash_map::DefaultHasher::new();
            bytes.hash(&mut h);
            (p, bytes.len(), h.finish())
        })
        .collect();
    files.sort();
    files
}

/// A database as version 1 of the program wrote it: the issues table only, no text index.
fn build_v1(path: &Path, issues: &[(&str, u32, &str)]) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    conn.execute_batch(
        "CREATE TABLE issues (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
            number INTEGER NOT NULL CHECK (number >= 1),
            total_number INTEGER NOT NULL CHECK (total_number >= 1),
            date TEXT NOT NULL, status TEXT NOT NULL, first_headline TEXT,
            content TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
            deleted_at TEXT);
         CREATE INDEX issues_by_total ON issues (total_number DESC, date DESC);
         PRAGMA user_version = 1;",
    )
    .unwrap();
    for (id, total, headline) in issues {
        conn.execute(
            "INSERT INTO issues (id, number, total_number, date, status, first_headline, content,
                                 created_at, updated_at)
             VALUES (?1, 4, ?2, '2020-04-30', 'published', ?3, ?4,
                     '2020-05-01T08:00:00.000Z', '2020-05-02T09:30:00.000Z')",
            rusqlite::params![id, total, headline, sample_json(*total, headline)],
        )
        .unwrap();
    }
}

fn user_version(path: &Path) -> u32 {
    rusqlite::Connection::open(path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

#[test]
fn version_1_database_is_backed_up_then_migrated_keeping_every_issue() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bulletin.sqlite3");
    let a = "0b5e1c9a-6f7d-4e2b-9a41-2c3d4e5f6a7b";
    let b = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    build_v1(
        &path,
        &[(a, 245, "世界青年科学家峰会"), (b, 246, "科技馆开馆")],
    );
    let before = fs::read(&path).unwrap();

    let mut store = Store::open(&path).unwrap();
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    let list = store.list().unwrap();
    assert_eq!(
        list.iter()
            .map(|s| (s.id.to_string(), s.total_number))
            .collect::<Vec<_>>(),
        vec![(b.to_string(), 246), (a.to_string(), 245)]
    );
    let loaded = store.load(a.parse().unwrap()).unwrap();
    assert_eq!(loaded.issue, sample(245, "世界青年科学家峰会"));
    assert_eq!(loaded.updated_at, "2020-05-02T09:30:00.000Z");
    // The text index added by version 2 covers the issues that were already there.
    let hits = store.search("青年科学家").unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id.to_string(), a);
    assert_eq!(store.search("峰会筹备").unwrap().len(), 2);
    store
        .save(b.parse().unwrap(), &sample(246, "改过的标题"))
        .unwrap();
    drop(store);

    // The backup is the version 1 database as it was, and a valid SQLite file.
    let backup = dir.path().join("bulletin.sqlite3.v1.bak");
    assert_eq!(user_version(&backup), 1);
    let conn = rusqlite::Connection::open(&backup).unwrap();
    let rows: Vec<(String, String)> = conn
        .prepare("SELECT id, content FROM issues ORDER BY total_number")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1], (b.to_string(), sample_json(246, "科技馆开馆")));
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    assert!(!before.is_empty());

    // Opening the migrated database again makes no further backup.
    drop(conn);
    Store::open(&path).unwrap();
    let backups: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".bak"))
        .collect();
    assert_eq!(backups, vec!["bulletin.sqlite3.v1.bak"]);
}

#[test]
fn an_older_backup_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bulletin.sqlite3");
    fs::write(
        dir.path().join("bulletin.sqlite3.v1.bak"),
        b"an older backup",
    )
    .unwrap();
    build_v1(
        &path,
        &[("0b5e1c9a-6f7d-4e2b-9a41-2c3d4e5f6a7b", 245, "甲")],
    );
    Store::open(&path).unwrap();
    assert_eq!(
        fs::read(dir.path().join("bulletin.sqlite3.v1.bak")).unwrap(),
        b"an older backup"
    );
    assert_eq!(
        user_version(&dir.path().join("bulletin.sqlite3.v1-2.bak")),
        1
    );
}

#[test]
fn database_from_a_newer_program_is_refused_and_left_byte_for_byte_untouched() {
    for wal in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bulletin.sqlite3");
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            if wal {
                conn.pragma_update(None, "journal_mode", "WAL").unwrap();
            }
            conn.pragma_update(None, "application_id", APPLICATION_ID)
                .unwrap();
            conn.execute_batch(
                "CREATE TABLE issues_v9 (id TEXT PRIMARY KEY, body TEXT);
                 INSERT INTO issues_v9 VALUES ('x', 'future content');",
            )
            .unwrap();
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 7)
                .unwrap();
        }
        let before = snapshot(dir.path());
        assert_eq!(before.len(), 1);

        let e = Store::open(&path).unwrap_err();
        assert!(
            matches!(e, StoreError::NewerVersion { found, known, .. }
                if found == SCHEMA_VERSION + 7 && known == SCHEMA_VERSION),
            "{e:?}"
        );
        let msg = e.to_string();
        assert!(
            msg.contains("请升级程序") && msg.contains("没有被改动"),
            "{msg}"
        );
        assert_eq!(snapshot(dir.path()), before, "wal: {wal}");
    }
}

#[test]
fn files_that_are_not_sqlite_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let mut noise = vec![0u8; 8192];
    let mut x: u32 = 0x9E37_79B9;
    for b in noise.iter_mut() {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *b = x as u8;
    }
    let mut fake_header = b"SQLite format 3\0".to_vec();
    fake_header.extend_from_slice(&noise[..4080]);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "text.sqlite3",
            "第4期 这是一份简报的文字，不是数据库。\n"
                .as_bytes()
                .to_vec(),
        ),
        ("noise.sqlite3", noise),
        ("short.sqlite3", b"SQLite".to_vec()),
        ("fake-header.sqlite3", fake_header),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        fs::write(&path, &bytes).unwrap();
        let before = snapshot(dir.path());
        let e = Store::open(&path).unwrap_err();
        assert!(
            matches!(
                e,
                StoreError::NotADatabase { .. } | StoreError::Corrupt { .. }
            ),
            "{name}: {e:?}"
        );
        assert!(e.to_string().contains(name), "{e}");
        assert_eq!(snapshot(dir.path()), before, "{name} was changed");
    }
}

#[test]
fn another_programs_sqlite_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contacts.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('张三');",
        )
        .unwrap();
    }
    let before = snapshot(dir.path());
    let e = Store::open(&path).unwrap_err();
    assert!(matches!(e, StoreError::ForeignDatabase { .. }), "{e:?}");
    assert!(e.to_string().contains("不是简报数据库"), "{e}");
    assert_eq!(snapshot(dir.path()), before);
}

/// Makes a directory (or file) unwritable even for root, and undoes it when dropped: as root,
/// permission bits are ignored, so the immutable attribute (`chattr +i`) is used instead.
struct Unwritable(PathBuf);

impl Unwritable {
    fn new(path: &Path) -> Unwritable {
        let mut perm = fs::metadata(path).unwrap().permissions();
        use std::os::unix::fs::PermissionsExt;
        perm.set_mode(if path.is_dir() { 0o555 } else { 0o444 });
        fs::set_permissions(path, perm).unwrap();
        let guard = Unwritable(path.to_path_buf());
        if guard.writable() {
            let ok = Command::new("chattr")
                .arg("+i")
                .arg(path)
                .status()
                .is_ok_and(|s| s.success());
            assert!(
                ok && !guard.writable(),
                "cannot make {} unwritable: running as root on a filesystem without the \
                 immutable attribute (chattr +i); run this test as a normal user or on ext4/xfs/btrfs",
                path.display()
            );
        }
        guard
    }

    /// Whether something can still be written there (a probe file beside or inside).
    fn writable(&self) -> bool {
        if self.0.is_dir() {
            let probe = self.0.join(".probe");
            let ok = fs::write(&probe, b"x").is_ok();
            let _ = fs::remove_file(&probe);
            ok
        } else {
            fs::OpenOptions::new().append(true).open(&self.0).is_ok()
        }
    }
}

impl Drop for Unwritable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        use std::os::unix::fs::PermissionsExt;
        if let Ok(m) = fs::metadata(&self.0) {
            let mut perm = m.permissions();
            perm.set_mode(0o755);
            let _ = fs::set_permissions(&self.0, perm);
        }
    }
}

#[test]
fn unwritable_places_give_a_clear_error_and_change_nothing() {
    // A directory nobody can create, not even root: procfs refuses new entries.
    let e = Store::open(Path::new("/proc/bulletin-test/bulletin.sqlite3")).unwrap_err();
    assert!(matches!(e, StoreError::CannotCreateDir { .. }), "{e:?}");
    assert!(e.to_string().contains("--db"), "{e}");

    // A read-only, empty directory: no database can be created there, and none is.
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    {
        let _ro = Unwritable::new(&empty);
        let e = Store::open(&empty.join("bulletin.sqlite3")).unwrap_err();
        assert!(
            matches!(
                e,
                StoreError::CannotOpen { .. } | StoreError::ReadOnly { .. }
            ),
            "{e:?}"
        );
        assert!(e.to_string().contains("写权限"), "{e}");
    }
    assert_eq!(fs::read_dir(&empty).unwrap().count(), 0);

    // An existing database in a read-only directory (WAL needs its side files there), and a
    // read-only database file: both refused, the stored issue intact.
    for lock_dir in [true, false] {
        let sub = dir.path().join(if lock_dir { "ro-dir" } else { "ro-file" });
        fs::create_dir(&sub).unwrap();
        let path = sub.join("bulletin.sqlite3");
        let id = Store::open(&path)
            .unwrap()
            .insert(&sample(245, "甲"))
            .unwrap();
        let before = snapshot(&sub);
        {
            let _ro = Unwritable::new(if lock_dir { &sub } else { &path });
            let e = Store::open(&path).unwrap_err();
            assert!(
                matches!(
                    e,
                    StoreError::CannotOpen { .. } | StoreError::ReadOnly { .. }
                ),
                "{e:?}"
            );
            assert!(e.to_string().contains("写权限"), "{e}");
        }
        assert_eq!(snapshot(&sub), before);
        assert_eq!(
            Store::open(&path).unwrap().load(id).unwrap().issue,
            sample(245, "甲")
        );
    }
}

#[test]
fn full_disk_fails_the_save_clearly_and_keeps_what_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bulletin.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let id = store.insert(&sample(245, "峰会筹备")).unwrap();
    let saved = store.load(id).unwrap();

    let pages: u64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    assert_eq!(store.set_max_page_count(pages + 2).unwrap(), pages + 2);

    // A save far bigger than the room left: ~2 MB of text.
    let mut big = saved.issue.clone();
    big.articles[0].blocks = (0..20_000)
        .map(|i| Block::paragraph(format!("第{i}段：市政府召开专题会议，研究峰会筹备工作。")))
        .collect();
    let e = store.save(id, &big).unwrap_err();
    assert!(matches!(e, StoreError::DiskFull), "{e:?}");
    assert!(e.to_string().contains("磁盘已满"), "{e}");
    let e = store.insert(&big).unwrap_err();
    assert!(matches!(e, StoreError::DiskFull), "{e:?}");

    // What was saved before is intact, in this connection and in a fresh one.
    assert_eq!(store.load(id).unwrap(), saved);
    assert_eq!(store.list().unwrap().len(), 1);
    assert_eq!(store.search("第19999段").unwrap().len(), 0);
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.load(id).unwrap(), saved);
    // With room again, the same save goes through.
    store.save(id, &big).unwrap();
    assert_eq!(store.load(id).unwrap().issue, big);
    assert_eq!(store.search("第19999段").unwrap().len(), 1);
}

#[test]
fn an_unreadable_row_is_reported_by_id_and_does_not_hide_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bulletin.sqlite3");
    // Two ids sharing their first 8 digits, and a third whose content was damaged by hand.
    let a = "0b5e1c9a-6f7d-4e2b-9a41-2c3d4e5f6a7b";
    let b = "0b5e1c9a-0000-4c6d-8e7f-9a0b1c2d3e4f";
    let bad = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    build_v1(&path, &[(a, 245, "甲"), (b, 246, "乙"), (bad, 247, "丙")]);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE issues SET content = '{\"masthead\": 17' WHERE id = ?1",
            [bad],
        )
        .unwrap();

    let store = Store::open(&path).unwrap();
    assert_eq!(store.list().unwrap().len(), 3);
    let e = store.load(bad.parse().unwrap()).unwrap_err();
    assert!(matches!(e, StoreError::BadContent { .. }), "{e:?}");
    assert!(
        e.to_string().contains(bad) && e.to_string().contains("备份"),
        "{e}"
    );
    assert_eq!(
        store.load(a.parse().unwrap()).unwrap().issue,
        sample(245, "甲")
    );
    assert_eq!(store.search("峰会筹备").unwrap().len(), 2);

    // A prefix shared by two issues is refused; one more digit decides.
    let e = store.resolve("0b5e1c9a").unwrap_err();
    assert!(
        matches!(e, StoreError::AmbiguousId { count: 2, .. }),
        "{e:?}"
    );
    assert!(e.to_string().contains("多输入几位"), "{e}");
    assert_eq!(store.resolve("0b5e1c9a-6").unwrap().to_string(), a);
    assert_eq!(store.resolve("0b5e1c9a-0").unwrap().to_string(), b);
}

#[test]
fn a_migration_that_fails_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bulletin.sqlite3");
    let a = "0b5e1c9a-6f7d-4e2b-9a41-2c3d4e5f6a7b";
    build_v1(&path, &[(a, 245, "甲")]);
    // Something in the way of version 2's new table makes that step fail.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE issue_text (x);")
        .unwrap();

    let e = Store::open(&path).unwrap_err();
    assert!(matches!(e, StoreError::Sqlite(_)), "{e:?}");
    assert!(e.to_string().contains("请重试"), "{e}");
    // Still version 1 with its issue; the backup was made first.
    assert_eq!(user_version(&path), 1);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let content: String = conn
        .query_row("SELECT content FROM issues WHERE id = ?1", [a], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(content, sample_json(245, "甲"));
    assert_eq!(user_version(&dir.path().join("bulletin.sqlite3.v1.bak")), 1);
}

#[test]
fn restoring_a_backup_replaces_everything_and_keeps_what_was_there() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("bulletin.sqlite3");
    let mut store = Store::open(&live).unwrap();
    let first = store.insert(&sample(245, "备份里的一期")).unwrap();
    let backup = dir.path().join("u盘/备份.sqlite3");
    fs::create_dir_all(backup.parent().unwrap()).unwrap();
    store.backup_to(&backup).unwrap();

    // Work after the backup: a new issue, the first one deleted.
    store.insert(&sample(246, "备份之后的一期")).unwrap();
    store.delete(first).unwrap();

    let kept = store.restore_from(&backup).unwrap();
    let list = store.list().unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0].id, first);
    assert_eq!(
        store.load(first).unwrap().issue,
        sample(245, "备份里的一期")
    );
    assert!(
        store.search("备份之后").unwrap().is_empty(),
        "the text index is the backup's too"
    );
    assert_eq!(store.search("备份里").unwrap().len(), 1);
    // What was there before is kept beside the database, whole.
    assert!(kept.starts_with(dir.path()), "{}", kept.display());
    assert!(
        kept.to_string_lossy().contains(".before-restore-"),
        "{}",
        kept.display()
    );
    let before = Store::open(&kept).unwrap();
    assert_eq!(before.issue_count().unwrap(), 2);
    assert_eq!(before.list().unwrap()[0].total_number, 246);
    // The store goes on working, and a reopened one sees the restored data.
    store.insert(&sample(247, "恢复之后的一期")).unwrap();
    drop(store);
    assert_eq!(Store::open(&live).unwrap().list().unwrap().len(), 2);
}

#[test]
fn an_older_backup_is_restored_and_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("旧备份.sqlite3");
    build_v1(
        &old,
        &[("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", 200, "旧版本的一期")],
    );
    let mut store = Store::open(&dir.path().join("bulletin.sqlite3")).unwrap();
    store.insert(&sample(245, "现在的一期")).unwrap();
    store.restore_from(&old).unwrap();
    assert_eq!(
        user_version(&dir.path().join("bulletin.sqlite3")),
        SCHEMA_VERSION
    );
    let list = store.list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].total_number, 200);
    assert_eq!(
        store.search("旧版本").unwrap().len(),
        1,
        "the text index is built"
    );
}

#[test]
fn files_that_are_not_our_backups_are_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("bulletin.sqlite3");
    let mut store = Store::open(&live).unwrap();
    store.insert(&sample(245, "当前数据")).unwrap();

    let text = dir.path().join("备份.txt");
    fs::write(&text, "这不是数据库。".repeat(40)).unwrap();
    let foreign = dir.path().join("other.sqlite3");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let newer = dir.path().join("newer.sqlite3");
    {
        let c = rusqlite::Connection::open(&newer).unwrap();
        c.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        c.execute_batch(&format!(
            "CREATE TABLE t (x); PRAGMA user_version = {};",
            SCHEMA_VERSION + 1
        ))
        .unwrap();
    }
    for (file, reason) in [
        (&text, "不是数据库文件"),
        (&foreign, "其他程序的数据库"),
        (&newer, "更新版本的程序"),
    ] {
        let before = snapshot(dir.path());
        let e = store.restore_from(file).unwrap_err();
        assert!(matches!(e, StoreError::NotABackup { .. }), "{e:?}");
        let message = e.to_string();
        assert!(
            message.contains(reason) && message.contains("当前数据没有被改动"),
            "{message}"
        );
        assert_eq!(
            snapshot(dir.path()),
            before,
            "nothing written for {}",
            file.display()
        );
        assert_eq!(
            store.list().unwrap()[0].first_headline.as_deref(),
            Some("当前数据")
        );
    }
}
