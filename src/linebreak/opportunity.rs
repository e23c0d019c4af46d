//! Break opportunities: where a line may end (docs/layout.md §8, §8.3).

use super::class::Class;
use super::item::Item;

/// Where the lines of one paragraph may break: the rules of §8 and §8.3, and for a headline or
/// a 本期要目 entry only between words (§4.1).
#[derive(Debug, Clone, Copy)]
pub struct Breaks<'a> {
    /// The paragraph's items.
    pub items: &'a [Item],
    /// `words[k]`: whether a word ends before item `k`; `None` where any character may end a line.
    pub words: Option<&'a [bool]>,
}

impl Breaks<'_> {
    /// Whether a line may break before item `k`.
    pub fn allowed(&self, k: usize) -> bool {
        can_break(self.items, k)
            && (k == 0
                || k >= self.items.len()
                || self.words.is_none_or(|w| w.get(k).copied().unwrap_or(true)))
    }
}

/// The longest parenthetical kept on one line: a byline or a source (§8.3).
pub const NAME_MAX: usize = 12;

/// Whether a line may break between `items[k - 1]` and `items[k]` (§8, §8.3).
pub fn can_break(items: &[Item], k: usize) -> bool {
    if k == 0 || k >= items.len() {
        return true;
    }
    let (p, c) = (&items[k - 1], &items[k]);
    if c.class.no_start() || p.class.no_end() {
        return false;
    }
    // A byline or a source in parentheses is a name: it moves whole (§8.3).
    if in_name(items, k) {
        return false;
    }
    if p.class == Class::Space || c.class == Class::Space {
        return true;
    }
    // 第4期, a date 2020年4月30日 and a range 4月9日—27日: no break before the number (§8.3).
    if c.ch.is_ascii_digit()
        && (p.ch == '第'
            || (matches!(p.ch, '年' | '月' | '—' | '－' | '-' | '～' | '~')
                && k >= 2
                && matches!(items[k - 2].ch, '0'..='9' | '日' | '月' | '—')))
    {
        return false;
    }
    // A Latin word or a number never splits.
    if p.class.in_word() && c.class.in_word() {
        return false;
    }
    // A number keeps its unit or measure word (2020年, 75个, 20世纪); any other character after
    // a number may start a line (2020|峰会, as 2020|世界).
    if p.ch.is_ascii_digit() && c.class == Class::Ideographic && starts_unit(items, k) {
        return false;
    }
    // Nor does a unit of two characters split after a number (20世纪).
    if k >= 2 && items[k - 2].ch.is_ascii_digit() && starts_unit_word(items, k - 1) {
        return false;
    }
    // 「……」 and 「——」 are one mark.
    if p.ch == c.ch && matches!(c.ch, '…' | '—' | '―' | '⸺' | '‥') {
        return false;
    }
    true
}

/// Units and measure words that follow a number (§8.3: "a number with its unit"): dates and
/// times, counts, money, quantities, ages, ranks, and approximations (100多个, 30余家).
const UNITS: &str = "年月日号时点分秒周天岁个位名人家户项次元角万亿千百十件条台套批场届期份本张篇部种类所座辆架艘只头株棵块层级例笔间栋倍度克吨升米亩多余";
/// Units of two characters whose first character is no unit by itself.
const UNIT_WORDS: &[&str] = &[
    "世纪", "小时", "分钟", "公里", "公斤", "公顷", "平方", "立方", "厘米", "毫米", "千克",
];

/// Whether the items from `k` on start a unit or measure word.
fn starts_unit(items: &[Item], k: usize) -> bool {
    UNITS.contains(items[k].ch) || starts_unit_word(items, k)
}

/// Whether the items from `k` on start one of the two-character `UNIT_WORDS`.
fn starts_unit_word(items: &[Item], k: usize) -> bool {
    UNIT_WORDS.iter().any(|w| {
        let n = w.chars().count();
        items.len() >= k + n && w.chars().zip(&items[k..k + n]).all(|(a, i)| a == i.ch)
    })
}

/// Whether the break before `items[k]` falls inside a short parenthetical with no punctuation in
/// it, 「（朱哲汝）」 or 「(市科协办公室)」 (§8.3).
fn in_name(items: &[Item], k: usize) -> bool {
    let stops = |i: &Item| {
        matches!(
            i.ch,
            '，' | '。' | '、' | '；' | '：' | '！' | '？' | ',' | ';' | ':' | '!' | '?'
        )
    };
    let mut open = None;
    for back in 1..=NAME_MAX + 1 {
        let Some(i) = k.checked_sub(back) else { break };
        let it = &items[i];
        if matches!(it.ch, '（' | '(') {
            open = Some(i);
            break;
        }
        if matches!(it.ch, '）' | ')') || stops(it) {
            return false;
        }
    }
    let Some(open) = open else { return false };
    for (i, it) in items.iter().enumerate().skip(k).take(NAME_MAX + 1) {
        if i - open > NAME_MAX + 1 {
            return false;
        }
        if matches!(it.ch, '）' | ')') {
            return true;
        }
        if matches!(it.ch, '（' | '(') || stops(it) {
            return false;
        }
    }
    false
}
