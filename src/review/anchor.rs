//! Anchoring marks to the text: the stored round laid out again gives every glyph of every proof
//! page; each glyph is traced back to the field it came from (article, brief, masthead…) and its
//! character there, and a mark's areas pick the glyphs under them.

use serde::{Deserialize, Serialize};

use super::{Area, Mark, MarkKind};
use crate::fonts::FontBook;
use crate::layout::faces::Faces;
use crate::layout::text::is_invisible;
use crate::lint::Place;
use crate::model::{BlockKind, Issue};
use crate::page::{Document, Element};

/// One stretch of a field's text that a mark covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// The editable field, if the text is one (a masthead date or the 版记 is shown, not edited here).
    pub place: Option<Place>,
    /// Where in words: 「第1篇文章 第2段」.
    pub part: String,
    /// First character (offsets in characters of the field's text, as `lint::texts` gives it).
    pub start: usize,
    /// One past the last character; equal to `start` for an insertion point.
    pub end: usize,
    /// The field's text from `start` to `end`.
    pub text: String,
}

/// Where a mark sits in the text: one span per field it touches, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The spans.
    pub spans: Vec<Span>,
    /// Whether the mark is beside the text (in the margin) and was given the nearest line.
    pub nearest_line: bool,
}

impl Anchor {
    /// The quoted text: the spans' text, joined.
    pub fn quote(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    /// Where in words: the first span's part (and 「等」 when there are more).
    pub fn part(&self) -> String {
        match self.spans.as_slice() {
            [] => String::new(),
            [one] => one.part.clone(),
            [first, ..] => format!("{}等", first.part),
        }
    }
}

/// A field whose characters were printed.
#[derive(Debug, Clone)]
struct Part {
    place: Option<Place>,
    label: String,
    text: Vec<char>,
}

/// One glyph of a proof page with its box and, if known, the character it prints.
#[derive(Debug, Clone, Copy)]
struct Placed {
    cx: f32,
    cy: f32,
    source: Option<(usize, usize)>,
}

/// One text line of a page, with its vertical band.
#[derive(Debug, Clone)]
struct LineBand {
    top: f32,
    bottom: f32,
    glyphs: std::ops::Range<usize>,
}

/// The laid-out round, every glyph traced to its source.
pub struct TextMap {
    parts: Vec<Part>,
    /// Per page: its glyphs in reading order, and its lines.
    pages: Vec<(Vec<Placed>, Vec<LineBand>)>,
}

/// The characters each element's lines print, in order, each with its source (part, offset);
/// `None` for what the layout adds (the 「，」 after a brief's date, the TOC bullet).
type Stream = Vec<(char, Option<(usize, usize)>)>;

impl TextMap {
    /// Traces every glyph of `doc` (the layout of `issue`) to the field and character it prints.
    pub fn new(issue: &Issue, doc: &Document, bullet: char, fonts: &FontBook) -> TextMap {
        let faces = Faces::new(fonts);
        let mut parts = Vec::new();
        let streams = streams(issue, bullet, &mut parts);
        let mut cursor: std::collections::HashMap<Element, usize> = Default::default();
        let mut pages = Vec::with_capacity(doc.pages.len());
        for page in &doc.pages {
            let mut placed = Vec::new();
            let mut bands = Vec::new();
            for line in &page.lines {
                if matches!(line.element, Element::PageNumber | Element::Stamp) {
                    continue;
                }
                let stream = streams.iter().find(|(e, _)| *e == line.element);
                let size = line.size.0;
                let first = placed.len();
                for (k, g) in line.glyphs.iter().enumerate() {
                    // A glyph's box: its advance (what the reader's text boxes use), never past
                    // the next glyph.
                    let advance = (faces.advance_em(g.face, g.ch) * size).max(1.0);
                    let next = line.glyphs.get(k + 1).map_or(f32::MAX, |n| n.x.0);
                    let x1 = (g.x.0 + advance).min(next).max(g.x.0 + 1.0);
                    let source = stream.and_then(|(e, s)| {
                        let p = cursor.entry(*e).or_default();
                        align(s, p, g.ch)
                    });
                    placed.push(Placed {
                        cx: (g.x.0 + x1) / 2.0,
                        cy: line.baseline.0 - 0.38 * size,
                        source,
                    });
                }
                bands.push(LineBand {
                    top: line.baseline.0 - 0.88 * size,
                    bottom: line.baseline.0 + 0.12 * size,
                    glyphs: first..placed.len(),
                });
            }
            pages.push((placed, bands));
        }
        TextMap { parts, pages }
    }

