//! Words of Chinese text as jieba cuts them (the jieba-rs crate, with its dictionary), for the
//! headline and 本期要目 breaks of docs/layout.md §4.1: a line may end only where a word does.
//!
//! jieba-rs builds a trie of its whole dictionary before the first cut (100–140 ms here). A
//! headline needs only the dictionary's words that occur in it, so each cut gets a segmenter
//! holding just those, looked up in the sorted dictionary file in place (`dictionary`), plus one
//! filler entry that brings the frequency total to the whole dictionary's: jieba scores a word
//! by its share of that total, so the cut is the one the whole dictionary gives (a test checks
//! it against `Jieba::new()`). Where the file is absent, the crate's embedded dictionary is
//! loaded once instead.

mod dictionary;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use jieba_rs::Jieba;

use dictionary::Dictionary;

/// A word no text holds (private-use characters), carrying the rest of the frequency total.
const FILLER: &str = "\u{E000}\u{E001}";

/// How text is cut: the dictionary looked up in place, or jieba-rs' own loaded one.
enum Segmenter {
    InPlace(Dictionary),
    Loaded(Box<Jieba>),
}

/// The dictionary file: `assets/jieba/dict.txt` beside the bundled fonts' directory.
pub fn dictionary_path() -> PathBuf {
    let fonts = crate::fonts::FontBook::default_dir();
    fonts
        .parent()
        .map_or_else(|| PathBuf::from("jieba"), |p| p.join("jieba"))
        .join("dict.txt")
}

fn segmenter() -> &'static Segmenter {
    static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();
    SEGMENTER.get_or_init(|| match Dictionary::open(&dictionary_path()) {
        Some(d) => Segmenter::InPlace(d),
        None => Segmenter::Loaded(Box::new(Jieba::new())),
    })
}

/// The words of `text`, in order; their concatenation is `text`.
pub fn cut(text: &str) -> Vec<String> {
    match segmenter() {
        Segmenter::InPlace(dict) => cut_in_place(dict, text),
        Segmenter::Loaded(jieba) => jieba
            .cut(text, true)
            .into_iter()
            .map(|t| t.word.to_string())
            .collect(),
    }
}

/// `text` cut by a segmenter holding only the dictionary's words that occur in it.
fn cut_in_place(dict: &Dictionary, text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut jieba = Jieba::empty();
    let mut seen = HashSet::new();
    let mut sum = 0usize;
    for i in 0..chars.len() {
        let mut word = String::new();
        for &c in &chars[i..] {
            word.push(c);
            let (entry, longer) = dict.find(&word);
            if let Some(e) = entry {
                if seen.insert(e.word) {
                    jieba.add_word(e.word, Some(e.freq), Some(e.tag));
                    sum += e.freq;
                }
            }
            if !longer {
                break;
            }
        }
    }
    if dict.total() > sum {
        jieba.add_word(FILLER, Some(dict.total() - sum), None);
    }
    jieba
        .cut(text, true)
        .into_iter()
        .map(|t| t.word.to_string())
        .collect()
}

/// Texts cut so far in this process: the preview lays the same headlines out on every keystroke.
static CUTS: Mutex<Option<HashMap<String, Vec<bool>>>> = Mutex::new(None);
/// Most texts `CUTS` keeps before it starts again.
const CUTS_KEPT: usize = 1024;

/// For each character index `k` of `text` (and its end), whether a word ends before it.
pub fn boundaries(text: &str) -> Vec<bool> {
    let mut cuts = CUTS.lock().unwrap_or_else(|p| p.into_inner());
    let cuts = cuts.get_or_insert_with(HashMap::new);
    if let Some(b) = cuts.get(text) {
        return b.clone();
    }
    if cuts.len() >= CUTS_KEPT {
        cuts.clear();
    }
    let b = boundaries_of(text);
    cuts.insert(text.to_string(), b.clone());
    b
}

/// `boundaries`, computed.
fn boundaries_of(text: &str) -> Vec<bool> {
    let n = text.chars().count();
    let mut out = vec![false; n + 1];
    out[0] = true;
    let mut at = 0;
    for w in cut(text) {
        at += w.chars().count();
        if at <= n {
            out[at] = true;
        }
    }
    out[n] = true;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Headlines and sentences of the past issues in tests/data.
    fn texts() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue; // the GBK issue
            };
            for line in text.lines() {
                for s in line.split(['。', '；']) {
                    if s.chars().count() > 3 {
                        out.push(s.to_string());
                    }
                }
            }
        }
        out.push("市科协与温州理工学院就“科创中国”工作进行对接交流".into());
        out.push("调研“科创中国”试点城市建设工作".into());
        out
    }

    #[test]
    fn the_in_place_cut_is_the_whole_dictionarys_cut() {
        let dict = Dictionary::open(&dictionary_path())
            .expect("assets/jieba/dict.txt (scripts/fetch-jieba-dict.sh)");
        let jieba = Jieba::new();
        let texts = texts();
        assert!(texts.len() > 100);
        for t in &texts {
            let whole: Vec<&str> = jieba.cut(t, true).into_iter().map(|t| t.word).collect();
            assert_eq!(cut_in_place(&dict, t), whole, "{t}");
        }
    }

    #[test]
    fn the_recorded_total_is_the_dictionarys() {
        let path = dictionary_path();
        let recorded = Dictionary::open(&path).unwrap().total();
        let map = std::fs::read(&path).unwrap();
        assert_eq!(Some(recorded), dictionary::checked_total(&map));
    }

    #[test]
    fn boundaries_fall_between_words() {
        let b = boundaries("科创中国试点城市");
        assert_eq!(b.len(), 9);
        assert!(b[0] && b[8]);
        // 「科创」 is one word with the HMM on (docs/dependencies.md).
        assert!(!b[1]);
    }

    #[test]
    fn a_damaged_dictionary_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dict.txt");
        // Out of byte order (甲 U+7532 after 乙 U+4E59): a binary search would miss words.
        std::fs::write(&path, "甲 5 n\n乙 3 n\n").unwrap();
        assert!(Dictionary::open(&path).is_none());
        std::fs::write(&path, "乙 3 n\n甲 5 n\n").unwrap();
        assert!(Dictionary::open(&path).is_some());
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        assert!(Dictionary::open(&path).is_none());
        assert!(Dictionary::open(&dir.path().join("missing.txt")).is_none());
    }
}
