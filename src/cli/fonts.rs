//! Fonts on the command line: `bulletin fonts` (the roles, the installed Chinese faces, the
//! choice; `--set` / `--reset` change the stored choice) and `--font ROLE=NAME|PATH` on
//! `render`, `export` and `proof` for one run.

use std::io::Write as _;
use std::path::Path;

use bulletin::fonts::{FontBook, FontChoices, FontError, FontRole, SystemFonts};
use bulletin::model::Issue;
use bulletin::store::Store;

use super::{note, open_store, say, table, CliError};

/// `--font ROLE=NAME|PATH`, repeatable.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FontArgs {
    /// One-off font choices.
    #[arg(
        long = "font",
        value_name = "角色=字体",
        help = "这次使用的字体（可重复）：角色为 小标宋、仿宋、黑体、楷体 或 宋体，字体为已安装字体的名称或字体文件，例如 --font 仿宋=仿宋_GB2312 --font 楷体=/usr/share/fonts/kaiti.ttf"
    )]
    pub font: Vec<String>,
}

impl FontArgs {
    /// The font book for this run: `stored` (the publication's choice, if any) with the
    /// `--font` choices over it. A `--font` face that cannot be used stops the run; a stored one
    /// is reported and its role keeps the bundled face.
    pub fn book(&self, stored: &FontChoices) -> Result<FontBook, CliError> {
        let mut given = FontChoices::bundled();
        for arg in &self.font {
            given.assign(arg)?;
        }
        let mut all = stored.clone();
        for (role, choice) in given.iter() {
            all.set(role, Some(choice.clone()));
        }
        let bundled = FontBook::global().map_err(bulletin::pdf::PdfError::from)?;
        let (book, errors) = all.apply(bundled);
        for (role, e) in errors {
            if given.get(role).is_some() {
                return Err(e.into());
            }
            note(format!(
                "注意：{}（已保存的字体选择）：{e}；本次改用内置字体。",
                role.label()
            ));
        }
        Ok(book)
    }

    /// As `book`, with the choice stored in the database at `db` (for `export` and `proof`).
    pub fn book_for_store(&self, store: &Store) -> Result<FontBook, CliError> {
        self.book(&stored_choices(store)?)
    }
}

/// The choice stored with the publication's settings.
pub fn stored_choices(store: &Store) -> Result<FontChoices, CliError> {
    Ok(FontChoices::from_setting(
        store.setting(bulletin::fonts::SETTING)?.as_deref(),
    ))
}

/// Notes, on standard error, each character a chosen face lacks and the face that prints it.
pub fn note_fallbacks(issue: &Issue, fonts: &FontBook) {
    for f in bulletin::coverage::fallbacks(issue, fonts) {
        note(format!("注意：{f}"));
    }
}

/// `bulletin fonts [--set ROLE=NAME|PATH]… [--reset ROLE|全部]…`.
pub fn fonts(db: Option<&Path>, set: &[String], reset: &[String]) -> Result<(), CliError> {
    let mut store = open_store(db)?;
    let mut choices = stored_choices(&store)?;
    if !set.is_empty() || !reset.is_empty() {
        for r in reset {
            if r == "全部" || r.eq_ignore_ascii_case("all") {
                choices = FontChoices::bundled();
                continue;
            }
            let role = FontRole::from_label(r.trim())
                .ok_or_else(|| FontError::BadAssignment { arg: r.to_string() })?;
            choices.set(role, None);
        }
        let mut given = FontChoices::bundled();
        for arg in set {
            given.assign(arg)?;
        }
        // A face is stored only once it opens and may be embedded.
        let bundled = FontBook::global().map_err(bulletin::pdf::PdfError::from)?;
        given.apply_strict(bundled)?;
        for (role, choice) in given.iter() {
            choices.set(role, Some(choice.clone()));
        }
        store.set_setting(bulletin::fonts::SETTING, choices.to_setting().as_deref())?;
        say("已保存字体选择。")?;
    }
    list(&choices)
}

/// Prints the roles with their choice, then every installed Chinese face.
fn list(choices: &FontChoices) -> Result<(), CliError> {
    let bundled = FontBook::global().map_err(bulletin::pdf::PdfError::from)?;
    let system = SystemFonts::global();
    let (book, errors) = choices.apply(bundled);
    let mut cells = vec![vec![
        "角色".to_string(),
        "当前字体".into(),
        "缺字时依次改用".into(),
        "已安装的公文字体".into(),
    ]];
    for role in FontRole::ALL {
        let current = match (book.installed(role), choices.get(role)) {
            (Some(f), _) => format!("{}（{}）", f.family, f.path.display()),
            (None, Some(c)) => format!(
                "内置 {}（所选「{}」不可用）",
                book.family(role.face()),
                c.label()
            ),
            (None, None) => format!("内置 {}", book.family(role.face())),
        };
        let fallback: Vec<String> = book.chain(role).skip(1).map(|f| book.family(f)).collect();
        let office: Vec<String> = system
            .for_role(role)
            .iter()
            .map(|f| f.families.first().cloned().unwrap_or_default())
            .collect();
        cells.push(vec![
            role.label().to_string(),
            current,
            fallback.join(" → "),
            if office.is_empty() {
                "（未安装）".to_string()
            } else {
                office.join("、")
            },
        ]);
    }
    out(&table::render(&cells))?;
    for (role, e) in errors {
        note(format!("注意：{}：{e}", role.label()));
    }
    let (faces, warnings) = system.chinese();
    say("")?;
    if faces.is_empty() {
        say("没有找到已安装的中文字体。")?;
    } else {
        say(format!("已安装的中文字体（{} 款）：", faces.len()))?;
        let mut cells = vec![vec![
            "字体".to_string(),
            "其他名称".into(),
            "格式".into(),
            "授权".into(),
            "文件".into(),
        ]];
        for f in &faces {
            let others: Vec<&str> = f
                .families
                .iter()
                .map(String::as_str)
                .filter(|n| *n != f.family)
                .take(3)
                .collect();
            let file = match f.index {
                0 => f.path.display().to_string(),
                n => format!("{}#{n}", f.path.display()),
            };
            cells.push(vec![
                f.family.clone(),
                others.join("、"),
                f.outlines.label().to_string(),
                f.embedding.label().to_string(),
                file,
            ]);
        }
        out(&table::render(&cells))?;
    }
    for w in warnings {
        note(format!("警告：{w}"));
    }
    Ok(())
}

fn out(text: &str) -> Result<(), CliError> {
    write!(std::io::stdout().lock(), "{text}").map_err(CliError::Stdout)
}
