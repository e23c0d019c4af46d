//! A face installed on the system (or given as a file): opened, parsed, and checked against what
//! its licence allows (OS/2 `fsType`, OpenType §OS/2), before any role may use it.
//!
//! Files are memory-mapped once per process and kept for its lifetime, like the bundled faces, so
//! choosing the same face again (every preview in the app) costs a lookup, not a read.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use memmap2::Mmap;

use super::FontError;

/// How a face stores its outlines, which decides how the PDF embeds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outlines {
    /// TrueType (`glyf`): embedded as a CIDFontType2 subset (/FontFile2).
    TrueType,
    /// OpenType with CFF outlines: embedded as a CIDFontType0C subset (/FontFile3).
    Cff,
}

impl Outlines {
    /// 「TrueType」 or 「OpenType CFF」, for lists.
    pub fn label(self) -> &'static str {
        match self {
            Outlines::TrueType => "TrueType",
            Outlines::Cff => "OpenType CFF",
        }
    }
}

/// What a face's licence lets a document do with it (OS/2 `fsType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Embedding {
    /// Installable (fsType 0): may be embedded.
    Installable,
    /// Editable embedding (bit 3).
    Editable,
    /// Preview & print embedding (bit 2): may be embedded in a document to print or view.
    PreviewAndPrint,
    /// Restricted licence (bit 1 alone): must not be embedded.
    Restricted,
    /// No subsetting (bit 8): only the whole face may be embedded, which we never do.
    NoSubsetting,
    /// Bitmap embedding only (bit 9): outlines must not be embedded.
    BitmapOnly,
}

impl Embedding {
    /// Reads the permission of a parsed face (a face without an OS/2 table is installable).
    pub fn of(face: &ttf_parser::Face<'_>) -> Embedding {
        use ttf_parser::Permissions;
        match face.permissions() {
            Some(Permissions::Restricted) => Embedding::Restricted,
            _ if !face.is_outline_embedding_allowed() => Embedding::BitmapOnly,
            _ if !face.is_subsetting_allowed() => Embedding::NoSubsetting,
            Some(Permissions::PreviewAndPrint) => Embedding::PreviewAndPrint,
            Some(Permissions::Editable) => Embedding::Editable,
            Some(Permissions::Installable) | None => Embedding::Installable,
        }
    }

    /// Whether our PDF may embed the face (as a subset of its outlines).
    pub fn allowed(self) -> bool {
        matches!(
            self,
            Embedding::Installable | Embedding::Editable | Embedding::PreviewAndPrint
        )
    }

    /// What the licence says, in the editor's words.
    pub fn label(self) -> &'static str {
        match self {
            Embedding::Installable => "可嵌入",
            Embedding::Editable => "可嵌入（可编辑）",
            Embedding::PreviewAndPrint => "可嵌入（仅供预览和打印）",
            Embedding::Restricted => "授权不允许嵌入",
            Embedding::NoSubsetting => "授权不允许嵌入子集",
            Embedding::BitmapOnly => "授权只允许嵌入点阵字形",
        }
    }
}

/// An installed face, opened and parsed; not yet checked for embedding (see `usable`).
#[derive(Clone)]
pub struct InstalledFace {
    /// The font file.
    pub path: PathBuf,
    /// The face's index in its file (0 unless the file is a collection, .ttc).
    pub index: u32,
    /// The family name to show and to name in a DOCX: the Simplified Chinese one if the face
    /// has one (方正小标宋简体), else the English (FZXiaoBiaoSong-B05S).
    pub family: String,
    /// Every family name the face carries (all languages, typographic and legacy), for matching.
    pub families: Vec<String>,
    /// The PostScript name (name ID 6), for the PDF's /BaseFont.
    pub postscript_name: String,
    /// How it stores its outlines.
    pub outlines: Outlines,
    /// What its licence allows.
    pub embedding: Embedding,
    pub(super) data: &'static [u8],
    pub(super) parsed: ttf_parser::Face<'static>,
}

impl std::fmt::Debug for InstalledFace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InstalledFace")
            .field("path", &self.path)
            .field("index", &self.index)
            .field("family", &self.family)
            .finish()
    }
}

/// Every file mapped so far, by path: mapped once, kept for the process.
static MAPS: Mutex<Option<HashMap<PathBuf, &'static [u8]>>> = Mutex::new(None);

fn map(path: &Path) -> Result<&'static [u8], FontError> {
    let mut maps = MAPS.lock().unwrap_or_else(|p| p.into_inner());
    let maps = maps.get_or_insert_with(HashMap::new);
    if let Some(&data) = maps.get(path) {
        return Ok(data);
    }
    let read = |source| FontError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(read)?;
    // SAFETY: font files are replaced, not rewritten in place, when a package updates them.
    let mmap = unsafe { Mmap::map(&file) }.map_err(read)?;
    let data: &'static [u8] = Box::leak(Box::new(mmap));
    maps.insert(path.to_path_buf(), data);
    Ok(data)
}

