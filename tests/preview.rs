//! The live preview's updates (`Desktop::preview_update`, `preview_pages`): every page's hash,
//! drawings only for the pages a change touched, each glyph outline once per session, and pages
//! that are the layout's own lines (the same lines the PDF prints).

use std::collections::HashSet;

use bulletin::desktop::Desktop;
use bulletin::fonts::FontBook;
use bulletin::model::{Block, Issue};
use bulletin::preview::PreviewUpdate;

fn desktop() -> (tempfile::TempDir, Desktop) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data").join("bulletin.sqlite3");
    let d = Desktop::open(&db, FontBook::default_dir()).unwrap();
    (dir, d)
}

/// The indices of the pages that carry a drawing.
fn drawn(u: &PreviewUpdate) -> Vec<usize> {
    u.pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.drawing.is_some())
        .map(|(i, _)| i)
        .collect()
}

fn hashes(u: &PreviewUpdate) -> Vec<String> {
    u.pages.iter().map(|p| p.hash.clone()).collect()
}

/// The page whose text holds `needle`.
fn page_with(issue: &Issue, d: &Desktop, needle: &str) -> usize {
    let doc = bulletin::layout::layout(issue, &d.fonts().unwrap()).unwrap();
    doc.pages
        .iter()
        .position(|p| p.lines.iter().any(|l| l.text().contains(needle)))
        .unwrap_or_else(|| panic!("no page holds {needle}"))
}

#[test]
fn a_new_session_gets_every_page_and_the_outlines_they_use() {
    let (_dir, d) = desktop();
    let issue = bulletin::demo::issue();
    let u = d.preview_update("s1", &issue).unwrap();
    let doc = bulletin::layout::layout(&issue, &d.fonts().unwrap()).unwrap();
    assert_eq!(u.pages.len(), doc.pages.len());
    assert_eq!(drawn(&u), (0..doc.pages.len()).collect::<Vec<_>>());
    let sheet: HashSet<u32> = u.glyphs.iter().map(|g| g.id).collect();
    assert_eq!(sheet.len(), u.glyphs.len(), "each outline once");
    for (state, page) in u.pages.iter().zip(&doc.pages) {
        let drawing = state.drawing.as_ref().unwrap();
        assert_eq!(drawing.number, page.number);
        // The layout's lines, character for character, each at the layout's x.
        assert_eq!(drawing.lines.len(), page.lines.len());
        for (l, pl) in drawing.lines.iter().zip(&page.lines) {
            assert_eq!(l.text, pl.text());
            assert_eq!(l.xs.len(), pl.glyphs.len());
            assert_eq!(l.glyphs.len(), pl.glyphs.len());
            for (x, g) in l.xs.iter().zip(&pl.glyphs) {
                assert!((x - g.x.0).abs() <= 0.006, "{x} vs {}", g.x.0);
            }
        }
        for id in drawing.glyph_ids() {
            assert!(sheet.contains(&id), "glyph {id} used but not sent");
        }
        assert_eq!(drawing.rules.len(), page.rules.len());
        assert_eq!(drawing.frames.len(), page.frames.len());
    }
    // Page 1 has the red masthead rule and the 本期要目 frame (spec §2, §3).
    let first = u.pages[0].drawing.as_ref().unwrap();
    assert!(first.rules.iter().any(|r| r.color == "#ff0000"));
    assert_eq!(first.frames.len(), 1);
}

#[test]
fn nothing_changed_sends_nothing() {
    let (_dir, d) = desktop();
    let issue = bulletin::demo::issue();
    let a = d.preview_update("s1", &issue).unwrap();
    let b = d.preview_update("s1", &issue).unwrap();
    assert_eq!(hashes(&a), hashes(&b));
    assert!(drawn(&b).is_empty());
    assert!(b.glyphs.is_empty());
}

