//! The fonts (docs/layout.md §9): which face plays which role, their metrics and glyphs.
//!
//! Every role has a bundled face (Fandol, with Noto Serif CJK as the fallback); an office may
//! choose an installed face for any role instead (`choice`, found by `system`, opened and checked
//! by `installed`). A character the chosen face lacks falls back, character by character, to the
//! role's bundled face and then to Noto (`FontBook::resolve`), so nothing is drawn as a box.
//!
//! Fonts are memory-mapped once per process (`FontBook::global`) and parsed once by ttf-parser,
//! so layout and every backend share one copy and nothing is re-read per page.

mod choice;
mod installed;
mod role;
mod system;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use memmap2::Mmap;

pub use choice::{FaceChoice, FontChoices, SETTING};
pub use installed::{Embedding, InstalledFace, Outlines};
pub use role::FontRole;
pub use system::{SystemFace, SystemFonts};

/// One font face: a bundled one, or the installed face chosen for a role.
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
    /// The installed face chosen for a role (`FontBook::installed`).
    Installed(FontRole),
}

impl FaceId {
    /// Every bundled face, in a fixed order (used for stable output).
    pub const BUNDLED: [FaceId; 6] = [
        FaceId::FandolSongBold,
        FaceId::FandolFang,
        FaceId::FandolHei,
        FaceId::FandolKai,
        FaceId::FandolSong,
        FaceId::NotoSerifSc,
    ];

    /// The file in the bundled fonts directory (`None` for an installed face: see
    /// `FontBook::installed`).
    pub fn file_name(self) -> Option<&'static str> {
        Some(match self {
            FaceId::FandolSongBold => "FandolSong-Bold.otf",
            FaceId::FandolFang => "FandolFang-Regular.otf",
            FaceId::FandolHei => "FandolHei-Regular.otf",
            FaceId::FandolKai => "FandolKai-Regular.otf",
            FaceId::FandolSong => "FandolSong-Regular.otf",
            FaceId::NotoSerifSc => "NotoSerifCJK-Regular.ttc",
            FaceId::Installed(_) => return None,
        })
    }

    /// A small number unique to the face (bundled 0–5, installed 6–10), for indexing and ids.
    pub fn slot(self) -> usize {
        match self {
            FaceId::Installed(role) => FaceId::BUNDLED.len() + role.slot(),
            bundled => FaceId::BUNDLED
                .iter()
                .position(|&f| f == bundled)
                .expect("every bundled face is in FaceId::BUNDLED"),
        }
    }
}

/// The bundled face's index in its file (the SC face of the Noto collection is 2).
fn bundled_index(face: FaceId) -> u32 {
    match face {
        FaceId::NotoSerifSc => 2,
        _ => 0,
    }
}

/// Why the fonts could not be loaded, or a chosen face cannot be used.
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
    /// An installed font file that does not parse (skipped; its role keeps the bundled face).
    #[error("字体文件 {path} 无法读取（{message}），已跳过")]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// No installed face has the chosen family name.
    #[error("没有安装名为「{name}」的字体。请先安装该字体，或在「设置 › 字体」中另选")]
    NotInstalled {
        /// The family asked for.
        name: String,
    },
    /// The face's licence (OS/2 fsType) forbids embedding it in a PDF.
    #[error("字体「{family}」（{path}）的{reason}（OS/2 fsType），导出的 PDF 不能使用它。请另选一款字体，或使用内置字体")]
    NotEmbeddable {
        /// The face's family.
        family: String,
        /// Its file.
        path: PathBuf,
        /// What its licence says (`Embedding::label`).
        reason: &'static str,
    },
    /// A `--font` argument that is not `ROLE=NAME|PATH`.
    #[error("「{arg}」不是有效的字体设置。请写成 角色=字体名称 或 角色=字体文件，角色为 小标宋、仿宋、黑体、楷体 或 宋体，例如 仿宋=仿宋_GB2312")]
    BadAssignment {
        /// The argument as given.
        arg: String,
    },
}

#[derive(Clone)]
struct LoadedFace {
    data: &'static [u8],
    /// Parsed once: parsing a CFF face's tables costs more than the lookups made on it.
    parsed: ttf_parser::Face<'static>,
    units_per_em: f32,
    ascender: f32,
    descender: f32,
}

