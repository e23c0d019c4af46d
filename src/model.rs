//! The issue model: what an editor composes, independent of storage and output formats.
//!
//! Its serde form is the JSON interchange format (see `crate::json`); ids live in the store,
//! not here, so the same content exported twice gives the same JSON.

use std::fmt;
use std::num::NonZeroU32;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::images::{ImageId, ImageSet};

/// 第N期: the issue's number within its year, counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IssueNumber(NonZeroU32);

/// 总第M期: the issue's number over all time, counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TotalNumber(NonZeroU32);

/// 共印N份: how many copies are printed (at least one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Copies(NonZeroU32);

macro_rules! counted_number {
    ($t:ident, $what:literal) => {
        impl $t {
            /// Makes the number; `None` for 0, which no issue has.
            pub fn new(n: u32) -> Option<Self> {
                NonZeroU32::new(n).map(Self)
            }

            /// The number as a plain integer (always ≥ 1).
            pub fn get(self) -> u32 {
                self.0.get()
            }

            /// The next number.
            pub fn next(self) -> Self {
                Self(self.0.saturating_add(1))
            }
        }

        impl TryFrom<u32> for $t {
            type Error = ModelError;
            fn try_from(n: u32) -> Result<Self, ModelError> {
                Self::new(n).ok_or(ModelError::ZeroNumber($what))
            }
        }

        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

counted_number!(IssueNumber, "期号");
counted_number!(TotalNumber, "总期号");
counted_number!(Copies, "印数");

/// A value the model refuses.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    /// A number that must be ≥ 1 was 0.
    #[error("{0}必须大于0")]
    ZeroNumber(&'static str),
    /// A figure's width outside 25–100 % of the column.
    #[error("图片宽度{0}%不在25%到100%之间")]
    FigureWidth(u32),
    /// A figure block without its picture, or a picture on a block that is no figure.
    #[error("段落类型 {0} 与图片不符：图片段落（figure）必须带 figure 字段，其他段落不能带")]
    FigureMismatch(&'static str),
}

/// The masthead 版头: name, numbers, editing body and date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Masthead {
    /// 简报名称, e.g. 「温州科协信息」.
    pub name: String,
    /// 第N期, restarting every year.
    pub number: IssueNumber,
    /// 总第M期, counting every issue ever published.
    pub total_number: TotalNumber,
    /// 编印单位, e.g. 「温州市科学技术协会编」.
    pub editor: String,
    /// 印发日期.
    pub date: NaiveDate,
}

impl Masthead {
    /// 「第4期」.
    pub fn number_label(&self) -> String {
        format!("第{}期", self.number)
    }

    /// 「（总第245期）」 with full-width parentheses.
    pub fn total_label(&self) -> String {
        format!("（总第{}期）", self.total_number)
    }

    /// The date as docs/layout.md §2 writes it: 「2020年4月30日」, no leading zeros (GB/T 9704
    /// §7.3.5.4).
    pub fn date_label(&self) -> String {
        chinese_date(self.date)
    }

    /// The document title used in PDF/DOCX properties: 「温州科协信息 2020年第4期（总第245期）」.
    pub fn title(&self) -> String {
        format!(
            "{} {}年第{}期（总第{}期）",
            self.name,
            self.date.year(),
            self.number,
            self.total_number
        )
    }
}

/// 「2020年4月30日」: Arabic numerals, the year in full, no leading zeros.
pub fn chinese_date(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// The kind of a block inside an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// A body paragraph in 仿宋.
    Paragraph,
    /// A level-1 heading 「一、…」 in 黑体.
    Heading1,
    /// A level-2 heading 「（一）…」 in 楷体.
    Heading2,
    /// A picture with its caption 「图为……」 (the block's text) under it.
    Figure,
}

/// How wide a figure is set: a whole percentage of the text column, 25 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct FigureWidth(u8);

impl FigureWidth {
    /// The full column.
    pub const FULL: FigureWidth = FigureWidth(100);

    /// The width for `percent`; `None` outside 25..=100.
    pub fn new(percent: u32) -> Option<FigureWidth> {
        (25..=100)
            .contains(&percent)
            .then_some(FigureWidth(percent as u8))
    }

    /// The percentage, 25..=100.
    pub fn percent(self) -> u32 {
        u32::from(self.0)
    }
}

impl Default for FigureWidth {
    fn default() -> Self {
        FigureWidth::FULL
    }
}

impl TryFrom<u32> for FigureWidth {
    type Error = ModelError;
    fn try_from(n: u32) -> Result<Self, ModelError> {
        Self::new(n).ok_or(ModelError::FigureWidth(n))
    }
}

impl From<FigureWidth> for u32 {
    fn from(w: FigureWidth) -> u32 {
        w.percent()
    }
}

/// A figure block's picture: which image (its bytes are in `Issue::images`) and how wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Figure {
    /// The image, by the SHA-256 of its bytes.
    pub image: ImageId,
    /// Its width as a share of the column (the height follows, docs/layout.md §11).
    #[serde(default)]
    pub width: FigureWidth,
}

/// One block of an article's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "BlockFields")]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text, one paragraph, no line breaks (a figure's caption, possibly empty).
    pub text: String,
    /// The picture, on a figure block and only there (JSON and the store refuse a mismatch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<Figure>,
}

