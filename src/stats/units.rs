//! Who an item came from: a byline or a brief's source read into its contributors (units and
//! persons), each name brought to one canonical form, and the alias table applied.
//!
//! The rules, in order (README, 统计):
//! 1. Full-width letters, digits and spaces become half-width; every space goes; enclosing
//!    brackets （）()【】〔〕 and a leading 「供稿：」「来源：」「信息来源：」 go.
//! 2. A byline names several contributors when it is split by spaces, 、，,；; or a `/` that does
//!    not follow a role word; 「文/王刚 图/李明」 gives the roles: 文 (and 通讯员, 记者) count,
//!    图/摄/摄影 (a photo credit) do not.
//! 3. A name is a person when it is 2–4 Han characters, names no known place, and does not end
//!    in a unit word (科协, 局, 部, 会, 办, 委, 院, 校, 中心 …); anything else is a unit.
//! 4. A unit's name: 科学技术协会 ≡ 科协; a Wenzhou county-level place written without its
//!    县/市/区 gets it (苍南科协 → 苍南县科协: each of the twelve names is unambiguous), and
//!    温州市 before a county is dropped; a city body 「市…」 or 「温州科协…」 is 「温州市…」.
//! 5. The alias table (kept in the store) maps a canonical name, a unit's or a person's, to a
//!    unit; it is applied after the rules.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The city whose bodies 「市科协」 means (the office's own city).
pub const CITY: &str = "温州市";

/// Wenzhou's county-level divisions (name without suffix, suffix): each base is unique, so a
/// name written without its suffix is unambiguous.
const COUNTIES: &[(&str, char)] = &[
    ("鹿城", '区'),
    ("龙湾", '区'),
    ("瓯海", '区'),
    ("洞头", '区'),
    ("瑞安", '市'),
    ("乐清", '市'),
    ("龙港", '市'),
    ("永嘉", '县'),
    ("平阳", '县'),
    ("苍南", '县'),
    ("文成", '县'),
    ("泰顺", '县'),
];

/// Endings that make a name a unit's (rule 3).
const UNIT_ENDINGS: &[&str] = &[
    "科协", "协会", "学会", "局", "部", "会", "办", "委", "院", "校", "站", "所", "中心", "公司",
    "馆", "室", "处", "队", "团", "社", "府", "县", "市", "区", "镇", "乡", "村", "厅", "组", "报",
    "台", "街道", "大学", "园", "厂", "行", "集团",
];

/// Role words before a name; the photo credits are not counted (rule 2).
const ROLES: &[(&str, bool)] = &[
    ("摄影", false),
    ("图片", false),
    ("文字", true),
    ("通讯员", true),
    ("记者", true),
    ("供稿", true),
    ("来源", true),
    ("文", true),
    ("图", false),
    ("摄", false),
];

/// Whether a contributor is a unit or a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// 单位: a 科协, a department, a society.
    Unit,
    /// 个人: a person's name not mapped to a unit.
    Person,
}

impl Kind {
    /// The kind in words.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Unit => "单位",
            Kind::Person => "个人",
        }
    }
}

/// One contributor of an item, by its canonical name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Contributor {
    /// Unit or person.
    pub kind: Kind,
    /// The canonical name (rules 1 and 4; a person's name as written).
    pub name: String,
}

/// The alias table: canonical name (a unit's or a person's) → the unit it counts as.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Aliases {
    map: BTreeMap<String, String>,
}

impl Aliases {
    /// The table from stored (alias, unit) pairs; both sides are brought to canonical form.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Aliases {
        let map = pairs
            .into_iter()
            .map(|(a, u)| (canonical(a), canonical(u)))
            .filter(|(a, u)| !a.is_empty() && !u.is_empty() && a != u)
            .collect();
        Aliases { map }
    }

    /// The unit `name` (canonical) counts as, if the table maps it.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.map.get(name).map(String::as_str)
    }

    /// `c` with the table applied: a mapped unit or person becomes the unit it maps to.
    pub fn apply(&self, c: Contributor) -> Contributor {
        match self.get(&c.name) {
            Some(unit) => Contributor {
                kind: Kind::Unit,
                name: unit.to_string(),
            },
            None => c,
        }
    }
}

