//! Crash safety: a process that keeps saving is killed with SIGKILL at random moments, 100 times
//! on the same database; afterwards the database is sound and holds every save it reported.

use std::fs;
use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use bulletin::store::{IssueId, Store};

/// What one killed run reported on its standard output.
#[derive(Default, Debug)]
struct Reported {
    base: Option<IssueId>,
    saved: u32,
    inserted: Vec<(u32, IssueId)>,
}

fn parse(lines: &[String]) -> Reported {
    let mut r = Reported::default();
    for line in lines {
        let words: Vec<&str> = line.split(' ').collect();
        match words.as_slice() {
            ["base", id] => r.base = Some(id.parse().unwrap()),
            ["saved", n] => r.saved = n.parse().unwrap(),
            ["inserted", n, id] => r.inserted.push((n.parse().unwrap(), id.parse().unwrap())),
            _ => panic!("unexpected line from __save-loop: {line:?}"),
        }
    }
    r
}

fn headline(store: &Store, id: IssueId) -> String {
    store.load(id).unwrap().issue.articles[0].headline[0].clone()
}

#[test]
fn killing_a_saving_process_loses_no_reported_save() {
    let seed = std::env::var("BULLETIN_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("crash test seed: {seed} (BULLETIN_CRASH_SEED={seed} repeats it)");
    let mut x = seed;
    let mut random = move |below: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % below
    };

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.sqlite3");
    let err_log = dir.path().join("stderr.txt");
    let started = Instant::now();
    let mut runs = Vec::new();
    for run in 0..100 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_bulletin"))
            .arg("--db")
            .arg(&db)
            .arg("__save-loop")
            .env_remove("BULLETIN_DB")
            .stdout(Stdio::piped())
            .stderr(fs::File::create(&err_log).unwrap())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .collect::<Vec<String>>()
        });
        // From the very start (opening, first insert) to a dozen saves in.
        std::thread::sleep(Duration::from_micros(random(150_000)));
        child.kill().unwrap();
        let status = child.wait().unwrap();
        let lines = reader.join().unwrap();
        let stderr = fs::read_to_string(&err_log).unwrap();
        assert_eq!(
            status.signal(),
            Some(9),
            "run {run}: the saver stopped by itself ({status}): {stderr}"
        );
        assert!(stderr.is_empty(), "run {run}: the saver reported: {stderr}");
        runs.push(parse(&lines));
    }
    let elapsed = started.elapsed();

    // The database file is sound, and so is its text index.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    conn.execute(
        "INSERT INTO issue_text (issue_text, rank) VALUES ('integrity-check', 0)",
        [],
    )
    .unwrap();
    drop(conn);

    // Every reported save and insert is there; at most the one unreported step per run besides.
    let store = Store::open(&db).unwrap();
    let mut reported = 0;
    for (run, r) in runs.iter().enumerate() {
        if let Some(base) = r.base {
            reported += 1;
            let h = headline(&store, base);
            let n = r.saved;
            assert!(
                h == format!("第{n}次保存") || h == format!("第{}次保存", n + 1),
                "run {run}: reported save {n} but the issue holds 「{h}」"
            );
        }
        for &(n, id) in &r.inserted {
            reported += 1;
            assert_eq!(headline(&store, id), format!("第{n}次保存"), "run {run}");
            assert_eq!(store.load(id).unwrap().issue.masthead.total_number.get(), n);
        }
    }
    let stored = store.list().unwrap().len();
    assert!(
        stored >= reported && stored <= reported + runs.len(),
        "{stored} issues stored, {reported} reported"
    );

    // The kills landed at many different points, not all before the first save.
    let with_saves = runs.iter().filter(|r| r.saved > 0).count();
    let saves: u32 = runs.iter().map(|r| r.saved).sum();
    eprintln!(
        "{} runs in {elapsed:?}: {with_saves} killed after saving, {saves} saves and {reported} \
         issues reported, {stored} stored",
        runs.len()
    );
    assert!(
        with_saves >= 30,
        "only {with_saves} runs got to save before the kill"
    );
    assert!(runs.iter().any(|r| r.base.is_none() || r.saved == 0));
}
