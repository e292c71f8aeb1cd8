//! The order people's names sort in, by the language: Swedish puts å, ä and ö after z.
//!
//! Swedish order comes from ICU4X's collator with CLDR's `sv` tailoring (å, ä, ö after z;
//! æ with ä, ø with ö, ü with y; accents and case only break ties), rather than a hand-made key
//! that would get those rules half right. English keeps the order puls always had: SQLite's
//! NOCASE, ASCII letters without case.

use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};

use super::language::Language;

/// Built once: the collator's data is compiled in, so this cannot fail in practice; if it
/// ever did, names would sort as in English rather than stop puls.
static SWEDISH: LazyLock<Option<CollatorBorrowed<'static>>> = LazyLock::new(|| {
    Collator::try_new(
        icu_locale_core::locale!("sv").into(),
        CollatorOptions::default(),
    )
    .ok()
});

/// Compares two names as `language` sorts them.
pub fn compare_names(language: Language, a: &str, b: &str) -> Ordering {
    match (language, SWEDISH.as_ref()) {
        (Language::Swedish, Some(swedish)) => swedish.compare(a, b).then_with(|| a.cmp(b)),
        _ => nocase(a, b),
    }
}

/// Orders as SQLite's NOCASE collation does: ASCII letters without case, all else by byte.
pub fn nocase(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(language: Language, names: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        names.sort_by(|a, b| compare_names(language, a, b));
        names
    }

    #[test]
    fn swedish_puts_a_ring_a_umlaut_and_o_umlaut_after_z() {
        {
            assert_eq!(
                sorted(
                    Language::Swedish,
                    &["Örjan", "Ärla", "Zacharias", "Åsa", "Anders", "Ängel", "bo"]
                ),
                ["Anders", "bo", "Zacharias", "Åsa", "Ängel", "Ärla", "Örjan"]
            );
        }
    }

    #[test]
    fn swedish_sorts_accents_and_neighbours_letters_as_swedes_do() {
        {
            assert_eq!(
                sorted(
                    Language::Swedish,
                    &[
                        "Ødegaard",
                        "Émile",
                        "Yngve",
                        "Übel",
                        "Esbjörn",
                        "Zoe",
                        "Æsa"
                    ]
                ),
                [
                    "Émile",
                    "Esbjörn",
                    "Übel",
                    "Yngve",
                    "Zoe",
                    "Æsa",
                    "Ødegaard"
                ]
            );
        }
    }

    #[test]
    fn english_keeps_the_order_of_sqlite_nocase() {
        assert_eq!(
            sorted(Language::English, &["Ängel", "anders", "Zoe", "Bo"]),
            ["anders", "Bo", "Zoe", "Ängel"]
        );
    }
}
