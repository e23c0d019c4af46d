//! Pictures in an imported Word file: the Word readers put each picture on a line of its own that
//! starts with U+FFFC (after it, a reference to the image's bytes: a .docx relationship id, or
//! nothing). The plain-text reader takes these lines out of the text; then each picture whose
//! bytes the file has, in a format we take (JPEG, PNG, WebP), becomes a figure block (issue 24)
//! after the paragraph it followed, with the caption 「图为……」 under it as its caption. A picture
//! that cannot be taken (no bytes, as in a .doc; EMF/WMF; outside any article) is named in the
//! import report by its place, 「第2篇文章第1段后有1张图片，未导入（…）」, and its caption stays a
//! paragraph of its own. The convention is written down in README.md (「Pictures in Word files」).

use super::headline::is_toc_heading;
use super::lines::Line;
use super::report::{head, Warning, WarningKind};
use super::spacing::{key, tidy};
use crate::images::{Image, ImageError};
use crate::model::{Block, BlockKind, FigureWidth, Issue};

/// The bytes of a picture by its reference, or why there are none (in words for the report).
pub type Media<'a> = &'a dyn Fn(&str) -> Result<Vec<u8>, String>;

/// No pictures' bytes: plain text (whose U+FFFC lines name nothing).
pub fn no_media(_: &str) -> Result<Vec<u8>, String> {
    Err("文件中没有图片数据".into())
}

/// A Word 97-2003 file: its pictures' bytes are not read.
pub fn doc_media(_: &str) -> Result<Vec<u8>, String> {
    Err(".doc 文件中的图片取不出来，请在 Word 中另存为 .docx 后再导入，或导入后再插入图片".into())
}

/// Why a picture's bytes are no figure, for the report.
fn refusal(e: ImageError) -> String {
    match e {
        ImageError::Unsupported(format) => {
            format!("图片格式为 {format}，不能导入，请另存为 JPEG 或 PNG 后在编辑器中插入")
        }
        other => other.to_string(),
    }
}

/// The character a picture's line starts with (U+FFFC OBJECT REPLACEMENT CHARACTER).
pub const MARKER: char = '\u{FFFC}';

/// The line that stands for one picture, with the reference to its bytes ("" when there are none).
pub fn marker_line(reference: &str) -> String {
    format!("{MARKER}{reference}")
}

/// Pictures standing together between two lines of text, and the caption under them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pictures {
    /// 1-based line of the first picture.
    pub line: usize,
    /// Each picture's reference to its bytes, in order ("" when there are none).
    pub references: Vec<String>,
    /// The caption line right under the pictures, if there is one.
    pub caption: Option<Line>,
}

/// How a caption starts: 「图为」, 「图：」, 「（图为…）」, 「▲」, 「上图」…
const CAPTION_STARTS: [&str; 12] = [
    "图为",
    "图：",
    "图:",
    "（图",
    "(图",
    "▲",
    "△",
    "上图",
    "下图",
    "左图",
    "右图",
    "图片：",
];

/// Longest caption, in characters: a caption is a sentence or two, not a paragraph.
const MAX_CAPTION_CHARS: usize = 120;

/// Whether a line right under a picture is its caption.
fn is_caption(text: &str) -> bool {
    let k = key(text);
    CAPTION_STARTS.iter().any(|s| k.starts_with(&key(s)))
        && k.chars().take(MAX_CAPTION_CHARS + 1).count() <= MAX_CAPTION_CHARS
}

