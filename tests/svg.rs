//! The SVG preview backend: well-formed, escaped, and in agreement with the PDF that the same
//! `page::Document` gives (read back with poppler).

mod images_support;
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

#[test]
fn pictures_are_drawn_where_the_pdf_draws_them() {
    let f = fonts();
    let mut issue = bulletin::demo::issue();
    images_support::add_figure(
        &mut issue,
        0,
        &images_support::jpeg(300, 200),
        100,
        "图为现场。",
    );
    images_support::add_figure(&mut issue, 1, &images_support::png_alpha(80, 80), 30, "");
    let doc = bulletin::layout::layout(&issue, f).unwrap();
    let bytes = pdf::render(&doc, f, &pdf::PdfOptions::default()).unwrap();
    let lo = lopdf::Document::load_mem(&bytes).unwrap();
    let mut drawn = 0;
    for (n, (page, svg)) in doc
        .pages
        .iter()
        .zip(svg::render_document(&doc, f))
        .enumerate()
    {
        // The PDF's boxes: the `cm` before each `Do`, flipped to top-down (page.rs).
        let page_id = lo.get_pages()[&(n as u32 + 1)];
        let content = lopdf::content::Content::decode(&lo.get_page_content(page_id)).unwrap();
        let mut boxes = Vec::new();
        let mut last_cm = None;
        for op in &content.operations {
            match op.operator.as_str() {
                "cm" => {
                    let v: Vec<f32> = op.operands.iter().map(|o| o.as_float().unwrap()).collect();
                    // printpdf writes an identity cm inside UseXobject; keep the placing one.
                    if v != [1.0, 0.0, 0.0, 1.0, 0.0, 0.0] {
                        last_cm = Some(v);
                    }
                }
                "Do" => {
                    let v = last_cm.take().unwrap();
                    boxes.push((v[4], page.height.0 - v[5] - v[3], v[0], v[3]));
                }
                _ => {}
            }
        }
        let elems = parse(&svg);
        let images: Vec<&Elem> = elems.iter().filter(|e| e.name == "image").collect();
        assert_eq!(images.len(), boxes.len(), "page {}", page.number);
        assert_eq!(images.len(), page.images.len());
        for (img, (x, y, w, h)) in images.iter().zip(&boxes) {
            let a = |k: &str| f32s(&img.attrs[k])[0];
            for (got, want) in [
                (a("x"), *x),
                (a("y"), *y),
                (a("width"), *w),
                (a("height"), *h),
            ] {
                assert!((got - want).abs() < 0.01, "{got} vs {want}");
            }
            assert!(img.attrs["href"].starts_with("data:image/"));
            drawn += 1;
        }
        // Without the bytes at hand, a box marks the place.
        let bare = parse(&svg::render_page(page, f));
        assert_eq!(
            bare.iter()
                .filter(|e| e.name == "rect"
                    && e.attrs.get("class").map(String::as_str) == Some("picture"))
                .count(),
            page.images.len()
        );
    }
    assert_eq!(drawn, 2);
}
