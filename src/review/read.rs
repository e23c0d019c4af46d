//! Reading the reviewers' marks out of a commented proof PDF with lopdf: the markup annotations
//! every common reader writes (Acrobat, Foxit, WPS, Edge, Okular), with their replies and the
//! 「替换文字」 groups, in page coordinates from the top-left corner (as `crate::page` has them).

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::{Area, Mark, MarkKind, Reply, ReviewError};
use crate::proof::ProofIdentity;

/// What a commented PDF holds: the proof it says it is, and its marks in page order.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkedPdf {
    /// The identity recorded by `crate::pdf` when it wrote the proof, if any.
    pub identity: Option<ProofIdentity>,
    /// The document title (Info /Title), e.g. 「温州科协信息 2020年第4期（总第245期）」.
    pub title: Option<String>,
    /// The first element of the trailer /ID (kept by readers when they save).
    pub first_id: Option<Vec<u8>>,
    /// How many pages the PDF has.
    pub pages: u32,
    /// The marks, page by page, in the order the pages list them.
    pub marks: Vec<Mark>,
}

/// One annotation as found, before replies and groups are joined.
struct Raw {
    id: Option<ObjectId>,
    kind: Option<MarkKind>,
    page: u32,
    irt: Option<ObjectId>,
    group: bool,
    state: bool,
    author: String,
    date: Option<String>,
    text: String,
    areas: Vec<Area>,
}

/// Reads `bytes` as a PDF and collects its markup annotations.
pub fn marks(bytes: &[u8]) -> Result<MarkedPdf, ReviewError> {
    let doc = Document::load_mem(bytes).map_err(|e| ReviewError::Damaged(e.to_string()))?;
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(ReviewError::Damaged("没有页面".into()));
    }
    let mut raws = Vec::new();
    for (&number, &page_id) in &pages {
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        let media = media_box(&doc, page);
        let Some(annots) = page
            .get(b"Annots")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_array().ok())
        else {
            continue;
        };
        for a in annots {
            let Ok((id, Object::Dictionary(dict))) = doc.dereference(a) else {
                continue;
            };
            raws.push(raw(&doc, id, dict, number, media));
        }
    }
    Ok(MarkedPdf {
        identity: crate::pdf::proof_identity(&doc),
        title: title(&doc),
        first_id: doc
            .trailer
            .get(b"ID")
            .ok()
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| o.as_str().ok())
            .map(<[u8]>::to_vec),
        pages: pages.len() as u32,
        marks: join(raws),
    })
}

fn title(doc: &Document) -> Option<String> {
    let (_, info) = doc.dereference(doc.trailer.get(b"Info").ok()?).ok()?;
    let (_, t) = doc
        .dereference(info.as_dict().ok()?.get(b"Title").ok()?)
        .ok()?;
    lopdf::decode_text_string(t).ok()
}

/// The page's MediaBox (inherited from the page tree), else A4.
fn media_box(doc: &Document, page: &Dictionary) -> [f32; 4] {
    let mut dict = page;
    for _ in 0..32 {
        if let Some(b) = dict
            .get(b"MediaBox")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| numbers(o))
            .filter(|b| b.len() == 4)
        {
            return [
                b[0].min(b[2]),
                b[1].min(b[3]),
                b[0].max(b[2]),
                b[1].max(b[3]),
            ];
        }
        match dict
            .get(b"Parent")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
        {
            Some((_, Object::Dictionary(parent))) => dict = parent,
            _ => break,
        }
    }
    [0.0, 0.0, 595.276, 841.89]
}

fn numbers(o: &Object) -> Option<Vec<f32>> {
    o.as_array()
        .ok()?
        .iter()
        .map(|n| n.as_float().ok())
        .collect()
}

fn kind_of(subtype: &[u8]) -> Option<MarkKind> {
    Some(match subtype {
        b"Text" => MarkKind::Note,
        b"FreeText" => MarkKind::FreeText,
        b"Highlight" => MarkKind::Highlight,
        b"Underline" => MarkKind::Underline,
        b"StrikeOut" => MarkKind::StrikeOut,
        b"Squiggly" => MarkKind::Squiggly,
        b"Caret" => MarkKind::Caret,
        b"Ink" => MarkKind::Ink,
        b"Square" => MarkKind::Square,
        b"Circle" => MarkKind::Circle,
        _ => return None,
    })
}