    /// Where `mark` sits, or `None` when its page has no text it could belong to.
    pub fn anchor(&self, mark: &Mark) -> Option<Anchor> {
        let (glyphs, bands) = self.pages.get(mark.page.checked_sub(1)? as usize)?;
        let mapped = |i: &usize| glyphs[*i].source.is_some();
        match mark.kind {
            MarkKind::Caret => {
                let area = mark.areas.first()?;
                let (cx, cy) = area.centre();
                let band = nearest_band(bands, glyphs, cy)?;
                let on: Vec<usize> = bands[band].glyphs.clone().filter(mapped).collect();
                // Before the first glyph whose centre is right of the caret, else after the last.
                let point = match on.iter().find(|&&i| glyphs[i].cx > cx) {
                    Some(&i) => glyphs[i].source?,
                    None => {
                        let (p, o) = glyphs[*on.last()?].source?;
                        (p, o + 1)
                    }
                };
                Some(Anchor {
                    spans: vec![self.span(point.0, point.1, point.1)],
                    nearest_line: false,
                })
            }
            MarkKind::Note => {
                let area = mark.areas.first()?;
                let band = nearest_band(bands, glyphs, area.y0 + 4.0)?;
                self.of_glyphs(glyphs, bands[band].glyphs.clone().filter(mapped), true)
            }
            _ => {
                let under: Vec<usize> = (0..glyphs.len())
                    .filter(|&i| glyphs[i].source.is_some())
                    .filter(|&i| {
                        mark.areas
                            .iter()
                            .any(|a| a.holds(glyphs[i].cx, glyphs[i].cy))
                    })
                    .collect();
                if !under.is_empty() {
                    return self.of_glyphs(glyphs, under.into_iter(), false);
                }
                let (_, cy) = mark.areas.first()?.centre();
                let band = nearest_band(bands, glyphs, cy)?;
                self.of_glyphs(glyphs, bands[band].glyphs.clone().filter(mapped), true)
            }
        }
    }

    fn span(&self, part: usize, start: usize, end: usize) -> Span {
        let p = &self.parts[part];
        let end = end.min(p.text.len());
        let start = start.min(end);
        Span {
            place: p.place,
            part: p.label.clone(),
            start,
            end,
            text: p.text[start..end].iter().collect(),
        }
    }

    /// The spans of the glyphs `chosen` (indices in reading order): one per field, from its
    /// first to its last character covered (what lies between, spaces or a line break, included).
    fn of_glyphs(
        &self,
        glyphs: &[Placed],
        chosen: impl Iterator<Item = usize>,
        nearest_line: bool,
    ) -> Option<Anchor> {
        let mut ranges: Vec<(usize, usize, usize)> = Vec::new();
        for i in chosen {
            let Some((part, offset)) = glyphs[i].source else {
                continue;
            };
            match ranges.iter_mut().find(|r| r.0 == part) {
                Some(r) => {
                    r.1 = r.1.min(offset);
                    r.2 = r.2.max(offset + 1);
                }
                None => ranges.push((part, offset, offset + 1)),
            }
        }
        if ranges.is_empty() {
            return None;
        }
        ranges.sort();
        Some(Anchor {
            spans: ranges
                .into_iter()
                .map(|(p, a, b)| self.span(p, a, b))
                .collect(),
            nearest_line,
        })
    }

