//! Searching the archive: each hit carries its issue and the sentence that matched, with every
//! word of the query highlighted, in the store and in `bulletin search`.

use std::process::Command;

use bulletin::store::Store;

const ISSUE: &str = r#"{
  "masthead": {"name": "温州科协信息", "number": 4, "total_number": 245,
               "editor": "温州市科学技术协会编", "date": "2020-04-30"},
  "articles": [
    {"headline": ["市科协赴县（市）调研指导峰会筹备工作"],
     "blocks": [{"kind": "paragraph", "text": "4月15日，戴维文一行赴文成、苍南调研。座谈会上，戴维文介绍了2020年青年峰会总体安排和筹备进展情况。随后参观了企业。"}]}
  ]
}"#;

#[test]
fn hits_carry_the_issue_and_the_matching_sentence_with_every_word_marked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite3");
    let mut store = Store::open(&db).unwrap();
    let id = store
        .insert(&bulletin::json::from_str(ISSUE).unwrap())
        .unwrap();

    let hits = store.search("青年峰会 筹备").unwrap();
    assert_eq!(hits.len(), 1);
    let h = &hits[0];
    assert_eq!((h.id, h.summary.total_number), (id, 245));
    assert_eq!(
        h.snippet,
        "座谈会上，戴维文介绍了2020年青年峰会总体安排和筹备进展情况。"
    );
    let marked: Vec<&str> = h.highlights.iter().map(|r| &h.snippet[r.clone()]).collect();
    assert_eq!(marked, vec!["青年峰会", "筹备"]);
    assert_eq!(&h.snippet[h.highlight.clone()], "青年峰会");
    drop(store);

    let out = Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .arg("--db")
        .arg(&db)
        .args(["search", "青年峰会", "筹备"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.contains("座谈会上，戴维文介绍了2020年【青年峰会】总体安排和【筹备】进展情况。"),
        "{out}"
    );
    assert!(out.starts_with(&id.short()), "{out}");
}

#[test]
fn short_words_use_the_character_index_and_pages_count_every_hit() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("b.sqlite3")).unwrap();
    let base: bulletin::model::Issue = bulletin::json::from_str(ISSUE).unwrap();
    let mut ids = Vec::new();
    for n in 0..5u32 {
        let mut i = base.clone();
        i.masthead.total_number = bulletin::model::TotalNumber::new(240 + n).unwrap();
        i.articles[0].blocks[0].text = format!("第{n}段：市科协召开会议，AI论坛。");
        ids.push(store.insert(&i).unwrap());
    }
    // One character, two characters, punctuation, Latin in another case, and a pair split by
    // punctuation, which is not the word.
    assert_eq!(store.search("会").unwrap().len(), 5);
    assert_eq!(store.search("科协").unwrap().len(), 5);
    assert_eq!(store.search("：市").unwrap().len(), 5);
    assert_eq!(store.search("ai").unwrap().len(), 5);
    assert!(store.search("议A").unwrap().is_empty());
    assert!(store.search("议，A").unwrap().len() == 5);
    assert_eq!(store.search("第3段").unwrap()[0].id, ids[3]);
    assert_eq!(store.search("3段 科协").unwrap()[0].id, ids[3]);

    let page = store.search_page("科协", 2).unwrap();
    assert_eq!(page.total, 5);
    assert_eq!(
        page.hits.iter().map(|h| h.id).collect::<Vec<_>>(),
        vec![ids[4], ids[3]]
    );

    // Saving and purging keep the character index in step.
    let mut changed = store.load(ids[0]).unwrap().issue;
    changed.articles[0].blocks[0].text = "改写：馆".into();
    store.save(ids[0], &changed).unwrap();
    assert_eq!(store.search("第0段").unwrap().len(), 0);
    assert_eq!(store.search("馆").unwrap()[0].id, ids[0]);
    store.delete(ids[0]).unwrap();
    assert!(store.search("馆").unwrap().is_empty());
    store.purge(ids[0]).unwrap();
    assert_eq!(store.search("会").unwrap().len(), 4);
}

/// A database as version 3 of the schema left it (before the search indexes), with one issue.
fn build_v3(path: &std::path::Path) {
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
         CREATE TABLE proof_rounds (issue_id TEXT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
            round INTEGER NOT NULL CHECK (round >= 1), date TEXT NOT NULL, note TEXT NOT NULL,
            content TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (issue_id, round));
         CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
         CREATE TABLE publications (seq INTEGER PRIMARY KEY,
            issue_id TEXT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
            revision INTEGER NOT NULL CHECK (revision >= 1), dir TEXT NOT NULL,
            content TEXT NOT NULL, published_at TEXT NOT NULL, superseded_at TEXT,
            UNIQUE (issue_id, revision));
         CREATE TABLE archive_files (
            publication INTEGER NOT NULL REFERENCES publications (seq) ON DELETE CASCADE,
            name TEXT NOT NULL, sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            size INTEGER NOT NULL CHECK (size >= 0), PRIMARY KEY (publication, name));
         PRAGMA user_version = 3;",
        bulletin::store::APPLICATION_ID
    ))
    .unwrap();
    conn.execute(
        "INSERT INTO issues (id, number, total_number, date, status, first_headline, content,
                             created_at, updated_at)
         VALUES ('5b0f6c1e-2d3a-4b5c-8d6e-7f8091a2b3c4', 4, 245, '2020-04-30', 'draft',
                 '市科协赴县（市）调研指导峰会筹备工作', ?1, '2020-05-02T09:30:00.000Z',
                 '2020-05-02T09:30:00.000Z')",
        [ISSUE],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO issue_text (rowid, body) VALUES (1, ?1)",
        [bulletin::json::from_str(ISSUE)
            .unwrap()
            .articles
            .iter()
            .map(|a| a.headline_text())
            .collect::<Vec<_>>()
            .join("\n")],
    )
    .unwrap();
}

#[test]
fn a_version_3_database_gains_the_search_indexes_for_the_issues_it_has() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.sqlite3");
    build_v3(&path);
    let store = Store::open(&path).unwrap();
    assert!(dir.path().join("b.sqlite3.v3.bak").exists());
    let id = store.resolve("5b0f6c1e").unwrap();
    // Short words, answered by the character index filled from the existing text.
    assert_eq!(store.search("调研").unwrap()[0].id, id);
    assert_eq!(store.search("县").unwrap()[0].id, id);
    assert_eq!(store.search_page("峰会", 10).unwrap().total, 1);
    assert_eq!(store.list().unwrap()[0].id, id);
}

#[test]
fn the_command_line_lists_a_first_page_and_says_how_many_match() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite3");
    let mut store = Store::open(&db).unwrap();
    let mut issue: bulletin::model::Issue = bulletin::json::from_str(ISSUE).unwrap();
    for n in 0..55u32 {
        issue.masthead.total_number = bulletin::model::TotalNumber::new(200 + n).unwrap();
        store.insert(&issue).unwrap();
    }
    drop(store);
    let out = Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .arg("--db")
        .arg(&db)
        .args(["search", "筹备"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let (stdout, stderr) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 50, "{stdout}");
    // Newest first: 总第254期 down to 总第205期.
    assert!(
        lines[0].contains("总第254期") && lines[49].contains("总第205期"),
        "{stdout}"
    );
    assert!(lines.iter().all(|l| l.contains("【筹备】")), "{stdout}");
    assert!(
        stderr.contains("共有 55 期包含「筹备」") && stderr.contains("最新的 50 期"),
        "{stderr}"
    );
}
