//! Page, margins and document grid in Word's units (twips, eighths of a point, 1/4096 pt),
//! derived from the millimetres of docs/layout.md §1, §2, §6, §7.

/// Twips (1/20 pt) per millimetre.
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;

/// A length given in hundredths of a millimetre, rounded to whole twips as Word stores it.
pub const fn mm(mm_x100: u32) -> i32 {
    // Integer arithmetic in a const fn: hundredths of a mm → twips (1440 / 2540), rounded.
    (mm_x100 as u64 * 1440 * 2 / 2540).div_ceil(2) as i32
}

/// A4 width, 210 mm (§1).
pub const PAGE_WIDTH: i32 = mm(21000);
/// A4 height, 297 mm (§1).
pub const PAGE_HEIGHT: i32 = mm(29700);
/// Top margin 天头, 37 mm (§1).
pub const MARGIN_TOP: i32 = mm(3700);
/// Bottom margin, 35 mm (§1).
pub const MARGIN_BOTTOM: i32 = mm(3500);
/// Left margin 订口, 28 mm (§1).
pub const MARGIN_LEFT: i32 = mm(2800);
/// Right margin, 26 mm (§1).
pub const MARGIN_RIGHT: i32 = mm(2600);
/// The text block's width (≈ 156 mm).
pub const TEXT_WIDTH: i32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/// The text block's height (≈ 225 mm).
pub const TEXT_HEIGHT: i32 = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;

/// Lines a page (§1, GB/T 9704 §5.2.4).
pub const LINES_PER_PAGE: i32 = 22;
/// Characters a line (§1).
pub const CHARS_PER_LINE: i32 = 28;
/// Body type size, 3号 = 16 pt, in half-points (w:sz).
pub const BODY_SIZE_HALF_PT: usize = 32;

/// `w:linePitch`: 225 mm / 22 in whole twips, rounded down so that 22 pitches fit the text
/// block as Word counts them (579: Word would lay out only 21 lines at 580).
pub const LINE_PITCH: i32 = TEXT_HEIGHT / LINES_PER_PAGE;
const _: () = assert!(LINE_PITCH * LINES_PER_PAGE <= TEXT_HEIGHT);

/// One grid cell, 156 mm / 28, in twips (rounded): the "one character" of indents.
pub const CHAR_PITCH: i32 = (TEXT_WIDTH + CHARS_PER_LINE / 2) / CHARS_PER_LINE;

/// `w:charSpace` for `linesAndChars`: Word stores the character pitch as the difference from the
/// default font size (16 pt) in 1/4096 pt, rounded down so that 28 cells fit the measure
/// (−842 for 442.25 pt / 28 = 15.795 pt; −841 would leave room for only 27).
pub fn char_space() -> isize {
    let pitch_pt = TEXT_WIDTH as f64 / 20.0 / CHARS_PER_LINE as f64;
    let body_pt = BODY_SIZE_HALF_PT as f64 / 2.0;
    ((pitch_pt - body_pt) * 4096.0).floor() as isize
}

/// Tracking of 16 pt type in twips (`w:spacing` in a run's properties): one twip tighter than
/// the largest whole-twip value at which 28 characters fit the measure (−5 = −0.25 pt:
/// 28 × 15.75 pt ≤ 442.25 pt), because LibreOffice rounds each advance up and fits only 27 at −5;
/// at −6 (−0.3 pt) Word and LibreOffice both set 28 characters and no 29th fits (29 × 15.7 pt >
/// 442.25 pt). Justification spreads the rest of the line, as the PDF's −0.21 pt tracking
/// does (§1).
///
/// Why tracking and not the character grid alone: Word compresses 16 pt characters into the
/// grid's 15.79 pt cells, but LibreOffice (7.4, still so in its current source) cannot: with a
/// character grid narrower than the type it gives every character two cells, 14 characters a line.
/// So the section keeps the `linesAndChars` grid (Word's page setup shows 22 × 28, and text an
/// editor adds in Word snaps to it), while our styles set `w:snapToGrid` off and reach the same
/// 28 characters a line by tracking, which every reader honours.
pub const TRACKING: i32 = {
    // floor((pitch − 16 pt) × 20) in integer twips (pitch × 20 = TEXT_WIDTH / 28), minus one.
    let diff = TEXT_WIDTH - CHARS_PER_LINE * BODY_SIZE_HALF_PT as i32 * 10;
    (diff - (CHARS_PER_LINE - 1)) / CHARS_PER_LINE - 1
};

