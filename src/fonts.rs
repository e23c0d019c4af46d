//! The bundled fonts (spec §9): which face plays which role, their metrics and glyphs.
//!
//! Fonts are memory-mapped once per process (`FontBook::global`) and parsed lazily by ttf-parser,
//! so layout and every backend share one copy and nothing is re-read per page.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use memmap2::Mmap;

/// A typographic role from the spec's fonts table (§9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
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
}

impl FontRole {
    /// Every role.
    pub const ALL: [FontRole; 5] = [
        FontRole::XiaoBiaoSong,
        FontRole::FangSong,
        FontRole::Hei,
        FontRole::Kai,
        FontRole::Song,
    ];

    /// The bundled face that plays this role.
    pub fn face(self) -> FaceId {
        match self {
            FontRole::XiaoBiaoSong => FaceId::FandolSongBold,
            FontRole::FangSong => FaceId::FandolFang,
            FontRole::Hei => FaceId::FandolHei,
            FontRole::Kai => FaceId::FandolKai,
            FontRole::Song => FaceId::FandolSong,
        }
    }

    /// The font name a DOCX names for this role (§9), as offices have it.
    pub fn docx_name(self) -> &'static str {
        match self {
            FontRole::XiaoBiaoSong => "方正小标宋简体",
            FontRole::FangSong => "仿宋_GB2312",
            FontRole::Hei => "黑体",
            FontRole::Kai => "楷体_GB2312",
            FontRole::Song => "宋体",
        }
    }
}

/// One bundled font face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum FaceId {
    /// FandolSong Bold (for 小标宋).
    FandolSongBold,
    /// FandolFang Regular (仿宋).
    FandolFang,
    /// FandolHei Regular (黑体).
    FandolHei,
    /// FandolKai Regular (楷体).
    FandolKai,
    /// FandolSong Regular (宋体).
    FandolSong,
    /// Noto Serif CJK SC: the fallback for characters Fandol lacks (堃, 喆, 镕, Ext-B).
    NotoSerifSc,
}

impl FaceId {
    /// Every face, in a fixed order (used for stable output).
    pub const ALL: [FaceId; 6] = [
        FaceId::FandolSongBold,
        FaceId::FandolFang,
        FaceId::FandolHei,
        FaceId::FandolKai,
        FaceId::FandolSong,
        FaceId::NotoSerifSc,
    ];

    /// The file in the fonts directory.
    pub fn file_name(self) -> &'static str {
        match self {
            FaceId::FandolSongBold => "FandolSong-Bold.otf",
            FaceId::FandolFang => "FandolFang-Regular.otf",
            FaceId::FandolHei => "FandolHei-Regular.otf",
            FaceId::FandolKai => "FandolKai-Regular.otf",
            FaceId::FandolSong => "FandolSong-Regular.otf",
            FaceId::NotoSerifSc => "NotoSerifCJK-Regular.ttc",
        }
    }

    /// The face's index in its file (the SC face of the Noto collection is 2).
    pub fn face_index(self) -> u32 {
        match self {
            FaceId::NotoSerifSc => 2,
            _ => 0,
        }
    }

    fn slot(self) -> usize {
        self as usize
    }
}

/// Why the fonts could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    /// The process-wide font book failed to load earlier; the message says why.
    #[error("{0}")]
    Unavailable(String),
    /// A font file is missing or unreadable.
    #[error("找不到字体文件 {path}：{source}。请运行 scripts/fetch-fonts.sh，或用 BULLETIN_FONTS 指定字体目录")]
    Read {
        /// The file that could not be read.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A font file is not a font ttf-parser can read.
    #[error("字体文件 {path} 已损坏：{message}。请重新运行 scripts/fetch-fonts.sh")]
    Parse {
        /// The damaged file.
        path: PathBuf,
        /// What ttf-parser said.
        message: String,
    },
}