/// Splits the picture lines from the text lines: the lines without them, and the pictures.
pub fn take(lines: Vec<Line>) -> (Vec<Line>, Vec<Pictures>) {
    let mut text = Vec::with_capacity(lines.len());
    let mut groups: Vec<Pictures> = Vec::new();
    let mut after_picture = false;
    for line in lines {
        if let Some(reference) = line.text.strip_prefix(MARKER) {
            let reference = reference.trim().to_owned();
            match groups.last_mut() {
                Some(g) if after_picture => g.references.push(reference),
                _ => groups.push(Pictures {
                    line: line.no,
                    references: vec![reference],
                    caption: None,
                }),
            }
            after_picture = true;
            continue;
        }
        if after_picture && is_caption(&line.text) {
            if let Some(g) = groups.last_mut() {
                g.caption = Some(line.clone());
            }
        }
        after_picture = false;
        text.push(line);
    }
    (text, groups)
}

/// Keeps each caption a paragraph of its own (the text reader may have joined it to the paragraph
/// before or after it, or taken it for a heading), makes the pictures `media` has into figures
/// after the part they followed (the caption paragraph becoming the last one's caption), and
/// names every picture left out and its caption in a warning.
pub fn report(
    issue: &mut Issue,
    groups: &[Pictures],
    lines: &[Line],
    warnings: &mut Vec<Warning>,
    media: Media<'_>,
) {
    for caption in groups.iter().filter_map(|g| g.caption.as_ref()) {
        if let Some(next) = separate(issue, &tidy(&caption.text)) {
            // The caption and what follows it are their own paragraphs again: not joined.
            let next_line = lines
                .iter()
                .skip_while(|l| l.no <= caption.no)
                .find(|l| {
                    next.as_deref()
                        .is_some_and(|n| key(n).starts_with(&key(&l.text)))
                })
                .map(|l| l.no);
            warnings.retain(|w| {
                !matches!(w.kind, WarningKind::Joined { .. })
                    || (w.line != caption.no && Some(w.line) != next_line)
            });
        }
    }
    let places = places(issue, lines);
    let place_before = |line: usize| {
        places
            .iter()
            .rev()
            .find(|(at, _)| *at < line)
            .map_or_else(|| "文件开头".to_owned(), |(_, p)| p.after())
    };
    // From the last group back, so the places of the earlier ones stay where they were.
    let mut notes = Vec::new();
    for g in groups.iter().rev() {
        let place = places
            .iter()
            .rev()
            .find(|(at, _)| *at < g.line)
            .map(|(_, p)| p);
        let mut taken = Vec::new();
        let mut left: Vec<String> = Vec::new();
        for reference in &g.references {
            match place.and_then(Place::insertion) {
                None => left.push("图片不在任何一篇文章中，只有文章能放图片".into()),
                Some(_) => match media(reference)
                    .and_then(|bytes| Image::from_bytes(bytes).map_err(refusal))
                {
                    Ok(img) => taken.push(img),
                    Err(reason) => left.push(reason),
                },
            }
        }
        let caption_taken = !taken.is_empty() && g.caption.is_some();
        if let (Some((article, at)), false) = (place.and_then(Place::insertion), taken.is_empty()) {
            place_figures(issue, article, at, taken, g.caption.as_ref());
        }
        notes.push((g, left, caption_taken));
    }
    for (g, left, caption_taken) in notes.into_iter().rev() {
        // One warning per reason, in the order the pictures came.
        let mut reasons: Vec<(String, usize)> = Vec::new();
        for r in left {
            match reasons.iter_mut().find(|(x, _)| *x == r) {
                Some((_, n)) => *n += 1,
                None => reasons.push((r, 1)),
            }
        }
        for (reason, count) in reasons {
            warnings.push(Warning {
                line: g.line,
                kind: WarningKind::PicturesLeftOut {
                    place: place_before(g.line),
                    count,
                    reason,
                },
            });
        }
        if caption_taken {
            continue;
        }
        if let Some(c) = &g.caption {
            let place = places
                .iter()
                .rev()
                .find(|(at, _)| *at <= c.no)
                .map_or_else(|| format!("第{}行", c.no), |(_, p)| p.name());
            warnings.push(Warning {
                line: c.no,
                kind: WarningKind::CaptionKept {
                    place,
                    text: head(&tidy(&c.text), 16),
                },
            });
        }
    }
}

