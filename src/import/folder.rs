//! The files an import takes from the paths the editor named: files as named, folders walked
//! recursively for past issues (.txt .docx .doc .json), anything else skipped and counted.

use std::path::{Path, PathBuf};

/// The extensions a folder's files are taken by (compared without case).
pub const EXTENSIONS: [&str; 4] = ["txt", "docx", "doc", "json"];

/// What a walk found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The files to import, in the order named, each folder's files in name order.
    pub files: Vec<PathBuf>,
    /// Files in the folders that are no past issue by their extension (pictures, PDFs…).
    pub skipped: Vec<PathBuf>,
    /// Folders that could not be read, with the reason.
    pub unreadable: Vec<(PathBuf, String)>,
}

/// Whether a file in a folder is taken, by its extension.
pub fn is_importable(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The files to import from `paths`: a file is taken as named (the reader says what it is), a
/// folder is walked recursively in name order. Hidden entries (「.」 names, e.g. editors' lock
/// files 「~$…」 too) inside folders are left out; a symbolic link to a folder is not followed, so a
/// loop of links cannot make the walk endless.
pub fn collect(paths: &[PathBuf]) -> Found {
    let mut found = Found::default();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut found);
        } else {
            found.files.push(path.clone());
        }
    }
    found
}

fn walk(dir: &Path, found: &mut Found) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            found.unreadable.push((dir.to_path_buf(), e.to_string()));
            return;
        }
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if name.is_some_and(|n| n.starts_with('.') || n.starts_with("~$")) {
            continue;
        }
        let is_link = path
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink());
        if path.is_dir() {
            if !is_link {
                walk(&path, found);
            }
        } else if is_importable(&path) {
            found.files.push(path);
        } else {
            found.skipped.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_in_order_and_other_files_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("2013/下半年")).unwrap();
        for f in [
            "2013/b.TXT",
            "2013/a.docx",
            "2013/下半年/c.doc",
            "2013/下半年/d.json",
            "2013/封面.jpg",
            "2013/.hidden.txt",
            "2013/~$a.docx",
            "说明.pdf",
        ] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let named = root.join("说明.pdf");
        let found = collect(&[root.join("2013"), named.clone()]);
        assert_eq!(
            found.files,
            [
                root.join("2013/a.docx"),
                root.join("2013/b.TXT"),
                root.join("2013/下半年/c.doc"),
                root.join("2013/下半年/d.json"),
                named,
            ]
        );
        assert_eq!(found.skipped, [root.join("2013/封面.jpg")]);
        assert!(found.unreadable.is_empty());
    }
}