    /// Whether the text of `a` continues in `b` (the next page): the same field, `b` starting
    /// where `a` ends (or after only spaces). A mark over a page break is two annotations.
    pub fn continues(&self, a: &Anchor, b: &Anchor) -> bool {
        let (Some(last), Some(first)) = (a.spans.last(), b.spans.first()) else {
            return false;
        };
        if last.place != first.place || last.part != first.part || first.start < last.end {
            return false;
        }
        let Some(part) = self
            .parts
            .iter()
            .find(|p| p.place == last.place && p.label == last.part)
        else {
            return false;
        };
        part.text[last.end..first.start.min(part.text.len())]
            .iter()
            .all(|c| skippable(*c))
    }

    /// `a` followed by `b` over a page break: one anchor.
    pub fn joined(&self, a: &Anchor, b: &Anchor) -> Anchor {
        let mut spans = a.spans.clone();
        let last = spans.pop().expect("continues() checked");
        let first = &b.spans[0];
        let part = self
            .parts
            .iter()
            .position(|p| p.place == last.place && p.label == last.part)
            .expect("continues() checked");
        spans.push(self.span(part, last.start, first.end));
        spans.extend(b.spans[1..].iter().cloned());
        Anchor {
            spans,
            nearest_line: false,
        }
    }
}

impl Area {
    fn centre(&self) -> (f32, f32) {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }

