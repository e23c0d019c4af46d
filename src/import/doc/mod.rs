//! The text of a Word 97–2003 document (.doc), read natively: the OLE compound file (`cfb`), the
//! File Information Block (`fib`), the piece table (`pieces`) and the deleted runs (`revisions`),
//! then the characters turned into the same lines the .docx reader gives (`chars`): one line a
//! paragraph, each picture a line of its own (`pictures::marker_line`, with no reference: the
//! reader does not take a .doc's image bytes out).
//!
//! Chinese text and code pages: [MS-DOC] 2.9.73 (FcCompressed) says an 8-bit ("compressed") piece
//! holds Latin-1 bytes, with 0x82–0x9F mapped to the characters Windows-1252 has there; Word 97
//! and later write a piece compressed only when every character in it is among those, and store
//! Chinese text as UTF-16LE pieces. So the FIB's language (`lid`, 0x0804 for zh-CN) and the FibBase's
//! character-set words (`chs`/`chsTables` of the Word 97 documentation, "reserved" in [MS-DOC])
//! never make a Word 97–2003 piece GBK. Only Word 6/95 files (`nFib` below 0x00C1) kept text in
//! the document's ANSI code page (GBK for a Chinese Word 95); their FIB is laid out differently
//! and they are refused with advice (`DocError::TooOld`).

use std::io::{Cursor, Read};

mod bytes;
mod chars;
mod fib;
mod pieces;
mod revisions;

/// Largest stream read: the whole file is at most `MAX_FILE_BYTES`, and a stream cannot be larger.
const MAX_STREAM_BYTES: u64 = crate::import::MAX_FILE_BYTES;

/// Why an OLE compound file gave no text.
#[derive(Debug, thiserror::Error)]
pub enum DocError {
    /// Not a readable compound file, or its Word streams are damaged or cut off.
    #[error("这个 Word 97-2003（.doc）文件已损坏或不完整（{0}）。请找到完整的文件；如果 Word 或 WPS 还能打开它，请另存为 .docx 后再导入")]
    Damaged(String),
    /// Encrypted or obfuscated with a password.
    #[error("这个 Word 97-2003（.doc）文件设有打开密码（已加密），无法读取。请在 Word 或 WPS 中用密码打开，取消密码并保存后再导入")]
    Encrypted,
    /// Word 6.0/95 or older: another FIB, text in the ANSI code page.
    #[error("这是 Word 95 或更早版本的文档，无法直接读取。请在 Word 或 WPS 中打开，另存为 .docx 或 .doc（Word 97-2003）后再导入")]
    TooOld,
    /// A compound file that is not a Word document: a workbook, a presentation, or other.
    #[error("这个文件是{0}，不是 Word 文档。请选择简报的 Word（.doc、.docx）、纯文本（.txt）或 JSON 文件")]
    NotWord(&'static str),
}

/// What kind of compound file holds no WordDocument stream, by the streams it has.
fn other_kind<F: Read + std::io::Seek>(file: &cfb::CompoundFile<F>) -> &'static str {
    if file.is_stream("Workbook") || file.is_stream("Book") {
        "Excel 表格（.xls）"
    } else if file.is_stream("PowerPoint Document") {
        "PowerPoint 演示文稿（.ppt）"
    } else if file.is_stream("CONTENTS") || file.is_stream("MatOST") {
        "Microsoft Works 文档（.wps）"
    } else if file.is_stream("EncryptedPackage") {
        "加密的 Office 文档（设有打开密码）"
    } else {
        "一个 Office 旧格式的文件"
    }
}

/// The whole of one stream, refusing one larger than any file read.
fn stream<F: Read + std::io::Seek>(
    file: &mut cfb::CompoundFile<F>,
    name: &str,
) -> Result<Vec<u8>, DocError> {
    let mut s = file
        .open_stream(name)
        .map_err(|e| DocError::Damaged(format!("{name} 流：{e}")))?;
    if s.len() > MAX_STREAM_BYTES {
        return Err(DocError::Damaged(format!("{name} 流的长度不对")));
    }
    let mut out = Vec::with_capacity(s.len() as usize);
    s.read_to_end(&mut out)
        .map_err(|e| DocError::Damaged(format!("{name} 流：{e}")))?;
    Ok(out)
}

/// The bytes `span` of the table stream.
fn part<'a>(table: &'a [u8], span: fib::Span, what: &str) -> Result<&'a [u8], DocError> {
    let start = span.fc as usize;
    start
        .checked_add(span.lcb as usize)
        .and_then(|end| table.get(start..end))
        .ok_or_else(|| DocError::Damaged(format!("{what}超出了表格流的末尾")))
}

/// The text of the .doc in `bytes`: one line a paragraph.
pub fn text(bytes: &[u8]) -> Result<String, DocError> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| DocError::Damaged(e.to_string()))?;
    if !file.is_stream("WordDocument") {
        return Err(DocError::NotWord(other_kind(&file)));
    }
    let word = stream(&mut file, "WordDocument")?;
    let fib = fib::read(&word)?;
    if !file.is_stream(fib.table) {
        return Err(DocError::Damaged(format!("缺少 {} 流", fib.table)));
    }
    let table = stream(&mut file, fib.table)?;
    let pieces = pieces::read(part(&table, fib.clx, "片段表")?)?;
    let deleted = part(&table, fib.chpx, "字符格式表")
        .map(|bte| revisions::deleted(bte, &word))
        .unwrap_or_default();
    let units = pieces::units(&pieces, &word, fib.ccp_text)?;
    let kept = units
        .into_iter()
        .filter(|&(_, fc)| !revisions::contains(&deleted, fc))
        .map(|(u, _)| u);
    Ok(chars::lines(kept))
}
