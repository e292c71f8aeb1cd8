//! Personal data in free text: Swedish personal identity numbers and health terms.
//!
//! An arena refers to its citizen by a case reference (DOMAIN.md, "Citizen data"). Text that
//! looks like a personal identity number or names a health condition is warned about before it
//! is saved; these functions say what was found, and [`findings`] masks it for showing.

use chrono::NaiveDate;

/// The longest registration number (diarienummer) kept: registries use short codes.
pub const REGISTRATION_MAX_CHARS: usize = 60;

/// Health conditions in Swedish (with their common forms) and English: a starting list a
/// municipality replaces with its own in `health_terms`.
pub const DEFAULT_HEALTH_TERMS: &[&str] = &[
    "diagnos",
    "diagnosen",
    "diagnoser",
    "depression",
    "deprimerad",
    "cancer",
    "missbruk",
    "missbrukare",
    "anorexi",
    "ätstörning",
    "psykos",
    "schizofreni",
    "bipolär",
    "självmordsförsök",
    "självskada",
    "hiv",
    "diabetes",
    "epilepsi",
    "adhd",
    "autism",
    "demens",
    "graviditet",
    "gravid",
    "diagnosis",
    "depressed",
    "addiction",
    "substance abuse",
    "anorexia",
    "eating disorder",
    "psychosis",
    "schizophrenia",
    "bipolar",
    "suicide attempt",
    "self-harm",
    "epilepsy",
    "dementia",
    "pregnant",
    "pregnancy",
];

/// What a text a person writes is looked at for before it is saved: one rule for every field
/// of every command, form, prompt and import (`store::screening` lists each column's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// About the citizen or the arena: personal identity numbers and health terms.
    Citizen,
    /// The roster's and the knowledge bank's vocabulary (people, units, competences, tags,
    /// entries): personal identity numbers only, since a competence or a subject names a
    /// condition as the skill it is ("Eating-disorder specialist").
    Vocabulary,
}

impl Screen {
    /// The health terms this screening looks for, of the configured `terms`.
    pub fn terms(self, terms: &[String]) -> &[String] {
        match self {
            Screen::Citizen => terms,
            Screen::Vocabulary => &[],
        }
    }
}

/// Everything found in the labelled fields, each screened as its [`Screen`] says: personal
/// numbers (masked) first, then health terms, field by field.
pub fn screened(fields: &[(&str, &str, Screen)], terms: &[String]) -> Vec<Finding> {
    fields
        .iter()
        .flat_map(|(field, text, screen)| findings(&[(field, text)], screen.terms(terms)))
        .collect()
}

/// What was found in one field: its label and what it looks like, masked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The field's label, as the caller named it ("need", "contacts 2: summary").
    pub field: String,
    pub kind: FindingKind,
    /// A personal number masked (`850709-****`), or the health term as configured.
    pub found: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingKind {
    PersonalNumber,
    HealthTerm,
}

/// Every Swedish personal identity number (or coordination number) in `text`, as written.
///
/// Shapes: `YYMMDD-XXXX`, `YYMMDD+XXXX` (over a hundred), `YYYYMMDD-XXXX`, `YYMMDDXXXX` and
/// `YYYYMMDDXXXX`, and the date and the last four apart by one space (`YYMMDD XXXX`, as people
/// write them too), each standing alone (no letter or digit directly before or after), with a
/// real date (a coordination number adds 60 to the day) and a valid Luhn check digit over the
/// ten-digit form.
///
/// The text is read as a reader sees it: a control, a bidirectional override or a character of
/// no width (a zero-width space, a soft hyphen) inside a number does not hide it; a line break
/// or a tab (shown as a space wherever the text is drawn on one line) separates as a space
/// does, and a dash a word processor puts for the hyphen (`850709–9805`) as the hyphen does.
/// Each number is returned as it stands in `text`, whatever is hidden inside it, so that
/// [`masked`] finds it.
pub fn personal_numbers(text: &str) -> Vec<String> {
    let invisible = |c: char| {
        crate::text::is_unsafe(c) && !matches!(c, '\n' | '\t') || crate::text::is_invisible(c)
    };
    let visible: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| !invisible(*c))
        .collect();
    let chars: Vec<char> = visible.iter().map(|(_, c)| *c).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_alphanumeric()) {
            i += 1;
            continue;
        }
        let first = digit_run(&chars, i);
        let mut end = first;
        let mut digits: String = chars[i..first].iter().collect();
        let separated = chars.get(first).is_some_and(|c| {
            matches!(c, '-' | '+' | '\u{2010}'..='\u{2013}' | '\u{2212}') || c.is_whitespace()
        }) && matches!(first - i, 6 | 8)
            && digit_run(&chars, first + 1) == first + 5;
        if separated {
            end = first + 5;
            digits.extend(&chars[first + 1..end]);
        }
        let alone = !chars.get(end).is_some_and(|c| c.is_alphanumeric());
        let plus = separated && chars[first] == '+';
        if alone && is_personal_number(&digits, plus) {
            let (from, last) = (visible[i].0, visible[end - 1]);
            found.push(text[from..last.0 + last.1.len_utf8()].to_owned());
        }
        i = end.max(i + 1);
    }
    found
}

