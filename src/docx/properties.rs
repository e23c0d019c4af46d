//! Document properties (`docProps/core.xml`, `docProps/app.xml`): title, author (the editing
//! body) and dates from the issue, never the clock, so the same issue gives the same bytes (§10).
//! docx-rs's core properties have no title or creator setter, so the parts are written here.

use crate::model::Issue;

use super::xml::escape;

/// The issue's date as a W3CDTF timestamp at midnight UTC: created and modified both.
pub fn timestamp(issue: &Issue) -> String {
    format!("{}T00:00:00Z", issue.masthead.date.format("%Y-%m-%d"))
}

/// The whole `docProps/core.xml`.
pub fn core_xml(issue: &Issue) -> String {
    core_xml_of(
        &issue.masthead.title(),
        &issue.masthead.editor,
        &timestamp(issue),
    )
}

/// `docProps/core.xml` of any document: its title, author and W3CDTF timestamp.
pub fn core_xml_of(title: &str, author: &str, when: &str) -> String {
    let title = escape(title);
    let author = escape(author.trim());
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>"#,
            r#"<cp:revision>1</cp:revision><dc:language>zh-CN</dc:language>"#,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>"#,
            r#"</cp:coreProperties>"#
        ),
        title = title,
        author = author,
        when = when
    )
}

/// The whole `docProps/app.xml`.
pub fn app_xml(issue: &Issue) -> String {
    app_xml_of(&issue.masthead.editor)
}

/// `docProps/app.xml` of any document, naming the editing body.
pub fn app_xml_of(company: &str) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
            r#"<Application>Bulletin</Application><Company>{}</Company></Properties>"#
        ),
        escape(company.trim())
    )
}
