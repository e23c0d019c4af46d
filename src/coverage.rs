//! The pre-export check (docs/layout.md §9): every character must be drawn by a face of its role's
//! chain (the installed face chosen, the bundled face, the Noto fallback); one that none has is
//! reported with where it is, never printed as a box. Characters a chosen installed face lacks
//! (`fallbacks`) are listed too: they print, in another face.

use std::fmt;

use serde::Serialize;

use crate::fonts::{FontBook, FontRole};
use crate::layout::faces::Faces;
use crate::layout::text::is_invisible;
use crate::model::{BlockKind, Issue};

/// A character no bundled font can draw, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingGlyph {
    /// The character.
    pub ch: char,
    /// Its code point, 「U+2A6A5」.
    pub code_point: String,
    /// Where it is, as the editor sees it: 「第3篇文章 第2段」, 「第5条简讯」, 「版头 简报名称」…
    pub place: String,
}

impl fmt::Display for MissingGlyph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}的「{}」（{}）", self.place, self.ch, self.code_point)
    }
}

/// The characters of `issue` that no bundled font has, in reading order, once per place.
pub fn check(issue: &Issue, fonts: &FontBook) -> Vec<MissingGlyph> {
    check_faces(issue, &Faces::new(fonts), '◆')
}

/// As `check`, with parsed faces and the TOC bullet in use.
pub(crate) fn check_faces(issue: &Issue, faces: &Faces, bullet: char) -> Vec<MissingGlyph> {
    let mut out = Vec::new();
    walk(issue, bullet, &mut |text, roles, place| {
        let start = out.len();
        for ch in text.chars() {
            if ch.is_whitespace() || is_invisible(ch) {
                continue;
            }
            if roles.iter().any(|&r| faces.resolve(r, ch).is_none())
                && !out[start..].iter().any(|m: &MissingGlyph| m.ch == ch)
            {
                out.push(MissingGlyph {
                    ch,
                    code_point: format!("U+{:04X}", ch as u32),
                    place: place(),
                });
            }
        }
    });
    out
}

/// A character the installed face chosen for a role lacks: drawn by the next face of the
/// role's chain (its bundled face, or Noto), never as a box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FallbackGlyph {
    /// The character.
    pub ch: char,
    /// Its code point, 「U+5803」.
    pub code_point: String,
    /// The role it is set in.
    pub role: FontRole,
    /// The chosen face's family.
    pub chosen: String,
    /// The family of the face that draws it instead.
    pub drawn_by: String,
    /// Where it first is: 「第1篇文章 第2段」…
    pub place: String,
}

impl fmt::Display for FallbackGlyph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}的「{}」（{}）：{}字体「{}」没有这个字，改用「{}」",
            self.place,
            self.ch,
            self.code_point,
            self.role.label(),
            self.chosen,
            self.drawn_by
        )
    }
}

/// The characters of `issue` that an installed face chosen in `fonts` lacks, once per role and
/// character, in reading order (none when every role keeps its bundled face).
pub fn fallbacks(issue: &Issue, fonts: &FontBook) -> Vec<FallbackGlyph> {
    let mut out: Vec<FallbackGlyph> = Vec::new();
    if FontRole::ALL.iter().all(|&r| fonts.installed(r).is_none()) {
        return out;
    }
    let latin = fonts.installed(FontRole::Latin);
    walk(issue, '◆', &mut |text, roles, place| {
        // The 西文 face sets the Latin letters and digits of every role.
        let with_latin: Vec<FontRole> = roles
            .iter()
            .copied()
            .chain(latin.map(|_| FontRole::Latin))
            .collect();
        for &role in &with_latin {
            let Some(chosen) = fonts.installed(role) else {
                continue;
            };
            for ch in text.chars() {
                if ch.is_whitespace() || is_invisible(ch) || chosen.has_glyph(ch) {
                    continue;
                }
                // Which face the character is the chosen face's to set.
                let latin_has = latin.is_some_and(|l| l.has_glyph(ch));
                if (role == FontRole::Latin && !FontRole::is_latin(ch))
                    || (role != FontRole::Latin && FontRole::is_latin(ch) && latin_has)
                {
                    continue;
                }
                let role_of_text = roles.first().copied().unwrap_or(role);
                if out.iter().any(|f| f.role == role && f.ch == ch) {
                    continue;
                }
                // A character no face has is `check`'s to report.
                let Some(by) = fonts.resolve(role_of_text, ch) else {
                    continue;
                };
                out.push(FallbackGlyph {
                    ch,
                    code_point: format!("U+{:04X}", ch as u32),
                    role,
                    chosen: chosen.family.clone(),
                    drawn_by: fonts.family(by),
                    place: place(),
                });
            }
        }
    });
    out
}

/// How much of the text `issue` sets in `role` the role's first face has: (distinct characters
/// it has, distinct characters in all), spaces and invisible characters aside.
pub fn share(issue: &Issue, fonts: &FontBook, role: FontRole) -> (usize, usize) {
    let face = fonts.primary(role);
    let chars = role_chars(issue, role);
    let has = chars.iter().filter(|&&c| fonts.has_glyph(face, c)).count();
    (has, chars.len())
}

