//! What an import recognised and what it had to guess: the warnings the editor is shown instead of
//! a refusal, each with the line of the file it concerns.

use std::fmt;

use serde::Serialize;

use crate::model::{BriefStyle, Issue};

/// An issue read from a file, with what the reading guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The issue.
    pub issue: Issue,
    /// What the editor should check, in the order of the file.
    pub warnings: Vec<Warning>,
}

/// One thing the importer guessed, at a line of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// 1-based line of the file (0 when the text came from no lines, e.g. a Word document's table).
    pub line: usize,
    /// What was guessed.
    pub kind: WarningKind,
}

/// What the importer guessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WarningKind {
    /// The last paragraph or brief has no final stop: the file may be cut short.
    MissingStop {
        /// The end of that paragraph.
        tail: String,
    },
    /// A 本期要目 entry that matched no headline: it is left out (the warning keeps its text), its
    /// article stays in the one before.
    TocUnmatched {
        /// 1-based number of the entry.
        entry: usize,
        /// The entry as written.
        text: String,
    },
    /// A 本期要目 entry naming a section (简讯, 图片新闻) the text does not have: left out.
    TocSectionMissing {
        /// The entry as written.
        text: String,
    },
    /// A headline found for a 本期要目 entry by similarity, not word for word.
    HeadlineBySimilarity {
        /// 1-based number of the entry.
        entry: usize,
        /// The entry as written.
        text: String,
        /// The headline taken.
        headline: String,
    },
    /// A line joined to the paragraph or brief before it (cut by a page break).
    Joined {
        /// The start of the line joined.
        start: String,
    },
    /// A byline taken from the end of an article although no stop comes before it.
    GuessedByline {
        /// The name taken.
        name: String,
    },
    /// An article whose headline could not be told from its text.
    NoHeadline,
    /// The masthead had no 第N期: the month of its date was taken.
    NumberGuessed {
        /// The number taken.
        number: u32,
    },
    /// The masthead had no 总第M期: a placeholder was taken.
    TotalGuessed {
        /// The number taken.
        total: u32,
    },
    /// A line in the masthead or before 本期要目 that belongs to neither: kept at the head of the body.
    Misplaced {
        /// The start of the line.
        start: String,
    },
    /// Pictures of a Word file, standing together, that could not be taken as figures.
    PicturesLeftOut {
        /// Where they stood, in words: 「第2篇文章第1段后」.
        place: String,
        /// How many pictures stood together there.
        count: usize,
        /// Why they were not taken, and what to do: 「图片格式为 EMF，……」.
        reason: String,
    },
    /// A caption 「图为……」 under a picture, kept as a paragraph of the body.
    CaptionKept {
        /// The paragraph it now is, in words: 「第2篇文章第2段」.
        place: String,
        /// The start of the caption.
        text: String,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "第{}行：", self.line)?;
        }
        match &self.kind {
            WarningKind::MissingStop { tail } => write!(
                f,
                "最后一段「…{tail}」没有结束标点，请核对是否完整"
            ),
            WarningKind::TocUnmatched { entry, text } => write!(
                f,
                "本期要目第{entry}条「{text}」在正文中找不到对应的标题：这一条未导入，它的文章并入了上一篇，请核对"
            ),
            WarningKind::TocSectionMissing { text } => write!(
                f,
                "本期要目里的「{text}」在正文中没有这一栏：这一条未导入，请核对"
            ),
            WarningKind::HeadlineBySimilarity {
                entry,
                text,
                headline,
            } => write!(
                f,
                "本期要目第{entry}条「{text}」与正文标题不完全一致，按相近取为「{headline}」，请核对"
            ),
            WarningKind::Joined { start } => write!(
                f,
                "「{start}…」与上一段连成一段（可能被分页截断），请核对"
            ),
            WarningKind::GuessedByline { name } => write!(
                f,
                "文末「（{name}）」前没有句号，已当作署名，请核对"
            ),
            WarningKind::NoHeadline => write!(f, "认不出这篇文章的标题，请补上标题"),
            WarningKind::NumberGuessed { number } => write!(
                f,
                "版头里找不到期号，按版头日期的月份暂记为「第{number}期」，请改正"
            ),
            WarningKind::TotalGuessed { total } => write!(
                f,
                "版头里找不到总期号，暂记为「总第{total}期」，请改为正确的总期号"
            ),
            WarningKind::Misplaced { start } => write!(
                f,
                "「{start}…」在版头或本期要目之前，不是版头的内容，已放到正文开头，请核对"
            ),
            WarningKind::PicturesLeftOut {
                place,
                count,
                reason,
            } => write!(f, "{place}有{count}张图片，未导入（{reason}），请核对是否需要"),
            WarningKind::CaptionKept { place, text } => write!(
                f,
                "{place}「{text}…」像是图片说明，已作为正文段落保留，请核对"
            ),
        }
    }
}

/// The first characters of a text, for a warning.
pub(super) fn head(text: &str, n: usize) -> String {
    text.chars().take(n).collect()
}

/// The last characters of a text, for a warning.
pub(super) fn tail(text: &str, n: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars[chars.len().saturating_sub(n)..].iter().collect()
}

/// What was recognised in an issue, one line each, for the import report:
/// 「第4期（总第245期） 2020年4月30日」, each article with its byline, each brief with its source.
pub fn recognised(issue: &Issue) -> Vec<String> {
    let m = &issue.masthead;
    let mut out = vec![format!(
        "{} 第{}期（总第{}期） {}",
        m.name,
        m.number.get(),
        m.total_number.get(),
        m.date.format("%Y年%-m月%-d日")
    )];
    out.push(format!("文章 {} 篇：", issue.articles.len()));
    for (i, a) in issue.articles.iter().enumerate() {
        let byline = a.byline.as_deref().unwrap_or("无署名");
        out.push(format!("  {}. {}（{byline}）", i + 1, a.headline_text()));
    }
    out.push(format!("简讯 {} 条：", issue.briefs.len()));
    for (i, b) in issue.briefs.iter().enumerate() {
        let style = match b.style {
            BriefStyle::Sentence => "",
            BriefStyle::Title => "，标题式",
        };
        let source = b
            .source
            .as_deref()
            .map_or_else(|| "无来源".to_owned(), |s| format!("来源：{s}"));
        out.push(format!(
            "  {}. {} {}…（{source}{style}）",
            i + 1,
            b.date_text,
            head(&b.text, 16)
        ));
    }
    out
}

/// The whole report of one file: what was recognised, then each warning (or that there is none).
pub fn describe(parsed: &Parsed) -> Vec<String> {
    let mut out = recognised(&parsed.issue);
    if parsed.warnings.is_empty() {
        out.push("没有需要核对的地方。".into());
    } else {
        out.push(format!("需要核对 {} 处：", parsed.warnings.len()));
        out.extend(parsed.warnings.iter().map(|w| format!("  {w}")));
    }
    out
}
