//! The pre-export check (导出前检查): every problem that would spoil a printed issue, each with the
//! place in the issue where the editor can fix it.
//!
//! Three kinds of problem (issue 7): a required field left empty, a character no bundled font has
//! (it would print as a box), and 第N期/总第M期 numbers that do not follow the previous issue's;
//! and, where an installed face was chosen for a role (issue 15), each character it lacks, which
//! prints in the role's bundled face or the Noto fallback instead; and a chosen face that can no
//! longer be used (`face_unavailable`).

use chrono::Datelike;
use serde::Serialize;

use crate::fonts::FontBook;
use crate::model::Issue;

/// Where in the issue a problem is, so the editor's form can jump there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The form section: `masthead`, `article`, `brief` or `closing`.
    pub section: Section,
    /// The article's or brief's index (0-based) in its list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// The field: `name`, `number`, `total_number`, `editor`, `date`; `headline`, `toc_text`,
    /// `block`, `byline`; `date_text`, `text`, `source`; `report_to`, `send_to`, `distribute_to`.
    pub field: &'static str,
    /// The headline line or body block (0-based) within the field, where that matters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<usize>,
}

/// A section of the issue form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// 报头.
    Masthead,
    /// 文章.
    Article,
    /// 简讯.
    Brief,
    /// 版记.
    Closing,
    /// 设置 › 字体: the faces chosen per role (not a place in the issue).
    Fonts,
}

/// One problem found before export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Where it is.
    pub place: Place,
    /// What is wrong and what to do, in plain Chinese.
    pub message: String,
}

/// The numbers of the issue published before the one being checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Previous {
    /// Its 第N期.
    pub number: u32,
    /// Its 总第M期.
    pub total_number: u32,
    /// Its date.
    pub date: chrono::NaiveDate,
}

fn place(
    section: Section,
    index: Option<usize>,
    field: &'static str,
    item: Option<usize>,
) -> Place {
    Place {
        section,
        index,
        field,
        item,
    }
}

/// A face chosen for `role` that can no longer be used (uninstalled, moved, damaged): the issue
/// would print in the role's bundled face instead, which the office should know before export.
pub fn face_unavailable(role: crate::fonts::FontRole, reason: &str) -> Finding {
    Finding {
        place: place(Section::Fonts, None, "fonts", None),
        message: format!(
            "字体：为「{}」选用的字体现在无法使用（{reason}），导出时将改用内置字体。\
             请在「设置 › 字体」中重新选择，或恢复为内置字体。",
            role.label()
        ),
    }
}