impl InstalledFace {
    /// Opens face `index` of the font file at `path`. A file that is not a font, or a face
    /// ttf-parser cannot read (damaged tables, no character map), is an error naming the file.
    pub fn open(path: &Path, index: u32) -> Result<InstalledFace, FontError> {
        let data = map(path)?;
        let damaged = |message: String| FontError::Damaged {
            path: path.to_path_buf(),
            message,
        };
        let parsed = ttf_parser::Face::parse(data, index).map_err(|e| damaged(e.to_string()))?;
        if parsed.tables().cmap.is_none() || parsed.tables().hmtx.is_none() {
            return Err(damaged("缺少字符映射表或字宽表".to_string()));
        }
        let outlines = if parsed.tables().glyf.is_some() {
            Outlines::TrueType
        } else if parsed.tables().cff.is_some() {
            Outlines::Cff
        } else {
            return Err(damaged("没有可嵌入的轮廓字形（glyf 或 CFF）".to_string()));
        };
        let families = family_names(&parsed);
        let family = preferred_family(&parsed)
            .or_else(|| families.first().cloned())
            .unwrap_or_else(|| {
                path.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
        let postscript_name = postscript_name(&parsed, &family);
        Ok(InstalledFace {
            path: path.to_path_buf(),
            index,
            family,
            families,
            postscript_name,
            outlines,
            embedding: Embedding::of(&parsed),
            data,
            parsed,
        })
    }

    /// The face, if its licence lets our PDF embed it; else why not, in Chinese.
    pub fn usable(self) -> Result<InstalledFace, FontError> {
        if self.embedding.allowed() {
            Ok(self)
        } else {
            Err(FontError::NotEmbeddable {
                family: self.family.clone(),
                path: self.path.clone(),
                reason: self.embedding.label(),
            })
        }
    }

    /// Whether the face has a real glyph for `ch`.
    pub fn has_glyph(&self, ch: char) -> bool {
        matches!(self.parsed.glyph_index(ch), Some(g) if g.0 != 0)
    }

    /// Whether any of the face's family names is `name` (case, spaces, hyphens and underscores
    /// aside: 「FangSong_GB2312」 matches 「fangsong gb2312」), or its PostScript name is.
    pub fn is_named(&self, name: &str) -> bool {
        let want = normalized(name);
        !want.is_empty()
            && (self.families.iter().any(|f| normalized(f) == want)
                || normalized(&self.postscript_name) == want)
    }
}

/// A name compared without case, spaces, hyphens or underscores.
pub(super) fn normalized(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '\u{3000}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Windows language ids of Chinese (PRC, Singapore): the names an office reads.
const SIMPLIFIED_CHINESE: [u16; 2] = [0x0804, 0x1004];

fn family_names(face: &ttf_parser::Face<'_>) -> Vec<String> {
    use ttf_parser::name_id;
    let mut out: Vec<String> = Vec::new();
    for name in face.names() {
        if name.name_id != name_id::TYPOGRAPHIC_FAMILY
            && name.name_id != name_id::FAMILY
            && name.name_id != name_id::FULL_NAME
        {
            continue;
        }
        if let Some(s) = name.to_string().filter(|s| !s.trim().is_empty()) {
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// The family to show: the Simplified Chinese legacy family (what Word lists), else the
/// English one.
fn preferred_family(face: &ttf_parser::Face<'_>) -> Option<String> {
    use ttf_parser::name_id;
    let names: Vec<ttf_parser::name::Name<'_>> = face
        .names()
        .into_iter()
        .filter(|n| n.name_id == name_id::FAMILY && n.is_unicode())
        .collect();
    let pick = |pred: &dyn Fn(&ttf_parser::name::Name<'_>) -> bool| {
        names.iter().filter(|n| pred(n)).find_map(|n| n.to_string())
    };
    pick(&|n| {
        n.platform_id == ttf_parser::PlatformId::Windows
            && SIMPLIFIED_CHINESE.contains(&n.language_id)
    })
    .or_else(|| pick(&|n| n.language_id == 0x0409))
    .or_else(|| pick(&|_| true))
}

/// The face's PostScript name, reduced to the printable ASCII a PDF name should hold.
fn postscript_name(face: &ttf_parser::Face<'_>, family: &str) -> String {
    let raw = face
        .names()
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string())
        .unwrap_or_else(|| family.to_string());
    let clean: String = raw
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if clean.is_empty() {
        "InstalledFont".to_string()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_case_spaces_or_underscores() {
        assert_eq!(normalized("FangSong_GB2312"), normalized("fangsong gb2312"));
        assert_eq!(normalized("AR PL SungtiL GB"), "arplsungtilgb");
        assert_ne!(normalized("仿宋"), normalized("仿宋_GB2312"));
    }

    #[test]
    fn a_file_that_is_no_font_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("坏字体.ttf");
        std::fs::write(&path, b"not a font at all").unwrap();
        let err = InstalledFace::open(&path, 0).unwrap_err().to_string();
        assert!(err.contains("坏字体.ttf"), "{err}");
    }
}