#[test]
fn a_character_swapped_for_one_as_wide_redraws_only_its_page() {
    let (_dir, d) = desktop();
    let mut issue = bulletin::demo::issue();
    let before = d.preview_update("s1", &issue).unwrap();
    // The last article's first paragraph: its 3rd character becomes 「鑫」, as wide (one grid cell),
    // so no line or page break moves.
    let last = issue.articles.len() - 1;
    let mut chars: Vec<char> = issue.articles[last].blocks[0].text.chars().collect();
    let probe: String = chars[..8].iter().collect();
    let page = page_with(&issue, &d, &probe);
    chars[2] = '鑫';
    issue.articles[last].blocks[0].text = chars.into_iter().collect();
    let after = d.preview_update("s1", &issue).unwrap();
    assert_eq!(after.pages.len(), before.pages.len());
    assert_eq!(drawn(&after), vec![page]);
    let drawing = after.pages[page].drawing.as_ref().unwrap();
    assert!(drawing.lines.iter().any(|l| l.text.contains('鑫')));
    // 鑫 is new to the session (the demo has none): its outline comes with it, and only it.
    assert_eq!(after.glyphs.len(), 1);
    // Another session has had nothing yet: it gets everything again.
    let other = d.preview_update("s2", &issue).unwrap();
    assert_eq!(drawn(&other).len(), other.pages.len());
    assert!(other.glyphs.len() > 100);
}

#[test]
fn a_change_that_moves_the_page_breaks_sends_the_pages_from_there_on() {
    let (_dir, d) = desktop();
    let mut issue = bulletin::demo::issue();
    let before = d.preview_update("s1", &issue).unwrap();
    let second = 1.min(issue.articles.len() - 1);
    let probe: String = issue.articles[second].blocks[0]
        .text
        .chars()
        .take(8)
        .collect();
    let page = page_with(&issue, &d, &probe);
    // A paragraph of six full lines (28 characters each) before it pushes everything on.
    issue.articles[second]
        .blocks
        .insert(0, Block::paragraph("科".repeat(6 * 28 - 2)));
    let after = d.preview_update("s1", &issue).unwrap();
    let changed = drawn(&after);
    assert!(
        changed.iter().all(|&i| i >= page),
        "{changed:?} before page {page}"
    );
    assert_eq!(
        changed,
        (page..after.pages.len()).collect::<Vec<_>>(),
        "every page from the edit on (page numbers aside, their lines moved)"
    );
    assert_eq!(hashes(&after)[..page], hashes(&before)[..page]);
}

#[test]
fn pages_on_demand_and_unknown_sessions() {
    let (_dir, d) = desktop();
    let issue = bulletin::demo::issue();
    let u = d.preview_update("s1", &issue).unwrap();
    let again = d.preview_pages("s1", &[1, 99]).unwrap();
    assert_eq!(drawn(&again), vec![1]);
    assert_eq!(hashes(&again), hashes(&u));
    assert!(again.glyphs.is_empty(), "the session has them already");
    let e = d.preview_pages("never-seen", &[0]).unwrap_err();
    assert!(e.0.contains("预览"), "{e}");
}

#[test]
fn what_the_editor_typed_is_text_in_the_drawing() {
    let (_dir, d) = desktop();
    let mut issue = bulletin::demo::issue();
    let xss = "<img src=x onerror=alert(1)>";
    issue.articles[0].headline = vec![xss.into()];
    let u = d.preview_update("s1", &issue).unwrap();
    let text: String = u
        .pages
        .iter()
        .map(|p| p.drawing.as_ref().unwrap().text())
        .collect();
    // The characters as typed (the webview puts them in a text node), wrapped or not.
    let flat: String = text.chars().filter(|c| *c != '\n').collect();
    assert!(flat.contains(xss), "{text}");
    // A character no font has: the preview says what and where.
    issue.briefs[0].text.push('𪚥');
    let e = d.preview_update("s1", &issue).unwrap_err();
    assert!(e.0.contains("𪚥"), "{e}");
}
