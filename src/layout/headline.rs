//! Breaking a headline that is longer than its line where the editor gave no break
//! (docs/layout.md §4.1): only between words as jieba cuts them, outside “…” 《…》 （…） while a
//! break there fits (inside them, still between words, when none does), never inside a number or a
//! Latin word; after 「——」, a clause space or a comma by preference; the lines balanced (the
//! shortest at least half the longest; of two, the first the longer).

use std::collections::HashMap;

use crate::fonts::FontRole;
use crate::linebreak::{can_break, classify, Class, Item};

use super::diagnostics::Diagnostic;
use super::text::{SetLine, Setter};

/// What one preferred break is worth against unevenness (pt): more than any line's width, so
/// that a preferred break wins whenever the lines stay balanced.
const PREFERENCE: f32 = 10_000.0;

/// Most lines one headline line is broken into.
const MAX_LINES: usize = 4;

/// Brackets and quotes a headline never breaks inside (§4.1).
const PAIRS: [(char, char); 8] = [
    ('“', '”'),
    ('‘', '’'),
    ('《', '》'),
    ('（', '）'),
    ('(', ')'),
    ('「', '」'),
    ('『', '』'),
    ('【', '】'),
];

/// For each position `k` of `chars` (and the end), whether it lies outside every quote and bracket.
pub(crate) fn outside_quotes(chars: &[char]) -> Vec<bool> {
    let mut depth = [0i32; PAIRS.len()];
    let mut out = Vec::with_capacity(chars.len() + 1);
    out.push(true);
    for &c in chars {
        for (i, (open, close)) in PAIRS.iter().enumerate() {
            if c == *open {
                depth[i] += 1;
            } else if c == *close && depth[i] > 0 {
                depth[i] -= 1;
            }
        }
        out.push(depth.iter().all(|&d| d == 0));
    }
    out
}

/// Where a line of `chars` may end for the word rule: between words and outside quotes.
pub(crate) fn word_breaks(chars: &[char]) -> Vec<bool> {
    let text: String = chars.iter().collect();
    let words = crate::words::boundaries(&text);
    let quotes = outside_quotes(chars);
    words.iter().zip(&quotes).map(|(w, q)| *w && *q).collect()
}

/// How strictly a set of breaks is chosen: each rule tried in turn until one gives lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// Between words, outside quotes, balanced.
    Balanced,
    /// Between words, outside quotes.
    Words,
    /// Between words, inside quotes too, balanced: a title 《…》 longer than what is left of the
    /// line (§4.1).
    BalancedInside,
    /// Between words, inside quotes too.
    WordsInside,
    /// Anywhere the line-breaking rules allow (§8).
    Anywhere,
}

impl Rule {
    /// Whether the lines must balance.
    fn balanced(self) -> bool {
        matches!(self, Rule::Balanced | Rule::BalancedInside)
    }
}

/// Characters of `chars[a..b]` that are not punctuation or space.
fn weight(chars: &[char], a: usize, b: usize) -> usize {
    chars[a..b]
        .iter()
        .filter(|&&c| {
            matches!(
                classify(c, 1.0),
                Class::Ideographic | Class::Latin | Class::Symbol
            )
        })
        .count()
}

/// Whether a break before `chars[k]` is one the rule prefers: after 「——」, a comma or a colon,
/// at a clause space.
fn preferred(chars: &[char], k: usize) -> bool {
    matches!(chars[k - 1], '—' | '，' | '、' | '：' | '；' | ',' | ' ')
        || chars.get(k) == Some(&' ')
}

