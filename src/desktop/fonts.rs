//! 设置 › 字体: which face plays each role, stored with the publication's settings, and what the
//! dialog shows of each installed face (a sample line, the share of the issue's characters it
//! has, what falls back, and why a face whose licence forbids embedding cannot be chosen).
//!
//! `Desktop::fonts` is the font book every preview and export uses: the bundled faces with the
//! stored choice applied, rebuilt only when the choice changes.

use std::sync::Arc;

use serde::Serialize;

use super::{Desktop, DesktopError, Result};
use crate::fonts::{
    FaceChoice, FaceId, FontBook, FontChoices, FontRole, InstalledFace, SystemFonts,
};
use crate::model::Issue;

/// The sample line each face is shown with.
const SAMPLE: &str = "温州科协信息 第4期 2020年4月30日";
/// What sets Latin letters and digits while no 西文 face is chosen: each role's own face.
const LATIN_BUNDLED: &str = "各角色的字体";
/// The sample line of the 西文 role: Latin letters and digits.
const LATIN_SAMPLE: &str = "World Youth Scientist Summit 2020";

/// The sample line the dialog draws for `role`.
fn sample_of(role: FontRole) -> &'static str {
    match role {
        FontRole::Latin => LATIN_SAMPLE,
        _ => SAMPLE,
    }
}
/// How many characters a face lacks are listed (the count says the rest).
const MISSING_LISTED: usize = 24;

/// The dialog's content.
#[derive(Debug, Clone, Serialize)]
pub struct FontSettings {
    /// Each role, in `FontRole::ALL` order.
    pub roles: Vec<RoleFont>,
    /// Every installed Chinese face, each once (roles refer to them by index).
    pub faces: Vec<FaceOption>,
    /// Font files that could not be read (skipped), in plain Chinese.
    pub warnings: Vec<String>,
}

/// One role: its bundled face, the choice, and how each face would serve it.
#[derive(Debug, Clone, Serialize)]
pub struct RoleFont {
    /// The role (`FangSong`…), as `set_font` takes it.
    pub role: FontRole,
    /// 小标宋, 仿宋, 黑体, 楷体, 宋体, 西文.
    pub label: &'static str,
    /// The bundled face's family (FandolFang…).
    pub bundled: String,
    /// The installed face chosen, if any.
    pub choice: Option<FaceChoice>,
    /// The family in use (the chosen one, or the bundled one when none was chosen or it cannot
    /// be used).
    pub current: String,
    /// Why the chosen face is not in use (not installed any more, licence, damaged), if so.
    pub problem: Option<String>,
    /// The faces a character the face in use lacks falls back to, in order.
    pub fallback: Vec<String>,
    /// The sample line in the face in use (SVG).
    pub sample_svg: String,
    /// How the face in use covers the issue's text in this role.
    pub coverage: Option<Coverage>,
    /// Per face of `FontSettings::faces` (same order): how it would cover the issue's text in
    /// this role, and whether offices use it for this role.
    pub options: Vec<RoleOption>,
}

/// How one face covers the characters an issue sets in one role.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    /// Distinct characters the face has.
    pub has: usize,
    /// Distinct characters in the role's text.
    pub total: usize,
    /// The first characters it lacks (they fall back), at most `MISSING_LISTED`.
    pub missing: Vec<String>,
}

/// One face as an option for one role.
#[derive(Debug, Clone, Serialize)]
pub struct RoleOption {
    /// The face, by index in `FontSettings::faces`.
    pub face: usize,
    /// Whether the face goes by one of the names offices use for the role (仿宋_GB2312…).
    pub office: bool,
    /// Its coverage of the issue's text in this role.
    pub coverage: Option<Coverage>,
}

/// One installed Chinese face.
#[derive(Debug, Clone, Serialize)]
pub struct FaceOption {
    /// The family shown (the Chinese name where the face has one).
    pub family: String,
    /// Its other names.
    pub other_names: Vec<String>,
    /// The file.
    pub path: String,
    /// The face's index in the file.
    pub index: u32,
    /// 「TrueType」 or 「OpenType CFF」.
    pub format: &'static str,
    /// What its licence allows, in Chinese.
    pub licence: &'static str,
    /// Whether it may be chosen (its licence lets the PDF embed it).
    pub allowed: bool,
    /// The choice that selects it (for `set_font`).
    pub choice: FaceChoice,
    /// The sample line in the face (SVG).
    pub sample_svg: String,
}

impl Desktop {
    /// The bundled faces, loaded once.
    pub(super) fn bundled_fonts(&self) -> Result<&FontBook> {
        self.fonts
            .get_or_init(|| FontBook::load(&self.fonts_dir).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| {
                DesktopError::new(format!(
                    "找不到排版所需的字体（{e}）。请重新安装程序，或运行 scripts/fetch-fonts.sh。"
                ))
            })
    }

    /// The choice stored with the publication's settings.
    pub fn font_choices(&self) -> Result<FontChoices> {
        Ok(FontChoices::from_setting(
            self.store().setting(crate::fonts::SETTING)?.as_deref(),
        ))
    }

