//! 年度合订本 end to end: a real store with three published issues of 2020 (the sample with other
//! numbers and headlines), one published issue of 2019 and a 2020 draft; the volume's PDF read
//! back with poppler (pdfinfo, pdftotext, pdffonts) and lopdf.

use std::path::{Path, PathBuf};
use std::process::Command;

use bulletin::archive::{self, Exporter};
use bulletin::fonts::FontBook;
use bulletin::model::{Issue, IssueNumber, Status, TotalNumber};
use bulletin::store::Store;
use bulletin::volume::{self, VolumeError};
use chrono::NaiveDate;

fn sample() -> Issue {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/issue-2020-04-245.txt");
    bulletin::import::read_path(&path).unwrap()
}

/// The sample as another issue: its numbers and date, every headline marked with `mark` (so
/// each issue's headlines are its own), and only its first `articles` articles. An imported text
/// is a past issue, so it is 已印发 already.
fn variant(number: u32, total: u32, date: (i32, u32, u32), mark: &str, articles: usize) -> Issue {
    let mut issue = sample();
    let m = &mut issue.masthead;
    m.number = IssueNumber::new(number).unwrap();
    m.total_number = TotalNumber::new(total).unwrap();
    m.date = NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap();
    issue.articles.truncate(articles);
    for a in &mut issue.articles {
        a.headline[0] = format!("{mark}{}", a.headline[0]);
        a.toc_text = None;
    }
    issue
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} (poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// One page's text, laid out as on the page (a contents line keeps its number at its end).
fn page_text(pdf: &Path, page: u32) -> String {
    let p = page.to_string();
    tool(
        "pdftotext",
        &["-layout", "-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"],
    )
}

struct Fixture {
    _dir: tempfile::TempDir,
    db: PathBuf,
    out: PathBuf,
    /// The three published issues of 2020, in order.
    published: Vec<Issue>,
    /// The headlines of the 2019 issue and the 2020 draft.
    left_out: Vec<String>,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite3");
    let root = dir.path().join("archive");
    let mut store = Store::open(&db).unwrap();
    // Stored out of order: the volume orders by 总第M期.
    let published = vec![
        variant(3, 244, (2020, 3, 31), "三月", 3),
        variant(4, 245, (2020, 4, 30), "四月", 6),
        variant(5, 246, (2020, 5, 29), "五月", 5),
    ];
    for issue in [&published[1], &published[2], &published[0]] {
        let id = store.insert(issue).unwrap();
        archive::publish(&mut store, id, &root, &[Exporter::json()], &[]).unwrap();
    }
    let old = variant(12, 241, (2019, 12, 30), "去年", 2);
    let mut left_out: Vec<String> = old
        .articles
        .iter()
        .map(|a| squash(&a.headline_text()))
        .collect();
    let id = store.insert(&old).unwrap();
    archive::publish(&mut store, id, &root, &[Exporter::json()], &[]).unwrap();
    let mut draft = variant(6, 247, (2020, 6, 30), "草稿", 2);
    draft.status = Status::Draft;
    left_out.extend(draft.articles.iter().map(|a| squash(&a.headline_text())));
    store.insert(&draft).unwrap();
    let out = dir.path().join("合订本.pdf");
    Fixture {
        db,
        out,
        published,
        left_out,
        _dir: dir,
    }
}

#[test]
fn the_volume_holds_the_published_issues_of_the_year_with_their_contents() {
    let f = fixture();
    let store = Store::open(&f.db).unwrap();
    let report = volume::export_year(&store, 2020, &f.out).unwrap();

    // Page count: the cover, the contents, then each issue as laid out on its own.
    let fonts = FontBook::global().unwrap();
    let own: Vec<u32> = f
        .published
        .iter()
        .map(|i| bulletin::layout::layout(i, fonts).unwrap().pages.len() as u32)
        .collect();
    let info = tool("pdfinfo", &[f.out.to_str().unwrap()]);
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let lo = lopdf::Document::load(&f.out).unwrap();
    assert_eq!(lo.get_pages().len() as u32, pages);
    assert_eq!(report.pages, pages);
    // The contents run from page 2 to the page before the first issue's masthead.
    let first_issue_page = (2..=pages)
        .find(|&p| squash(&page_text(&f.out, p)).contains("第3期（总第244期）温州市科学技术协会编"))
        .or_else(|| {
            (2..=pages).find(|&p| {
                let t = squash(&page_text(&f.out, p));
                t.contains("本期要目") && t.contains("第3期")
            })
        })
        .expect("the first issue's masthead");
    let contents_pages = first_issue_page - 2;
    assert!(contents_pages >= 1);
    assert_eq!(
        pages,
        1 + contents_pages + own.iter().sum::<u32>(),
        "{own:?}"
    );
    assert!(squash(&page_text(&f.out, 2)).starts_with("目录"));

    // Every headline of the three issues is in the contents, with the page that holds it.
    let contents: String = (2..first_issue_page)
        .map(|p| squash(&page_text(&f.out, p)))
        .collect();
    let mut issue_start = first_issue_page;
    for (issue, &n_pages) in f.published.iter().zip(&own) {
        let m = &issue.masthead;
        let label = format!("{}{}{}", m.number_label(), m.total_label(), m.date_label());
        let at = contents
            .find(&label)
            .unwrap_or_else(|| panic!("{label} in {contents}"));
        assert_eq!(
            number_after(&contents[at + label.len()..]),
            issue_start,
            "{label}"
        );
        for a in &issue.articles {
            let h = squash(&a.headline_text());
            let at = contents
                .find(&h)
                .unwrap_or_else(|| panic!("{h} in {contents}"));
            let page = number_after(&contents[at + h.len()..]);
            assert!(
                (issue_start..issue_start + n_pages).contains(&page),
                "{h}: page {page} outside its issue"
            );
            // The page named holds the headline: once as a headline, and once more in 本期要目
            // on the issue's first page.
            let text = squash(&page_text(&f.out, page));
            let want = if page == issue_start { 2 } else { 1 };
            assert_eq!(text.matches(&h).count(), want, "{h} on page {page}: {text}");
            if page > issue_start {
                let before = squash(&page_text(&f.out, page - 1));
                assert!(!before.contains(&h), "{h} already on page {}", page - 1);
            }
        }
        issue_start += n_pages;
    }

    // Only published issues of 2020.
    let all = squash(&tool("pdftotext", &[f.out.to_str().unwrap(), "-"]));
    assert!(!all.contains("总第241期"), "2019 issue in the volume");
    assert!(!all.contains("总第247期"), "draft in the volume");
    for h in &f.left_out {
        assert!(!all.contains(h.as_str()), "{h} in the volume");
    }
    assert!(all.contains("第5期（总第246期）"));
    assert_eq!(report.left_out.len(), 1);
    assert_eq!(report.left_out[0].total_number, 247);

    // Page numbers run on through the volume; the cover has none.
    assert!(!page_text(&f.out, 1).contains('—'));
    for p in 2..=pages {
        assert!(
            squash(&page_text(&f.out, p)).contains(&format!("—{p}—")),
            "page {p} has no 「— {p} —」"
        );
    }
    let cover = squash(&page_text(&f.out, 1));
    assert!(
        cover.contains("温州科协信息")
            && cover.contains("2020年合订本")
            && cover.contains("温州市科学技术协会编"),
        "{cover}"
    );

    // Every font is embedded.
    let fonts = tool("pdffonts", &[f.out.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cols[cols.len() - 5], "yes", "not embedded: {row}");
    }

    // The outline: 目录, then each issue, opening the page whose text starts that issue.
    let marks = outline(&f.out);
    assert_eq!(marks.len(), 1 + report.contents.len(), "{marks:?}");
    assert_eq!(marks[0], ("目录".to_string(), 2));
    for (issue, (title, page)) in report.contents.iter().zip(&marks[1..]) {
        assert!(title.starts_with(&issue.label), "{title} / {}", issue.label);
        assert_eq!(*page, issue.first_page);
        assert!(squash(&page_text(&f.out, *page)).contains(&squash(&issue.label)));
    }
}

/// The PDF's outline as (title, 1-based page), read with lopdf.
fn outline(pdf: &Path) -> Vec<(String, u32)> {
    let doc = lopdf::Document::load(pdf).unwrap();
    let pages: std::collections::HashMap<lopdf::ObjectId, u32> =
        doc.get_pages().into_iter().map(|(n, id)| (id, n)).collect();
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    let catalog = doc.get_dictionary(root).unwrap();
    let outlines = doc
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let mut out = Vec::new();
    let mut next = outlines
        .get(b"First")
        .ok()
        .map(|o| o.as_reference().unwrap());
    while let Some(id) = next {
        let item = doc.get_dictionary(id).unwrap();
        let lopdf::Object::String(bytes, _) = item.get(b"Title").unwrap() else {
            panic!("title is a string");
        };
        assert_eq!(&bytes[..2], &[0xFE, 0xFF], "UTF-16BE text string");
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        let dest = item.get(b"Dest").unwrap().as_array().unwrap();
        let page = pages[&dest[0].as_reference().unwrap()];
        out.push((String::from_utf16(&units).unwrap(), page));
        next = item.get(b"Next").ok().map(|o| o.as_reference().unwrap());
    }
    out
}

/// The page number after an entry in the squashed contents: past the leader dots.
fn number_after(s: &str) -> u32 {
    let digits: String = s
        .trim_start_matches(['·', '.', '…'])
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().unwrap_or_else(|_| {
        panic!(
            "no page number at {}",
            s.chars().take(20).collect::<String>()
        )
    })
}

#[test]
fn the_command_line_writes_the_same_volume_and_names_what_it_left_out() {
    let f = fixture();
    let run = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_bulletin"))
            .arg("--db")
            .arg(&f.db)
            .args(args)
            .env_remove("BULLETIN_DB")
            .output()
            .unwrap();
        (
            o.status.code().unwrap(),
            String::from_utf8(o.stdout).unwrap(),
            String::from_utf8(o.stderr).unwrap(),
        )
    };
    let (code, out, err) = run(&["volume", "2020", "--pdf", f.out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("已写出") && out.contains("3 期"), "{out}");
    assert!(err.contains("总第247期") && err.contains("草稿"), "{err}");
    // Same input, same bytes: the library call gives the file the command wrote.
    let again = f.out.with_file_name("again.pdf");
    volume::export_year(&Store::open(&f.db).unwrap(), 2020, &again).unwrap();
    assert_eq!(
        std::fs::read(&f.out).unwrap(),
        std::fs::read(&again).unwrap()
    );

    // A year without published issues: a plain error, no file.
    let none = f.out.with_file_name("2018.pdf");
    let (code, _, err) = run(&["volume", "2018", "--pdf", none.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("2018年没有已印发的简报"), "{err}");
    assert!(!none.exists());
    let (code, _, err) = run(&["volume", "二〇二〇", "--pdf", none.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_year_with_only_drafts_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("b.sqlite3")).unwrap();
    let mut draft = variant(1, 242, (2021, 1, 29), "", 1);
    draft.status = Status::Draft;
    store.insert(&draft).unwrap();
    let err = volume::export_year(&store, 2021, &dir.path().join("v.pdf")).unwrap_err();
    assert!(
        matches!(
            err,
            VolumeError::NoPublishedIssues {
                year: 2021,
                unpublished: 1
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("1 期尚未印发"), "{err}");
}