/// Puts `images` as figures into article `article` (0-based) at block `at`, at full width; the
/// caption paragraph right there (the picture's caption, made a paragraph of its own by
/// `separate`) becomes the last figure's caption.
fn place_figures(
    issue: &mut Issue,
    article: usize,
    at: usize,
    images: Vec<Image>,
    caption: Option<&Line>,
) {
    let blocks = &mut issue.articles[article].blocks;
    let caption_text = caption.map(|c| tidy(&c.text));
    let mut text = String::new();
    if let Some(c) = &caption_text {
        if blocks
            .get(at)
            .is_some_and(|b| b.kind == BlockKind::Paragraph && b.text == *c)
        {
            text = blocks.remove(at).text;
        }
    }
    let n = images.len();
    let figures: Vec<Block> = images
        .into_iter()
        .enumerate()
        .map(|(i, img)| {
            let id = issue.images.insert(img);
            let caption = if i + 1 == n {
                text.clone()
            } else {
                String::new()
            };
            Block::figure(id, FigureWidth::FULL, caption)
        })
        .collect();
    issue.articles[article].blocks.splice(at..at, figures);
}

/// Makes `caption` a paragraph block of its own where an article's block holds it; returns, when
/// it did, the text now after it in a block of its own (or `Some(None)` when nothing was split
/// off after it).
fn separate(issue: &mut Issue, caption: &str) -> Option<Option<String>> {
    for article in &mut issue.articles {
        let Some(i) = article.blocks.iter().position(|b| b.text.contains(caption)) else {
            continue;
        };
        let block = article.blocks.remove(i);
        let at = block.text.find(caption).unwrap_or(0);
        let before = block.text[..at].trim();
        let after = block.text[at + caption.len()..].trim();
        let mut parts = Vec::new();
        if !before.is_empty() {
            parts.push(Block::text(block.kind, before.to_owned()));
        }
        parts.push(Block::paragraph(caption));
        if !after.is_empty() {
            parts.push(Block::paragraph(after));
        }
        article.blocks.splice(i..i, parts);
        return Some((!after.is_empty()).then(|| after.to_owned()));
    }
    None
}

/// A part of the issue a picture can follow.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    Masthead,
    Toc,
    Headline {
        article: usize,
    },
    Paragraph {
        article: usize,
        paragraph: usize,
        block: usize,
    },
    Heading {
        article: usize,
        text: String,
        block: usize,
    },
    Brief {
        brief: usize,
    },
}

impl Place {
    /// Where a picture after this part goes: (0-based article, block index), if in an article.
    fn insertion(&self) -> Option<(usize, usize)> {
        match self {
            Place::Headline { article } => Some((article - 1, 0)),
            Place::Paragraph { article, block, .. } | Place::Heading { article, block, .. } => {
                Some((article - 1, block + 1))
            }
            _ => None,
        }
    }

    /// 「第2篇文章第1段后」: where a picture after this part stands.
    fn after(&self) -> String {
        match self {
            Place::Masthead => "版头中".into(),
            Place::Toc => "本期要目中".into(),
            _ => format!("{}后", self.name()),
        }
    }

    /// 「第2篇文章第1段」: the part itself.
    fn name(&self) -> String {
        match self {
            Place::Masthead => "版头".into(),
            Place::Toc => "本期要目".into(),
            Place::Headline { article } => format!("第{article}篇文章标题"),
            Place::Paragraph {
                article, paragraph, ..
            } => format!("第{article}篇文章第{paragraph}段"),
            Place::Heading { article, text, .. } => format!("第{article}篇文章小标题「{text}」"),
            Place::Brief { brief } => format!("简讯第{brief}条"),
        }
    }
}

/// How many characters of a line and a part are compared to tell where the part starts.
const PREFIX_CHARS: usize = 10;

