//! The East Asian font a DOCX names for each role: the office's face (docs/layout.md §9: 方正小标宋简体,
//! 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体) while the role keeps its bundled face, or exactly the
//! installed face the PDF embeds where one was chosen, so Word shows the same pages wherever
//! that face is installed.

use crate::fonts::{FontBook, FontRole};

/// The font named for each role, in `FontRole::ALL` order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontNames([Option<String>; FontRole::ALL.len()]);

impl FontNames {
    /// The office fonts for every role (the default).
    pub fn office() -> FontNames {
        FontNames(Default::default())
    }

    /// The faces `book` sets each role in: the installed family where one was chosen.
    pub fn of(book: &FontBook) -> FontNames {
        FontNames(FontRole::ALL.map(|r| book.installed(r).map(|f| f.family.clone())))
    }

    /// The name for `role`.
    pub fn get(&self, role: FontRole) -> &str {
        self.0[slot(role)].as_deref().unwrap_or(role.docx_name())
    }

    /// Whether `role` names the office font (which has well-known alternative names).
    pub fn is_office(&self, role: FontRole) -> bool {
        self.0[slot(role)].is_none()
    }
}

fn slot(role: FontRole) -> usize {
    FontRole::ALL
        .iter()
        .position(|&r| r == role)
        .expect("every role is in FontRole::ALL")
}