struct LoadedFace {
    data: &'static [u8],
    /// Parsed once: parsing a CFF face's tables costs more than the lookups made on it.
    parsed: ttf_parser::Face<'static>,
    units_per_em: f32,
    ascender: f32,
    descender: f32,
}

impl LoadedFace {
    fn face(&self) -> &ttf_parser::Face<'static> {
        &self.parsed
    }
}

/// All bundled faces, memory-mapped.
pub struct FontBook {
    dir: PathBuf,
    faces: Vec<LoadedFace>,
}

impl std::fmt::Debug for FontBook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontBook").field("dir", &self.dir).finish()
    }
}

static GLOBAL: OnceLock<Result<FontBook, String>> = OnceLock::new();

impl FontBook {
    /// The fonts directory: `BULLETIN_FONTS`, else `fonts/` beside the executable, in
    /// `../share/bulletin/` or in `../lib/Bulletin/` (the .deb's resources), else the source
    /// tree's `assets/fonts`.
    pub fn default_dir() -> PathBuf {
        if let Some(d) = std::env::var_os("BULLETIN_FONTS") {
            return PathBuf::from(d);
        }
        if let Ok(exe) = std::env::current_exe() {
            if let Some(bin) = exe.parent() {
                for cand in [
                    bin.join("fonts"),
                    bin.join("../share/bulletin/fonts"),
                    bin.join("../lib/bulletin/assets/fonts"),
                    // The .deb (scripts/build-deb.sh) puts the app's resources, the fonts among
                    // them, in /usr/lib/<productName>/; the CLI is packaged beside the app.
                    bin.join("../lib/Bulletin/fonts"),
                ] {
                    if cand.join(FaceId::FandolFang.file_name()).is_file() {
                        return cand;
                    }
                }
            }
        }
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts")
    }

    /// Maps and checks every face in `dir`.
    pub fn load(dir: &Path) -> Result<FontBook, FontError> {
        let mut faces = Vec::with_capacity(FaceId::ALL.len());
        for id in FaceId::ALL {
            let path = dir.join(id.file_name());
            let file = File::open(&path).map_err(|source| FontError::Read {
                path: path.clone(),
                source,
            })?;
            // SAFETY: the bundled font files are not modified while the program runs.
            let mmap = unsafe { Mmap::map(&file) }.map_err(|source| FontError::Read {
                path: path.clone(),
                source,
            })?;
            // A font book lives as long as the process (one per process, or a few in tests), so
            // its mappings are never unmapped: that lets each parsed face borrow its bytes.
            let data: &'static [u8] = Box::leak(Box::new(mmap));
            let face =
                ttf_parser::Face::parse(data, id.face_index()).map_err(|e| FontError::Parse {
                    path: path.clone(),
                    message: e.to_string(),
                })?;
            let (units_per_em, ascender, descender) = (
                face.units_per_em() as f32,
                face.ascender() as f32,
                face.descender() as f32,
            );
            faces.push(LoadedFace {
                parsed: face,
                units_per_em,
                ascender,
                descender,
                data,
            });
        }
        Ok(FontBook {
            dir: dir.to_path_buf(),
            faces,
        })
    }

