//! Pagination: rows of type placed on the grid cells of successive pages, keeping headlines
//! and headings with what follows them (§4), and the decorations that depend on where rows land
//! (the 本期要目 frame on each page it spans).

use crate::fonts::FontRole;
use crate::page::{Element, Frame, Page, PlacedImage, Rgb, Rule, TextLine};
use crate::units::Pt;

use super::figure::Picture;
use super::grid;
use super::text::SetLine;

/// One line of type, positioned across the page, not yet on a grid cell.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// What it belongs to.
    pub element: Element,
    /// Its font role.
    pub role: FontRole,
    /// Its size.
    pub size: f32,
    /// Its colour.
    pub color: Rgb,
    /// How many grid cells it takes (§1).
    pub cells: u32,
    /// Its glyphs, x from the page's left edge.
    pub line: SetLine,
    /// The thickness of the frame drawn around it with its neighbours (the 本期要目 box), if any.
    pub frame: Option<f32>,
    /// The picture the row is, instead of type (its `line` is then empty), §11.
    pub picture: Option<Picture>,
}

impl Row {
    /// A row of `line`, already positioned across the page.
    pub(crate) fn new(element: Element, role: FontRole, size: f32, line: SetLine) -> Row {
        Row {
            element,
            role,
            size,
            color: Rgb::BLACK,
            cells: grid::cells_for(size),
            line,
            frame: None,
            picture: None,
        }
    }

    /// A row that is a picture, taking its grid lines (§11).
    pub(crate) fn picture(picture: Picture) -> Row {
        Row {
            element: Element::Caption,
            role: FontRole::Kai,
            size: grid::BODY_SIZE,
            color: Rgb::BLACK,
            cells: picture.cells,
            line: SetLine::default(),
            frame: None,
            picture: Some(picture),
        }
    }

    /// The row as a text line on grid cell `cell`.
    pub(crate) fn at(&self, cell: u32) -> TextLine {
        TextLine {
            element: self.element,
            role: self.role,
            size: Pt(self.size),
            color: self.color,
            baseline: Pt(grid::baseline(cell, self.cells, self.size)),
            glyphs: self.line.glyphs.clone(),
        }
    }
}

/// Rows that flow together, with their rules for page breaks.
#[derive(Debug, Clone, Default)]
pub(crate) struct Chunk {
    /// The rows in order.
    pub rows: Vec<Row>,
    /// Empty grid lines before the chunk, dropped at the top of a page (§4, §5).
    pub space_before: u32,
    /// Whether the rows stay on one page (a headline's lines).
    pub keep_together: bool,
    /// How many rows of what follows must share the page with the chunk's last row (§4: a
    /// headline keeps at least 2 body lines with it).
    pub keep_with_next: u32,
    /// A figure (§11): when it does not fit in what is left of the page it waits for the top of
    /// the next page while the text after it fills this one.
    pub float: bool,
}

impl Chunk {
    fn cells(&self) -> u32 {
        self.rows.iter().map(|r| r.cells).sum()
    }
}

#[derive(Debug, Default)]
struct PageBuild {
    lines: Vec<TextLine>,
    rules: Vec<Rule>,
    images: Vec<PlacedImage>,
    /// The grid cells a frame spans on this page: first, one past the last, thickness.
    frame: Option<(u32, u32, f32)>,
}

/// The pages being filled, and the next free grid cell on the last one.
#[derive(Debug)]
pub(crate) struct Pages {
    pages: Vec<PageBuild>,
    cell: u32,
    /// Figures waiting for the top of the next page, in order (§11).
    waiting: Vec<Chunk>,
}

impl Pages {
    /// One empty page.
    pub(crate) fn new() -> Pages {
        Pages {
            pages: vec![PageBuild::default()],
            cell: 0,
            waiting: Vec::new(),
        }
    }

    /// The next free grid cell on the current page.
    pub(crate) fn cell(&self) -> u32 {
        self.cell
    }

    /// Moves the next free cell down to `cell` (a new page when past the last).
    pub(crate) fn advance_to(&mut self, cell: u32) {
        if cell >= grid::LINES {
            self.new_page();
        } else {
            self.cell = self.cell.max(cell);
        }
    }

    /// Starts a new page; the figures waiting for it go to its top, in order, as many as fit (§11).
    pub(crate) fn new_page(&mut self) {
        self.pages.push(PageBuild::default());
        self.cell = 0;
        let waiting = std::mem::take(&mut self.waiting);
        for chunk in waiting {
            if self.waiting.is_empty()
                && (self.cell == 0 || self.cell + chunk.cells() <= grid::LINES)
            {
                for row in &chunk.rows {
                    self.place(row);
                }
            } else {
                self.waiting.push(chunk);
            }
        }
    }