/// `Block` as it is read, before the kind and the picture are checked to agree.
#[derive(Deserialize)]
struct BlockFields {
    kind: BlockKind,
    text: String,
    #[serde(default)]
    figure: Option<Figure>,
}

impl TryFrom<BlockFields> for Block {
    type Error = ModelError;
    fn try_from(b: BlockFields) -> Result<Block, ModelError> {
        match (b.kind, b.figure) {
            (BlockKind::Figure, None) => Err(ModelError::FigureMismatch("figure")),
            (BlockKind::Figure, figure @ Some(_)) | (_, figure @ None) => Ok(Block {
                kind: b.kind,
                text: b.text,
                figure,
            }),
            (BlockKind::Paragraph, Some(_)) => Err(ModelError::FigureMismatch("paragraph")),
            (BlockKind::Heading1, Some(_)) => Err(ModelError::FigureMismatch("heading1")),
            (BlockKind::Heading2, Some(_)) => Err(ModelError::FigureMismatch("heading2")),
        }
    }
}

impl Block {
    /// A body paragraph.
    pub fn paragraph(text: impl Into<String>) -> Self {
        Self::text(BlockKind::Paragraph, text)
    }

    /// A text block of `kind` (a paragraph or a heading; use `Block::figure` for a figure).
    pub fn text(kind: BlockKind, text: impl Into<String>) -> Self {
        debug_assert!(kind != BlockKind::Figure, "a figure needs its picture");
        Self {
            kind,
            text: text.into(),
            figure: None,
        }
    }

    /// A figure of `image` at `width`, with `caption` under it.
    pub fn figure(image: ImageId, width: FigureWidth, caption: impl Into<String>) -> Self {
        Self {
            kind: BlockKind::Figure,
            text: caption.into(),
            figure: Some(Figure { image, width }),
        }
    }
}

/// How wide one parenthesis around a byline was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParenWidth {
    /// 「（」 or 「）」, as the layout calls for (docs/layout.md §4, §5).
    #[default]
    Full,
    /// 「(」 or 「)」.
    Half,
}

/// The parentheses around a byline or a brief's source as the editor wrote them. The layout calls
/// for full-width 「（叶贤挺）」 (docs/layout.md §4, §5); an imported text may have 「(叶贤挺)」 or the mixed
/// 「（夏细绸)」 of the sample, which are kept and printed as written until the proofreader fixes
/// them (`crate::lint`): the importer does not rewrite what the editor wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Parens {
    /// The opening one.
    pub open: ParenWidth,
    /// The closing one.
    pub close: ParenWidth,
}

impl Parens {
    /// 「（…）」.
    pub const FULL: Parens = Parens {
        open: ParenWidth::Full,
        close: ParenWidth::Full,
    };

