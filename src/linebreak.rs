//! Chinese line breaking (spec §8, after clreq and GB/T 15834): a pure function from characters
//! with their widths to lines with x positions, independent of pages and fonts, so the page
//! layout, the DOCX export and the app's preview all break lines the same way.
//!
//! Model: every item takes a box on the line. Full-width items (Han characters and full-width
//! punctuation) take one cell of 1 em; Latin letters, digits and half-width marks take their own
//! proportional advance (§8). Between two adjacent items there is a natural gap: the grid's
//! tracking (−0.21 pt for the 16 pt body, §1), plus a quarter em between a Latin letter or digit
//! and a Han character (§8). Tracking is letter-spacing after every item, as Word's and
//! LibreOffice's character spacing is: so a digit between two Han characters (8 pt and two
//! quarter ems, each gap tracked) takes exactly one 15.79 pt cell, and a line of 27 Han characters
//! and one digit fills the measure as 28 Han characters do.
//!
//! Lines are filled greedily. When the break after the last item that fits is forbidden (a
//! character that may not start or end a line, or a break inside 「……」「——」, a number with its
//! unit, or a Latin word), the line is fixed in one of two ways, whichever changes it less (§8):
//! pulling the next characters up by squeezing full-width punctuation inside the line (each by at
//! most half its width), or pushing the last characters down and spreading the remaining gaps;
//! on a tie, closing marks are pulled up and other characters pushed down. Every line but a
//! paragraph's last then fills the measure exactly when justifying.
//!
//! A mark at a line's edge is never squeezed: PDF readers (and pdfcheck) measure a glyph by its
//! advance, so a half-width 「。」 at the end would stick out past the measure by half a cell, and
//! a squeezed 「（」 at the start past the left edge.

/// What a character is for breaking and spacing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// A full-width character taking one cell: Han, kana, full-width letters, em-wide symbols.
    Ideographic,
    /// Full-width opening bracket or quote 「（「『【〈《〔［｛“‘」: never at a line's end; its ink
    /// sits in the right half of its cell, so its left half may be squeezed away.
    Opening,
    /// Full-width closing bracket, quote or pause/stop mark 「，。、；：！）」』】〉》〕］｝”’」:
    /// never at a line's start; its ink sits in the left half, so its right half may be squeezed.
    Closing,
    /// Other full-width marks never at a line's start, with centred ink (never squeezed):
    /// 「？…—～·％」.
    NoStart,
    /// A Latin letter or digit, in its proportional width; runs of them are words or numbers.
    Latin,
    /// Half-width opening mark `( [ {`: never at a line's end.
    HalfOpening,
    /// Half-width mark never at a line's start: `, . ; : ? ! ) ] } % ‰`.
    HalfClosing,
    /// Any other proportional character (signs, symbols): part of the word it touches.
    Symbol,
    /// A breakable space, dropped where a line breaks.
    Space,
}

impl Class {
    /// Whether the item takes one full-width cell.
    pub fn is_full_width(self) -> bool {
        matches!(
            self,
            Class::Ideographic | Class::Opening | Class::Closing | Class::NoStart
        )
    }

    /// Whether the item may not start a line (spec §8).
    pub fn no_start(self) -> bool {
        matches!(self, Class::Closing | Class::NoStart | Class::HalfClosing)
    }

    /// Whether the item may not end a line (spec §8).
    pub fn no_end(self) -> bool {
        matches!(self, Class::Opening | Class::HalfOpening)
    }

    /// Whether the item is part of a proportional word (Latin word, number, URL…), which never splits.
    fn in_word(self) -> bool {
        matches!(
            self,
            Class::Latin | Class::HalfOpening | Class::HalfClosing | Class::Symbol
        )
    }
}

/// Full-width marks never at a line's start whose ink is in the left half (squeezable) (§8).
const CLOSING: &str = "，。、；：！）」』】〉》〕］｝〗〙〛｠”’";
/// Full-width marks never at a line's end, ink in the right half (squeezable) (§8).
const OPENING: &str = "（「『【〈《〔［｛〖〘〚｟“‘";
/// Other marks never at a line's start, taking a full cell with centred ink (§8).
const NO_START_FULL: &str = "？…—―⸺～·・‧％‥";
/// Half-width forms of the marks never at a line's start (§8).
const HALF_CLOSING: &str = ",.;:?!)]}%‰";
/// Half-width forms of the marks never at a line's end (§8).
const HALF_OPENING: &str = "([{";

