//! The files `render` and `export` write: one optional path per format, one arm per format.

use std::path::{Path, PathBuf};

use bulletin::fonts::FontBook;
use bulletin::model::Issue;

use super::error::CliError;

/// The outputs asked for on the command line; at least one must be given.
// To add a format (e.g. `--pdf OUT`, `--docx OUT`): add a field here and one arm in `write_all`.
#[derive(Debug, clap::Args)]
#[group(id = "outputs", required = true, multiple = true)]
#[command(next_help_heading = "输出")]
pub struct Outputs {
    /// Where to write the JSON interchange form.
    #[arg(long, value_name = "OUT", help = "写出 JSON 文件（交换格式）")]
    pub json: Option<PathBuf>,
    /// Where to write the PDF.
    #[arg(long, value_name = "OUT", help = "写出 PDF 文件")]
    pub pdf: Option<PathBuf>,
    /// Where to write the Word document.
    #[arg(long, value_name = "OUT", help = "写出 Word 文件（DOCX）")]
    pub docx: Option<PathBuf>,
}

impl Outputs {
    /// Writes every requested output of `issue` atomically, set in `fonts` (the DOCX names the
    /// faces the PDF uses); returns the files written, in order.
    pub fn write_all(&self, issue: &Issue, fonts: &FontBook) -> Result<Vec<PathBuf>, CliError> {
        let mut written = Vec::new();
        if let Some(path) = &self.json {
            write_file(path, bulletin::json::to_string(issue).as_bytes())?;
            written.push(path.clone());
        }
        if let Some(path) = &self.pdf {
            bulletin::pdf::export_issue_with(issue, fonts, path)?;
            super::fonts::note_fallbacks(issue, fonts);
            written.push(path.clone());
        }
        if let Some(path) = &self.docx {
            bulletin::docx::write_with(
                &bulletin::layout::with_headline_breaks(issue, fonts),
                &bulletin::docx::FontNames::of(fonts),
                path,
            )?;
            written.push(path.clone());
        }
        Ok(written)
    }
}

/// Writes one output file atomically (temporary file, then rename), so a failure never leaves
/// a half-written file where an older one was.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    bulletin::atomic_file::write(path, bytes).map_err(|source| CliError::Write {
        path: path.to_path_buf(),
        source,
    })
}