/// The contributors a byline or source names (rules 1–4, no aliases), each once.
pub fn contributors(byline: &str) -> Vec<Contributor> {
    let text = half_width(byline);
    let mut text = strip_brackets(text.trim());
    for lead in ["信息来源", "稿件来源", "来源", "供稿"] {
        if let Some(rest) = text.strip_prefix(lead) {
            if let Some(rest) = rest.strip_prefix([':', '：']) {
                text = rest.trim();
            }
        }
    }
    let mut out: Vec<Contributor> = Vec::new();
    let mut counted = true;
    for token in tokens(text) {
        for (role, name) in roles(&token) {
            if let Some(r) = role {
                counted = r;
            }
            let name = name.trim_matches(|c: char| ":：".contains(c));
            if !counted || name.is_empty() || ROLES.iter().any(|(w, _)| *w == name) {
                continue;
            }
            let c = classify(name);
            if !c.name.is_empty() && !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// The byline split at separators; a space after a place alone (「苍南 县科协」「温州市 科协」)
/// is inside a name, not between two.
fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in text.split(|c: char| "、，,；;".contains(c)) {
        let mut joined: Vec<String> = Vec::new();
        for piece in part.split(char::is_whitespace).filter(|p| !p.is_empty()) {
            match joined.last_mut() {
                Some(last) if is_place_alone(last) => last.push_str(piece),
                _ => joined.push(piece.to_string()),
            }
        }
        out.extend(joined);
    }
    out
}

/// A place's name with nothing after it: 「温州」「温州市」「苍南」「苍南县」.
fn is_place_alone(s: &str) -> bool {
    matches!(s, "温州" | "温州市")
        || COUNTIES
            .iter()
            .any(|(base, suffix)| s == *base || s.strip_prefix(base) == Some(&suffix.to_string()))
}

/// A token split at `/`: each part with the role it names, if it starts with a role word
/// followed by `/` or `：` (「文/王刚」 → (文, 王刚)); a `/` after no role word separates names.
fn roles(token: &str) -> Vec<(Option<bool>, &str)> {
    let mut out = Vec::new();
    let mut rest = token;
    loop {
        if let Some((role, counted, after)) = ROLES.iter().find_map(|(w, counted)| {
            let after = rest.strip_prefix(w)?;
            let after = after.strip_prefix(['/', ':', '：'])?;
            Some((*w, *counted, after))
        }) {
            let _ = role;
            match after.split_once('/') {
                Some((name, more)) => {
                    out.push((Some(counted), name));
                    rest = more;
                }
                None => {
                    out.push((Some(counted), after));
                    return out;
                }
            }
        } else {
            match rest.split_once('/') {
                Some((name, more)) => {
                    out.push((None, name));
                    rest = more;
                }
                None => {
                    out.push((None, rest));
                    return out;
                }
            }
        }
    }
}

/// A single name as a unit or a person (rules 3 and 4).
pub fn classify(name: &str) -> Contributor {
    let name = strip_brackets(&half_width(name)).to_string();
    if is_person(&name) {
        Contributor {
            kind: Kind::Person,
            name,
        }
    } else {
        Contributor {
            kind: Kind::Unit,
            name: unit_name(&name),
        }
    }
}

/// The canonical form of any name (a unit's by rule 4, a person's as written).
pub fn canonical(name: &str) -> String {
    classify(name).name
}

/// Rule 3: 2–4 Han characters, no place, no unit ending.
pub fn is_person(name: &str) -> bool {
    let n = name.chars().count();
    (2..=4).contains(&n)
        && name.chars().all(is_han)
        && !UNIT_ENDINGS.iter().any(|e| name.ends_with(e))
        && !name.contains("科协")
        && !name.starts_with('市')
        && !name.starts_with("温州")
        && !COUNTIES.iter().any(|(base, _)| name.starts_with(base))
}

/// Rule 4 on a unit's name.
pub fn unit_name(name: &str) -> String {
    let mut s: String = half_width(name)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    s = s.replace("科学技术协会", "科协");
    // 温州市苍南县… → 苍南县…: the county is named, the city adds nothing.
    for prefix in ["温州市", "温州"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            if COUNTIES.iter().any(|(base, _)| rest.starts_with(base)) {
                s = rest.to_string();
            }
        }
    }
    for (base, suffix) in COUNTIES {
        if let Some(rest) = s.strip_prefix(base) {
            if !rest.starts_with(*suffix) {
                s = format!("{base}{suffix}{rest}");
            }
            return s;
        }
    }
    if let Some(rest) = s.strip_prefix("温州市") {
        return format!("{CITY}{rest}");
    }
    // 「温州科协」 is the city's association; other 「温州…」 names (温州日报, 温州大学) are names.
    if let Some(rest) = s.strip_prefix("温州") {
        if rest.starts_with("科协") {
            return format!("{CITY}{rest}");
        }
    }
    if let Some(rest) = s.strip_prefix('市') {
        if !rest.is_empty() {
            return format!("{CITY}{rest}");
        }
    }
    s
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}' | '·')
}

/// Full-width ASCII forms and the ideographic space as their half-width equivalents.
fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' if !"（），；：".contains(c) => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            c => c,
        })
        .collect()
}

