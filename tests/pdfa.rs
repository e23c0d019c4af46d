//! The PDF/A-2b archive copy (docs/layout.md §10, ISO 19005-2 level B), read back with lopdf and
//! poppler: the conformance claim in XMP, XMP and Info agreeing, an sRGB output intent, every font
//! embedded, a file identifier, and nothing of this in the normal export.

mod layout_common;

use std::process::Command;

use lopdf::{Document, Object};

fn sample_pdf(archival: bool) -> Vec<u8> {
    layout_common::pdf(&layout_common::sample_issue(), archival)
}

fn catalog(doc: &Document) -> &lopdf::Dictionary {
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    doc.get_dictionary(root).unwrap()
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap(),
        o => o,
    }
}

fn text(o: &Object) -> String {
    match o {
        Object::String(bytes, _) => {
            if bytes.starts_with(&[0xFE, 0xFF]) {
                let units: Vec<u16> = bytes[2..]
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect();
                String::from_utf16(&units).unwrap()
            } else {
                String::from_utf8(bytes.clone()).unwrap()
            }
        }
        other => panic!("not a string: {other:?}"),
    }
}

/// The value of an XMP property written as a simple element, or inside rdf:li.
fn xmp_value(xmp: &str, tag: &str) -> String {
    let open = format!("<{tag}>");
    let start = xmp.find(&open).unwrap_or_else(|| panic!("{tag} in XMP")) + open.len();
    let end = start + xmp[start..].find(&format!("</{tag}>")).unwrap();
    let inner = &xmp[start..end];
    match inner.rfind("<rdf:li") {
        Some(li) => {
            let from = li + inner[li..].find('>').unwrap() + 1;
            inner[from..from + inner[from..].find("</rdf:li>").unwrap()].to_string()
        }
        None => inner.to_string(),
    }
}

#[test]
fn the_archive_copy_declares_and_meets_pdfa_2b() {
    let bytes = sample_pdf(true);
    assert!(
        bytes.starts_with(b"%PDF-1.7\n%"),
        "header and binary marker"
    );
    // A binary comment line right after the header (ISO 19005-2 §6.1.2): four bytes ≥ 128.
    let second = &bytes[10..bytes[10..].iter().position(|&b| b == b'\n').unwrap() + 10];
    assert!(
        second.len() >= 4 && second.iter().all(|&b| b > 127),
        "{second:?}"
    );
    let doc = Document::load_mem(&bytes).unwrap();
    assert!(doc.trailer.get(b"Encrypt").is_err());
    let id = doc.trailer.get(b"ID").unwrap().as_array().unwrap();
    assert_eq!(id.len(), 2);

    // XMP: unfiltered, part 2 level B, and the same title, author, dates and tools as Info.
    let cat = catalog(&doc);
    let Object::Stream(meta) = deref(&doc, cat.get(b"Metadata").unwrap()) else {
        panic!("Metadata is a stream");
    };
    assert!(
        meta.dict.get(b"Filter").is_err(),
        "XMP must be readable unfiltered"
    );
    assert_eq!(
        meta.dict.get(b"Subtype").unwrap().as_name().unwrap(),
        b"XML"
    );
    let xmp = String::from_utf8(meta.content.clone()).unwrap();
    assert_eq!(xmp_value(&xmp, "pdfaid:part"), "2");
    assert_eq!(xmp_value(&xmp, "pdfaid:conformance"), "B");
    let info_id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = doc.get_dictionary(info_id).unwrap();
    assert_eq!(
        xmp_value(&xmp, "dc:title"),
        text(info.get(b"Title").unwrap())
    );
    assert_eq!(
        xmp_value(&xmp, "dc:creator"),
        text(info.get(b"Author").unwrap())
    );
    assert_eq!(
        xmp_value(&xmp, "pdf:Producer"),
        text(info.get(b"Producer").unwrap())
    );
    assert_eq!(
        xmp_value(&xmp, "xmp:CreatorTool"),
        text(info.get(b"Creator").unwrap())
    );
    // Info says D:20200430000000+00'00'; XMP must name the same instant.
    let created = text(info.get(b"CreationDate").unwrap());
    assert_eq!(created, "D:20200430000000+00'00'");
    assert_eq!(
        xmp_value(&xmp, "xmp:CreateDate"),
        "2020-04-30T00:00:00+00:00"
    );
    assert_eq!(
        xmp_value(&xmp, "dc:title"),
        "温州科协信息 2020年第4期（总第245期）"
    );

    // One output intent, GTS_PDFA1, with an RGB ICC profile of three components.
    let intents = deref(&doc, cat.get(b"OutputIntents").unwrap())
        .as_array()
        .unwrap();
    assert_eq!(intents.len(), 1);
    let intent = deref(&doc, &intents[0]).as_dict().unwrap();
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    let Object::Stream(icc) = deref(&doc, intent.get(b"DestOutputProfile").unwrap()) else {
        panic!("DestOutputProfile is a stream");
    };
    assert_eq!(icc.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
    let profile = icc
        .decompressed_content()
        .unwrap_or_else(|_| icc.content.clone());
    assert_eq!(&profile[16..20], b"RGB ", "colour space of the profile");
    assert_eq!(&profile[36..40], b"acsp", "ICC signature");

    // Every font embedded: each Type0's descendant has a font program.
    let mut fonts = 0;
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0") {
            continue;
        }
        fonts += 1;
        let kids = deref(&doc, dict.get(b"DescendantFonts").unwrap())
            .as_array()
            .unwrap();
        let cid = deref(&doc, &kids[0]).as_dict().unwrap();
        let desc = deref(&doc, cid.get(b"FontDescriptor").unwrap())
            .as_dict()
            .unwrap();
        assert!(desc.get(b"FontFile3").is_ok(), "font program of {dict:?}");
        assert!(dict.get(b"ToUnicode").is_ok());
    }
    assert!(fonts >= 5, "{fonts} fonts");
}

#[test]
fn poppler_reads_the_archive_copy_and_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.pdf");
    std::fs::write(&path, sample_pdf(true)).unwrap();
    let run = |tool: &str, args: &[&str]| {
        let out = Command::new(tool)
            .args(args)
            .arg(&path)
            .output()
            .unwrap_or_else(|e| panic!("{tool} (poppler-utils): {e}"));
        assert!(
            out.status.success(),
            "{tool}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let meta = run("pdfinfo", &["-meta"]);
    assert!(meta.contains("<pdfaid:part>2</pdfaid:part>"), "{meta}");
    let fonts = run("pdffonts", &[]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type… encoding emb sub uni object ID: emb/sub/uni are the 4th-6th from the end.
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "{row}");
    }
    let info = run("pdfinfo", &[]);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| panic!("{name} in {info}"))
    };
    assert_eq!(field("PDF version:"), "1.7");
    assert_eq!(field("Pages:"), "11");
}

#[test]
fn the_archive_copy_is_deterministic_and_the_normal_export_claims_nothing() {
    let a = sample_pdf(true);
    assert_eq!(a, sample_pdf(true), "same issue, same bytes");
    let normal = Document::load_mem(&sample_pdf(false)).unwrap();
    let cat = catalog(&normal);
    assert!(cat.get(b"Metadata").is_err());
    assert!(cat.get(b"OutputIntents").is_err());
}
