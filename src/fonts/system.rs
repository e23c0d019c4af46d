//! The fonts installed on this system, found with `fontdb`: fontconfig's directories on Linux,
//! the Windows font folder and the user's font folder on Windows. TrueType and OpenType-CFF
//! faces, single files and collections (.ttc).
//!
//! fontdb reads only the name tables; a face it lists is opened in full (`InstalledFace::open`)
//! when it is listed or chosen, and one that does not parse is left out with a warning.

use std::path::PathBuf;
use std::sync::OnceLock;

use super::installed::{normalized, InstalledFace};
use super::{FontError, FontRole};

/// One face fontdb found: where it is and its names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemFace {
    /// The font file.
    pub path: PathBuf,
    /// The face's index in the file.
    pub index: u32,
    /// Every family name, in every language of its name table.
    pub families: Vec<String>,
    /// The PostScript name.
    pub postscript_name: String,
    /// The weight class (400 regular, 700 bold).
    pub weight: u16,
    /// Whether the face is italic or oblique.
    pub italic: bool,
}

impl SystemFace {
    /// Whether `name` is one of the face's family names or its PostScript name (compared as
    /// `InstalledFace::is_named` does).
    pub fn is_named(&self, name: &str) -> bool {
        let want = normalized(name);
        !want.is_empty()
            && (self.families.iter().any(|f| normalized(f) == want)
                || normalized(&self.postscript_name) == want)
    }

    /// Opens the face in full.
    pub fn open(&self) -> Result<InstalledFace, FontError> {
        InstalledFace::open(&self.path, self.index)
    }
}

/// The installed fonts, as fontdb lists them.
#[derive(Debug, Clone, Default)]
pub struct SystemFonts {
    faces: Vec<SystemFace>,
}

static GLOBAL: OnceLock<SystemFonts> = OnceLock::new();

impl SystemFonts {
    /// No fonts (for resolving choices that name only files).
    pub const fn empty() -> SystemFonts {
        SystemFonts { faces: Vec::new() }
    }

    /// Scans the system's font directories (fontconfig's, honouring `FONTCONFIG_FILE`, on Linux).
    pub fn scan() -> SystemFonts {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let mut faces: Vec<SystemFace> = db
            .faces()
            .filter_map(|info| {
                let path = match &info.source {
                    fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p.clone(),
                    fontdb::Source::Binary(_) => return None,
                };
                Some(SystemFace {
                    path,
                    index: info.index,
                    families: info.families.iter().map(|(name, _)| name.clone()).collect(),
                    postscript_name: info.post_script_name.clone(),
                    weight: info.weight.0,
                    italic: info.style != fontdb::Style::Normal,
                })
            })
            .collect();
        // A stable order whatever order the directories were read in.
        faces.sort_by(|a, b| (&a.path, a.index).cmp(&(&b.path, b.index)));
        SystemFonts { faces }
    }

    /// The system's fonts, scanned once per process on first use.
    pub fn global() -> &'static SystemFonts {
        GLOBAL.get_or_init(SystemFonts::scan)
    }

    /// Every face found.
    pub fn faces(&self) -> &[SystemFace] {
        &self.faces
    }

    /// The face named `name` (a family name in any language, or a PostScript name): the
    /// upright regular one when the family has several.
    pub fn find(&self, name: &str) -> Option<&SystemFace> {
        self.faces
            .iter()
            .filter(|f| f.is_named(name))
            .min_by_key(|f| (f.italic, f.weight.abs_diff(400)))
    }

    /// The faces an office would use for `role`, best first: each of the role's office names
    /// (`FontRole::office_names`) that is installed.
    pub fn for_role(&self, role: FontRole) -> Vec<&SystemFace> {
        let mut out: Vec<&SystemFace> = Vec::new();
        for name in role.office_names() {
            if let Some(face) = self.find(name) {
                if !out.contains(&face) {
                    out.push(face);
                }
            }
        }
        out
    }

    /// The faces that set Chinese text (they have every character of a short test line), opened
    /// and checked; faces that do not parse come back as warnings instead.
    pub fn chinese(&self) -> (Vec<InstalledFace>, Vec<FontError>) {
        const TEST: &str = "温州科协信息第期";
        let mut found = Vec::new();
        let mut warnings = Vec::new();
        for face in &self.faces {
            match face.open() {
                Ok(f) if TEST.chars().all(|c| f.has_glyph(c)) => found.push(f),
                Ok(_) => {}
                Err(e) => warnings.push(e),
            }
        }
        (found, warnings)
    }
}