/// Page numbers sit 7 mm below the text block (§7, GB/T 9704 §7.5); the footer paragraph is one
/// 14 pt line with exact spacing, so its bottom is that far below: `w:footer` from the page edge.
pub fn footer_distance() -> i32 {
    let line = PAGE_NUMBER_LINE as f64;
    (MARGIN_BOTTOM as f64 - 7.0 * TWIPS_PER_MM - line).round() as i32
}

/// The exact line height of the page-number paragraph: 14 pt (4号).
pub const PAGE_NUMBER_LINE: i32 = 280;

/// Border widths in eighths of a point (`w:sz` of a border).
pub mod border {
    /// The red rule under the masthead: 1.0 pt (§2).
    pub const RULE: usize = 8;
    /// The 本期要目 frame: 0.75 pt (§3).
    pub const TOC_FRAME: usize = 6;
    /// The closing block's first and last rules: 0.35 mm ≈ 1.0 pt (§6).
    pub const CLOSING_THICK: usize = 8;
    /// The closing block's rules in between: 0.25 mm ≈ 0.71 pt → 0.75 pt, Word's nearest (§6).
    pub const CLOSING_THIN: usize = 6;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_and_margins_in_twips() {
        assert_eq!((PAGE_WIDTH, PAGE_HEIGHT), (11906, 16838));
        assert_eq!(
            (MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT),
            (2098, 1984, 1587, 1474)
        );
        // 156 mm × 225 mm within a twip or two.
        assert!((TEXT_WIDTH as f64 / TWIPS_PER_MM - 156.0).abs() < 0.1);
        assert!((TEXT_HEIGHT as f64 / TWIPS_PER_MM - 225.0).abs() < 0.1);
    }

    #[test]
    fn grid_holds_22_lines_of_28_characters() {
        assert_eq!(LINE_PITCH, 579);
        // The largest pitch that fits: one twip more and 22 lines overflow.
        let next = LINE_PITCH + 1;
        assert!(next * 22 > TEXT_HEIGHT);
        let cs = char_space();
        assert_eq!(cs, -842);
        let pitch = |cs: isize| 16.0 + cs as f64 / 4096.0;
        let measure = TEXT_WIDTH as f64 / 20.0;
        assert!(pitch(cs) * 28.0 <= measure, "28 cells fit");
        assert!(
            pitch(cs + 1) * 28.0 > measure,
            "the largest pitch that fits"
        );
        assert_eq!(CHAR_PITCH, 316);
    }

    #[test]
    fn tracking_fits_28_characters_and_no_more() {
        let measure = TEXT_WIDTH as f64 / 20.0;
        let advance = |t: i32| 16.0 + t as f64 / 20.0;
        assert_eq!(TRACKING, -6);
        assert!(
            28.0 * advance(TRACKING + 1) <= measure,
            "−5 fits 28 in exact arithmetic"
        );
        assert!(28.0 * advance(TRACKING + 2) > measure, "−4 does not");
        assert!(
            29.0 * advance(TRACKING) > measure,
            "no 29th character fits at −6"
        );
    }

    #[test]
    fn page_number_line_is_7mm_below_the_text_block() {
        let top_of_number = footer_distance() + PAGE_NUMBER_LINE;
        let gap_mm = (MARGIN_BOTTOM - top_of_number) as f64 / TWIPS_PER_MM;
        assert!((gap_mm - 7.0).abs() < 0.05, "{gap_mm}");
    }
}