    /// The process-wide font book from `default_dir()`, loaded on first use.
    pub fn global() -> Result<&'static FontBook, FontError> {
        let r =
            GLOBAL.get_or_init(|| FontBook::load(&Self::default_dir()).map_err(|e| e.to_string()));
        r.as_ref()
            .map_err(|message| FontError::Unavailable(message.clone()))
    }

    /// The directory the fonts came from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn loaded(&self, face: FaceId) -> &LoadedFace {
        &self.faces[face.slot()]
    }

    /// The raw bytes of a face's file (for embedding).
    pub fn bytes(&self, face: FaceId) -> &[u8] {
        self.loaded(face).data
    }

    /// The glyph id of `ch` in `face`, if the face has it (glyph 0, .notdef, counts as missing).
    pub fn glyph_id(&self, face: FaceId, ch: char) -> Option<u16> {
        self.loaded(face)
            .face()
            .glyph_index(ch)
            .map(|g| g.0)
            .filter(|&g| g != 0)
    }

    /// Whether `face` has a real glyph for `ch`.
    pub fn has_glyph(&self, face: FaceId, ch: char) -> bool {
        self.glyph_id(face, ch).is_some()
    }

    /// The face that draws `ch` in `role`: the role's own face, else the fallback, else `None`
    /// (a character no bundled font has: an error to report before export, never a box).
    pub fn resolve(&self, role: FontRole, ch: char) -> Option<FaceId> {
        let own = role.face();
        if self.has_glyph(own, ch) {
            Some(own)
        } else if self.has_glyph(FaceId::NotoSerifSc, ch) {
            Some(FaceId::NotoSerifSc)
        } else {
            None
        }
    }

    /// The horizontal advance of `ch` in `face`, in em (multiply by the size in pt).
    pub fn advance_em(&self, face: FaceId, ch: char) -> f32 {
        let lf = self.loaded(face);
        let f = lf.face();
        let adv = f
            .glyph_index(ch)
            .and_then(|g| f.glyph_hor_advance(g))
            .map(f32::from)
            .unwrap_or(lf.units_per_em);
        adv / lf.units_per_em
    }

    /// The advance of a glyph id in `face`, in em.
    pub fn glyph_advance_em(&self, face: FaceId, gid: u16) -> f32 {
        let lf = self.loaded(face);
        let adv = lf
            .face()
            .glyph_hor_advance(ttf_parser::GlyphId(gid))
            .map(f32::from)
            .unwrap_or(lf.units_per_em);
        adv / lf.units_per_em
    }

    /// The face's bounding box (x min, y min, x max, y max) in em, from its head table.
    pub fn bbox_em(&self, face: FaceId) -> [f32; 4] {
        let lf = self.loaded(face);
        let r = lf.face().global_bounding_box();
        [r.x_min, r.y_min, r.x_max, r.y_max].map(|v| f32::from(v) / lf.units_per_em)
    }

    /// The face's ascender in em (positive, above the baseline).
    pub fn ascender_em(&self, face: FaceId) -> f32 {
        let lf = self.loaded(face);
        lf.ascender / lf.units_per_em
    }

    /// The face's descender in em (negative, below the baseline).
    pub fn descender_em(&self, face: FaceId) -> f32 {
        let lf = self.loaded(face);
        lf.descender / lf.units_per_em
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> &'static FontBook {
        FontBook::global().expect("fonts in assets/fonts (scripts/fetch-fonts.sh)")
    }

    #[test]
    fn han_characters_are_one_em_in_every_role() {
        for role in FontRole::ALL {
            let face = book().resolve(role, '温').unwrap();
            assert_eq!(face, role.face());
            assert!(
                (book().advance_em(face, '温') - 1.0).abs() < 1e-3,
                "{role:?}"
            );
        }
    }

    #[test]
    fn fallback_covers_what_fandol_lacks_and_nothing_covers_everything() {
        for ch in ['堃', '喆', '镕', '𠀋'] {
            assert!(
                !book().has_glyph(FaceId::FandolFang, ch) || ch == '𠀋',
                "{ch}"
            );
            assert_eq!(
                book().resolve(FontRole::FangSong, ch),
                Some(FaceId::NotoSerifSc),
                "{ch}"
            );
        }
        assert_eq!(book().resolve(FontRole::FangSong, '𪚥'), None);
    }

    #[test]
    fn latin_is_proportional() {
        let f = FaceId::FandolFang;
        assert!(book().advance_em(f, 'i') < book().advance_em(f, 'W'));
        assert!(book().advance_em(f, '2') < 1.0);
    }

    #[test]
    fn missing_directory_names_the_file_and_the_fix() {
        let err = FontBook::load(Path::new("/nonexistent"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("FandolSong-Bold.otf") && err.contains("fetch-fonts.sh"),
            "{err}"
        );
    }
}