/// `text` (one line of the editor's, too long for `measure`) broken into centred-line pieces;
/// the diagnostic says where it broke.
pub(crate) fn break_headline(
    text: &str,
    role: FontRole,
    size: f32,
    measure: f32,
    set: &Setter,
) -> (Vec<SetLine>, Diagnostic) {
    let (items, _) = set.items(text, role, size);
    let chars: Vec<char> = items.iter().map(|i| i.ch).collect();
    let n = chars.len();
    let words = word_breaks(&chars);
    let inside = {
        let text: String = chars.iter().collect();
        crate::words::boundaries(&text)
    };
    let mut widths: HashMap<(usize, usize), f32> = HashMap::new();
    let mut piece = |a: usize, b: usize| -> (String, f32) {
        let s: String = chars[a..b].iter().collect::<String>().trim().to_string();
        let w = *widths
            .entry((a, b))
            .or_insert_with(|| set.line(&s, role, size, 0.0).right);
        (s, w)
    };
    let total = piece(0, n).1;
    let fewest = ((total / measure).ceil() as usize).clamp(2, MAX_LINES);
    for rule in [
        Rule::Balanced,
        Rule::Words,
        Rule::BalancedInside,
        Rule::WordsInside,
        Rule::Anywhere,
    ] {
        let candidates: Vec<usize> = (1..n)
            .filter(|&k| allowed(&items, &words, &inside, rule, k))
            .collect();
        for count in fewest..=MAX_LINES.min(fewest + 1) {
            let mut best: Option<(f32, Vec<usize>)> = None;
            let mut chosen = Vec::new();
            search(
                &candidates,
                0,
                count,
                &mut chosen,
                &mut |cuts: &[usize]| {
                    let bounds: Vec<usize> = std::iter::once(0)
                        .chain(cuts.iter().copied())
                        .chain(std::iter::once(n))
                        .collect();
                    let mut ws = Vec::new();
                    for p in bounds.windows(2) {
                        let (s, w) = piece(p[0], p[1]);
                        if s.is_empty() || w > measure + 0.01 {
                            return;
                        }
                        ws.push(w);
                    }
                    if rule.balanced() {
                        let counts: Vec<usize> = bounds
                            .windows(2)
                            .map(|p| weight(&chars, p[0], p[1]))
                            .collect();
                        let (lo, hi) = (
                            *counts.iter().min().unwrap_or(&0),
                            *counts.iter().max().unwrap_or(&0),
                        );
                        if lo * 2 < hi || (counts.len() == 2 && counts[0] < counts[1]) {
                            return;
                        }
                    }
                    let spread = ws.iter().copied().fold(f32::MIN, f32::max)
                        - ws.iter().copied().fold(f32::MAX, f32::min);
                    let bonus = cuts.iter().filter(|&&k| preferred(&chars, k)).count() as f32;
                    // Preferred breaks first, then the most even lines.
                    let score = spread - bonus * PREFERENCE;
                    if best.as_ref().is_none_or(|(s, _)| score < *s - 0.001) {
                        best = Some((score, cuts.to_vec()));
                    }
                },
            );
            if let Some((_, cuts)) = best {
                let bounds: Vec<usize> = std::iter::once(0)
                    .chain(cuts)
                    .chain(std::iter::once(n))
                    .collect();
                let texts: Vec<String> = bounds.windows(2).map(|p| piece(p[0], p[1]).0).collect();
                let lines = texts.iter().map(|t| set.line(t, role, size, 0.0)).collect();
                return (
                    lines,
                    Diagnostic::HeadlineBroken {
                        lines: texts,
                        between_words: rule != Rule::Anywhere,
                    },
                );
            }
        }
    }
    // No allowed break makes every line fit (a run longer than the line): broken where full.
    let mut params = set.params(size, measure, 0.0);
    params.justify = false;
    let lines = set.lines(text, role, size, &params);
    let texts = lines
        .iter()
        .map(|l| l.glyphs.iter().map(|g| g.ch).collect())
        .collect();
    (
        lines,
        Diagnostic::HeadlineBroken {
            lines: texts,
            between_words: false,
        },
    )
}

/// Whether `rule` lets a headline break before item `k`: `words` are the word boundaries outside
/// quotes, `inside` all word boundaries.
fn allowed(items: &[Item], words: &[bool], inside: &[bool], rule: Rule, k: usize) -> bool {
    can_break(items, k)
        && match rule {
            Rule::Balanced | Rule::Words => words[k],
            Rule::BalancedInside | Rule::WordsInside => inside[k],
            Rule::Anywhere => true,
        }
}

/// Calls `f` with every increasing choice of `count - 1` of `candidates[from..]`.
fn search(
    candidates: &[usize],
    from: usize,
    count: usize,
    chosen: &mut Vec<usize>,
    f: &mut dyn FnMut(&[usize]),
) {
    if chosen.len() + 1 == count {
        f(chosen);
        return;
    }
    for i in from..candidates.len() {
        chosen.push(candidates[i]);
        search(candidates, i + 1, count, chosen, f);
        chosen.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The headline of issue 23, a title in 《》 longer than a line: inside the title a break may
    /// fall between its words only.
    #[test]
    fn inside_a_title_only_word_boundaries_are_breaks() {
        let chars: Vec<char> = "《温州市全民科学素质行动规划纲要实施方案》印发"
            .chars()
            .collect();
        let outside = word_breaks(&chars);
        let inside = crate::words::boundaries(&chars.iter().collect::<String>());
        // Outside the quotes: before 《 and after 》 only.
        let out: Vec<usize> = (1..chars.len()).filter(|&k| outside[k]).collect();
        assert_eq!(out, [21]);
        // Between words inside it: 全民|科学, 科学|素质, 素质|行动, 行动|规划, 规划|纲要, 纲要|实施 …
        for k in [6, 8, 10, 12, 14, 16] {
            assert!(inside[k], "{k}: {:?}", &chars[..k]);
        }
        // … never 素质行|动规划 nor inside 全民, 科学, 素质, 行动, 规划, 纲要, 印发.
        for k in [5, 7, 9, 11, 13, 15, 22] {
            assert!(!inside[k], "{k}: {:?}", &chars[..k]);
        }
    }
}