    /// Drops the font book made for the last choice (the choice changed): the preview, which may
    /// use it without asking the store, must not draw in the faces of before.
    pub(super) fn forget_font_book(&self) {
        *self.chosen.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// The font book previews and exports use: the bundled faces with the stored choice
    /// applied (a chosen face that cannot be used leaves its role in the bundled face).
    pub fn fonts(&self) -> Result<Arc<FontBook>> {
        let choices = self.font_choices()?;
        let mut cache = self.chosen.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((c, book)) = cache.as_ref() {
            if *c == choices {
                return Ok(book.clone());
            }
        }
        let (book, _) = choices.apply(self.bundled_fonts()?);
        let book = Arc::new(book);
        *cache = Some((choices, book.clone()));
        Ok(book)
    }

    /// The roles whose stored choice can no longer be opened, with why (the pre-export check).
    pub fn unavailable_faces(&self) -> Result<Vec<(FontRole, String)>> {
        let choices = self.font_choices()?;
        if choices == FontChoices::bundled() {
            return Ok(Vec::new());
        }
        let (_, errors) = choices.apply(self.bundled_fonts()?);
        Ok(errors
            .into_iter()
            .map(|(r, e)| (r, e.to_string()))
            .collect())
    }

    /// What 设置 › 字体 shows; with the editor's `issue`, how each face covers its text.
    pub fn font_settings(&self, issue: Option<&Issue>) -> Result<FontSettings> {
        let bundled = self.bundled_fonts()?;
        let choices = self.font_choices()?;
        let (book, errors) = choices.apply(bundled);
        let system = SystemFonts::global();
        let (mut installed, warnings) = system.chinese();
        // The 西文 role's faces (Times New Roman, or its stand-in) have no Chinese: offered too.
        for face in system.for_role(FontRole::Latin) {
            if let Ok(f) = face.open() {
                if !installed
                    .iter()
                    .any(|g| g.path == f.path && g.index == f.index)
                {
                    installed.push(f);
                }
            }
        }
        let faces: Vec<FaceOption> = installed
            .iter()
            .map(|f| face_option(bundled, system, f))
            .collect();
        let roles = FontRole::ALL
            .into_iter()
            .map(|role| {
                let primary = book.primary(role);
                let options = installed
                    .iter()
                    .enumerate()
                    .map(|(k, f)| RoleOption {
                        face: k,
                        office: role.office_names().iter().any(|n| f.is_named(n)),
                        coverage: issue.map(|i| {
                            let mut trial = bundled.bundled_only();
                            trial.set_installed(role, f.clone());
                            coverage(i, &trial, role)
                        }),
                    })
                    .collect();
                RoleFont {
                    role,
                    label: role.label(),
                    bundled: match role {
                        FontRole::Latin => LATIN_BUNDLED.to_string(),
                        _ => book.family(role.face()),
                    },
                    choice: choices.get(role).cloned(),
                    current: match (role, book.installed(role)) {
                        (FontRole::Latin, None) => LATIN_BUNDLED.to_string(),
                        _ => book.family(primary),
                    },
                    problem: errors
                        .iter()
                        .find(|(r, _)| *r == role)
                        .map(|(_, e)| e.to_string()),
                    fallback: book.chain(role).skip(1).map(|f| book.family(f)).collect(),
                    sample_svg: crate::svg::render_sample(&book, primary, sample_of(role), 16.0),
                    coverage: issue.map(|i| coverage(i, &book, role)),
                    options,
                }
            })
            .collect();
        Ok(FontSettings {
            roles,
            faces,
            warnings: warnings.iter().map(ToString::to_string).collect(),
        })
    }

    /// Chooses `choice` for `role` (the bundled face with `None`) and stores it; a face that
    /// cannot be opened or whose licence forbids embedding is refused, and nothing changes.
    pub fn set_font(
        &self,
        role: FontRole,
        choice: Option<FaceChoice>,
        issue: Option<&Issue>,
    ) -> Result<FontSettings> {
        let mut choices = self.font_choices()?;
        if let Some(c) = &choice {
            let mut one = FontChoices::bundled();
            one.set(role, Some(c.clone()));
            one.apply_strict(self.bundled_fonts()?)
                .map_err(|e| DesktopError::new(e.to_string()))?;
        }
        choices.set(role, choice);
        self.store()
            .set_setting(crate::fonts::SETTING, choices.to_setting().as_deref())?;
        self.forget_font_book();
        self.font_settings(issue)
    }
}

/// How `fonts`' first face for `role` covers what `issue` sets in it.
fn coverage(issue: &Issue, fonts: &FontBook, role: FontRole) -> Coverage {
    let (has, total) = crate::coverage::share(issue, fonts, role);
    let missing = crate::coverage::lacking(issue, fonts, role)
        .into_iter()
        .take(MISSING_LISTED)
        .map(String::from)
        .collect();
    Coverage {
        has,
        total,
        missing,
    }
}

fn face_option(bundled: &FontBook, system: &SystemFonts, f: &InstalledFace) -> FaceOption {
    // By family where that finds this very face (a choice that survives the file moving), else
    // by its PostScript name (a bold face of a family, a second face of a collection).
    let by_family = system
        .find(&f.family)
        .is_some_and(|s| s.path == f.path && s.index == f.index);
    let choice = FaceChoice::Family {
        name: if by_family {
            f.family.clone()
        } else {
            f.postscript_name.clone()
        },
    };
    let mut trial = bundled.bundled_only();
    trial.set_installed(FontRole::FangSong, f.clone());
    FaceOption {
        family: f.family.clone(),
        other_names: f
            .families
            .iter()
            .filter(|n| **n != f.family)
            .cloned()
            .collect(),
        path: f.path.display().to_string(),
        index: f.index,
        format: f.outlines.label(),
        licence: f.embedding.label(),
        allowed: f.embedding.allowed(),
        choice,
        sample_svg: crate::svg::render_sample(
            &trial,
            FaceId::Installed(FontRole::FangSong),
            SAMPLE,
            16.0,
        ),
    }
}