/// The distinct characters `issue` sets in `role` that the role's first face lacks, in code
/// point order (they fall back, or are missing altogether).
pub fn lacking(issue: &Issue, fonts: &FontBook, role: FontRole) -> Vec<char> {
    let face = fonts.primary(role);
    role_chars(issue, role)
        .into_iter()
        .filter(|&c| !fonts.has_glyph(face, c))
        .collect()
}

fn role_chars(issue: &Issue, role: FontRole) -> std::collections::BTreeSet<char> {
    let mut seen = std::collections::BTreeSet::new();
    walk(issue, '◆', &mut |text, roles, _| {
        if role == FontRole::Latin {
            // The Latin letters and digits of every role.
            seen.extend(text.chars().filter(|&c| FontRole::is_latin(c)));
        } else if roles.contains(&role) {
            seen.extend(
                text.chars()
                    .filter(|&c| !c.is_whitespace() && !is_invisible(c)),
            );
        }
    });
    seen
}

/// What `walk` calls with each text: the text, the roles it is set in, and where it is.
type Scan<'a> = dyn FnMut(&str, &[FontRole], &dyn Fn() -> String) + 'a;

/// Calls `scan` with every text of `issue`, the roles it is set in, and where it is.
fn walk(issue: &Issue, bullet: char, scan: &mut Scan<'_>) {
    let m = &issue.masthead;
    scan(&m.name, &[FontRole::XiaoBiaoSong], &|| {
        "版头 简报名称".into()
    });
    scan(&m.editor, &[FontRole::FangSong], &|| "版头 编印单位".into());
    scan(&bullet.to_string(), &[FontRole::Kai], &|| {
        "本期要目 项目符号".into()
    });
    for (i, a) in issue.articles.iter().enumerate() {
        let n = i + 1;
        for (j, line) in a.headline.iter().enumerate() {
            // The headline is also the TOC entry, set in 楷体.
            let place = || {
                if a.headline.len() > 1 {
                    format!("第{n}篇文章 标题第{}行", j + 1)
                } else {
                    format!("第{n}篇文章 标题")
                }
            };
            scan(line, &[FontRole::XiaoBiaoSong, FontRole::Kai], &place);
        }
        if let Some(t) = &a.toc_text {
            scan(t, &[FontRole::Kai], &|| format!("第{n}篇文章 要目文字"));
        }
        for (k, b) in a.blocks.iter().enumerate() {
            let role = match b.kind {
                BlockKind::Paragraph => FontRole::FangSong,
                BlockKind::Heading1 => FontRole::Hei,
                BlockKind::Heading2 | BlockKind::Figure => FontRole::Kai,
            };
            scan(&b.text, &[role], &|| format!("第{n}篇文章 第{}段", k + 1));
        }
        if let Some(b) = &a.byline {
            scan(b, &[FontRole::FangSong], &|| format!("第{n}篇文章 署名"));
        }
    }
    for (i, b) in issue.briefs.iter().enumerate() {
        scan(&b.paragraph_text(), &[FontRole::FangSong], &|| {
            format!("第{}条简讯", i + 1)
        });
    }
    for (label, text) in issue.closing.rows() {
        scan(text, &[FontRole::FangSong], &|| {
            format!("版记「{label}」行")
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use chrono::NaiveDate;

    fn issue() -> Issue {
        Issue {
            masthead: Masthead {
                name: "温州科协信息".into(),
                number: IssueNumber::new(4).unwrap(),
                total_number: TotalNumber::new(245).unwrap(),
                editor: "温州市科学技术协会编".into(),
                date: NaiveDate::from_ymd_opt(2020, 4, 30).unwrap(),
            },
            articles: vec![
                Article {
                    headline: vec!["一".into()],
                    toc_text: None,
                    blocks: vec![Block::paragraph("校长李校堃。")],
                    byline: None,
                    byline_parens: Default::default(),
                },
                Article {
                    headline: vec!["标题".into(), "第二行𪚥".into()],
                    toc_text: None,
                    blocks: vec![
                        Block::paragraph("正文。"),
                        Block::paragraph("𪚥字和𪚥字，还有𠀋。"),
                    ],
                    byline: Some("叶贤挺".into()),
                    byline_parens: Default::default(),
                },
            ],
            briefs: vec![Brief {
                date_text: "4月7日".into(),
                text: "𪚥".into(),
                source: None,
                source_parens: Default::default(),
                style: Default::default(),
            }],
            closing: Closing::default(),
            status: Status::Draft,
            images: Default::default(),
        }
    }

    #[test]
    fn names_character_code_point_and_place() {
        let book = FontBook::global().expect("fonts in assets/fonts");
        let missing = check(&issue(), book);
        let places: Vec<&str> = missing.iter().map(|m| m.place.as_str()).collect();
        assert_eq!(
            places,
            ["第2篇文章 标题第2行", "第2篇文章 第2段", "第1条简讯"]
        );
        assert!(missing
            .iter()
            .all(|m| m.ch == '𪚥' && m.code_point == "U+2A6A5"));
        assert_eq!(missing[1].to_string(), "第2篇文章 第2段的「𪚥」（U+2A6A5）");
    }

    #[test]
    fn fallback_characters_are_not_missing() {
        let book = FontBook::global().expect("fonts in assets/fonts");
        let mut i = issue();
        i.articles.truncate(1);
        i.briefs.clear();
        assert!(check(&i, book).is_empty());
    }
}