/// Whether `ch` is in a block of characters that take a full cell (Han, kana, Hangul, CJK
/// symbols, full-width forms).
pub fn is_wide(ch: char) -> bool {
    matches!(ch as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// The class of `ch`; `advance_em` (its advance in em) decides whether a symbol outside the CJK
/// blocks (e.g. 「◆」) takes a full cell.
pub fn classify(ch: char, advance_em: f32) -> Class {
    if CLOSING.contains(ch) {
        Class::Closing
    } else if OPENING.contains(ch) {
        Class::Opening
    } else if NO_START_FULL.contains(ch) {
        Class::NoStart
    } else if HALF_CLOSING.contains(ch) {
        Class::HalfClosing
    } else if HALF_OPENING.contains(ch) {
        Class::HalfOpening
    } else if ch == ' ' || (ch.is_whitespace() && ch != '\u{3000}' && ch != '\u{a0}') {
        Class::Space
    } else if is_wide(ch) {
        Class::Ideographic
    } else if ch.is_alphanumeric() {
        Class::Latin
    } else if advance_em >= 0.9 {
        Class::Ideographic
    } else {
        Class::Symbol
    }
}

/// One character to set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    /// The character.
    pub ch: char,
    /// Its class.
    pub class: Class,
    /// The width of its box on the line, in pt: 1 em for full-width items, the advance otherwise.
    pub width: f32,
    /// Where its glyph's origin sits from the left of its box (a narrow glyph in a full cell:
    /// opening marks to the right, closing marks to the left, others centred).
    pub offset: f32,
}

impl Item {
    /// The item for `ch`, whose glyph advance is `advance` pt, set in `size` pt.
    pub fn new(ch: char, advance: f32, size: f32) -> Item {
        let class = classify(ch, if size > 0.0 { advance / size } else { 0.0 });
        let (width, offset) = if class.is_full_width() {
            let spare = (size - advance).max(0.0);
            let offset = match class {
                Class::Opening => spare,
                Class::Closing => 0.0,
                _ => spare / 2.0,
            };
            (size, offset)
        } else {
            (advance, 0.0)
        };
        Item {
            ch,
            class,
            width,
            offset,
        }
    }

    /// How much of its width squeezing may remove (half a full-width mark, else nothing).
    fn squeezable(&self) -> f32 {
        match self.class {
            Class::Opening | Class::Closing => self.width / 2.0,
            _ => 0.0,
        }
    }
}

/// How to set a paragraph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// The full line length, in pt.
    pub measure: f32,
    /// Where the first line starts, from the measure's left edge.
    pub first_indent: f32,
    /// Where every other line starts (a hanging indent for TOC entries).
    pub indent: f32,
    /// Extra space between any two adjacent items, letter-spacing (negative: tighter).
    pub tracking: f32,
    /// Space between a Latin letter or digit and a Han character (a quarter em, §8), or 0.
    pub latin_gap: f32,
    /// Whether lines but the last are spread to fill the measure exactly.
    pub justify: bool,
}

/// Tolerance for "fits", in pt.
pub const EPSILON: f32 = 0.005;

/// How a line's end was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    /// The greedy break was allowed (or the paragraph ended).
    None,
    /// Characters were pulled up into the line by squeezing its punctuation.
    Squeezed,
    /// Characters were pushed down to the next line and the line spread.
    Spread,
    /// No allowed break exists near the end (a line of only punctuation, a word longer than the
    /// measure): broken where the line is full.
    Forced,
}

/// One set line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The first item on the line (spaces at a break are dropped).
    pub start: usize,
    /// One past the last item on the line.
    pub end: usize,
    /// The glyph origin of each item in `start..end`, from the measure's left edge.
    pub x: Vec<f32>,
    /// The right edge of the line's last box, from the measure's left edge.
    pub right: f32,
    /// Whether this is the paragraph's last line.
    pub last: bool,
    /// How the break was chosen.
    pub fix: Fix,
}