/// Whether `line` is where the part with text `part` starts: their first characters agree.
fn starts(line: &str, part: &str) -> bool {
    let (l, p) = (key(line), key(part));
    let n = PREFIX_CHARS.min(l.chars().count()).min(p.chars().count());
    n > 0 && l.chars().take(n).eq(p.chars().take(n))
}

/// The line where each part of the issue starts, in the order of the file. The parts are looked
/// for from the end backwards, so that a headline is found in the body, not in the 本期要目 above.
fn places(issue: &Issue, lines: &[Line]) -> Vec<(usize, Place)> {
    let mut parts: Vec<(String, Place)> = Vec::new();
    for (a, article) in issue.articles.iter().enumerate() {
        let article_no = a + 1;
        if let Some(first) = article.headline.iter().find(|h| !h.trim().is_empty()) {
            parts.push((
                first.clone(),
                Place::Headline {
                    article: article_no,
                },
            ));
        }
        let mut paragraph = 0;
        for (i, block) in article.blocks.iter().enumerate() {
            let place = match block.kind {
                BlockKind::Paragraph => {
                    paragraph += 1;
                    Place::Paragraph {
                        article: article_no,
                        paragraph,
                        block: i,
                    }
                }
                _ => Place::Heading {
                    article: article_no,
                    text: head(&block.text, 12),
                    block: i,
                },
            };
            parts.push((block.text.clone(), place));
        }
    }
    for (b, brief) in issue.briefs.iter().enumerate() {
        let text = format!("{}{}", brief.date_text, brief.text);
        parts.push((text, Place::Brief { brief: b + 1 }));
    }
    let mut found = Vec::new();
    let mut end = lines.len();
    for (text, place) in parts.into_iter().rev() {
        if let Some(i) = lines[..end].iter().rposition(|l| starts(&l.text, &text)) {
            found.push((lines[i].no, place));
            end = i;
        }
    }
    if let Some(toc) = lines[..end].iter().find(|l| is_toc_heading(l)) {
        found.push((toc.no, Place::Toc));
    }
    if let Some(first) = lines.first() {
        found.push((first.no, Place::Masthead));
    }
    found.reverse();
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::numbered;

    #[test]
    fn pictures_standing_together_are_one_group_with_their_caption() {
        let lines = numbered(&[
            "正文一。",
            "\u{FFFC}rId7",
            "\u{FFFC}",
            "图为专家在茶园开展技术指导。",
            "正文二。",
            "\u{FFFC}rId9",
            "图为另一张。",
        ]);
        let (text, groups) = take(lines);
        let texts: Vec<&str> = text.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "正文一。",
                "图为专家在茶园开展技术指导。",
                "正文二。",
                "图为另一张。"
            ]
        );
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].line, 2);
        assert_eq!(groups[0].references, ["rId7", ""]);
        assert_eq!(groups[0].caption.as_ref().map(|c| c.no), Some(4));
        assert_eq!(groups[1].references, ["rId9"]);
        assert_eq!(groups[1].caption.as_ref().map(|c| c.no), Some(7));
    }

    #[test]
    fn a_line_not_under_a_picture_is_no_caption() {
        let (_, groups) = take(numbered(&["\u{FFFC}", "正文。", "图为专家。"]));
        assert_eq!(groups[0].caption, None);
        assert!(!is_caption("图书馆开馆。"));
        assert!(is_caption("（图为会议现场）"));
    }

    #[test]
    fn a_caption_joined_to_a_paragraph_is_split_off() {
        let mut issue = crate::demo::issue();
        issue.articles[0].blocks = vec![Block::paragraph("上文没有句号图为现场。下文")];
        assert_eq!(
            separate(&mut issue, "图为现场。"),
            Some(Some("下文".to_owned()))
        );
        let texts: Vec<&str> = issue.articles[0]
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(texts, ["上文没有句号", "图为现场。", "下文"]);
    }
}
