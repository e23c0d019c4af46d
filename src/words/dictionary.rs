//! jieba's dictionary (`word freq tag` lines, sorted by bytes) looked up where it lies in the
//! file: no load, no trie (docs/dependencies.md: jieba-rs' own load takes 100–140 ms).

use std::fs::File;
use std::path::Path;

use memmap2::Mmap;

/// The mapped dictionary file.
pub(crate) struct Dictionary {
    map: Mmap,
    /// The sum of every word's frequency: jieba scores a word by its share of it.
    total: usize,
}

/// One entry of the dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry<'d> {
    /// The word.
    pub word: &'d str,
    /// How often jieba's corpus has it.
    pub freq: usize,
    /// Its part of speech.
    pub tag: &'d str,
}

impl Dictionary {
    /// Maps `path`; `None` when it is missing, unreadable or not a sorted dictionary.
    ///
    /// Checking the file and summing its frequencies reads all 5 MB of it (≈ 14 ms, most of a
    /// `render`): `scripts/fetch-jieba-dict.sh` does that once and writes the size and the sum
    /// beside it (`dict.total`), which is trusted while the file's size still matches.
    pub(crate) fn open(path: &Path) -> Option<Dictionary> {
        let file = File::open(path).ok()?;
        // SAFETY: the dictionary is a read-only asset, not modified while the program runs.
        let map = unsafe { Mmap::map(&file) }.ok()?;
        let total = match recorded_total(path, map.len()) {
            Some(total) => total,
            None => checked_total(&map)?,
        };
        Some(Dictionary { map, total })
    }

    /// The sum of every word's frequency.
    pub(crate) fn total(&self) -> usize {
        self.total
    }

    /// The first entry whose word is not less than `word`, by bytes.
    fn lower_bound(&self, word: &str) -> Option<Entry<'_>> {
        // Bytes compare as the strings do; only the entry found is turned back into text.
        let bytes: &[u8] = &self.map;
        let key = word.as_bytes();
        // Invariant: `lo` is the start of a line; every line before it is less than `word`,
        // every line starting at or after `hi` is not.
        let (mut lo, mut hi) = (0usize, bytes.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = bytes[lo..mid]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(lo, |i| lo + i + 1);
            let end = bytes[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| start + i);
            let line = &bytes[start..end];
            let w = line.split(|&b| b == b' ').next().unwrap_or_default();
            if w < key {
                lo = end + 1;
            } else {
                hi = start;
            }
        }
        let end = bytes[lo.min(bytes.len())..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| lo + i);
        let line = std::str::from_utf8(bytes.get(lo..end)?).ok()?;
        let mut fields = line.split(' ');
        Some(Entry {
            word: fields.next()?,
            freq: fields.next().and_then(|f| f.parse().ok()).unwrap_or(0),
            tag: fields.next().unwrap_or(""),
        })
    }

    /// The entry of `word`, and whether any longer word starts with it.
    pub(crate) fn find(&self, word: &str) -> (Option<Entry<'_>>, bool) {
        match self.lower_bound(word) {
            Some(e) if e.word == word => {
                // The next line tells whether a longer word shares the prefix.
                let longer = self
                    .lower_bound(&format!("{word}\u{0}"))
                    .is_some_and(|n| n.word.starts_with(word) && n.word != word);
                (Some(e), longer)
            }
            Some(e) => (None, e.word.starts_with(word)),
            None => (None, false),
        }
    }
}

/// The frequency total `dict.total` records for a dictionary of `len` bytes at `path`.
fn recorded_total(path: &Path, len: usize) -> Option<usize> {
    let text = std::fs::read_to_string(path.with_extension("total")).ok()?;
    let mut fields = text.split_whitespace();
    let size: usize = fields.next()?.parse().ok()?;
    let total: usize = fields.next()?.parse().ok()?;
    (size == len).then_some(total)
}

/// The frequency total of `map`, after checking it is UTF-8 and sorted by bytes.
pub(crate) fn checked_total(map: &[u8]) -> Option<usize> {
    std::str::from_utf8(map).ok()?;
    let mut total = 0usize;
    let mut previous: &[u8] = b"";
    for line in map.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let mut fields = line.split(|&b| b == b' ');
        let word = fields.next()?;
        if word < previous {
            return None; // not sorted: a binary search would miss words
        }
        previous = word;
        let freq = fields
            .next()
            .and_then(|f| std::str::from_utf8(f).ok()?.parse().ok());
        total += freq.unwrap_or(0);
    }
    Some(total)
}
