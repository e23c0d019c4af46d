//! 审阅意见 on a figure (issue 24): a reviewer's highlight on a caption of a proof with a photo
//! anchors to that figure's caption (its block's text), at the characters marked; a mark on the
//! body text after the picture still finds its paragraph.

mod images_support;
#[path = "pdfcheck/mod.rs"]
#[allow(dead_code)]
mod pdfcheck;
#[allow(dead_code)]
mod review_support;

use bulletin::fonts::FontBook;
use bulletin::lint::Place;
use bulletin::model::{Block, FigureWidth, Issue};
use bulletin::review;
use bulletin::store::Store;
use chrono::NaiveDate;
use serde_json::json;

const CAPTION: &str = "图为市科协召开党建工作部署会议现场。";

/// The review issue with a photo after article 1's first paragraph (block 1 of article 0).
fn issue() -> Issue {
    let mut issue: Issue =
        bulletin::json::from_str(include_str!("data/review-issue.json")).unwrap();
    let id = issue
        .images
        .insert(bulletin::images::Image::from_bytes(images_support::jpeg(600, 400)).unwrap());
    issue.articles[0]
        .blocks
        .insert(1, Block::figure(id, FigureWidth::new(80).unwrap(), CAPTION));
    issue
}

#[test]
fn a_highlight_on_a_caption_anchors_to_the_figure_s_caption() {
    let fonts = FontBook::global().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("b.sqlite3")).unwrap();
    let id = store.insert(&issue()).unwrap();
    let round = store
        .freeze_proof_on(id, "", NaiveDate::from_ymd_opt(2020, 4, 28).unwrap())
        .unwrap();
    let pdf = dir.path().join("校样1.pdf");
    bulletin::pdf::export_proof_with(id, &round, fonts, &pdf).unwrap();
    let (bytes, _) = review_support::annotate(
        &pdf,
        json!([
            {"kind": "highlight", "phrase": "党建工作部署会议现场", "comment": "请核对会议名称"},
            {"kind": "underline", "phrase": "传达学习上级有关会议精神"}
        ]),
    );
    let r = review::review(&bytes, id, std::slice::from_ref(&round), fonts).unwrap();
    assert_eq!(r.comments.len(), 2, "{:#?}", r.comments);
    let on_caption = r
        .comments
        .iter()
        .find(|c| c.text == "请核对会议名称")
        .unwrap();
    let a = on_caption.anchor.as_ref().expect("anchored");
    assert_eq!(a.spans.len(), 1);
    let s = &a.spans[0];
    // 「图为市科协召开」 is 7 characters before the phrase; the phrase is 10 long.
    assert_eq!(
        (s.place, s.start, s.end),
        (
            Some(Place::Block {
                article: 0,
                block: 1
            }),
            7,
            17
        ),
        "{on_caption:#?}"
    );
    assert_eq!(a.quote(), "党建工作部署会议现场");
    let on_body = r
        .comments
        .iter()
        .find(|c| c.text != "请核对会议名称")
        .unwrap();
    assert_eq!(
        on_body.anchor.as_ref().unwrap().spans[0].place,
        Some(Place::Block {
            article: 0,
            block: 0
        })
    );
}