    /// Whether the point is inside, with half a point to spare for rounding in the writer.
    fn holds(&self, x: f32, y: f32) -> bool {
        const SLACK: f32 = 0.5;
        x >= self.x0 - SLACK && x <= self.x1 + SLACK && y >= self.y0 - SLACK && y <= self.y1 + SLACK
    }
}

/// The line of text whose band is nearest to height `y` (lines without traced glyphs skipped).
fn nearest_band(bands: &[LineBand], glyphs: &[Placed], y: f32) -> Option<usize> {
    bands
        .iter()
        .enumerate()
        .filter(|(_, b)| b.glyphs.clone().any(|i| glyphs[i].source.is_some()))
        .map(|(i, b)| {
            let d = if y < b.top {
                b.top - y
            } else if y > b.bottom {
                y - b.bottom
            } else {
                0.0
            };
            (i, d)
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// What the layout may leave out of a field's text: spaces (at a line's end, around a trimmed
/// field) and invisible characters.
fn skippable(c: char) -> bool {
    (c.is_whitespace() && c != '\u{3000}') || is_invisible(c)
}

/// The source of glyph `ch` in `stream` from `*p`: spaces and invisible characters the layout
/// dropped are passed over; a glyph the stream does not have next (a joining space in a headline)
/// has none, and the stream is left where it was.
fn align(stream: &Stream, p: &mut usize, ch: char) -> Option<(usize, usize)> {
    let norm = |c: char| {
        if skippable(c) && !is_invisible(c) {
            ' '
        } else {
            c
        }
    };
    let mut q = *p;
    while q < stream.len() {
        let c = stream[q].0;
        if norm(c) == ch {
            *p = q + 1;
            return stream[q].1;
        }
        if !skippable(c) {
            return None;
        }
        q += 1;
    }
    None
}

/// Each element's stream, in the order layout sets the issue.
fn streams(issue: &Issue, bullet: char, parts: &mut Vec<Part>) -> Vec<(Element, Stream)> {
    let mut out: Vec<(Element, Stream)> = Vec::new();
    let mut push = |element: Element, place: Option<Place>, label: String, text: &str| {
        let part = parts.len();
        let chars: Vec<char> = text.chars().collect();
        let entry = match out.iter().position(|(e, _)| *e == element) {
            Some(i) => &mut out[i].1,
            None => {
                out.push((element, Vec::new()));
                &mut out.last_mut().expect("just pushed").1
            }
        };
        if place.is_none() && label.is_empty() {
            // What layout adds: printed, but no field's.
            entry.extend(chars.iter().map(|&c| (c, None)));
            return;
        }
        entry.extend(chars.iter().enumerate().map(|(k, &c)| (c, Some((part, k)))));
        parts.push(Part {
            place,
            label,
            text: chars,
        });
    };
    let m = &issue.masthead;
    let label = |p: Place| p.label();
    push(
        Element::MastheadName,
        Some(Place::MastheadName),
        label(Place::MastheadName),
        &m.name,
    );
    push(
        Element::MastheadNumber,
        Some(Place::MastheadNumbers),
        label(Place::MastheadNumbers),
        &format!("{}{}", m.number_label(), m.total_label()),
    );
    push(
        Element::MastheadEditorDate,
        Some(Place::MastheadEditor),
        label(Place::MastheadEditor),
        &m.editor,
    );
    push(
        Element::MastheadEditorDate,
        None,
        "报头 日期".into(),
        &m.date_label(),
    );
    for (a, art) in issue.articles.iter().enumerate() {
        if art.toc_entry().trim().is_empty() {
            continue;
        }
        push(Element::TocEntry, None, String::new(), &bullet.to_string());
        match &art.toc_text {
            Some(t) if !t.trim().is_empty() => {
                let p = Place::TocText { article: a };
                push(
                    Element::TocEntry,
                    Some(p),
                    format!("本期要目 第{}条", a + 1),
                    t,
                );
            }
            _ => {
                for (l, line) in art.headline.iter().enumerate() {
                    let p = Place::Headline {
                        article: a,
                        line: l,
                    };
                    push(
                        Element::TocEntry,
                        Some(p),
                        format!("本期要目 第{}条", a + 1),
                        line,
                    );
                }
            }
        }
    }
    for (a, art) in issue.articles.iter().enumerate() {
        for (l, line) in art.headline.iter().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let p = Place::Headline {
                article: a,
                line: l,
            };
            push(Element::Headline, Some(p), label(p), line);
        }
        for (b, block) in art.blocks.iter().enumerate() {
            if block.text.trim().is_empty() {
                continue;
            }
            let element = match block.kind {
                BlockKind::Paragraph => Element::Body,
                BlockKind::Heading1 => Element::Heading1,
                BlockKind::Heading2 => Element::Heading2,
                BlockKind::Figure => Element::Caption,
            };
            let p = Place::Block {
                article: a,
                block: b,
            };
            push(element, Some(p), label(p), &block.text);
        }
        // Appended to the last paragraph or a paragraph of its own: the next body text either way.
        if let Some(b) = art.byline.as_deref().filter(|b| !b.trim().is_empty()) {
            let p = Place::Byline { article: a };
            push(Element::Body, Some(p), label(p), &art.byline_parens.wrap(b));
        }
    }
    for (b, brief) in issue.briefs.iter().enumerate() {
        if brief.paragraph_text().trim().is_empty() {
            continue;
        }
        let p = Place::BriefDate { brief: b };
        push(Element::Brief, Some(p), label(p), &brief.date_text);
        let lead = brief.lead();
        if lead.len() > brief.date_text.trim().len() {
            push(
                Element::Brief,
                None,
                String::new(),
                &lead[brief.date_text.trim().len()..],
            );
        }
        let p = Place::BriefText { brief: b };
        push(Element::Brief, Some(p), label(p), &brief.text);
        if let Some(s) = brief.source.as_deref().filter(|s| !s.trim().is_empty()) {
            let p = Place::BriefSource { brief: b };
            push(
                Element::Brief,
                Some(p),
                label(p),
                &brief.source_parens.wrap(s),
            );
        }
    }
    for (l, text) in issue.closing.rows() {
        push(
            Element::Closing,
            None,
            "版记".into(),
            &format!("{l}：{text}"),
        );
    }
    out
}