    /// Whether both are full-width, as docs/layout.md §4 and §5 want.
    pub fn is_full(&self) -> bool {
        *self == Parens::FULL
    }

    /// `name` in these parentheses: 「（叶贤挺）」, 「（夏细绸)」.
    pub fn wrap(self, name: &str) -> String {
        let open = match self.open {
            ParenWidth::Full => '（',
            ParenWidth::Half => '(',
        };
        let close = match self.close {
            ParenWidth::Full => '）',
            ParenWidth::Half => ')',
        };
        format!("{open}{name}{close}")
    }

    /// The parentheses around `label` and the text inside: 「（夏细绸)」 → the mixed pair and
    /// 「夏细绸」; `None` unless `label` starts with one and ends with the other.
    pub fn split(label: &str) -> Option<(Parens, &str)> {
        let width = |c: char, full: char, half: char| {
            if c == full {
                Some(ParenWidth::Full)
            } else if c == half {
                Some(ParenWidth::Half)
            } else {
                None
            }
        };
        let mut chars = label.chars();
        let open = width(chars.next()?, '（', '(')?;
        let close = width(chars.next_back()?, '）', ')')?;
        let inner = chars.as_str();
        Some((Parens { open, close }, inner))
    }
}

/// An article: headline lines, body blocks, optional byline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The headline as the lines the editor chose (at least one when well-formed).
    pub headline: Vec<String>,
    /// A shorter text for 本期要目, when the editor gives one.
    #[serde(default)]
    pub toc_text: Option<String>,
    /// The body in order.
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// 「叶贤挺」, shown as 「（叶贤挺）」 at the end of the last paragraph.
    #[serde(default)]
    pub byline: Option<String>,
    /// The byline's parentheses as written (full-width unless an imported text had others).
    #[serde(default, skip_serializing_if = "Parens::is_full")]
    pub byline_parens: Parens,
}

impl Article {
    /// The headline on one line, as the TOC shows it: line breaks become nothing (§3 of
    /// docs/layout.md).
    pub fn headline_text(&self) -> String {
        self.headline.concat()
    }

    /// The text of this article's entry in 本期要目: the TOC text if given, else the headline.
    pub fn toc_entry(&self) -> String {
        match &self.toc_text {
            Some(t) if !t.trim().is_empty() => t.clone(),
            _ => self.headline_text(),
        }
    }

    /// 「（叶贤挺）」, if there is a byline (in its parentheses as written).
    pub fn byline_label(&self) -> Option<String> {
        self.byline
            .as_deref()
            .map(str::trim)
            .filter(|b| !b.is_empty())
            .map(|b| self.byline_parens.wrap(b))
    }
}

/// A brief 简讯: one paragraph starting with its date and ending with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Brief {
    /// 「4月7日」 or a range 「4月9日—27日」.
    pub date_text: String,
    /// The text after the date. The usual joining 「，」 is not part of it; any other separator
    /// as written in an imported text (e.g. a half-width `,`) is kept at its start, for the proofreader.
    pub text: String,
    /// 「叶贤挺」 or 「市科协」, shown as 「（…）」 at the end.
    #[serde(default)]
    pub source: Option<String>,
    /// The source's parentheses as written (full-width unless an imported text had others).
    #[serde(default, skip_serializing_if = "Parens::is_full")]
    pub source_parens: Parens,
    /// How the brief is written: a sentence ending in its stop, or a one-line title without one.
    /// Absent in JSON and stores written before the style existed: those briefs are sentences.
    #[serde(default, skip_serializing_if = "BriefStyle::is_sentence")]
    pub style: BriefStyle,
}

/// How a brief is written; the layout, the DOCX and the lint keep to it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BriefStyle {
    /// 「4月7日，市委组织部到市科协对接。（叶贤挺）」: a sentence with its full stop.
    #[default]
    Sentence,
    /// 「5月30日，某县开展走访慰问活动（某县科协）」: a title, printed without a stop.
    Title,
}

impl BriefStyle {
    /// Whether this is the sentence style (the default, left out of JSON).
    pub fn is_sentence(&self) -> bool {
        *self == BriefStyle::Sentence
    }
}

