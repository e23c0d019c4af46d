//! The DOCX package read back with the zip crate: deterministic bytes, and the page, grid,
//! footers, settings and properties docs/layout.md asks for (§1, §7, §10). The readers
//! (LibreOffice, python-docx) are in tests/docx_clients.rs.

mod docx_support;

use docx_support::*;

#[test]
fn same_issue_same_bytes_across_calls_and_threads() {
    let issue = sample_with_closing();
    let a = bulletin::docx::render(&issue).unwrap();
    let b = bulletin::docx::render(&issue).unwrap();
    let issue2 = issue.clone();
    let c = std::thread::spawn(move || bulletin::docx::render(&issue2).unwrap())
        .join()
        .unwrap();
    assert!(a == b && a == c, "renders of the same issue differ");
    let mut changed = issue.clone();
    changed.briefs[0].text.push('。');
    assert_ne!(bulletin::docx::render(&changed).unwrap(), a);
}

#[test]
fn zip_entries_carry_the_issue_date() {
    let docx = bulletin::docx::render(&sample()).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    assert!(z.len() >= 10);
    for i in 0..z.len() {
        let f = z.by_index(i).unwrap();
        let t = f.last_modified().unwrap();
        assert_eq!(
            (t.year(), t.month(), t.day()),
            (2020, 4, 30),
            "{}",
            f.name()
        );
    }
    assert_eq!(z.by_index(0).unwrap().name(), "[Content_Types].xml");
}