/// Whether a line may break between `items[k - 1]` and `items[k]` (spec §8).
pub fn can_break(items: &[Item], k: usize) -> bool {
    if k == 0 || k >= items.len() {
        return true;
    }
    let (p, c) = (&items[k - 1], &items[k]);
    if c.class.no_start() || p.class.no_end() {
        return false;
    }
    if p.class == Class::Space || c.class == Class::Space {
        return true;
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

/// Units and measure words that follow a number (§8: "a number with its unit"): dates and
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

/// The natural gap between `items[k - 1]` and `items[k]`.
fn gap(items: &[Item], k: usize, params: &Params) -> f32 {
    let (p, c) = (&items[k - 1], &items[k]);
    if (p.class == Class::Latin && c.class == Class::Ideographic)
        || (p.class == Class::Ideographic && c.class == Class::Latin)
    {
        params.tracking + params.latin_gap
    } else {
        params.tracking
    }
}

/// Whether justification may widen the gap before `items[k]` (not inside a word or a two-em dash).
fn stretchable(items: &[Item], k: usize) -> bool {
    let (p, c) = (&items[k - 1], &items[k]);
    let in_word = p.class.in_word() && c.class.in_word();
    let in_dash = p.ch == c.ch && matches!(c.ch, '…' | '—' | '―' | '‥');
    !in_word && !in_dash
}

/// The natural width of `items[a..b]` (no edge spaces expected).
fn natural(items: &[Item], a: usize, b: usize, params: &Params) -> f32 {
    let mut w = 0.0;
    for k in a..b {
        if k > a {
            w += gap(items, k, params);
        }
        w += items[k].width;
    }
    w
}

/// `b` moved back over spaces, so that a line `a..b` has none at its end.
fn trim_end(items: &[Item], a: usize, mut b: usize) -> usize {
    while b > a && items[b - 1].class == Class::Space {
        b -= 1;
    }
    b
}

/// What squeezing can remove from `items[a..b]`: its full-width marks but the first and the last
/// (a squeezed mark at a line's edge would stick out of the measure).
fn squeeze_capacity(items: &[Item], a: usize, b: usize) -> f32 {
    if b <= a + 2 {
        return 0.0;
    }
    items[a + 1..b - 1].iter().map(Item::squeezable).sum()
}

/// Breaks `items` into lines and positions them.
pub fn break_lines(items: &[Item], params: &Params) -> Vec<Line> {
    let n = items.len();
    let mut lines = Vec::new();
    let mut a = 0;
    while a < n && items[a].class == Class::Space {
        a += 1;
    }
    while a < n {
        let indent = if lines.is_empty() {
            params.first_indent
        } else {
            params.indent
        };
        let avail = params.measure - indent;
        // Greedy: the most items that fit at their natural width (at least one).
        let mut b = a + 1;
        let mut w = items[a].width;
        while b < n {
            let next = w + gap(items, b, params) + items[b].width;
            if next > avail + EPSILON && items[b].class != Class::Space {
                break;
            }
            w = next;
            b += 1;
        }
        let (end, fix) = if b >= n || can_break(items, b) {
            (b, Fix::None)
        } else {
            choose_break(items, a, b, avail, params)
        };
        let trimmed = trim_end(items, a, end);
        let last = end >= n || items[end..].iter().all(|i| i.class == Class::Space);
        lines.push(position(
            items,
            a,
            trimmed,
            indent,
            avail,
            last && fix == Fix::None,
            fix,
            params,
        ));
        if let Some(l) = lines.last_mut() {
            l.last = last;
        }
        a = end;
        while a < n && items[a].class == Class::Space {
            a += 1;
        }
    }
    lines
}

/// The best allowed break for a line starting at `a` whose greedy break `b` is forbidden.
fn choose_break(items: &[Item], a: usize, b: usize, avail: f32, params: &Params) -> (usize, Fix) {
    let n = items.len();
    // Pull up: the first allowed break after b, if squeezing the line's marks makes room.
    let mut pull = None;
    let mut k = b + 1;
    while k <= n {
        if k == n || can_break(items, k) {
            let e = trim_end(items, a, k);
            let need = natural(items, a, e, params) - avail;
            if need <= squeeze_capacity(items, a, e) + EPSILON {
                pull = Some((k, need.max(0.0)));
            }
            break;
        }
        k += 1;
    }
    // Push down: the last allowed break before b.
    let mut push = None;
    let mut k = b - 1;
    while k > a {
        if can_break(items, k) {
            let e = trim_end(items, a, k);
            if e > a {
                push = Some((k, avail - natural(items, a, e, params)));
                break;
            }
        }
        k -= 1;
    }
    match (pull, push) {
        (Some((kp, squeeze)), Some((kd, spread))) => {
            // On a tie, squeeze only to pull up the marks that close the line's text (a comma, a
            // closing bracket); a character is pushed down rather than pulled up by squeezing
            // a cell out of the marks before it, and the spread shares the cell among all the
            // line's gaps.
            let pulls_marks = items[b..kp]
                .iter()
                .all(|i| i.class.no_start() || i.class == Class::Space);
            if squeeze < spread - EPSILON || (squeeze <= spread + EPSILON && pulls_marks) {
                (kp, Fix::Squeezed)
            } else {
                (kd, Fix::Spread)
            }
        }
        (Some((kp, _)), None) => (kp, Fix::Squeezed),
        (None, Some((kd, _))) => (kd, Fix::Spread),
        (None, None) => (b, Fix::Forced),
    }
}

/// Positions `items[a..b]` starting at `indent`: squeezed to `avail` if too long, spread to it
/// when justifying a line that is not the last, else at natural width.
#[allow(clippy::too_many_arguments)]
fn position(
    items: &[Item],
    a: usize,
    b: usize,
    indent: f32,
    avail: f32,
    last: bool,
    fix: Fix,
    params: &Params,
) -> Line {
    let nat = natural(items, a, b, params);
    let count = b - a;
    // Per-item squeeze and per-gap extra space.
    let mut squeeze = vec![0.0f32; count];
    let mut extra = 0.0f32;
    let mut stretch_gaps = 0usize;
    let excess = nat - avail;
    if excess > EPSILON {
        let cap = squeeze_capacity(items, a, b);
        if cap > 0.0 {
            let ratio = (excess / cap).min(1.0);
            for (k, s) in squeeze.iter_mut().enumerate().take(count - 1).skip(1) {
                *s = items[a + k].squeezable() * ratio;
            }
        }
    } else if params.justify && !last && count > 1 {
        stretch_gaps = (a + 1..b).filter(|&k| stretchable(items, k)).count();
        let gaps = if stretch_gaps == 0 {
            count - 1
        } else {
            stretch_gaps
        };
        extra = (avail - nat) / gaps as f32;
    }
    let mut x = Vec::with_capacity(count);
    let mut pos = indent;
    for (i, k) in (a..b).enumerate() {
        if k > a {
            pos += gap(items, k, params);
            if extra != 0.0 && (stretch_gaps == 0 || stretchable(items, k)) {
                pos += extra;
            }
        }
        let item = &items[k];
        // A squeezed opening mark loses its left half: its glyph moves left with the cut.
        let shift = if item.class == Class::Opening {
            squeeze[i]
        } else {
            0.0
        };
        x.push(pos + item.offset - shift);
        pos += item.width - squeeze[i];
    }
    Line {
        start: a,
        end: b,
        x,
        right: pos,
        last,
        fix,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZE: f32 = 16.0;
    /// 156 mm in pt (spec §1).
    const MEASURE: f32 = 156.0 * 72.0 / 25.4;

    fn params() -> Params {
        Params {
            measure: MEASURE,
            first_indent: 2.0 * (MEASURE - SIZE) / 27.0,
            indent: 0.0,
            tracking: (MEASURE - 28.0 * SIZE) / 27.0,
            latin_gap: SIZE / 4.0,
            justify: true,
        }
    }

    /// Items with font-like advances: full-width marks one em, Latin letters and digits about half.
    fn items(text: &str) -> Vec<Item> {
        text.chars()
            .map(|ch| {
                let adv = if ch.is_ascii_digit() {
                    0.5
                } else if ch.is_ascii_alphabetic() {
                    if ch.is_ascii_uppercase() {
                        0.7
                    } else {
                        0.48
                    }
                } else if ch == ' ' {
                    0.33
                } else if ch.is_ascii() {
                    0.3
                } else {
                    1.0
                };
                Item::new(ch, adv * SIZE, SIZE)
            })
            .collect()
    }

    /// Checks every invariant of a set paragraph and returns its lines as strings.
    fn check(text: &str, p: &Params) -> Vec<String> {
        let its = items(text);
        let lines = break_lines(&its, p);
        let mut out = Vec::new();
        let mut next = 0;
        for (i, l) in lines.iter().enumerate() {
            // Items in order, only spaces skipped between lines.
            assert!(its[next..l.start].iter().all(|i| i.class == Class::Space));
            next = l.end;
            assert_eq!(l.x.len(), l.end - l.start);
            assert!(l.x.windows(2).all(|w| w[0] <= w[1] + 0.01), "{:?}", l.x);
            let indent = if i == 0 { p.first_indent } else { p.indent };
            let first = &its[l.start];
            assert!(l.x[0] - first.offset >= indent - 0.01);
            // The right edge, from the last glyph's own position.
            let last = &its[l.end - 1];
            let right = l.x[l.x.len() - 1] - last.offset + last.width;
            assert!((right - l.right).abs() < 0.01);
            assert!(right <= p.measure + 0.01, "line {i} sticks out: {right}");
            assert_eq!(l.last, i == lines.len() - 1);
            if !l.last && p.justify {
                assert!(
                    (right - p.measure).abs() < 0.01,
                    "line {i} is {right}, not the measure"
                );
            }
            out.push(its[l.start..l.end].iter().map(|i| i.ch).collect());
        }
        assert!(its[next..].iter().all(|i| i.class == Class::Space));
        out
    }

    fn assert_no_violation(lines: &[String]) {
        for (i, l) in lines.iter().enumerate() {
            let first = l.chars().next().unwrap();
            let last = l.chars().last().unwrap();
            if i > 0 {
                assert!(
                    !classify(first, 1.0).no_start(),
                    "line {i} starts with {first}: {lines:?}"
                );
            }
            if i + 1 < lines.len() {
                assert!(
                    !classify(last, 1.0).no_end(),
                    "line {i} ends with {last}: {lines:?}"
                );
            }
        }
    }

    fn han(n: usize) -> String {
        "温州科协信息简报".chars().cycle().take(n).collect()
    }

    #[test]
    fn plain_han_fills_28_cells_and_the_indented_first_line_26() {
        let lines = check(&han(100), &params());
        let counts: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
        assert_eq!(counts, vec![26, 28, 28, 18]);
    }

    #[test]
    fn every_forbidden_line_start_is_avoided() {
        for ch in "，。、；：？！）」』】〉》〕］｝”’…—～·％%‰,.;:?!)]}".chars()
        {
            // The 27th character of the first line would start the second: make it a forbidden one.
            for pos in [26, 27] {
                let mut text = han(pos);
                text.push(ch);
                text.push_str(&han(40));
                let lines = check(&text, &params());
                assert_no_violation(&lines);
                assert_eq!(lines.concat(), text.replace(' ', ""), "{ch}");
            }
        }
    }

    #[test]
    fn every_forbidden_line_end_is_avoided() {
        for ch in "（「『【〈《〔［｛“‘([{".chars() {
            for pos in [25, 26] {
                let mut text = han(pos);
                text.push(ch);
                text.push_str(&han(40));
                let lines = check(&text, &params());
                assert_no_violation(&lines);
                assert_eq!(lines.concat(), text, "{ch}");
            }
        }
    }

    #[test]
    fn a_closing_mark_at_the_break_is_pulled_up_by_squeezing() {
        // 26 cells fill the first line; the 27th is 「，」, which cannot start the next line.
        // Squeezing the line's two inner marks (「、」) by half makes room for it.
        let text = format!("{}、{}、{}，{}", han(8), han(8), han(8), han(20));
        let its = items(&text);
        let lines = break_lines(&its, &params());
        assert_eq!(lines[0].fix, Fix::Squeezed);
        assert_eq!(lines[0].end, 27);
        assert!((lines[0].right - MEASURE).abs() < 0.01);
    }

    #[test]
    fn a_mark_at_the_line_end_keeps_its_full_cell() {
        // 28 cells are full; the 29th, 「。」, cannot start the next line. The one 「。」 inside the
        // line frees half a cell, not enough; squeezing the line-end mark too would leave its
        // glyph box (its advance, which PDF readers and pdfcheck measure) sticking out past the
        // measure, so the last character is pushed down instead.
        let text = format!("{}{}。{}。{}", han(26), han(17), han(10), han(20));
        let its = items(&text);
        let lines = break_lines(&its, &params());
        assert_eq!(lines[1].fix, Fix::Spread);
        for l in &lines {
            let last = &its[l.end - 1];
            let end = l.x[l.x.len() - 1] - last.offset + last.width;
            assert!(end <= MEASURE + 0.01, "{end}");
        }
        check(&text, &params());
    }

    #[test]
    fn on_a_tie_marks_are_pulled_up_and_characters_pushed_down() {
        // Pulling up the 29th item costs a full cell of squeezing, as does pushing the 28th down.
        // The 29th is 「，」: squeezed onto the line.
        let text = format!(
            "{}{}、{}、{}，{}",
            han(26),
            han(8),
            han(8),
            han(10),
            han(20)
        );
        let lines = check(&text, &params());
        assert_eq!(lines[1], format!("{}、{}、{}，", han(8), han(8), han(10)));
        // The 28th is 「（」 (never at a line's end): pushed down with the character it opens.
        let text = format!(
            "{}{}、{}、{}（{}）",
            han(26),
            han(8),
            han(8),
            han(9),
            han(20)
        );
        let lines = check(&text, &params());
        assert_eq!(lines[1], format!("{}、{}、{}", han(8), han(8), han(9)));
        assert!(lines[2].starts_with('（'));
    }

    #[test]
    fn without_marks_to_squeeze_the_last_character_is_pushed_down() {
        let text = format!("{}，{}", han(26), han(20));
        let its = items(&text);
        let lines = break_lines(&its, &params());
        assert_eq!(lines[0].fix, Fix::Spread);
        assert_eq!(lines[0].end, 25);
        assert!((lines[0].right - MEASURE).abs() < 0.01);
    }

    #[test]
    fn ellipsis_and_dash_pairs_never_split() {
        for mark in ["……", "——"] {
            for pos in [24, 25, 26] {
                let text = format!("{}{mark}{}", han(pos), han(30));
                let lines = check(&text, &params());
                assert_no_violation(&lines);
                assert!(
                    lines.iter().any(|l| l.contains(mark)),
                    "{mark} split at {pos}: {lines:?}"
                );
            }
        }
    }

    #[test]
    fn numbers_stay_whole_and_keep_their_unit() {
        for pos in 18..27 {
            let text = format!("{}2020年召开峰会，{}", han(pos), han(30));
            let lines = check(&text, &params());
            assert!(
                lines.iter().any(|l| l.contains("2020年")),
                "split at {pos}: {lines:?}"
            );
        }
        // 75个 and 20世纪 stay together too.
        for pos in 20..27 {
            let text = format!("{}75个项目{}", han(pos), han(30));
            let lines = check(&text, &params());
            assert!(lines.iter().any(|l| l.contains("75个")), "{lines:?}");
            let text = format!("{}20世纪末{}", han(pos), han(30));
            let lines = check(&text, &params());
            assert!(lines.iter().any(|l| l.contains("20世纪")), "{lines:?}");
        }
    }

    #[test]
    fn a_number_before_a_word_that_is_no_unit_may_end_a_line() {
        // 26 cells on the first line; 「2020」 after 23 Han characters ends it, 「峰会」 starts the
        // next (at natural width 「2020峰」 would overflow the line).
        let text = format!("{}2020峰会{}", han(23), han(30));
        let lines = check(&text, &params());
        assert_eq!(lines[0], format!("{}2020", han(23)));
        assert!(lines[1].starts_with("峰会"));
    }

    #[test]
    fn a_latin_word_never_splits() {
        for pos in 15..27 {
            let text = format!("{}Copenhagen大学{}", han(pos), han(30));
            let lines = check(&text, &params());
            assert!(
                lines.iter().any(|l| l.contains("Copenhagen")),
                "{pos}: {lines:?}"
            );
        }
    }

    #[test]
    fn latin_words_break_at_spaces_and_the_space_is_dropped() {
        let text = "the World Youth Scientist Summit is held in Wenzhou every year since 2019 and draws young researchers from many countries";
        let lines = check(text, &params());
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(!l.starts_with(' ') && !l.ends_with(' '), "{l:?}");
        }
        let words: Vec<&str> = text.split(' ').collect();
        for l in &lines {
            for w in l.split(' ') {
                assert!(words.contains(&w), "split word {w}");
            }
        }
    }

    #[test]
    fn quarter_em_between_latin_and_han() {
        let its = items("年A年");
        let p = params();
        let lines = break_lines(&its, &p);
        let l = &lines[0];
        // After each item's tracked advance.
        let gap1 = l.x[1] - (l.x[0] + SIZE + p.tracking);
        let gap2 = l.x[2] - (l.x[1] + its[1].width + p.tracking);
        assert!((gap1 - 4.0).abs() < 1e-3 && (gap2 - 4.0).abs() < 1e-3);
    }

    #[test]
    fn a_digit_between_han_characters_takes_one_cell() {
        // A line with one digit holds as many characters as one of Han characters only: 28, or
        // 26 on the indented first line. (At 16 pt and a quarter em on either side untracked, the
        // digit would take 16 pt, more than the 15.79 pt cell, and push a character down.)
        for pos in [3, 10, 20, 30, 40] {
            let text = format!("{}5{}", han(pos), han(60));
            let lines = check(&text, &params());
            let (i, line) = lines
                .iter()
                .enumerate()
                .find(|(_, l)| l.contains('5'))
                .unwrap();
            let cells = if i == 0 { 26 } else { 28 };
            assert_eq!(line.chars().count(), cells, "{pos}: {lines:?}");
        }
    }

    #[test]
    fn a_line_of_only_punctuation_still_fills_the_measure() {
        let text: String = "。，、；：！？".chars().cycle().take(80).collect();
        let lines = check(&text, &params());
        assert!(lines.len() >= 3);
        assert_eq!(lines.concat(), text);
    }

    #[test]
    fn a_paragraph_of_one_character() {
        let lines = check("好", &params());
        assert_eq!(lines, vec!["好"]);
        assert!(check("", &params()).is_empty());
        assert!(check("   ", &params()).is_empty());
    }

    #[test]
    fn a_500_character_run_without_breaks() {
        let text = han(500);
        let lines = check(&text, &params());
        assert_eq!(lines[0].chars().count(), 26);
        assert!(lines[1..lines.len() - 1]
            .iter()
            .all(|l| l.chars().count() == 28));
        assert_eq!(lines.concat(), text);
        // A 500-letter "word" longer than the measure is broken where lines are full.
        let word = "a".repeat(500);
        let lines = check(&word, &params());
        assert_eq!(lines.concat(), word);
    }

    #[test]
    fn hanging_indent_and_no_justify() {
        let p = Params {
            first_indent: 0.0,
            indent: 16.0,
            justify: false,
            ..params()
        };
        let its = items(&format!("◆{}", han(60)));
        let lines = break_lines(&its, &p);
        assert!(lines[1].x[0] >= 16.0 - 0.01);
        // Not justified: natural spacing, the right edge inside the measure.
        assert!(lines.iter().all(|l| l.right <= MEASURE + 0.01));
    }

    #[test]
    fn squeezed_marks_stay_in_order_and_open_marks_keep_their_ink_inside() {
        // Many marks, forcing squeezes at various places.
        let base = "他说：“我们要‘一园一器’建设。”（叶贤挺）【注】《纲要》，";
        for shift in 0..12 {
            let text = format!("{}{}{}", han(shift), base.repeat(4), han(10));
            let lines = check(&text, &params());
            assert_no_violation(&lines);
        }
    }

    #[test]
    fn sample_text_breaks_cleanly() {
        let text = "会上，戴力代表峰会秘书处介绍了2020峰会总体安排和筹备进展情况，着重就大健康学术版块、奖项设置和系列生命健康子论坛等内容与温医大进行了探讨交流，并希望双方在以上方面能够找到更多合作结合点。赖颖重点就峰会层次、规模及目标等方面作了补充说明。随后，北欧创新中心负责人武洁详细介绍了大学创业世界杯的总体情况和活动安排。作为首届世界青年科学家（温州）峰会的重要成果，2020大学创业世界杯全球总决赛将首次离开丹麦首都哥本哈根，在温州落地举行。";
        let lines = check(text, &params());
        assert_no_violation(&lines);
        assert_eq!(lines.concat(), text);
    }
}
