//! Unit tests of the line breaker.
use super::greedy;
use super::*;

const SIZE: f32 = 16.0;
/// 156 mm in pt (docs/layout.md §1).
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

/// Whether the last of `lines` holds a single character besides punctuation (孤字).
fn runt(lines: &[String]) -> bool {
    lines.len() > 1
        && lines
            .last()
            .unwrap()
            .chars()
            .filter(|&c| {
                !matches!(
                    classify(c, 1.0),
                    Class::Opening
                        | Class::Closing
                        | Class::NoStart
                        | Class::HalfOpening
                        | Class::HalfClosing
                        | Class::Space
                )
            })
            .count()
            == 1
}

/// First fit alone, for comparing with the paragraph breaker.
fn first_fit(text: &str) -> Vec<String> {
    let its = items(text);
    greedy::first_fit(
        &Breaks {
            items: &its,
            words: None,
        },
        &params(),
    )
    .iter()
    .map(|l| its[l.start..l.end].iter().map(|i| i.ch).collect())
    .collect()
}

#[test]
fn paragraphs_whose_first_fit_leaves_a_runt_are_fixed() {
    // 26 + 28·k cells, then one character more: first fit leaves it alone on the last line.
    let cases = [
        format!("{}。", han(26)),
        format!("{}赛。", han(26 + 28 - 1)),
        format!("{}，{}、{}性。", han(10), han(20), han(50 - 3)),
        format!("{}“{}”{}作", han(12), han(6), han(26 + 28 - 20)),
        format!(
            "{}、{}，{}；{}性。",
            han(6),
            han(7),
            han(8),
            han(26 + 56 - 24)
        ),
    ];
    for text in &cases {
        let ff = first_fit(text);
        if !runt(&ff) {
            continue; // a case that does not need fixing (asserted below)
        }
        let lines = check(text, &params());
        assert_no_violation(&lines);
        assert!(!runt(&lines), "{text}: {lines:?}");
        assert_eq!(lines.concat(), *text);
    }
    assert!(cases.iter().filter(|t| runt(&first_fit(t))).count() >= 4);
}

#[test]
fn a_paragraph_of_28n_plus_1_characters_has_no_runt() {
    let p = Params {
        first_indent: 0.0,
        ..params()
    };
    for n in 1..6 {
        let text = format!("{}，{}", han(14), han(28 * n + 1 - 15));
        let its = items(&text);
        let broken = break_paragraph(
            &Breaks {
                items: &its,
                words: None,
            },
            &p,
        );
        let last = broken.lines.last().unwrap();
        assert!(
            last.end - last.start > 1,
            "{n}: one character on the last line"
        );
        assert_eq!(broken.method, Method::TotalFit, "{n}");
        for l in &broken.lines[..broken.lines.len() - 1] {
            assert!(
                (l.right - MEASURE).abs() < 0.01,
                "{n}: a line short of the measure"
            );
        }
    }
}

#[test]
fn a_paragraph_that_cannot_be_fixed_keeps_first_fit() {
    // A Latin word fills the line; the one Han character after it has nowhere to go.
    let p = Params {
        first_indent: 0.0,
        ..params()
    };
    let word = items(&"a".repeat(200));
    let full = break_lines(&word, &p)[0].end;
    let text = format!("{}年", "a".repeat(full));
    let its = items(&text);
    let breaks = Breaks {
        items: &its,
        words: None,
    };
    let broken = break_paragraph(&breaks, &p);
    assert_eq!(broken.method, Method::FirstFitKept);
    assert_eq!(broken.lines.len(), 2);
    assert_eq!(broken.lines, greedy::first_fit(&breaks, &p));
}

#[test]
fn a_byline_is_never_split_wherever_it_falls() {
    for byline in [
        "（朱哲汝）",
        "(叶贤挺)",
        "（市科协办公室）",
        "（苍南县科协）",
    ] {
        for pos in 16..40 {
            let text = format!("{}。{byline}", han(pos));
            let lines = check(&text, &params());
            assert!(
                lines.iter().any(|l| l.contains(byline)),
                "{byline} at {pos}: {lines:?}"
            );
            assert!(!runt(&lines), "{byline} at {pos}: {lines:?}");
        }
    }
    // A long parenthetical, no name, may break.
    let long = format!("{}（{}，{}）{}", han(20), han(10), han(10), han(10));
    let lines = check(&long, &params());
    assert!(lines.len() >= 2);
}

#[test]
fn issue_numbers_and_dates_stay_whole() {
    for pos in 16..28 {
        for word in ["第4期", "第245期", "2020年4月30日", "4月9日—27日"] {
            let text = format!("{}{word}召开，{}", han(pos), han(30));
            let lines = check(&text, &params());
            let joined: Vec<&String> = lines.iter().filter(|l| l.contains(word)).collect();
            assert_eq!(joined.len(), 1, "{word} at {pos}: {lines:?}");
        }
    }
}
