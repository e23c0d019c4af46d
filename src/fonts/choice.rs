//! Which face plays each role: the bundled one (the default) or an installed one, chosen by
//! family name or by file. Stored with the publication's settings (`SETTING`) and given on the
//! command line as `--font 仿宋=仿宋_GB2312` or `--font 楷体=/path/to/kaiti.ttf`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::installed::InstalledFace;
use super::system::SystemFonts;
use super::{FontBook, FontError, FontRole};

/// The settings key the choices are stored under (JSON of `FontChoices`).
pub const SETTING: &str = "fonts";

/// An installed face chosen for a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaceChoice {
    /// A family installed on the system, by name (仿宋_GB2312, FangSong, 文鼎ＰＬ简中楷…).
    Family {
        /// The family (or PostScript) name.
        name: String,
    },
    /// A font file, and the face's index in it (for a collection).
    File {
        /// The file.
        path: PathBuf,
        /// The face's index (0 for a single font).
        #[serde(default)]
        index: u32,
    },
}

impl FaceChoice {
    /// Reads the value of `--font ROLE=VALUE`: a font file (a path that exists, or one ending
    /// in .ttf/.otf/.ttc/.otc, optionally with 「#N」 for face N of a collection), else a family.
    pub fn parse(value: &str) -> FaceChoice {
        let value = value.trim();
        let (file, index) = match value.rsplit_once('#') {
            Some((f, n)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => {
                (f, n.parse().unwrap_or(0))
            }
            _ => (value, 0),
        };
        let is_font_file = |p: &str| {
            let lower = p.to_ascii_lowercase();
            [".ttf", ".otf", ".ttc", ".otc"]
                .iter()
                .any(|e| lower.ends_with(e))
        };
        if is_font_file(file) || (Path::new(file).is_file() && file.contains(['/', '\\'])) {
            FaceChoice::File {
                path: PathBuf::from(file),
                index,
            }
        } else {
            FaceChoice::Family {
                name: value.to_string(),
            }
        }
    }

    /// The choice as the editor wrote it: the family, or the file (and face).
    pub fn label(&self) -> String {
        match self {
            FaceChoice::Family { name } => name.clone(),
            FaceChoice::File { path, index: 0 } => path.display().to_string(),
            FaceChoice::File { path, index } => format!("{}#{index}", path.display()),
        }
    }

    /// Opens the chosen face and checks its licence allows embedding.
    pub fn open(&self, system: &SystemFonts) -> Result<InstalledFace, FontError> {
        let face = match self {
            FaceChoice::Family { name } => system
                .find(name)
                .ok_or_else(|| FontError::NotInstalled { name: name.clone() })?
                .open()?,
            FaceChoice::File { path, index } => InstalledFace::open(path, *index)?,
        };
        face.usable()
    }
}

/// The installed face chosen for each role; a role not listed keeps its bundled face.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FontChoices(BTreeMap<FontRole, FaceChoice>);

impl FontChoices {
    /// No choice: every role in its bundled face.
    pub fn bundled() -> FontChoices {
        FontChoices::default()
    }

    /// Whether every role keeps its bundled face.
    pub fn is_bundled(&self) -> bool {
        self.0.is_empty()
    }

    /// The choice for `role`, if an installed face was chosen.
    pub fn get(&self, role: FontRole) -> Option<&FaceChoice> {
        self.0.get(&role)
    }

    /// Chooses `choice` for `role`, or the bundled face with `None`.
    pub fn set(&mut self, role: FontRole, choice: Option<FaceChoice>) {
        match choice {
            Some(c) => self.0.insert(role, c),
            None => self.0.remove(&role),
        };
    }

    /// Every role with an installed face, in role order.
    pub fn iter(&self) -> impl Iterator<Item = (FontRole, &FaceChoice)> {
        self.0.iter().map(|(&r, c)| (r, c))
    }