#[test]
fn page_margins_and_grid() {
    let doc = part(
        &bulletin::docx::render(&sample()).unwrap(),
        "word/document.xml",
    );
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#), "A4");
    assert!(doc.contains(r#"w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#));
    assert!(doc
        .contains(r#"<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842" />"#));
    assert!(doc.contains(r#"<w:footerReference w:type="default""#));
    assert!(doc.contains(r#"<w:footerReference w:type="even""#));
}

#[test]
fn footers_hold_page_fields_right_on_odd_left_on_even() {
    let docx = bulletin::docx::render(&sample()).unwrap();
    let rels = part(&docx, "word/_rels/document.xml.rels");
    let doc = part(&docx, "word/document.xml");
    let target = |kind: &str| {
        let key = format!(r#"w:type="{kind}" r:id=""#);
        let at = doc.find(&key).unwrap() + key.len();
        let id = &doc[at..at + doc[at..].find('"').unwrap()];
        let r = rels.find(&format!(r#"Id="{id}""#)).unwrap();
        let t = rels[r..].find("Target=\"").unwrap() + r + 8;
        rels[t..t + rels[t..].find('"').unwrap()].to_string()
    };
    for (kind, jc) in [("default", "right"), ("even", "left")] {
        let footer = part(&docx, &format!("word/{}", target(kind)));
        assert!(
            footer.contains("<w:instrText>PAGE</w:instrText>"),
            "{kind}: {footer}"
        );
        assert!(
            footer.contains(r#"w:fldCharType="begin""#)
                && footer.contains(r#"w:fldCharType="end""#)
        );
        assert!(
            footer.contains(&format!(r#"<w:jc w:val="{jc}" />"#)),
            "{kind} footer is {jc}"
        );
        assert!(footer.contains("— ") && footer.contains(" —"));
    }
    let settings = part(&docx, "word/settings.xml");
    assert!(settings.contains("<w:evenAndOddHeaders/>"));
}

#[test]
fn settings_switch_on_chinese_line_breaking() {
    let s = part(
        &bulletin::docx::render(&sample()).unwrap(),
        "word/settings.xml",
    );
    assert!(s.contains(r#"<w:characterSpacingControl w:val="compressPunctuation"/>"#));
    assert!(s.contains(r#"<w:noLineBreaksBefore w:lang="zh-CN" w:val="，。"#));
    assert!(s.contains(r#"<w:noLineBreaksAfter w:lang="zh-CN" w:val="（「"#));
    let styles = part(
        &bulletin::docx::render(&sample()).unwrap(),
        "word/styles.xml",
    );
    for el in [
        "<w:kinsoku/>",
        "<w:autoSpaceDE/>",
        "<w:autoSpaceDN/>",
        r#"<w:overflowPunct w:val="0"/>"#,
    ] {
        assert!(styles.contains(el), "{el}");
    }
}

#[test]
fn properties_come_from_the_issue() {
    let core = part(
        &bulletin::docx::render(&sample()).unwrap(),
        "docProps/core.xml",
    );
    assert!(core.contains("<dc:title>温州科协信息 2020年第4期（总第245期）</dc:title>"));
    assert!(core.contains("<dc:creator>温州市科学技术协会编</dc:creator>"));
    assert!(core.contains(
        r#"<dcterms:created xsi:type="dcterms:W3CDTF">2020-04-30T00:00:00Z</dcterms:created>"#
    ));
    assert!(core.contains(
        r#"<dcterms:modified xsi:type="dcterms:W3CDTF">2020-04-30T00:00:00Z</dcterms:modified>"#
    ));
}

#[test]
fn content_follows_the_model() {
    let issue = sample_with_closing();
    let doc = part(
        &bulletin::docx::render(&issue).unwrap(),
        "word/document.xml",
    );
    // Headline lines are line breaks inside one paragraph.
    assert!(doc.contains(r#"市政府专题研究2020世界青年科学家峰会</w:t><w:br w:type="textWrapping" /><w:t xml:space="preserve">筹备进展情况"#));
    assert_eq!(doc.matches(r#"<w:pStyle w:val="Headline" />"#).count(), 6);
    assert_eq!(doc.matches(r#"<w:pStyle w:val="TocEntry" />"#).count(), 6);
    assert_eq!(doc.matches(r#"<w:pStyle w:val="Brief" />"#).count(), 8);
    assert_eq!(doc.matches(r#"<w:rStyle w:val="Byline" />"#).count(), 6);
    assert!(doc.contains("意见建议。</w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"Byline\" /></w:rPr><w:t xml:space=\"preserve\">（叶贤挺）"));
    assert!(doc.contains("4月17日，温州科技馆接待平阳科技馆一行参观交流。（夏细绸）"));
    // The closing block: a table floated to the foot of the text block, its rules as borders.
    assert!(doc.contains(r#"w:vertAnchor="margin""#) && doc.contains(r#"w:tblpYSpec="bottom""#));
    assert!(doc.contains("报：省科协") && doc.contains("（共印80份）"));
    assert!(doc.contains(r#"<w:insideH w:val="single" w:sz="6""#));
}

#[test]
fn empty_and_extreme_issues_export() {
    for issue in [empty_issue(), stress_issue()] {
        let docx = bulletin::docx::render(&issue).unwrap();
        let doc = part(&docx, "word/document.xml");
        assert!(
            !doc.contains('\u{1}') && !doc.contains('\u{7}'),
            "control characters dropped"
        );
        assert!(!doc.contains("<b>"), "markup escaped");
    }
    let doc = part(
        &bulletin::docx::render(&empty_issue()).unwrap(),
        "word/document.xml",
    );
    assert!(!doc.contains("本期要目") && !doc.contains("简讯") && !doc.contains("<w:tbl>"));
    let doc = part(
        &bulletin::docx::render(&stress_issue()).unwrap(),
        "word/document.xml",
    );
    assert_eq!(doc.matches(r#"<w:pStyle w:val="Brief" />"#).count(), 308);
    assert!(doc.contains("𠀋") && doc.contains("李校堃"));
}

#[test]
fn write_is_atomic_and_reports_a_missing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.docx");
    bulletin::docx::write(&sample(), &path).unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bulletin::docx::render(&sample()).unwrap()
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let err = bulletin::docx::write(&sample(), &dir.path().join("no/such/out.docx")).unwrap_err();
    assert!(err.to_string().contains("无法写出 Word 文件"), "{err}");
    assert!(err.to_string().contains("路径不存在"), "{err}");
}

#[test]
fn dump_for_inspection() {
    if let Ok(dir) = std::env::var("DOCX_DUMP") {
        let d = std::path::Path::new(&dir);
        bulletin::docx::write(&sample_with_closing(), &d.join("closing.docx")).unwrap();
        bulletin::docx::write(&stress_issue(), &d.join("stress.docx")).unwrap();
    }
}

fn bulletin(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .args(args)
        .env_remove("BULLETIN_DB")
        .output()
        .unwrap()
}

#[test]
fn command_line_render_and_export_write_the_same_docx() {
    let dir = tempfile::tempdir().unwrap();
    let json = root().join("tests/data/sample-issue.json");
    let out = dir.path().join("render.docx");
    let o = bulletin(&[
        "render".as_ref(),
        json.as_os_str(),
        "--docx".as_ref(),
        out.as_os_str(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let expected = bulletin::docx::render(&sample()).unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), expected);

    let db = dir.path().join("store.db");
    let o = bulletin(&[
        "--db".as_ref(),
        db.as_os_str(),
        "import".as_ref(),
        json.as_os_str(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // `import` prints the new issue's id, then a tab.
    let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
    let id = stdout.split('\t').next().unwrap().trim();
    let out2 = dir.path().join("export.docx");
    let o = bulletin(&[
        "--db".as_ref(),
        db.as_os_str(),
        "export".as_ref(),
        id.as_ref(),
        "--docx".as_ref(),
        out2.as_os_str(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        std::fs::read(&out2).unwrap(),
        expected,
        "export of the stored issue"
    );

    let o = bulletin(&[
        "render".as_ref(),
        json.as_os_str(),
        "--docx".as_ref(),
        dir.path().join("missing/dir/x.docx").as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("无法写出 Word 文件"));
}