/// The index just past the ASCII digits starting at `from`.
fn digit_run(chars: &[char], from: usize) -> usize {
    let mut end = from;
    while chars.get(end).is_some_and(char::is_ascii_digit) {
        end += 1;
    }
    end
}

/// `digits` is 10 or 12 ASCII digits: a real date (or coordination day) and a valid check digit.
fn is_personal_number(digits: &str, plus: bool) -> bool {
    let (year, rest) = match digits.len() {
        10 => (None, digits),
        12 if !plus => (digits[..4].parse::<i32>().ok(), &digits[2..]),
        _ => return false,
    };
    let field = |range: std::ops::Range<usize>| rest[range].parse::<u32>().ok();
    let (Some(yy), Some(month), Some(mut day)) = (field(0..2), field(2..4), field(4..6)) else {
        return false;
    };
    if day > 60 {
        day -= 60;
    }
    let real_date = match year {
        Some(year) => NaiveDate::from_ymd_opt(year, month, day).is_some(),
        // Without the century, a date real in either of the last two will do (29 February).
        None => [1900, 2000]
            .iter()
            .any(|c| NaiveDate::from_ymd_opt(c + yy as i32, month, day).is_some()),
    };
    real_date && luhn_valid(rest)
}

/// The Luhn check over ten digits: weights 2, 1, 2, ... on the first nine.
fn luhn_valid(ten: &str) -> bool {
    let digits: Vec<u32> = ten.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 10 {
        return false;
    }
    let sum: u32 = digits[..9]
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let p = if i % 2 == 0 { d * 2 } else { *d };
            p / 10 + p % 10
        })
        .sum();
    (10 - sum % 10) % 10 == digits[9]
}

/// The terms of `terms` that `text` contains as whole words, case ignored (Å is å), each once,
/// in the order of `terms`. A term of several words matches them in a row.
pub fn health_terms(text: &str, terms: &[String]) -> Vec<String> {
    let words = words_of(text);
    let mut found: Vec<String> = Vec::new();
    for term in terms {
        let wanted = words_of(term);
        if wanted.is_empty() || found.contains(term) {
            continue;
        }
        if words.windows(wanted.len()).any(|w| w == wanted.as_slice()) {
            found.push(term.clone());
        }
    }
    found
}

fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// `text` with every personal identity number and every health term of `terms` replaced by
/// `mark`: what a public-records extract shows for review before release.
pub fn masked(text: &str, terms: &[String], mark: &str) -> String {
    let mut out = text.to_owned();
    for number in personal_numbers(text) {
        out = out.replace(&number, mark);
    }
    // Whole words, any case: find each term's run of words and replace it from its first
    // letter to its last.
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    let mut start = None;
    for (i, c) in out.char_indices().chain([(out.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i, out[s..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    let mut cut: Vec<(usize, usize)> = Vec::new();
    for term in terms {
        let wanted = words_of(term);
        if wanted.is_empty() {
            continue;
        }
        for w in spans.windows(wanted.len()) {
            if w.iter().map(|s| &s.2).eq(wanted.iter()) {
                cut.push((w[0].0, w[wanted.len() - 1].1));
            }
        }
    }
    cut.sort_unstable();
    cut.dedup();
    for (from, to) in cut.into_iter().rev() {
        out.replace_range(from..to, mark);
    }
    out
}

/// Whether `text` names `reference` (a case reference) as a whole, case ignored: not as part of
/// a longer code (`LF-2026-014` is not in `LF-2026-0145`). An empty reference names nothing.
pub fn mentions(text: &str, reference: &str) -> bool {
    let (text, wanted) = (text.to_lowercase(), reference.trim().to_lowercase());
    if wanted.is_empty() {
        return false;
    }
    text.match_indices(&wanted).any(|(at, found)| {
        let before = text[..at].chars().next_back();
        let after = text[at + found.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A personal number with its last four digits hidden: `850709-****`, `19850709-****`.
pub fn mask(number: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let date_len = digits.len().saturating_sub(4);
    let separator = if number.contains('+') { '+' } else { '-' };
    format!("{}{separator}****", &digits[..date_len])
}

/// Everything found in the labelled fields: personal numbers (masked) first, then health
/// terms, field by field. What the full screen shows before asking "save anyway?".
pub fn findings(fields: &[(&str, &str)], terms: &[String]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (field, text) in fields {
        out.extend(personal_numbers(text).iter().map(|n| Finding {
            field: (*field).to_owned(),
            kind: FindingKind::PersonalNumber,
            found: mask(n),
        }));
        out.extend(health_terms(text, terms).into_iter().map(|t| Finding {
            field: (*field).to_owned(),
            kind: FindingKind::HealthTerm,
            found: t,
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masking_hides_personal_numbers_and_health_terms_and_keeps_the_rest() {
        let terms = vec!["cancer".to_owned(), "eating disorder".to_owned()];
        assert_eq!(
            masked(
                "Mother 850709-9805 has Cancer; an Eating  Disorder; cancerfonden; 070-123 45 67; 19850709 9805",
                &terms,
                "[masked]"
            ),
            "Mother [masked] has [masked]; an [masked]; cancerfonden; 070-123 45 67; [masked]"
        );
    }

    fn terms(list: &[&str]) -> Vec<String> {
        list.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn finds_valid_personal_numbers_in_every_shape() {
        for (text, number) in [
            ("121212-1212", "121212-1212"),
            ("19121212-1212", "19121212-1212"),
            ("1212121212", "1212121212"),
            ("191212121212", "191212121212"),
            ("born 121212+1212, over a hundred", "121212+1212"),
            ("pnr: 850709-9805.", "850709-9805"),
            ("(198507099805)", "198507099805"),
            ("coordination 701063-2391 here", "701063-2391"),
            ("leap day 000229-0005", "000229-0005"),
            ("LF-850709-9805", "850709-9805"),
            ("pnr 850709 9805, mother", "850709 9805"),
            ("19850709 9805", "19850709 9805"),
            ("no-break 850709\u{a0}9805", "850709\u{a0}9805"),
        ] {
            assert_eq!(personal_numbers(text), vec![number.to_owned()], "{text}");
        }
    }

    #[test]
    fn finds_each_number_in_a_text_with_several() {
        assert_eq!(
            personal_numbers("121212-1212 och 850709-9805"),
            vec!["121212-1212".to_owned(), "850709-9805".to_owned()]
        );
    }

    #[test]
    fn ignores_numbers_with_a_wrong_check_digit() {
        for text in ["121212-1213", "19121212-1210", "8507099806", "198507099804"] {
            assert!(personal_numbers(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn ignores_impossible_dates_even_with_a_valid_check_digit() {
        // Each has a check digit that passes Luhn, but no such day exists.
        for text in ["851309-9807", "850732-9806", "19850230-9803", "010229-9807"] {
            assert!(personal_numbers(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn ignores_look_alikes() {
        for text in [
            "070-123 45 67",
            "+46 70 123 45 67",
            "0731234567",
            "2026-11-23",
            "20261123",
            "LF-2026-014",
            "case 2026/0142",
            "123456789012",
            "1212121212121",
            "A1212121212",
            "121212-12121",
            "19121212+1212",
            "850709 98051",
            "850709  9805",
            "070 123 4567",
            "850709 9806",
        ] {
            assert!(personal_numbers(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn finds_health_terms_as_whole_words_whatever_the_case() {
        let list = terms(&["cancer", "missbruk", "ätstörning", "eating disorder"]);
        assert_eq!(
            health_terms("Pappan har CANCER; Ätstörning hos dottern.", &list),
            terms(&["cancer", "ätstörning"])
        );
        assert_eq!(
            health_terms("signs of an Eating  disorder", &list),
            terms(&["eating disorder"])
        );
    }

    #[test]
    fn a_health_term_inside_another_word_is_not_found() {
        let list = terms(&["hiv", "adhd", "missbruk"]);
        assert!(health_terms("arkivet, adhdx, missbrukare", &list).is_empty());
    }

    #[test]
    fn findings_name_the_field_and_mask_the_number() {
        let list = terms(&["diabetes"]);
        let found = findings(
            &[
                ("title", "Family in need"),
                ("need", "Son 121212-1212 has diabetes"),
            ],
            &list,
        );
        assert_eq!(
            found,
            vec![
                Finding {
                    field: "need".into(),
                    kind: FindingKind::PersonalNumber,
                    found: "121212-****".into(),
                },
                Finding {
                    field: "need".into(),
                    kind: FindingKind::HealthTerm,
                    found: "diabetes".into(),
                },
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_finds_only_digits_and_separators(text in "\\PC{0,40}") {
            for number in personal_numbers(&text) {
                let shape = number.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | ' ' | '\u{a0}'));
                proptest::prop_assert!(shape, "{:?}", number);
            }
            let _ = health_terms(&text, &terms(&["å", "cancer"]));
        }
    }

    #[test]
    fn a_case_reference_is_mentioned_only_whole_and_in_any_case() {
        assert!(mentions("Case lf-2026-014: 18 years old", "LF-2026-014"));
        assert!(mentions("recipient LF-2026-014; lead -", " LF-2026-014 "));
        assert!(mentions(r#"{"recipient":"LF-2026-014"}"#, "LF-2026-014"));
        assert!(!mentions("LF-2026-0145", "LF-2026-014"));
        assert!(!mentions("XLF-2026-014", "LF-2026-014"));
        assert!(!mentions("anything", "  "));
    }

    #[test]
    fn masks_keep_the_date_and_the_separator() {
        assert_eq!(mask("19121212-1212"), "19121212-****");
        assert_eq!(mask("1212121212"), "121212-****");
        assert_eq!(mask("121212+1212"), "121212+****");
        assert_eq!(mask("850709 9805"), "850709-****");
    }
}
