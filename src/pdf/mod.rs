//! The PDF backend: draws laid-out pages (`page::Document`) with printpdf, nothing more.
//!
//! Every glyph is placed at the exact x the layout gave it (docs/layout.md §1 grid, §8.1 squeezing
//! and spreading), fonts are embedded as subsets with ToUnicode maps (docs/layout.md §10), and the
//! same document always gives the same bytes: dates come from the issue, the trailer /ID and the
//! subset tags are hashes of the content.

mod archival;
mod cff;
mod content;
mod deflate;
mod embed;
mod images;
mod outline;
mod proof_tag;
mod subset;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use printpdf::{OffsetDateTime, PdfDocument, PdfPage, PdfSaveOptions, Pt, Rect};

use crate::fonts::{FaceId, FontBook};
use crate::page::{Document, DocumentMeta};

/// How to write the PDF.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PdfOptions {
    /// Write PDF/A-2b, for the archive copy (docs/layout.md §10): XMP metadata and an sRGB output
    /// intent on top of the normal export.
    pub archival: bool,
    /// For a proof: the issue, round and content hash it records (never on the final PDF).
    pub proof: Option<crate::proof::ProofIdentity>,
}

pub use proof_tag::read as proof_identity;

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A face could not be subset or read back.
    #[error("字体 {face} 无法嵌入 PDF：{message}。内置字体请重新运行 scripts/fetch-fonts.sh，已安装的字体请另选一款")]
    Font {
        /// The font file.
        face: String,
        /// What went wrong.
        message: String,
    },
    /// The layout placed a character its face has no glyph for (layout checks coverage first,
    /// so this is a bug; it is never drawn as a box).
    #[error("第 {page} 页的字符「{ch}」（U+{code:04X}）在字体 {face} 中没有字形，无法导出")]
    MissingGlyph {
        /// The character.
        ch: char,
        /// Its code point.
        code: u32,
        /// The face the layout chose.
        face: String,
        /// 1-based page number.
        page: u32,
    },
    /// The bundled fonts could not be loaded.
    #[error(transparent)]
    Fonts(#[from] crate::fonts::FontError),
    /// The issue cannot be laid out (e.g. a character no bundled font has).
    #[error(transparent)]
    Layout(#[from] crate::layout::LayoutError),
    /// The file could not be written.
    #[error(
        "无法写出 PDF 文件 {path}（{}）。请检查目录是否存在、是否可写，以及磁盘空间；原有的文件没有被改动",
        crate::store::io_reason(.source)
    )]
    Write {
        /// The target file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// Renders a laid-out document to the bytes of a PDF file.
pub fn render(doc: &Document, fonts: &FontBook, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    let used = used_glyphs(doc, fonts)?;
    let subsets = subset::subset_all(fonts, &used)?;
    let by_face: BTreeMap<FaceId, &subset::FaceSubset> =
        subsets.iter().map(|s| (s.face, s)).collect();

    let mut pdf = PdfDocument::new(&doc.meta.title);
    set_info(&mut pdf, &doc.meta);
    pdf.pages = doc
        .pages
        .iter()
        .map(|page| {
            let mut p = PdfPage::new(
                printpdf::Mm(page.width.to_mm().0),
                printpdf::Mm(page.height.to_mm().0),
                content::page_ops(page, &by_face, &doc.images),
            );
            // The exact size in points, not a mm round trip.
            let size = Rect::from_wh(Pt(page.width.0), Pt(page.height.0));
            p.media_box = size.clone();
            p.trim_box = size.clone();
            p.crop_box = size;
            p
        })
        .collect();

    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    // printpdf draws the /ID from a process-wide counter; derive it from the content instead.
    let id = document_id(doc, fonts);
    lo.trailer.set(
        "ID",
        lopdf::Object::Array(vec![
            lopdf::Object::String(id.to_vec(), lopdf::StringFormat::Hexadecimal),
            lopdf::Object::String(id.to_vec(), lopdf::StringFormat::Hexadecimal),
        ]),
    );
    clean_info(&mut lo);
    if let Some(identity) = &options.proof {
        proof_tag::write(&mut lo, &doc.meta, identity);
    }
    let font_objects: Vec<(String, lopdf::ObjectId)> = subsets
        .iter()
        .map(|s| {
            let id = embed::add_font(&mut lo, fonts, s, &used[&s.face]);
            (s.resource.clone(), id)
        })
        .collect();
    embed::attach_to_pages(&mut lo, &font_objects);
    let image_objects = images::add_all(&mut lo, doc);
    images::attach_to_pages(&mut lo, &image_objects);
    outline::add(&mut lo, &doc.bookmarks);
    if options.archival {
        archival::make_pdfa_2b(&mut lo, &doc.meta, CREATOR, PRODUCER);
    }
    compress(&mut lo);
    // Room for the whole file up front: growing a buffer of this size costs page faults.
    let mut out = Vec::with_capacity(estimated_size(&lo));
    lo.save_to(&mut out)
        .expect("writing a PDF into memory cannot fail");
    Ok(out)
}

/// Renders `doc` and writes it to `path` atomically (a crash never leaves half a file).
pub fn write(
    doc: &Document,
    fonts: &FontBook,
    options: &PdfOptions,
    path: &Path,
) -> Result<(), PdfError> {
    let bytes = render(doc, fonts, options)?;
    crate::atomic_file::write(path, &bytes).map_err(|source| PdfError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Lays out `issue` with the process's fonts and writes its PDF to `path` atomically: the one
/// call the command line and the app make.
pub fn export_issue(issue: &crate::model::Issue, path: &Path) -> Result<(), PdfError> {
    export_issue_with(issue, FontBook::global()?, path)
}

/// As `export_issue`, set in `fonts` (the bundled faces with a publication's choices applied).
pub fn export_issue_with(
    issue: &crate::model::Issue,
    fonts: &FontBook,
    path: &Path,
) -> Result<(), PdfError> {
    let doc = crate::layout::layout(issue, fonts)?;
    write(&doc, fonts, &PdfOptions::default(), path)
}

/// Like `export_issue`, for proof round `round` of issue `issue_id`: every page carries the
/// proof stamp (「校样 第2次 2020-04-28」) in its top margin, and the file records the issue, the
/// round and the content's hash (`proof::ProofIdentity`).
pub fn export_proof(
    issue_id: crate::store::IssueId,
    round: &crate::store::ProofRound,
    path: &Path,
) -> Result<(), PdfError> {
    export_proof_with(issue_id, round, FontBook::global()?, path)
}

/// As `export_proof`, set in `fonts`.
pub fn export_proof_with(
    issue_id: crate::store::IssueId,
    round: &crate::store::ProofRound,
    fonts: &FontBook,
    path: &Path,
) -> Result<(), PdfError> {
    let doc = crate::layout::layout_with(&round.issue, fonts, &proof_layout(round))?;
    let options = PdfOptions {
        proof: Some(crate::proof::ProofIdentity::of(issue_id, round)),
        ..PdfOptions::default()
    };
    write(&doc, fonts, &options, path)
}

/// The layout options of a proof round's PDF: the default ones with its stamp. Reading the
/// marks on a proof lays the round out again with these, to find the glyphs under them.
pub fn proof_layout(round: &crate::store::ProofRound) -> crate::layout::Options {
    crate::layout::Options {
        stamp: Some(crate::proof::Stamp::of(round).label()),
        ..crate::layout::Options::default()
    }
}

/// Every glyph each face must carry: original glyph id → its character (for ToUnicode).
fn used_glyphs(
    doc: &Document,
    fonts: &FontBook,
) -> Result<BTreeMap<FaceId, subset::UsedGlyphs>, PdfError> {
    let mut used: BTreeMap<FaceId, subset::UsedGlyphs> = BTreeMap::new();
    for page in &doc.pages {
        for line in &page.lines {
            for g in &line.glyphs {
                let face = used.entry(g.face).or_default();
                if face.by_char.contains_key(&g.ch) {
                    continue;
                }
                let gid = fonts.glyph_id(g.face, g.ch).ok_or(PdfError::MissingGlyph {
                    ch: g.ch,
                    code: g.ch as u32,
                    face: fonts.file_label(g.face),
                    page: page.number,
                })?;
                face.insert(gid, g.ch);
            }
        }
    }
    Ok(used)
}

/// The Info dictionary's /Creator.
const CREATOR: &str = "Bulletin";
/// The Info dictionary's /Producer.
const PRODUCER: &str = concat!("Bulletin ", env!("CARGO_PKG_VERSION"), " (printpdf)");

/// Title, author and dates (docs/layout.md §10), all from the issue: no clock is read.
fn set_info(pdf: &mut PdfDocument, meta: &DocumentMeta) {
    let midnight = meta
        .date
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc()
        .timestamp();
    let date = OffsetDateTime::from_unix_timestamp(midnight).unwrap_or_else(|_| {
        OffsetDateTime::from_unix_timestamp(0).expect("the epoch is a valid date")
    });
    let info = &mut pdf.metadata.info;
    info.document_title = meta.title.clone();
    info.author = meta.author.clone();
    info.creator = CREATOR.to_string();
    info.producer = PRODUCER.to_string();
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
}

/// Deflates every stream not yet compressed, at zlib's default level. lopdf's own `compress`
/// uses the best level, which costs about twice the time for under 0.1 % smaller output; and
/// one encoder serves every stream, since setting one up (≈ 300 KB of tables, zeroed) cost
/// more than compressing a page's content.
fn compress(lo: &mut lopdf::Document) {
    let mut z = flate2::Compress::new(flate2::Compression::default(), true);
    for object in lo.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        z.reset();
        let mut packed = Vec::with_capacity(stream.content.len() / 2 + 64);
        let done = loop {
            match z.compress_vec(
                &stream.content[z.total_in() as usize..],
                &mut packed,
                flate2::FlushCompress::Finish,
            ) {
                Ok(flate2::Status::StreamEnd) => break true,
                Ok(_) => packed.reserve(packed.capacity().max(64)),
                Err(_) => break false,
            }
        };
        if done && packed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    }
}

/// The streams' bytes plus room for the objects around them.
fn estimated_size(lo: &lopdf::Document) -> usize {
    let streams: usize = lo
        .objects
        .values()
        .filter_map(|o| match o {
            lopdf::Object::Stream(s) => Some(s.content.len()),
            _ => None,
        })
        .sum();
    streams + 200 * lo.objects.len() + 4096
}

/// printpdf writes every Info key, empty or not; an empty `GTS_PDFXVersion` makes readers
/// report the file as PDF/X, which it is not. Keep only what docs/layout.md §10 asks for.
fn clean_info(lo: &mut lopdf::Document) {
    const KEEP: [&[u8]; 6] = [
        b"Title",
        b"Author",
        b"Creator",
        b"Producer",
        b"CreationDate",
        b"ModDate",
    ];
    let Ok(id) = lo.trailer.get(b"Info").and_then(|o| o.as_reference()) else {
        return;
    };
    if let Ok(info) = lo.get_dictionary_mut(id) {
        let drop: Vec<Vec<u8>> = info
            .iter()
            .map(|(k, _)| k.clone())
            .filter(|k| !KEEP.contains(&k.as_slice()))
            .collect();
        for k in drop {
            info.remove(&k);
        }
    }
}

/// The trailer /ID: 16 bytes hashed from everything the document shows (its properties, and
/// every glyph, rule and frame with its place, size and colour). Readers keep the first /ID when
/// they save annotations, so it tells whether a commented proof shows the pages laid out now.
pub fn document_id(doc: &Document, fonts: &FontBook) -> [u8; 16] {
    // The face of each glyph by its PostScript name: an installed face has its own.
    let names: Vec<String> = (0..FaceId::BUNDLED.len() + crate::fonts::FontRole::ALL.len())
        .map(|slot| {
            fonts
                .faces()
                .find(|f| f.slot() == slot)
                .map(|f| fonts.postscript_name(f))
                .unwrap_or_default()
        })
        .collect();
    let mut a = Fnv::new();
    let mut b = Fnv::new();
    b.write(b"bulletin-pdf-id");
    let mut both = |bytes: &[u8]| {
        a.write(bytes);
        b.write(bytes);
    };
    let meta = &doc.meta;
    for text in [&meta.title, &meta.author] {
        both(text.as_bytes());
        both(&[0]);
    }
    both(meta.date.to_string().as_bytes());
    let pt = |p: crate::units::Pt| p.0.to_bits().to_le_bytes();
    let rgb = |c: crate::page::Rgb| [c.r, c.g, c.b];
    for page in &doc.pages {
        both(&page.number.to_le_bytes());
        both(&pt(page.width));
        both(&pt(page.height));
        for line in &page.lines {
            both(&pt(line.size));
            both(&pt(line.baseline));
            both(&rgb(line.color));
            for g in &line.glyphs {
                both(&(g.ch as u32).to_le_bytes());
                both(names[g.face.slot()].as_bytes());
                both(&pt(g.x));
            }
        }
        for r in &page.rules {
            for v in [r.x0, r.x1, r.y, r.thickness] {
                both(&pt(v));
            }
            both(&rgb(r.color));
        }
        for f in &page.frames {
            for v in [f.x, f.y, f.width, f.height, f.thickness] {
                both(&pt(v));
            }
            both(&rgb(f.color));
        }
        for i in &page.images {
            both(i.image.bytes());
            for v in [i.x, i.y, i.width, i.height] {
                both(&pt(v));
            }
        }
    }
    let mut id = [0u8; 16];
    id[..8].copy_from_slice(&a.finish().to_be_bytes());
    id[8..].copy_from_slice(&b.finish().to_be_bytes());
    id
}

/// FNV-1a, 64 bit: a fixed, documented hash (std's `DefaultHasher` may change between Rust
/// releases, and an archive compares files by hash across versions).
pub(crate) struct Fnv(u64);

impl Fnv {
    pub(crate) fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub(crate) fn finish(&self) -> u64 {
        self.0
    }
}
