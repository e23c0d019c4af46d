//! The typographic roles of docs/layout.md §9 (小标宋, 仿宋, 黑体, 楷体, 宋体; and 西文 for Latin
//! letters and digits): each one's bundled face, its name in a DOCX, and the names offices'
//! installed faces for it go by.

use super::FaceId;

/// A typographic role from the fonts table of docs/layout.md §9.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum FontRole {
    /// 小标宋: bulletin name and headlines.
    XiaoBiaoSong,
    /// 仿宋: body text, masthead lines, closing block.
    FangSong,
    /// 黑体: 「本期要目」, level-1 headings, 「简讯」.
    Hei,
    /// 楷体: TOC entries, level-2 headings.
    Kai,
    /// 宋体: page numbers.
    Song,
    /// 西文: Latin letters and digits in every role (Times New Roman in offices); where none is
    /// chosen, each role's own face sets them.
    Latin,
}

impl FontRole {
    /// Every role.
    pub const ALL: [FontRole; 6] = [
        FontRole::XiaoBiaoSong,
        FontRole::FangSong,
        FontRole::Hei,
        FontRole::Kai,
        FontRole::Song,
        FontRole::Latin,
    ];

    /// Whether `ch` is set in the 西文 face where one is chosen: a Latin letter or a digit.
    pub fn is_latin(ch: char) -> bool {
        ch.is_ascii_alphanumeric()
    }

    /// The bundled face that plays this role.
    pub fn face(self) -> FaceId {
        match self {
            FontRole::XiaoBiaoSong => FaceId::FandolSongBold,
            FontRole::FangSong => FaceId::FandolFang,
            FontRole::Hei => FaceId::FandolHei,
            FontRole::Kai => FaceId::FandolKai,
            FontRole::Song => FaceId::FandolSong,
            // Only shown: a Latin letter with no 西文 face chosen keeps its role's face.
            FontRole::Latin => FaceId::FandolSong,
        }
    }

    /// The role's name, as the editor and `--font ROLE=…` say it: 小标宋, 仿宋, 黑体, 楷体, 宋体, 西文.
    pub fn label(self) -> &'static str {
        match self {
            FontRole::XiaoBiaoSong => "小标宋",
            FontRole::FangSong => "仿宋",
            FontRole::Hei => "黑体",
            FontRole::Kai => "楷体",
            FontRole::Song => "宋体",
            FontRole::Latin => "西文",
        }
    }

    /// The role named `label` (its Chinese label, or the variant's name in any case).
    pub fn from_label(label: &str) -> Option<FontRole> {
        FontRole::ALL
            .into_iter()
            .find(|r| r.label() == label || format!("{r:?}").eq_ignore_ascii_case(label))
    }

    /// The names offices' installed faces for this role go by, Chinese and English, most
    /// specific first (the 公文 template's face, then the Windows one).
    pub fn office_names(self) -> &'static [&'static str] {
        match self {
            FontRole::XiaoBiaoSong => &[
                "方正小标宋简体",
                "FZXiaoBiaoSong-B05S",
                "方正小标宋_GBK",
                "FZXiaoBiaoSong-B05",
                "小标宋",
            ],
            FontRole::FangSong => &[
                "仿宋_GB2312",
                "FangSong_GB2312",
                "仿宋",
                "FangSong",
                "方正仿宋_GBK",
                "华文仿宋",
                "STFangsong",
            ],
            FontRole::Hei => &["黑体", "SimHei", "方正黑体_GBK", "华文黑体", "STHeiti"],
            FontRole::Kai => &[
                "楷体_GB2312",
                "KaiTi_GB2312",
                "楷体",
                "KaiTi",
                "方正楷体_GBK",
                "华文楷体",
                "STKaiti",
            ],
            FontRole::Song => &["宋体", "SimSun", "新宋体", "NSimSun", "华文宋体", "STSong"],
            // Liberation Serif has Times New Roman's metrics (Linux offices, Debian's stand-in).
            FontRole::Latin => &["Times New Roman", "TimesNewRomanPSMT", "Liberation Serif"],
        }
    }

    pub(crate) fn slot(self) -> usize {
        self as usize
    }

    /// The font name a DOCX names for this role (docs/layout.md §9), as offices have it.
    pub fn docx_name(self) -> &'static str {
        match self {
            FontRole::XiaoBiaoSong => "方正小标宋简体",
            FontRole::FangSong => "仿宋_GB2312",
            FontRole::Hei => "黑体",
            FontRole::Kai => "楷体_GB2312",
            FontRole::Song => "宋体",
            FontRole::Latin => "Times New Roman",
        }
    }
}