fn raw(doc: &Document, id: Option<ObjectId>, d: &Dictionary, page: u32, media: [f32; 4]) -> Raw {
    let get = |key: &[u8]| d.get(key).ok().and_then(|o| doc.dereference(o).ok());
    let text_of = |key: &[u8]| -> Option<String> {
        let (_, o) = get(key)?;
        match o {
            Object::Stream(s) => {
                let bytes = s
                    .decompressed_content()
                    .unwrap_or_else(|_| s.content.clone());
                Some(String::from_utf8_lossy(&bytes).into_owned())
            }
            o => lopdf::decode_text_string(o).ok(),
        }
    };
    let kind = get(b"Subtype")
        .and_then(|(_, o)| o.as_name().ok())
        .and_then(kind_of);
    let contents = text_of(b"Contents").unwrap_or_default();
    let text = if contents.trim().is_empty() {
        text_of(b"RC").map(|rc| plain_text(&rc)).unwrap_or_default()
    } else {
        contents
    };
    // Page space (y up, origin at the MediaBox corner) to the layout's (y down from the top).
    let to_area = |xs: &[f32], ys: &[f32]| Area {
        x0: xs.iter().copied().fold(f32::MAX, f32::min) - media[0],
        x1: xs.iter().copied().fold(f32::MIN, f32::max) - media[0],
        y0: media[3] - ys.iter().copied().fold(f32::MIN, f32::max),
        y1: media[3] - ys.iter().copied().fold(f32::MAX, f32::min),
    };
    let quads: Vec<Area> = get(b"QuadPoints")
        .and_then(|(_, o)| numbers(o))
        .map(|q| {
            q.chunks_exact(8)
                .map(|c| to_area(&[c[0], c[2], c[4], c[6]], &[c[1], c[3], c[5], c[7]]))
                .collect()
        })
        .unwrap_or_default();
    // A drawing's strokes, not its /Rect (which has room for the line width around them).
    let ink: Vec<f32> = get(b"InkList")
        .and_then(|(_, o)| o.as_array().ok())
        .map(|paths| {
            paths
                .iter()
                .filter_map(|p| doc.dereference(p).ok().and_then(|(_, p)| numbers(p)))
                .flatten()
                .collect()
        })
        .unwrap_or_default();
    let rect = || -> Option<Area> {
        let r = get(b"Rect")
            .and_then(|(_, o)| numbers(o))
            .filter(|r| r.len() == 4)?;
        let (mut x0, mut y0) = (r[0].min(r[2]), r[1].min(r[3]));
        let (mut x1, mut y1) = (r[0].max(r[2]), r[1].max(r[3]));
        // /RD: how far a square's or circle's drawn shape lies inside its /Rect.
        if let Some(rd) = get(b"RD")
            .and_then(|(_, o)| numbers(o))
            .filter(|d| d.len() == 4)
        {
            if rd[0] + rd[2] < x1 - x0 && rd[1] + rd[3] < y1 - y0 {
                (x0, y1, x1, y0) = (x0 + rd[0], y1 - rd[1], x1 - rd[2], y0 + rd[3]);
            }
        }
        Some(to_area(&[x0, x1], &[y0, y1]))
    };
    // A callout's line (/CL) starts at the text the typed remark is about (only a callout's:
    // some writers give every text box a /CL of zeros).
    let is_callout = get(b"IT")
        .and_then(|(_, o)| o.as_name().ok())
        .is_some_and(|n| n == b"FreeTextCallout");
    let callout = get(b"CL")
        .and_then(|(_, o)| numbers(o))
        .filter(|cl| cl.len() >= 4 && is_callout);
    let areas = if let Some(cl) = callout {
        vec![to_area(&[cl[0]], &[cl[1]])]
    } else if !quads.is_empty() {
        quads
    } else if ink.len() >= 2 {
        let xs: Vec<f32> = ink.iter().step_by(2).copied().collect();
        let ys: Vec<f32> = ink.iter().skip(1).step_by(2).copied().collect();
        vec![to_area(&xs, &ys)]
    } else {
        rect().into_iter().collect()
    };
    Raw {
        id,
        kind,
        page,
        irt: d.get(b"IRT").ok().and_then(|o| o.as_reference().ok()),
        group: get(b"RT")
            .and_then(|(_, o)| o.as_name().ok())
            .is_some_and(|n| n == b"Group"),
        state: d.has(b"State"),
        author: text_of(b"T").unwrap_or_default().trim().to_string(),
        date: text_of(b"M").as_deref().and_then(pdf_date),
        text: text.trim().to_string(),
        areas,
    }
}