/// Checks `issue` for everything listed in the module docs. `previous` is the issue before it in
/// the archive (if any); `fonts` the bundled fonts (coverage is not checked without them).
pub fn check(issue: &Issue, previous: Option<Previous>, fonts: Option<&FontBook>) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut need = |place: Place, message: String| out.push(Finding { place, message });
    let m = &issue.masthead;

    // Required fields.
    if m.name.trim().is_empty() {
        need(
            place(Section::Masthead, None, "name", None),
            "报头：简报名称为空，请填写（例如「温州科协信息」）。".into(),
        );
    }
    if m.editor.trim().is_empty() {
        need(
            place(Section::Masthead, None, "editor", None),
            "报头：编印单位为空，请填写（例如「温州市科学技术协会编」）。".into(),
        );
    }
    if issue.articles.is_empty() && issue.briefs.is_empty() {
        need(
            place(Section::Article, None, "headline", None),
            "本期还没有文章和简讯，请至少添加一篇。".into(),
        );
    }
    for (i, a) in issue.articles.iter().enumerate() {
        let n = i + 1;
        if a.headline.iter().all(|l| l.trim().is_empty()) {
            need(
                place(Section::Article, Some(i), "headline", Some(0)),
                format!("第{n}篇文章没有标题，请填写标题。"),
            );
        } else if let Some(k) = a.headline.iter().position(|l| l.trim().is_empty()) {
            need(
                place(Section::Article, Some(i), "headline", Some(k)),
                format!("第{n}篇文章的标题第{}行是空行，请填写或删除这一行。", k + 1),
            );
        }
        if a.blocks
            .iter()
            .all(|b| b.figure.is_none() && b.text.trim().is_empty())
        {
            need(
                place(Section::Article, Some(i), "block", Some(0)),
                format!("第{n}篇文章没有正文，请填写正文。"),
            );
        } else {
            for (k, b) in a.blocks.iter().enumerate() {
                // A figure needs its picture; its caption may be empty (docs/layout.md §11).
                if let Some(f) = &b.figure {
                    if !issue.images.contains(&f.image) {
                        need(
                            place(Section::Article, Some(i), "block", Some(k)),
                            format!(
                                "第{n}篇文章的第{}段是图片，但图片数据找不到了（编号 {}…），\
                                 导出时这里会空着。请删除这张图片后重新插入。",
                                k + 1,
                                &f.image.to_string()[..12]
                            ),
                        );
                    }
                } else if b.text.trim().is_empty() {
                    need(
                        place(Section::Article, Some(i), "block", Some(k)),
                        format!("第{n}篇文章的第{}段是空的，请填写或删除这一段。", k + 1),
                    );
                }
            }
        }
    }
    for (i, b) in issue.briefs.iter().enumerate() {
        let n = i + 1;
        if b.date_text.trim().is_empty() {
            need(
                place(Section::Brief, Some(i), "date_text", None),
                format!("第{n}条简讯没有日期，请填写（例如「4月7日」）。"),
            );
        }
        if b.text.trim().is_empty() {
            need(
                place(Section::Brief, Some(i), "text", None),
                format!("第{n}条简讯没有内容，请填写或删除这条简讯。"),
            );
        }
    }

    // Numbers that follow the previous issue's.
    if let Some(p) = previous {
        let total = m.total_number.get();
        if total != p.total_number + 1 {
            need(
                place(Section::Masthead, None, "total_number", None),
                format!(
                    "总期号不连续：上一期（{}）是总第{}期，本期应为总第{}期，现在是总第{}期。",
                    crate::model::chinese_date(p.date),
                    p.total_number,
                    p.total_number + 1,
                    total
                ),
            );
        }
        let expected = if m.date.year() == p.date.year() {
            p.number + 1
        } else {
            1
        };
        if m.number.get() != expected {
            need(
                place(Section::Masthead, None, "number", None),
                format!(
                    "期号不连续：上一期（{}）是第{}期，本期应为第{}期，现在是第{}期。",
                    crate::model::chinese_date(p.date),
                    p.number,
                    expected,
                    m.number.get()
                ),
            );
        }
    }

    // Characters no bundled font has: which ones is `coverage::check`'s call (the layout refuses
    // the same ones); here each is pinned to the field it is in, for the click-through.
    if let Some(fonts) = fonts {
        let missing: Vec<char> = crate::coverage::check(issue, fonts)
            .into_iter()
            .map(|m| m.ch)
            .collect();
        if !missing.is_empty() {
            for (at, text, label) in fields(issue) {
                let mut here: Vec<char> = Vec::new();
                for ch in text.chars() {
                    if missing.contains(&ch) && !here.contains(&ch) {
                        here.push(ch);
                    }
                }
                if !here.is_empty() {
                    let list: Vec<String> = here
                        .iter()
                        .map(|c| format!("「{c}」（U+{:04X}）", *c as u32))
                        .collect();
                    need(
                        at,
                        format!(
                            "{label}中有字体里没有的字：{}。印出来会是方框，请换用常见写法或改字。",
                            list.join("、")
                        ),
                    );
                }
            }
        }
        // Characters an installed face chosen for a role lacks: they print in the next face of
        // the role's chain, which the editor should know before the issue goes out.
        let fallbacks = crate::coverage::fallbacks(issue, fonts);
        if !fallbacks.is_empty() {
            for (at, text, label) in fields(issue) {
                let mut here: Vec<&crate::coverage::FallbackGlyph> = Vec::new();
                for ch in text.chars() {
                    for f in fallbacks.iter().filter(|f| f.ch == ch) {
                        if !here.iter().any(|h| h.ch == ch && h.chosen == f.chosen) {
                            here.push(f);
                        }
                    }
                }
                if !here.is_empty() {
                    let list: Vec<String> = here
                        .iter()
                        .map(|f| {
                            format!(
                                "「{}」（{}，{}字体「{}」没有，改用「{}」）",
                                f.ch,
                                f.code_point,
                                f.role.label(),
                                f.chosen,
                                f.drawn_by
                            )
                        })
                        .collect();
                    need(
                        at,
                        format!(
                            "{label}中有所选字体缺少的字：{}。这些字会用其他字体印出，字形可能与前后文略有不同。",
                            list.join("、")
                        ),
                    );
                }
            }
        }
    }
    out
}