impl Brief {
    /// What the paragraph shows before `text`: the date and the 「，」 after it, unless `text`
    /// starts with a separator of its own (「4月27日」 before 「,市科协…」).
    pub fn lead(&self) -> String {
        let mut s = String::new();
        let date = self.date_text.trim();
        if !date.is_empty() {
            s.push_str(date);
            if !self.text.starts_with([',', '，', ':', '：', '、']) {
                s.push('，');
            }
        }
        s
    }

    /// The brief as one paragraph: 「4月7日，…。（叶贤挺）」, or in the title style
    /// 「5月30日，…活动（某县科协）」; the text is printed as written, no stop is added.
    pub fn paragraph_text(&self) -> String {
        let mut s = self.lead();
        s.push_str(&self.text);
        if let Some(src) = self
            .source
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            s.push_str(&self.source_parens.wrap(src));
        }
        s
    }
}

/// The closing block 版记: 报/送/发 rows (each optional) and 共印N份.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closing {
    /// 报：… (to superiors).
    #[serde(default)]
    pub report_to: Option<String>,
    /// 送：… (to peers).
    #[serde(default)]
    pub send_to: Option<String>,
    /// 发：… (to subordinate units).
    #[serde(default)]
    pub distribute_to: Option<String>,
    /// 共印N份.
    #[serde(default)]
    pub copies: Option<Copies>,
}

impl Closing {
    /// The rows present, as (label, text): 「报」「送」「发」.
    pub fn rows(&self) -> Vec<(&'static str, &str)> {
        [
            ("报", &self.report_to),
            ("送", &self.send_to),
            ("发", &self.distribute_to),
        ]
        .into_iter()
        .filter_map(|(label, v)| {
            v.as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| (label, t))
        })
        .collect()
    }

    /// 「（共印100份）」, if the number of copies is set.
    pub fn copies_label(&self) -> Option<String> {
        self.copies.map(|n| format!("（共印{n}份）"))
    }

    /// Whether there is nothing to print.
    pub fn is_empty(&self) -> bool {
        self.rows().is_empty() && self.copies.is_none()
    }
}

/// Where an issue is in its life.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 草稿.
    #[default]
    Draft,
    /// 校对中.
    InProof,
    /// 已印发.
    Published,
}

impl Status {
    /// The label the UI shows.
    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "草稿",
            Status::InProof => "校对中",
            Status::Published => "已印发",
        }
    }
}

/// One issue of the bulletin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    /// 版头.
    pub masthead: Masthead,
    /// Articles in order.
    #[serde(default)]
    pub articles: Vec<Article>,
    /// 简讯 in order.
    #[serde(default)]
    pub briefs: Vec<Brief>,
    /// 版记.
    #[serde(default)]
    pub closing: Closing,
    /// 草稿 / 校对中 / 已印发.
    #[serde(default)]
    pub status: Status,
    /// The pictures the figures show, by id (in JSON base64, see `crate::images`; the store keeps
    /// them in a table of their own and leaves them out of the issue's stored JSON).
    #[serde(default, skip_serializing_if = "ImageSet::is_empty")]
    pub images: ImageSet,
}

impl Issue {
    /// 本期要目: one entry per article, derived from the headlines (docs/layout.md §3), never stored.
    pub fn toc(&self) -> Vec<String> {
        self.articles.iter().map(Article::toc_entry).collect()
    }

    /// 「新建下一期」: the next issue after this one. 第N期 + 1 (1 when the year changes),
    /// 总第M期 + 1, masthead and closing block copied, content empty, status draft.
    pub fn next_issue(&self, date: NaiveDate) -> Issue {
        let m = &self.masthead;
        let number = if date.year() != m.date.year() {
            IssueNumber::new(1).expect("1 is not 0")
        } else {
            m.number.next()
        };
        Issue {
            masthead: Masthead {
                name: m.name.clone(),
                number,
                total_number: m.total_number.next(),
                editor: m.editor.clone(),
                date,
            },
            articles: Vec::new(),
            briefs: Vec::new(),
            closing: self.closing.clone(),
            status: Status::Draft,
            images: ImageSet::new(),
        }
    }