/// `s` without the brackets around it (rule 1).
fn strip_brackets(s: &str) -> &str {
    let mut s = s.trim();
    loop {
        let inner = [
            ("（", "）"),
            ("(", ")"),
            ("【", "】"),
            ("〔", "〕"),
            ("[", "]"),
        ]
        .iter()
        .find_map(|(o, c)| s.strip_prefix(o)?.strip_suffix(c));
        match inner {
            Some(i) => s = i.trim(),
            None => {
                // A bracket the text left unclosed (「（夏细绸)」 is closed by a half-width one).
                let t = s
                    .trim_start_matches(['（', '(', '【'])
                    .trim_end_matches(['）', ')', '】']);
                return t.trim();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(n: &str) -> Contributor {
        Contributor {
            kind: Kind::Unit,
            name: n.into(),
        }
    }

    fn person(n: &str) -> Contributor {
        Contributor {
            kind: Kind::Person,
            name: n.into(),
        }
    }

    #[test]
    fn one_county_association_under_three_names() {
        for n in [
            "苍南县科协",
            "苍南科协",
            "苍南县科学技术协会",
            "温州市苍南县科协",
            "（苍南县科协）",
            "苍南 县科协",
        ] {
            assert_eq!(contributors(n), vec![unit("苍南县科协")], "{n}");
        }
        assert_eq!(unit_name("瑞安科协"), "瑞安市科协");
        assert_eq!(unit_name("瑞安市科协学会部"), "瑞安市科协学会部");
        assert_eq!(unit_name("洞头科协"), "洞头区科协");
    }

    #[test]
    fn city_bodies_take_the_city_name() {
        assert_eq!(unit_name("市科协"), "温州市科协");
        assert_eq!(unit_name("温州科协"), "温州市科协");
        assert_eq!(unit_name("温州科协科普部"), "温州市科协科普部");
        assert_eq!(unit_name("温州日报"), "温州日报");
        assert_eq!(unit_name("温州大学"), "温州大学");
        assert_eq!(unit_name("温州市科学技术协会"), "温州市科协");
        assert_eq!(unit_name("市科协学会部"), "温州市科协学会部");
        assert_eq!(unit_name("市教育局"), "温州市教育局");
        // A name that is only 「市」 is left alone.
        assert_eq!(unit_name("市"), "市");
    }

    #[test]
    fn persons_are_short_han_names_without_a_unit_word() {
        for n in ["叶贤挺", "王刚", "夏细绸", "欧阳明月"] {
            assert!(is_person(n), "{n}");
        }
        for n in [
            "市科协",
            "苍南科协",
            "市老科协",
            "文成县",
            "科普部",
            "王",
            "张三丰大师傅",
            "Li Ming",
            "温州日报",
        ] {
            assert!(!is_person(n), "{n}");
        }
        assert_eq!(contributors("（叶贤挺）"), vec![person("叶贤挺")]);
        assert_eq!(contributors("(赵理恒)"), vec![person("赵理恒")]);
        assert_eq!(contributors("（夏细绸)"), vec![person("夏细绸")]);
    }

    #[test]
    fn several_contributors_in_one_byline() {
        assert_eq!(
            contributors("（市科协 瑞安市科协）"),
            vec![unit("温州市科协"), unit("瑞安市科协")]
        );
        assert_eq!(
            contributors("（市科协、市教育局）"),
            vec![unit("温州市科协"), unit("温州市教育局")]
        );
        assert_eq!(
            contributors("叶贤挺 王刚"),
            vec![person("叶贤挺"), person("王刚")]
        );
        assert_eq!(
            contributors("市科协/苍南科协"),
            vec![unit("温州市科协"), unit("苍南县科协")]
        );
        // The same unit twice in a byline is one contribution.
        assert_eq!(contributors("市科协、温州市科协"), vec![unit("温州市科协")]);
        // A space inside a name is not a separator.
        assert_eq!(
            contributors("温州市 科协 苍南县 科协"),
            vec![unit("温州市科协"), unit("苍南县科协")]
        );
    }

    #[test]
    fn roles_and_leads() {
        // The photo credit does not count; the text's author does.
        assert_eq!(contributors("（文/王刚 图/李明）"), vec![person("王刚")]);
        assert_eq!(
            contributors("文/王刚、陈瑶 摄影/李明、张三"),
            vec![person("王刚"), person("陈瑶")]
        );
        assert_eq!(contributors("供稿：苍南县科协"), vec![unit("苍南县科协")]);
        assert_eq!(
            contributors("来源：市科协科普部"),
            vec![unit("温州市科协科普部")]
        );
        assert_eq!(contributors("通讯员 林素芬"), vec![person("林素芬")]);
        assert_eq!(contributors("  "), vec![]);
        // Full-width spaces and letters.
        assert_eq!(
            contributors("市科协\u{3000}ＡＢＣ公司"),
            vec![unit("温州市科协"), unit("ABC公司")]
        );
    }

    #[test]
    fn aliases_map_units_and_persons_to_a_unit() {
        let a = Aliases::new([("叶贤挺", "苍南科协"), ("市老科协", "市科协"), ("x", "x")]);
        assert_eq!(a.apply(person("叶贤挺")), unit("苍南县科协"));
        assert_eq!(a.apply(unit("温州市老科协")), unit("温州市科协"));
        assert_eq!(a.apply(person("王刚")), person("王刚"));
        assert_eq!(a.get("x"), None);
    }
}
