//! Page numbers 「— 1 —」 (docs/layout.md §7) as PAGE fields: the default (odd-page) footer at the
//! right, the even-page footer at the left, each 1 character in.

use docx_rs::{AlignmentType, FieldCharType, Footer, InstrPAGE, InstrText, Paragraph, Run};

use super::geometry::CHAR_PITCH;
use super::styles;

fn page_number(p: Paragraph) -> Footer {
    // One run per field part, as Word writes them; 「1」 is the cached result until updated.
    Footer::new().add_paragraph(
        p.style(styles::PAGE_NUMBER.0)
            .add_run(Run::new().add_text("— "))
            .add_run(Run::new().add_field_char(FieldCharType::Begin, false))
            .add_run(Run::new().add_instr_text(InstrText::PAGE(InstrPAGE::new())))
            .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
            .add_run(Run::new().add_text("1"))
            .add_run(Run::new().add_field_char(FieldCharType::End, false))
            .add_run(Run::new().add_text(" —")),
    )
}

/// The footer of odd pages (Word's default footer): right, 1 character in.
pub fn odd() -> Footer {
    page_number(Paragraph::new().align(AlignmentType::Right).indent(
        Some(0),
        None,
        Some(CHAR_PITCH),
        None,
    ))
}

/// The footer of even pages: left, 1 character in.
pub fn even() -> Footer {
    page_number(Paragraph::new().align(AlignmentType::Left).indent(
        Some(CHAR_PITCH),
        None,
        Some(0),
        None,
    ))
}