    /// Places the figures still waiting, each at the top of a page of its own as needed (§11).
    pub(crate) fn place_waiting(&mut self) {
        while !self.waiting.is_empty() {
            self.new_page();
        }
    }

    /// Adds a rule to the current page.
    pub(crate) fn rule(&mut self, rule: Rule) {
        self.last().rules.push(rule);
    }

    fn last(&mut self) -> &mut PageBuild {
        self.pages.last_mut().expect("there is always a page")
    }

    /// Places `row` on the next free cell, on a new page if it does not fit.
    pub(crate) fn place(&mut self, row: &Row) {
        if self.cell + row.cells > grid::LINES && self.cell > 0 {
            self.new_page();
        }
        let cell = self.cell;
        let page = self.last();
        match &row.picture {
            Some(p) => page.images.push(p.at(cell)),
            None => page.lines.push(row.at(cell)),
        }
        if let Some(t) = row.frame {
            let end = cell + row.cells;
            page.frame = Some(match page.frame {
                Some((a, _, _)) => (a, end, t),
                None => (cell, end, t),
            });
        }
        self.cell = (cell + row.cells).min(grid::LINES);
    }

    /// Places `row` on grid cell `cell` of the current page, whatever is there.
    pub(crate) fn place_at(&mut self, row: &Row, cell: u32) {
        let page = self.last();
        match &row.picture {
            Some(p) => page.images.push(p.at(cell)),
            None => page.lines.push(row.at(cell)),
        }
        self.cell = self.cell.max(cell + row.cells);
    }

    /// Flows `chunks` from the next free cell.
    pub(crate) fn flow(&mut self, chunks: &[Chunk]) {
        for (i, chunk) in chunks.iter().enumerate() {
            let Some(first) = chunk.rows.first() else {
                continue;
            };
            // A new section (a headline, 简讯) does not start before the figures of the last one.
            if chunk.space_before > 0 && !self.waiting.is_empty() {
                self.place_waiting();
            }
            if chunk.float {
                let fits = self.cell == 0 || self.cell + chunk.cells() <= grid::LINES;
                if !self.waiting.is_empty() || !fits {
                    self.waiting.push(chunk.clone());
                    continue;
                }
            }
            let before = if self.cell == 0 {
                0
            } else {
                chunk.space_before
            };
            let own = if chunk.keep_together {
                chunk.cells()
            } else {
                first.cells
            };
            let need = before + own + following_cells(&chunks[i + 1..], chunk.keep_with_next);
            if self.cell > 0 && self.cell + need > grid::LINES {
                self.new_page();
            } else {
                self.advance_to(self.cell + before);
            }
            for row in &chunk.rows {
                self.place(row);
            }
        }
        self.place_waiting();
    }

    /// The finished pages, numbered by `number` (given the 1-based page number).
    pub(crate) fn finish(self, number: impl Fn(u32) -> TextLine) -> Vec<Page> {
        self.pages
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let n = i as u32 + 1;
                let mut lines = p.lines;
                lines.push(number(n));
                let frames = p
                    .frame
                    .map(|(a, b, t)| {
                        // Stroked inside the text block, so it is exactly as wide as the block.
                        Frame {
                            x: Pt(grid::LEFT + t / 2.0),
                            y: Pt(grid::cell_top(a) + t / 2.0),
                            width: Pt(grid::MEASURE - t),
                            height: Pt(grid::cell_top(b) - grid::cell_top(a) - t),
                            thickness: Pt(t),
                            color: Rgb::BLACK,
                        }
                    })
                    .into_iter()
                    .collect();
                Page {
                    number: n,
                    width: Pt(grid::PAGE_WIDTH),
                    height: Pt(grid::PAGE_HEIGHT),
                    lines,
                    rules: p.rules,
                    frames,
                    images: p.images,
                }
            })
            .collect()
    }
}

/// The cells the first `rows` rows of `chunks` take, within one section (a chunk with space
/// before it starts a new one).
fn following_cells(chunks: &[Chunk], rows: u32) -> u32 {
    let mut left = rows;
    let mut cells = 0;
    for c in chunks {
        if left == 0 || c.space_before > 0 {
            break;
        }
        // A figure that does not fit floats away; the text after it is what stays (§11).
        if c.float {
            continue;
        }
        for r in c.rows.iter().take(left as usize) {
            cells += r.cells;
            left -= 1;
        }
    }
    cells
}