    /// Reads `--font ROLE=NAME|PATH` (ROLE 小标宋, 仿宋, 黑体, 楷体 or 宋体) into these choices.
    pub fn assign(&mut self, arg: &str) -> Result<(), FontError> {
        let bad = || FontError::BadAssignment {
            arg: arg.to_string(),
        };
        let (role, value) = arg.split_once('=').ok_or_else(bad)?;
        let role = FontRole::from_label(role.trim()).ok_or_else(bad)?;
        if value.trim().is_empty() {
            return Err(bad());
        }
        self.set(role, Some(FaceChoice::parse(value)));
        Ok(())
    }

    /// The stored choices (the JSON of `SETTING`); unreadable JSON counts as no choice.
    pub fn from_setting(value: Option<&str>) -> FontChoices {
        value
            .and_then(|v| serde_json::from_str(v).ok())
            .unwrap_or_default()
    }

    /// The JSON to store, or `None` when every role keeps its bundled face.
    pub fn to_setting(&self) -> Option<String> {
        (!self.is_bundled()).then(|| serde_json::to_string(self).expect("font choices serialise"))
    }

    /// `book` with these choices applied: every chosen face that can be opened and embedded
    /// plays its role; each one that cannot is left out (its role keeps the bundled face) and
    /// comes back as an error, for the caller to stop on or to show.
    pub fn apply(&self, book: &FontBook) -> (FontBook, Vec<(FontRole, FontError)>) {
        let mut out = book.bundled_only();
        let mut errors = Vec::new();
        let needs_scan = self
            .0
            .values()
            .any(|c| matches!(c, FaceChoice::Family { .. }));
        let system = if needs_scan {
            SystemFonts::global()
        } else {
            &EMPTY
        };
        for (&role, choice) in &self.0 {
            match choice.open(system) {
                Ok(face) => out.set_installed(role, face),
                Err(e) => errors.push((role, e)),
            }
        }
        (out, errors)
    }

    /// As `apply`, failing on the first face that cannot be used (for the command line, where
    /// the choice was made for this one run).
    pub fn apply_strict(&self, book: &FontBook) -> Result<FontBook, FontError> {
        let (out, mut errors) = self.apply(book);
        match errors.is_empty() {
            true => Ok(out),
            false => Err(errors.swap_remove(0).1),
        }
    }
}

static EMPTY: SystemFonts = SystemFonts::empty();

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_files_or_families() {
        assert_eq!(
            FaceChoice::parse("仿宋_GB2312"),
            FaceChoice::Family {
                name: "仿宋_GB2312".into()
            }
        );
        assert_eq!(
            FaceChoice::parse("/usr/share/fonts/x/wqy-zenhei.ttc#1"),
            FaceChoice::File {
                path: "/usr/share/fonts/x/wqy-zenhei.ttc".into(),
                index: 1
            }
        );
        assert_eq!(
            FaceChoice::parse("simfang.ttf"),
            FaceChoice::File {
                path: "simfang.ttf".into(),
                index: 0
            }
        );
    }

    #[test]
    fn assignments_name_a_role_in_chinese() {
        let mut c = FontChoices::bundled();
        c.assign("仿宋=FangSong").unwrap();
        c.assign("楷体 = 楷体_GB2312").unwrap();
        assert_eq!(
            c.get(FontRole::FangSong),
            Some(&FaceChoice::Family {
                name: "FangSong".into()
            })
        );
        assert!(c.get(FontRole::Kai).is_some());
        for bad in ["仿宋", "明朝=MS Mincho", "黑体="] {
            let err = c.assign(bad).unwrap_err().to_string();
            assert!(err.contains("小标宋"), "{err}");
        }
    }

    #[test]
    fn the_setting_round_trips_and_bundled_is_no_setting() {
        assert_eq!(FontChoices::bundled().to_setting(), None);
        let mut c = FontChoices::bundled();
        c.assign("黑体=/fonts/simhei.ttf").unwrap();
        let s = c.to_setting().unwrap();
        assert_eq!(FontChoices::from_setting(Some(&s)), c);
        assert_eq!(
            FontChoices::from_setting(Some("{nonsense")),
            FontChoices::bundled()
        );
    }
}