    /// The figures of every article in order: (article index, block index, figure).
    pub fn figures(&self) -> impl Iterator<Item = (usize, usize, &Figure)> {
        self.articles.iter().enumerate().flat_map(|(a, art)| {
            art.blocks
                .iter()
                .enumerate()
                .filter_map(move |(b, block)| block.figure.as_ref().map(|f| (a, b, f)))
        })
    }

    /// The issue without its pictures' bytes (figures still name them): the form the store keeps
    /// and the app's window edits.
    pub fn without_images(&self) -> Issue {
        Issue {
            images: ImageSet::new(),
            ..self.clone()
        }
    }

    /// The pictures some figure shows (shared bytes, not copied).
    pub fn used_images(&self) -> ImageSet {
        let used: std::collections::BTreeSet<ImageId> =
            self.figures().map(|(_, _, f)| f.image).collect();
        let mut images = self.images.clone();
        images.retain(|id| used.contains(id));
        images
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue(y: i32, m: u32, d: u32) -> Issue {
        Issue {
            masthead: Masthead {
                name: "温州科协信息".into(),
                number: IssueNumber::new(4).unwrap(),
                total_number: TotalNumber::new(245).unwrap(),
                editor: "温州市科学技术协会编".into(),
                date: NaiveDate::from_ymd_opt(y, m, d).unwrap(),
            },
            articles: vec![Article {
                headline: vec![
                    "市政府专题研究2020世界青年科学家峰会".into(),
                    "筹备进展情况".into(),
                ],
                toc_text: None,
                blocks: vec![Block::paragraph("正文。")],
                byline: Some("叶贤挺".into()),
                byline_parens: Default::default(),
            }],
            briefs: vec![],
            closing: Closing {
                copies: Copies::new(80),
                ..Closing::default()
            },
            status: Status::Published,
            images: Default::default(),
        }
    }

    #[test]
    fn zero_is_not_a_number() {
        assert!(IssueNumber::new(0).is_none());
        assert_eq!(
            IssueNumber::try_from(0),
            Err(ModelError::ZeroNumber("期号"))
        );
        assert!(serde_json::from_str::<IssueNumber>("0").is_err());
        assert_eq!(serde_json::from_str::<IssueNumber>("7").unwrap().get(), 7);
    }

    #[test]
    fn labels() {
        let i = issue(2020, 4, 30);
        assert_eq!(i.masthead.number_label(), "第4期");
        assert_eq!(i.masthead.total_label(), "（总第245期）");
        assert_eq!(i.masthead.date_label(), "2020年4月30日");
        assert_eq!(i.masthead.title(), "温州科协信息 2020年第4期（总第245期）");
        assert_eq!(
            i.toc(),
            vec!["市政府专题研究2020世界青年科学家峰会筹备进展情况"]
        );
        assert_eq!(i.articles[0].byline_label().as_deref(), Some("（叶贤挺）"));
        assert_eq!(i.closing.copies_label().as_deref(), Some("（共印80份）"));
    }

    #[test]
    fn next_issue_in_same_year_and_next_year() {
        let i = issue(2020, 4, 30);
        let n = i.next_issue(NaiveDate::from_ymd_opt(2020, 5, 31).unwrap());
        assert_eq!(
            (n.masthead.number.get(), n.masthead.total_number.get()),
            (5, 246)
        );
        assert!(n.articles.is_empty() && n.briefs.is_empty());
        assert_eq!(n.closing, i.closing);
        assert_eq!(n.status, Status::Draft);
        let n = i.next_issue(NaiveDate::from_ymd_opt(2021, 1, 31).unwrap());
        assert_eq!(
            (n.masthead.number.get(), n.masthead.total_number.get()),
            (1, 246)
        );
    }

    #[test]
    fn parentheses_as_written_round_trip() {
        let mixed = Parens {
            open: ParenWidth::Full,
            close: ParenWidth::Half,
        };
        assert_eq!(mixed.wrap("夏细绸"), "（夏细绸)");
        assert_eq!(Parens::split("（夏细绸)"), Some((mixed, "夏细绸")));
        assert_eq!(Parens::split("（叶贤挺）"), Some((Parens::FULL, "叶贤挺")));
        assert_eq!(Parens::split("叶贤挺"), None);
        assert_eq!(Parens::split("（"), None);
        // Full-width pairs stay out of the JSON, so older files and exports are unchanged.
        let mut a = issue(2020, 4, 30).articles.remove(0);
        assert!(!serde_json::to_string(&a).unwrap().contains("byline_parens"));
        a.byline_parens = mixed;
        let json = serde_json::to_string(&a).unwrap();
        assert!(
            json.contains(r#""byline_parens":{"open":"full","close":"half"}"#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Article>(&json).unwrap(), a);
        assert_eq!(a.byline_label().as_deref(), Some("（叶贤挺)"));
    }

    #[test]
    fn brief_paragraph() {
        let b = Brief {
            date_text: "4月7日".into(),
            text: "市委组织部到市科协对接。".into(),
            source: Some("叶贤挺".into()),
            source_parens: Default::default(),
            style: BriefStyle::Sentence,
        };
        assert_eq!(
            b.paragraph_text(),
            "4月7日，市委组织部到市科协对接。（叶贤挺）"
        );
        let b = Brief {
            date_text: "4月27日".into(),
            text: ",赴乐清。".into(),
            source: None,
            source_parens: Default::default(),
            style: BriefStyle::Sentence,
        };
        assert_eq!(b.paragraph_text(), "4月27日,赴乐清。");
        // A title keeps its form: no stop is added before the source.
        let b = Brief {
            date_text: "5月30日".into(),
            text: "苍南县开展走访慰问活动".into(),
            source: Some("苍南县科协".into()),
            source_parens: Default::default(),
            style: BriefStyle::Title,
        };
        assert_eq!(
            b.paragraph_text(),
            "5月30日，苍南县开展走访慰问活动（苍南县科协）"
        );
        let json = serde_json::to_string(&b).unwrap();
        assert!(json.contains(r#""style":"title""#), "{json}");
        // JSON written before the style existed reads as sentences.
        let old: Brief =
            serde_json::from_str(r#"{"date_text":"4月7日","text":"对接。","source":"叶贤挺"}"#)
                .unwrap();
        assert_eq!(old.style, BriefStyle::Sentence);
        assert!(!serde_json::to_string(&old).unwrap().contains("style"));
    }

    #[test]
    fn a_figure_block_has_its_fixed_json_form_and_a_mismatch_is_refused() {
        let id = ImageId::of(b"photo");
        let block = Block::figure(id, FigureWidth::new(60).unwrap(), "图为会议现场。");
        let json = serde_json::to_value(&block).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "figure", "text": "图为会议现场。",
                "figure": {"image": id.to_string(), "width": 60}})
        );
        assert_eq!(serde_json::from_value::<Block>(json).unwrap(), block);
        // Text blocks keep their old form, without a figure field.
        let p = serde_json::to_string(&Block::paragraph("正文。")).unwrap();
        assert_eq!(p, r#"{"kind":"paragraph","text":"正文。"}"#);
        let no_picture = r#"{"kind":"figure","text":"图为"}"#;
        assert!(serde_json::from_str::<Block>(no_picture).is_err());
        let stray =
            format!(r#"{{"kind":"paragraph","text":"x","figure":{{"image":"{id}","width":100}}}}"#);
        assert!(serde_json::from_str::<Block>(&stray).is_err());
        for bad in [0, 24, 101] {
            let text = format!(
                r#"{{"kind":"figure","text":"","figure":{{"image":"{id}","width":{bad}}}}}"#
            );
            assert!(serde_json::from_str::<Block>(&text).is_err(), "{bad}");
        }
        assert_eq!(FigureWidth::new(25).unwrap().percent(), 25);
        assert!(FigureWidth::new(100).is_some() && FigureWidth::new(101).is_none());
    }
}
