//! No message exists in one language and not the other.

use super::*;

/// Fixed texts that are rightly the same in both languages: names, marks and loanwords.
const SAME_IN_BOTH: &[&str] = &[
    "app_name",
    "zoomed",
    "label_signal",
    "label_team",
    "view_team",
    "external",
    "standup_title",
    "fig_median",
    "fig_person",
    "fig_arena",
    "fig_number",
    "fig_puls",
    "md_status",
    "announce_person",
    "field_text",
    "label_budget",
];

/// Literals outside `tr!` and `texts!` that are no sentence: words the same in Swedish, the
/// names of tables and entities matched on, commands to type.
const NOT_TRANSLATED: &[&str] = &[
    "Signal",
    "Service",
    "Arena",
    "Text",
    "arena",
    "person",
    "arenas",
    "people",
    "units",
    "competences",
    "needs",
    "allocations",
    "holdings",
    "puls history",
    "puls history --since {}",
    "team {n}",
    "arena #{id}",
];

fn all_texts() -> Vec<(&'static str, &'static str, &'static str)> {
    [
        arena::TEXTS,
        bank::TEXTS,
        cli_help::TEXTS,
        config::TEXTS,
        decision::TEXTS,
        export::TEXTS,
        figures::TEXTS,
        learning::TEXTS,
        maturity::TEXTS,
        plan::TEXTS,
        privacy::TEXTS,
        purpose::TEXTS,
        records::TEXTS,
        request::TEXTS,
        review::TEXTS,
        roster::TEXTS,
        serve::TEXTS,
        roster_file::TEXTS,
        screen::TEXTS,
    ]
    .concat()
}

#[test]
fn every_fixed_text_has_an_english_and_a_different_swedish() {
    let texts = all_texts();
    assert!(texts.len() > 150, "only {} texts listed", texts.len());
    for (name, en, sv) in texts {
        assert!(!en.trim().is_empty(), "{name} has no English");
        assert!(!sv.trim().is_empty(), "{name} has no Swedish");
        assert!(
            en != sv || SAME_IN_BOTH.contains(&name),
            "{name} is \"{en}\" in both languages: translate it, or list it in SAME_IN_BOTH"
        );
    }
}

#[test]
fn fixed_texts_follow_the_language_of_the_thread() {
    assert_eq!(board_title(), "Arenas");
    set_language(Language::Swedish);
    assert_eq!(board_title(), "Arenor");
    set_language(Language::English);
}

/// Every string literal of `source` with a word in it that stands outside a `tr!(..)`, a
/// `texts! {..}` or the body of a function named `..._sv` (the Swedish half of a `tr!`): a
/// sentence someone wrote in one language only.
fn untranslated_literals(source: &str) -> Vec<String> {
    let chars: Vec<char> = source.chars().collect();
    let mut found = Vec::new();
    // Bracket depth now, and the depths at which translated spans began.
    let mut depth = 0usize;
    let mut spans: Vec<usize> = Vec::new();
    let mut swedish_fn = false;
    let mut i = 0;
    let starts =
        |i: usize, word: &str| chars[i..].iter().take(word.len()).copied().eq(word.chars());
    while i < chars.len() {
        let c = chars[i];
        if starts(i, "//") {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if starts(i, "tr!(") || starts(i, "texts! {") {
            spans.push(depth);
            i += if chars[i] == 't' && chars[i + 1] == 'r' {
                3
            } else {
                7
            };
            continue;
        } else if starts(i, "fn ") {
            let name: String = chars[i + 3..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '_')
                .collect();
            swedish_fn = name.ends_with("_sv");
            i += 3 + name.len();
            continue;
        } else if c == '"' {
            let mut literal = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                literal.push(chars[i]);
                i += 1;
            }
            if spans.is_empty() && has_words(&literal) && !NOT_TRANSLATED.contains(&&*literal)
                // The settings of config.toml, matched on by name.
                && !crate::config::SETTINGS.contains(&&*literal)
            {
                found.push(literal);
            }
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{a0}'); a lifetime has no closing quote.
            if chars.get(i + 1) == Some(&'\\') {
                while i + 1 < chars.len() && chars[i + 1] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 2;
            }
        } else if matches!(c, '(' | '[' | '{') {
            if c == '{' && swedish_fn {
                spans.push(depth);
                swedish_fn = false;
            }
            depth += 1;
        } else if matches!(c, ')' | ']' | '}') {
            depth -= 1;
            if spans.last() == Some(&depth) {
                spans.pop();
            }
        }
        i += 1;
    }
    found
}

/// Three letters in a row outside `{placeholders}`.
fn has_words(literal: &str) -> bool {
    let mut run = 0;
    let mut in_placeholder = false;
    for c in literal.chars() {
        match c {
            '{' => in_placeholder = true,
            '}' => in_placeholder = false,
            c if c.is_alphabetic() && !in_placeholder => {
                run += 1;
                if run >= 3 {
                    return true;
                }
            }
            _ => run = 0,
        }
    }
    false
}

#[test]
fn every_message_with_words_says_them_in_both_languages() {
    let files = [
        ("messages.rs", include_str!("../messages.rs")),
        ("admin.rs", include_str!("admin.rs")),
        ("arena.rs", include_str!("arena.rs")),
        ("bank.rs", include_str!("bank.rs")),
        ("cli_help.rs", include_str!("cli_help.rs")),
        ("commands.rs", include_str!("commands.rs")),
        ("config.rs", include_str!("config.rs")),
        ("export.rs", include_str!("export.rs")),
        ("figures.rs", include_str!("figures.rs")),
        ("plan.rs", include_str!("plan.rs")),
        ("privacy.rs", include_str!("privacy.rs")),
        ("records.rs", include_str!("records.rs")),
        ("roster.rs", include_str!("roster.rs")),
        ("roster_file.rs", include_str!("roster_file.rs")),
        ("screen.rs", include_str!("screen.rs")),
    ];
    for (file, source) in files {
        let untranslated = untranslated_literals(source);
        assert!(
            untranslated.is_empty(),
            "{file}: said in one language only (wrap it in tr!(english, swedish)): {untranslated:?}"
        );
    }
}

#[test]
fn the_scan_finds_a_sentence_outside_tr_and_none_inside() {
    let source = r#"
        pub fn a() -> String { tr!(format!("one {x}"), format!("en {x}")) }
        pub fn b() -> &'static str { "left in English" }
        texts! { c => "Fixed", "Fast"; }
        pub fn d() -> char { tr!('x', '\u{a0}') }
        fn e_sv(x: &str) -> String { format!("på svenska {x}") }
        fn f(x: &str) -> String { format!("after the Swedish {x}") }
    "#;
    assert_eq!(
        untranslated_literals(source),
        vec!["left in English", "after the Swedish {x}"]
    );
}

#[test]
fn numbers_and_weeks_are_written_as_each_language_writes_them() {
    let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    assert_eq!(thousands(200_000), "200,000");
    assert_eq!(fig_days(30.5), "30.5");
    assert_eq!(week(date), "week 48");
    set_language(Language::Swedish);
    assert_eq!(thousands(200_000), "200\u{a0}000");
    assert_eq!(fig_days(30.5), "30,5");
    assert_eq!(fig_days(12.0), "12");
    assert_eq!(week(date), "v. 48");
    assert_eq!(due_this_week(date), "Klart denna vecka, v. 48");
    set_language(Language::English);
    assert_eq!(due_this_week(date), "Due this week");
}