/// Every text field of the issue with its place and how the editor names it.
fn fields(issue: &Issue) -> Vec<(Place, &str, String)> {
    let m = &issue.masthead;
    let mut out: Vec<(Place, &str, String)> = vec![
        (
            place(Section::Masthead, None, "name", None),
            m.name.as_str(),
            "报头的简报名称".to_string(),
        ),
        (
            place(Section::Masthead, None, "editor", None),
            m.editor.as_str(),
            "报头的编印单位".to_string(),
        ),
    ];
    for (i, a) in issue.articles.iter().enumerate() {
        let n = i + 1;
        for (k, l) in a.headline.iter().enumerate() {
            out.push((
                place(Section::Article, Some(i), "headline", Some(k)),
                l,
                format!("第{n}篇文章的标题"),
            ));
        }
        if let Some(t) = &a.toc_text {
            out.push((
                place(Section::Article, Some(i), "toc_text", None),
                t,
                format!("第{n}篇文章的要目文字"),
            ));
        }
        for (k, b) in a.blocks.iter().enumerate() {
            out.push((
                place(Section::Article, Some(i), "block", Some(k)),
                &b.text,
                format!("第{n}篇文章的第{}段", k + 1),
            ));
        }
        if let Some(t) = &a.byline {
            out.push((
                place(Section::Article, Some(i), "byline", None),
                t,
                format!("第{n}篇文章的署名"),
            ));
        }
    }
    for (i, b) in issue.briefs.iter().enumerate() {
        let n = i + 1;
        for (field, t) in [
            ("date_text", Some(&b.date_text)),
            ("text", Some(&b.text)),
            ("source", b.source.as_ref()),
        ] {
            if let Some(t) = t {
                out.push((
                    place(Section::Brief, Some(i), field, None),
                    t,
                    format!("第{n}条简讯"),
                ));
            }
        }
    }
    let c = &issue.closing;
    for (field, t) in [
        ("report_to", &c.report_to),
        ("send_to", &c.send_to),
        ("distribute_to", &c.distribute_to),
    ] {
        if let Some(t) = t {
            out.push((
                place(Section::Closing, None, field, None),
                t,
                "版记".to_string(),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Block, Brief};

    fn previous(number: u32, total_number: u32, y: i32, m: u32, d: u32) -> Previous {
        Previous {
            number,
            total_number,
            date: chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap(),
        }
    }

    #[test]
    fn the_demo_issue_passes_after_its_predecessor() {
        let issue = crate::demo::issue();
        let fonts = FontBook::global().expect("fonts (scripts/fetch-fonts.sh)");
        let found = check(&issue, Some(previous(3, 244, 2020, 3, 31)), Some(fonts));
        assert_eq!(found, vec![]);
    }

    #[test]
    fn empty_fields_are_found_where_they_are() {
        let mut issue = crate::demo::issue();
        issue.masthead.editor = "  ".into();
        issue.articles[1].headline = vec!["标题".into(), "".into()];
        issue.articles[2].blocks.push(Block::paragraph(""));
        let empty_block = issue.articles[2].blocks.len() - 1;
        issue.briefs[3].date_text.clear();
        issue.articles.push(Article {
            headline: vec![],
            toc_text: None,
            blocks: vec![],
            byline: None,
            byline_parens: Default::default(),
        });
        issue.briefs.push(Brief {
            date_text: "5月1日".into(),
            text: " ".into(),
            source: None,
            source_parens: Default::default(),
            style: Default::default(),
        });
        let found = check(&issue, None, None);
        let places: Vec<(Section, Option<usize>, &str, Option<usize>)> = found
            .iter()
            .map(|f| (f.place.section, f.place.index, f.place.field, f.place.item))
            .collect();
        assert_eq!(
            places,
            vec![
                (Section::Masthead, None, "editor", None),
                (Section::Article, Some(1), "headline", Some(1)),
                (Section::Article, Some(2), "block", Some(empty_block)),
                (Section::Article, Some(6), "headline", Some(0)),
                (Section::Article, Some(6), "block", Some(0)),
                (Section::Brief, Some(3), "date_text", None),
                (Section::Brief, Some(8), "text", None),
            ]
        );
        assert!(found[1].message.contains("第2篇文章的标题第2行是空行"));
    }

    #[test]
    fn numbers_must_follow_the_previous_issue() {
        let issue = crate::demo::issue(); // 2020 第4期 总第245期
        let found = check(&issue, Some(previous(3, 240, 2020, 3, 31)), None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].place.field, "total_number");
        assert!(
            found[0].message.contains("应为总第241期"),
            "{}",
            found[0].message
        );
        // A new year restarts 第N期 at 1.
        let found = check(&issue, Some(previous(12, 244, 2019, 12, 31)), None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].place.field, "number");
        assert!(
            found[0].message.contains("本期应为第1期"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn characters_no_font_has_are_named() {
        let mut issue = crate::demo::issue();
        // 堃 is only in the Noto fallback (fine); 𪚥 is in no bundled font.
        issue.articles[0].blocks[1].text.push_str("李校堃与𪚥。");
        let fonts = FontBook::global().expect("fonts (scripts/fetch-fonts.sh)");
        let found = check(&issue, None, Some(fonts));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].place,
            place(Section::Article, Some(0), "block", Some(1))
        );
        assert!(
            found[0].message.contains("「𪚥」（U+2A6A5）"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_figure_without_its_picture_is_named_and_an_empty_caption_is_not() {
        let mut issue = crate::demo::issue();
        let present = crate::images::Image::from_bytes({
            let mut out = std::io::Cursor::new(Vec::new());
            image::RgbImage::new(4, 3)
                .write_to(&mut out, image::ImageFormat::Png)
                .unwrap();
            out.into_inner()
        })
        .unwrap();
        let id = issue.images.insert(present);
        let lost = crate::images::ImageId::of(b"gone");
        let width = crate::model::FigureWidth::FULL;
        issue.articles[1]
            .blocks
            .push(crate::model::Block::figure(id, width, ""));
        issue.articles[1]
            .blocks
            .push(crate::model::Block::figure(lost, width, "图为现场。"));
        let found = check(&issue, None, None);
        let about: Vec<&Finding> = found
            .iter()
            .filter(|f| f.place.index == Some(1) && f.place.field == "block")
            .collect();
        assert_eq!(about.len(), 1, "{found:#?}");
        let k = issue.articles[1].blocks.len() - 1;
        assert_eq!(about[0].place.item, Some(k));
        assert!(
            about[0].message.contains("图片数据找不到了"),
            "{}",
            about[0].message
        );
        assert!(about[0].message.contains(&lost.to_string()[..12]));
    }
}