impl LoadedFace {
    fn new(data: &'static [u8], parsed: ttf_parser::Face<'static>) -> LoadedFace {
        LoadedFace {
            units_per_em: parsed.units_per_em() as f32,
            ascender: parsed.ascender() as f32,
            descender: parsed.descender() as f32,
            parsed,
            data,
        }
    }

    fn face(&self) -> &ttf_parser::Face<'static> {
        &self.parsed
    }
}

/// The bundled faces, memory-mapped, and the installed face chosen for each role, if any.
#[derive(Clone)]
pub struct FontBook {
    dir: PathBuf,
    faces: Vec<LoadedFace>,
    installed: [Option<(LoadedFace, InstalledFace)>; FontRole::ALL.len()],
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
        let body = FaceId::FandolFang.file_name().expect("a bundled face");
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
                    if cand.join(body).is_file() {
                        return cand;
                    }
                }
            }
        }
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts")
    }

    /// Maps and checks every bundled face in `dir`.
    pub fn load(dir: &Path) -> Result<FontBook, FontError> {
        let mut faces = Vec::with_capacity(FaceId::BUNDLED.len());
        for id in FaceId::BUNDLED {
            let path = dir.join(id.file_name().expect("a bundled face"));
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
                ttf_parser::Face::parse(data, bundled_index(id)).map_err(|e| FontError::Parse {
                    path: path.clone(),
                    message: e.to_string(),
                })?;
            faces.push(LoadedFace::new(data, face));
        }
        Ok(FontBook {
            dir: dir.to_path_buf(),
            faces,
            installed: Default::default(),
        })
    }

    /// The process-wide font book from `default_dir()`, loaded on first use: the bundled
    /// faces only (apply a publication's choices with `FontChoices::apply`).
    pub fn global() -> Result<&'static FontBook, FontError> {
        let r =
            GLOBAL.get_or_init(|| FontBook::load(&Self::default_dir()).map_err(|e| e.to_string()));
        r.as_ref()
            .map_err(|message| FontError::Unavailable(message.clone()))
    }

    /// The directory the bundled fonts came from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// This book without any installed face: every role in its bundled face.
    pub fn bundled_only(&self) -> FontBook {
        FontBook {
            dir: self.dir.clone(),
            faces: self.faces.clone(),
            installed: Default::default(),
        }
    }

    /// Lets `face` play `role` (its licence checked by the caller: `InstalledFace::usable`).
    pub fn set_installed(&mut self, role: FontRole, face: InstalledFace) {
        let loaded = LoadedFace::new(face.data, face.parsed.clone());
        self.installed[role.slot()] = Some((loaded, face));
    }

    /// The installed face playing `role`, if one was chosen.
    pub fn installed(&self, role: FontRole) -> Option<&InstalledFace> {
        self.installed[role.slot()].as_ref().map(|(_, f)| f)
    }

    /// The first role (in `FontRole::ALL` order) whose installed face is `role`'s, the same file
    /// and index: one face chosen for two roles is one face of the book, embedded once.
    fn sharing(&self, role: FontRole) -> FontRole {
        let Some(face) = self.installed(role) else {
            return role;
        };
        FontRole::ALL
            .into_iter()
            .find(|&r| {
                self.installed(r)
                    .is_some_and(|g| g.path == face.path && g.index == face.index)
            })
            .unwrap_or(role)
    }

    /// Every face of the book: the bundled ones, then the installed ones in role order (a face
    /// chosen for two roles once).
    pub fn faces(&self) -> impl Iterator<Item = FaceId> + '_ {
        FaceId::BUNDLED.into_iter().chain(
            FontRole::ALL
                .into_iter()
                .filter(|&r| self.installed(r).is_some() && self.sharing(r) == r)
                .map(FaceId::Installed),
        )
    }

    fn loaded(&self, face: FaceId) -> &LoadedFace {
        match face {
            FaceId::Installed(role) => match &self.installed[role.slot()] {
                Some((loaded, _)) => loaded,
                // Layout only places an installed face the book has; a page drawn with another
                // book (a bug) draws the role's bundled face rather than panicking.
                None => &self.faces[role.face().slot()],
            },
            bundled => &self.faces[bundled.slot()],
        }
    }

    /// The face that plays `role` first: the installed one chosen, else the bundled one.
    pub fn primary(&self, role: FontRole) -> FaceId {
        match self.installed(role) {
            Some(_) => FaceId::Installed(self.sharing(role)),
            None => role.face(),
        }
    }

    /// The faces tried, in order, for a character in `role`: the chosen installed face, the
    /// role's bundled face, the Noto fallback.
    pub fn chain(&self, role: FontRole) -> impl Iterator<Item = FaceId> {
        let installed = self
            .installed(role)
            .map(|_| FaceId::Installed(self.sharing(role)));
        installed
            .into_iter()
            .chain([role.face(), FaceId::NotoSerifSc])
    }

    /// The raw bytes of a face's file (for embedding; a collection's whole file).
    pub fn bytes(&self, face: FaceId) -> &[u8] {
        self.loaded(face).data
    }

    /// The face's index in its file (the face `bytes` holds).
    pub fn face_index(&self, face: FaceId) -> u32 {
        match face {
            FaceId::Installed(role) => self.installed(role).map_or(0, |f| f.index),
            bundled => bundled_index(bundled),
        }
    }

    /// The parsed face.
    pub fn parsed(&self, face: FaceId) -> &ttf_parser::Face<'static> {
        self.loaded(face).face()
    }

    /// How the face stores its outlines (every bundled face is CFF).
    pub fn outlines(&self, face: FaceId) -> Outlines {
        match face {
            FaceId::Installed(role) => self.installed(role).map_or(Outlines::Cff, |f| f.outlines),
            _ => Outlines::Cff,
        }
    }

    /// The face's PostScript name (a PDF's /BaseFont after the subset tag).
    pub fn postscript_name(&self, face: FaceId) -> String {
        match face {
            FaceId::FandolSongBold => "FandolSong-Bold".into(),
            FaceId::FandolFang => "FandolFang-Regular".into(),
            FaceId::FandolHei => "FandolHei-Regular".into(),
            FaceId::FandolKai => "FandolKai-Regular".into(),
            FaceId::FandolSong => "FandolSong-Regular".into(),
            FaceId::NotoSerifSc => "NotoSerifCJKsc-Regular".into(),
            FaceId::Installed(role) => self
                .installed(role)
                .map_or_else(|| "InstalledFont".into(), |f| f.postscript_name.clone()),
        }
    }

    /// The face's family as an editor knows it: 「FandolFang」, or the installed family.
    pub fn family(&self, face: FaceId) -> String {
        match face {
            FaceId::Installed(role) => self
                .installed(role)
                .map_or_else(String::new, |f| f.family.clone()),
            FaceId::FandolSongBold => "FandolSong Bold".into(),
            FaceId::NotoSerifSc => "Noto Serif CJK SC".into(),
            bundled => self
                .postscript_name(bundled)
                .trim_end_matches("-Regular")
                .to_string(),
        }
    }

    /// The face's file for messages: the bundled file's name, or the installed face's path.
    pub fn file_label(&self, face: FaceId) -> String {
        match (face.file_name(), face) {
            (Some(name), _) => name.to_string(),
            (None, FaceId::Installed(role)) => self
                .installed(role)
                .map_or_else(String::new, |f| f.path.display().to_string()),
            (None, _) => String::new(),
        }
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

    /// The face that draws `ch` in `role`: the first of `chain(role)` that has it, else `None`
    /// (a character no font has: an error to report before export, never a box).
    pub fn resolve(&self, role: FontRole, ch: char) -> Option<FaceId> {
        self.chain_for(role, ch).find(|&f| self.has_glyph(f, ch))
    }

    /// The faces tried for `ch` in `role`: the 西文 face first for a Latin letter or digit
    /// where one was chosen, then the role's chain.
    pub fn chain_for(&self, role: FontRole, ch: char) -> impl Iterator<Item = FaceId> {
        let latin = (FontRole::is_latin(ch) && role != FontRole::Latin)
            .then(|| self.installed(FontRole::Latin))
            .flatten()
            .map(|_| FaceId::Installed(self.sharing(FontRole::Latin)));
        latin.into_iter().chain(self.chain(role))
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
