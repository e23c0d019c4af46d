//! The SVG preview backend: well-formed, escaped, and in agreement with the PDF that the same
//! `page::Document` gives (read back with poppler).

mod pdf_fixture;

use std::collections::{BTreeSet, HashMap};
use std::process::Command;

use bulletin::fonts::{FontBook, FontRole};
use bulletin::page::{Element, Rgb};
use bulletin::{pdf, svg};
use pdf_fixture::*;

fn fonts() -> &'static FontBook {
    FontBook::global().expect("fonts in assets/fonts (scripts/fetch-fonts.sh)")
}

#[derive(Debug, Default)]
struct Elem {
    name: String,
    attrs: HashMap<String, String>,
    text: String,
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every element of the SVG, in document order; panics if it is not well-formed XML.
fn parse(svg: &str) -> Vec<Elem> {
    use xmlparser::{ElementEnd, Token};
    let mut out: Vec<Elem> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for t in xmlparser::Tokenizer::from(svg) {
        match t.unwrap_or_else(|e| panic!("malformed SVG: {e}")) {
            Token::ElementStart { local, .. } => {
                out.push(Elem {
                    name: local.to_string(),
                    ..Default::default()
                });
                open.push(out.len() - 1);
            }
            Token::Attribute {
                prefix,
                local,
                value,
                ..
            } => {
                let key = if prefix.is_empty() {
                    local.to_string()
                } else {
                    format!("{prefix}:{local}")
                };
                out.last_mut().unwrap().attrs.insert(key, unescape(&value));
            }
            Token::ElementEnd {
                end: ElementEnd::Empty,
                ..
            } => {
                open.pop();
            }
            Token::ElementEnd {
                end: ElementEnd::Close(_, local),
                ..
            } => {
                let i = open.pop().expect("balanced");
                assert_eq!(out[i].name, local.as_str());
            }
            Token::Text { text } => {
                if let Some(&i) = open.last() {
                    out[i].text.push_str(&unescape(&text));
                }
            }
            _ => {}
        }
    }
    assert!(open.is_empty(), "unclosed elements");
    out
}

fn f32s(s: &str) -> Vec<f32> {
    s.split([' ', '(', ')', ','])
        .filter(|t| !t.is_empty())
        .filter_map(|t| t.parse().ok())
        .collect()
}

#[test]
fn a_headline_full_of_markup_is_shown_as_text_and_never_becomes_markup() {
    let f = fonts();
    let mut doc = document(f);
    let evil = r#"<img src=x onerror=alert(1)>"</text><script>alert(2)</script>"#;
    let hl = doc.pages[0]
        .lines
        .iter_mut()
        .find(|l| l.element == Element::Headline)
        .unwrap();
    hl.glyphs = glyphs(f, FontRole::XiaoBiaoSong, 22.0, LEFT, 0.0, evil);
    let out = svg::render_page(&doc.pages[0], f);
    let elems = parse(&out);
    let allowed: BTreeSet<&str> =
        ["svg", "rect", "defs", "path", "line", "g", "use", "text"].into();
    for e in &elems {
        assert!(
            allowed.contains(e.name.as_str()),
            "unexpected element <{}>",
            e.name
        );
        assert!(
            !e.attrs.keys().any(|k| k.starts_with("on")),
            "event handler on <{}>",
            e.name
        );
    }
    assert!(
        elems.iter().any(|e| e.name == "text" && e.text == evil),
        "headline text not literal"
    );
    assert!(!out.contains("<img") && !out.contains("<script"));
}

#[test]
fn page_is_a4_in_points_with_red_rule_and_each_glyph_defined_once() {
    let f = fonts();
    let doc = document(f);
    let page = &doc.pages[0];
    let elems = parse(&svg::render_page(page, f));
    let root = &elems[0];
    assert_eq!(root.name, "svg");
    assert_eq!(root.attrs["viewBox"], "0 0 595.276 841.89");
    let rules: Vec<&Elem> = elems.iter().filter(|e| e.name == "line").collect();
    assert_eq!(rules.len(), 1);
    assert_eq!(rules[0].attrs["stroke"], "#ff0000");
    assert_eq!(
        f32s(&rules[0].attrs["x1"])[0],
        (LEFT * 1000.0).round() / 1000.0
    );
    let frames: Vec<&Elem> = elems
        .iter()
        .filter(|e| e.name == "rect" && e.attrs.get("class").is_some_and(|c| c == "frame"))
        .collect();
    assert_eq!(frames.len(), 1);
    let masthead = elems
        .iter()
        .find(|e| {
            e.attrs
                .get("data-element")
                .is_some_and(|v| v == "masthead_name")
        })
        .unwrap();
    assert_eq!(masthead.attrs["fill"], "#ff0000");

    // One <path> per distinct glyph, one <use> per drawn glyph (spaces draw nothing).
    let drawn: Vec<_> = page
        .lines
        .iter()
        .flat_map(|l| &l.glyphs)
        .filter(|g| !g.ch.is_whitespace())
        .collect();
    let distinct: BTreeSet<_> = drawn
        .iter()
        .map(|g| (g.face, f.glyph_id(g.face, g.ch).unwrap()))
        .collect();
    assert_eq!(
        elems.iter().filter(|e| e.name == "path").count(),
        distinct.len()
    );
    assert_eq!(
        elems.iter().filter(|e| e.name == "use").count(),
        drawn.len()
    );
    assert!(
        distinct.len() < drawn.len(),
        "the fixture repeats characters"
    );
    // Every <use> points at a defined path.
    let ids: BTreeSet<&str> = elems
        .iter()
        .filter(|e| e.name == "path")
        .map(|e| e.attrs["id"].as_str())
        .collect();
    for u in elems.iter().filter(|e| e.name == "use") {
        assert!(ids.contains(&u.attrs["href"][1..]), "{:?}", u.attrs);
    }
}

#[test]
fn preview_and_pdf_put_the_same_text_at_the_same_places() {
    let f = fonts();
    let doc = document(f);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.pdf");
    pdf::write(&doc, f, &pdf::PdfOptions::default(), &path).unwrap();
    let html = Command::new("pdftotext")
        .arg("-bbox")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let html = String::from_utf8(html.stdout).unwrap();

    // PDF words per page: (xMin, yMax, text).
    let mut pdf_words: Vec<Vec<(f32, f32, String)>> = Vec::new();
    for l in html.lines() {
        if l.contains("<page ") {
            pdf_words.push(Vec::new());
        }
        if let Some(rest) = l.trim().strip_prefix("<word ") {
            let attr = |k: &str| -> f32 {
                let s = &rest[rest.find(&format!("{k}=\"")).unwrap() + k.len() + 2..];
                s[..s.find('"').unwrap()].parse().unwrap()
            };
            let text = &rest[rest.find('>').unwrap() + 1..rest.find("</word>").unwrap()];
            pdf_words
                .last_mut()
                .unwrap()
                .push((attr("xMin"), attr("yMax"), text.to_string()));
        }
    }
    assert_eq!(pdf_words.len(), doc.pages.len());

    for (page, words) in doc.pages.iter().zip(&pdf_words) {
        let elems = parse(&svg::render_page(page, f));
        // Preview lines: (baseline, [(x, char)]) from the <text> runs and the <use> placements.
        let lines: Vec<(f32, Vec<(f32, char)>)> = elems
            .iter()
            .filter(|e| e.name == "text")
            .map(|e| {
                let xs = f32s(&e.attrs["x"]);
                let chars: Vec<char> = e.text.chars().collect();
                assert_eq!(xs.len(), chars.len());
                (f32s(&e.attrs["y"])[0], xs.into_iter().zip(chars).collect())
            })
            .collect();
        let uses: Vec<(f32, f32)> = elems
            .iter()
            .filter(|e| e.name == "use")
            .map(|e| {
                let v = f32s(&e.attrs["transform"]);
                (v[0], v[1])
            })
            .collect();
        for (y, glyphs) in &lines {
            for (x, ch) in glyphs.iter().filter(|(_, c)| !c.is_whitespace()) {
                assert!(
                    uses.iter()
                        .any(|(ux, uy)| (ux - x).abs() < 1e-3 && (uy - y).abs() < 1e-3),
                    "no outline drawn for «{ch}» at ({x}, {y})"
                );
            }
        }
        // Every word the PDF reader finds starts where the preview draws that text.
        let mut matched = 0;
        for (x, y_max, text) in words {
            let (_, glyphs) = lines
                .iter()
                .filter(|(b, _)| (y_max - b).abs() < 8.0)
                .find(|(_, gs)| {
                    gs.iter()
                        .any(|(gx, c)| (gx - x).abs() < 0.01 && text.starts_with(*c))
                })
                .unwrap_or_else(|| {
                    panic!(
                        "PDF word «{text}» at x={x} is not in the preview of page {}",
                        page.number
                    )
                });
            let i = glyphs
                .iter()
                .position(|(gx, _)| (gx - x).abs() < 0.01)
                .unwrap();
            let preview: String = glyphs[i..]
                .iter()
                .map(|(_, c)| *c)
                .filter(|c| !c.is_whitespace())
                .take(text.chars().count())
                .collect();
            assert_eq!(&preview, text);
            matched += 1;
        }
        assert!(
            matched >= page.lines.len(),
            "page {}: only {matched} words",
            page.number
        );
    }
}

#[test]
fn colours_come_from_the_page() {
    let f = fonts();
    let mut doc = document(f);
    doc.pages[1].lines[0].color = Rgb {
        r: 0x12,
        g: 0xab,
        b: 0x0f,
    };
    let elems = parse(&svg::render_document(&doc, f)[1]);
    let g = elems.iter().find(|e| e.name == "g").unwrap();
    assert_eq!(g.attrs["fill"], "#12ab0f");
}
