//! Articles (docs/layout.md §4) and briefs (§5).

use docx_rs::{BreakType, Paragraph, Run};

use crate::images::ImageSet;
use crate::model::{Article, BlockKind, Brief};

use super::masthead::styled;
use super::styles;
use super::xml::clean_text;

/// An article: the headline as one centred paragraph whose lines are separated by line breaks
/// (the editor's breaks, §4), its blocks (a figure's picture from `images`, §11.4), and the
/// byline appended to the last paragraph.
pub fn article(a: &Article, images: &ImageSet) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let lines: Vec<String> = a
        .headline
        .iter()
        .map(|l| clean_text(l.trim()))
        .filter(|l| !l.is_empty())
        .collect();
    if !lines.is_empty() {
        let mut run = Run::new();
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            run = run.add_text(line);
        }
        out.push(Paragraph::new().style(styles::HEADLINE.0).add_run(run));
    }
    let blocks: Vec<_> = a
        .blocks
        .iter()
        .filter(|b| b.figure.is_some() || !b.text.trim().is_empty())
        .collect();
    for (i, b) in blocks.iter().enumerate() {
        if let Some(f) = &b.figure {
            out.extend(super::figure::figure(f, &b.text, images));
            continue;
        }
        let style = match b.kind {
            BlockKind::Paragraph => styles::BODY,
            BlockKind::Heading1 => styles::LEVEL1,
            BlockKind::Heading2 => styles::LEVEL2,
            BlockKind::Figure => styles::CAPTION,
        };
        let mut p = styled(style, b.text.trim());
        let last = i + 1 == blocks.len();
        if last && b.kind == BlockKind::Paragraph {
            if let Some(by) = a.byline_label() {
                p = p.add_run(Run::new().style(styles::BYLINE.0).add_text(clean_text(&by)));
            }
        }
        out.push(p);
    }
    // No closing paragraph to carry the byline (no blocks, or a heading last): a paragraph of its own.
    if blocks.last().is_none_or(|b| b.kind != BlockKind::Paragraph) {
        if let Some(by) = a.byline_label() {
            out.push(
                Paragraph::new()
                    .style(styles::BODY.0)
                    .add_run(Run::new().style(styles::BYLINE.0).add_text(clean_text(&by))),
            );
        }
    }
    out
}

/// The 「简讯」 heading and one paragraph per brief; nothing when there are none.
pub fn briefs(briefs: &[Brief]) -> Vec<Paragraph> {
    let texts: Vec<String> = briefs
        .iter()
        .map(Brief::paragraph_text)
        .filter(|t| !t.trim().is_empty())
        .collect();
    if texts.is_empty() {
        return Vec::new();
    }
    let mut out = vec![styled(styles::BRIEFS_HEADING, "简讯")];
    out.extend(texts.iter().map(|t| styled(styles::BRIEF, t.trim())));
    out
}