/// Joins replies (/IRT) to the mark they answer and 「替换文字」 groups (/RT /Group) into one mark.
fn join(raws: Vec<Raw>) -> Vec<Mark> {
    let index: HashMap<ObjectId, usize> = raws
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.id.map(|id| (id, i)))
        .collect();
    // The root every annotation hangs from, following /IRT chains (guarded against loops).
    let root = |mut i: usize| -> usize {
        for _ in 0..raws.len() {
            match raws[i].irt.and_then(|p| index.get(&p)) {
                Some(&p) if p != i => i = p,
                _ => break,
            }
        }
        i
    };
    let mut marks: Vec<Option<Mark>> = Vec::with_capacity(raws.len());
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); raws.len()];
    let mut replies: Vec<Vec<usize>> = vec![Vec::new(); raws.len()];
    for (i, r) in raws.iter().enumerate() {
        let top = root(i);
        if top != i {
            if r.group {
                members[top].push(i);
            } else if !r.state {
                replies[top].push(i);
            }
        }
    }
    for (i, r) in raws.iter().enumerate() {
        let Some(kind) = r.kind.filter(|_| root(i) == i) else {
            marks.push(None);
            continue;
        };
        let group: Vec<&Raw> = std::iter::once(r)
            .chain(members[i].iter().map(|&m| &raws[m]))
            .collect();
        let has = |k: MarkKind| group.iter().any(|g| g.kind == Some(k));
        let mut mark = Mark {
            kind,
            page: r.page,
            author: r.author.clone(),
            date: r.date.clone(),
            text: r.text.clone(),
            areas: r.areas.clone(),
            replacement: None,
            replies: Vec::new(),
        };
        if has(MarkKind::StrikeOut) && has(MarkKind::Caret) {
            // The primary's comment is the group's; the struck text is what it replaces.
            let text = group
                .iter()
                .map(|g| g.text.as_str())
                .find(|t| !t.is_empty())
                .unwrap_or_default()
                .to_string();
            mark.kind = MarkKind::Replace;
            mark.areas = group
                .iter()
                .filter(|g| g.kind == Some(MarkKind::StrikeOut))
                .flat_map(|g| g.areas.iter().copied())
                .collect();
            mark.replacement = Some(text.clone());
            mark.text = text;
            if mark.author.is_empty() {
                mark.author = group
                    .iter()
                    .map(|g| g.author.clone())
                    .find(|a| !a.is_empty())
                    .unwrap_or_default();
            }
        }
        mark.replies = replies[i]
            .iter()
            .map(|&k| &raws[k])
            .filter(|k| !k.text.is_empty())
            .map(|k| Reply {
                author: k.author.clone(),
                date: k.date.clone(),
                text: k.text.clone(),
            })
            .collect();
        marks.push(Some(mark));
    }
    marks.into_iter().flatten().collect()
}

/// A PDF date 「D:20200428153000+08'00'」 as 「2020-04-28 15:30」; `None` if it is not one.
pub fn pdf_date(s: &str) -> Option<String> {
    let s = s.trim();
    let digits: String = s
        .strip_prefix("D:")
        .unwrap_or(s)
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.len() < 8 {
        return None;
    }
    let part = |a: usize, b: usize, default: &'static str| digits.get(a..b).unwrap_or(default);
    Some(format!(
        "{}-{}-{} {}:{}",
        &digits[0..4],
        &digits[4..6],
        &digits[6..8],
        part(8, 10, "00"),
        part(10, 12, "00")
    ))
}

/// The plain text of a rich-text comment (/RC, XHTML): tags dropped, paragraphs and line breaks
/// kept as line breaks, character references decoded.
pub fn plain_text(rich: &str) -> String {
    let mut out = String::with_capacity(rich.len());
    let mut rest = rich;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        let Some(gt) = rest[lt..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[lt + 1..lt + gt].trim().to_ascii_lowercase();
        let name = tag.trim_start_matches('/');
        let name = name.split([' ', '/']).next().unwrap_or_default();
        if (tag.starts_with('/') && name == "p") || name == "br" {
            out.push('\n');
        }
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(&decode_entities(rest));
    let lines: Vec<&str> = out
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after.find(';').filter(|&n| n <= 10).and_then(|semi| {
            let name = &after[..semi];
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            ch.map(|c| (c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rich_text_becomes_plain_lines() {
        let rc = "<?xml version=\"1.0\"?><body xmlns=\"http://www.w3.org/1999/xhtml\"><p dir=\"ltr\">改为<span style=\"font-weight:bold\">“部署”</span></p><p>R&amp;D &#x4E00;&#20108;</p></body>";
        assert_eq!(plain_text(rc), "改为“部署”\nR&D 一二");
    }

    #[test]
    fn pdf_dates_read_as_minutes() {
        assert_eq!(
            pdf_date("D:20200428153012+08'00'").as_deref(),
            Some("2020-04-28 15:30")
        );
        assert_eq!(pdf_date("D:20200428").as_deref(), Some("2020-04-28 00:00"));
        assert_eq!(pdf_date("yesterday"), None);
    }
}
