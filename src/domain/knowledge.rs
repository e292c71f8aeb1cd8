//! The knowledge bank's rules: what kinds of entry there are, what a tag is, and how whatever a
//! user types becomes a full-text query that cannot fail.
//!
//! Queries are for SQLite FTS5 with the `unicode61` tokenizer, which splits text into runs of
//! letters and digits. Every such run the user types becomes a quoted term, so quotes, `*`, `-`,
//! `NEAR`, `AND`/`OR`/`NOT`, parentheses and column filters (`title:`) are only ever words.

use serde::{Deserialize, Serialize};

use crate::domain::text;

/// What an entry holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// Something an arena learned.
    #[default]
    Lesson,
    /// A way of working worth repeating.
    Method,
    /// What happened in one case, without the citizen's identity.
    #[serde(rename = "case")]
    CaseSummary,
    /// Someone worth calling, inside or outside the organisation.
    Contact,
    /// Collegial learning: a course a colleague offers.
    Course,
}

impl EntryKind {
    pub const ALL: [EntryKind; 5] = [
        EntryKind::Lesson,
        EntryKind::Method,
        EntryKind::CaseSummary,
        EntryKind::Contact,
        EntryKind::Course,
    ];

    /// The code stored in the database and written in files.
    pub fn code(self) -> &'static str {
        match self {
            EntryKind::Lesson => "lesson",
            EntryKind::Method => "method",
            EntryKind::CaseSummary => "case",
            EntryKind::Contact => "contact",
            EntryKind::Course => "course",
        }
    }

    pub fn from_code(code: &str) -> Option<EntryKind> {
        EntryKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The most characters a tag keeps.
pub const TAG_MAX_CHARS: usize = 40;

/// A tag as stored: trimmed, without a leading `#`, lower case, inner spaces collapsed to one,
/// at most [`TAG_MAX_CHARS`]. None when nothing is left.
pub fn tag(raw: &str) -> Option<String> {
    let safe = text::one_line(raw);
    let words: Vec<&str> = safe.split_whitespace().collect();
    let joined = words.join(" ");
    let clean: String = joined
        .trim_start_matches('#')
        .trim_start()
        .to_lowercase()
        .chars()
        .take(TAG_MAX_CHARS)
        .collect();
    let clean = clean.trim_end();
    (!clean.is_empty()).then(|| clean.to_owned())
}

/// Tags as stored: each cleaned by [`tag`], without empties and duplicates, sorted.
pub fn tags<S: AsRef<str>>(raw: &[S]) -> Vec<String> {
    let mut clean: Vec<String> = raw.iter().filter_map(|t| tag(t.as_ref())).collect();
    clean.sort();
    clean.dedup();
    clean
}

/// Tags typed on one line, separated by commas or semicolons: `hälsa, #school; family`.
pub fn parse_tags(line: &str) -> Vec<String> {
    tags(&line.split([',', ';']).collect::<Vec<_>>())
}

/// The most words a query keeps; more would only narrow an AND query that already found nothing.
const MAX_QUERY_TERMS: usize = 32;

/// The runs of letters and digits in `input`, lower-cased: the words FTS5's `unicode61` sees.
fn words(input: &str) -> impl Iterator<Item = String> + '_ {
    input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Turns anything a user types into a valid FTS5 MATCH expression (each word a quoted term, the
/// last one a prefix `"wor"*`), or None when nothing is searchable. Quotes, `*`, `-`, `NEAR`,
/// `AND`/`OR`/`NOT`, parentheses, a lone `"`, column filters like `title:` all become plain
/// words.
///
/// A last word of a single letter is left out until the next keystroke: as a prefix it would
/// match nearly every entry, and slowly.
pub fn fts_query(input: &str) -> Option<String> {
    let mut words: Vec<String> = words(input).take(MAX_QUERY_TERMS).collect();
    if words.last().is_some_and(|w| w.chars().count() < 2) {
        words.pop();
    }
    let last = words.pop()?;
    let mut terms: Vec<String> = words.into_iter().map(|w| format!("\"{w}\"")).collect();
    terms.push(format!("\"{last}\"*"));
    Some(terms.join(" "))
}

/// Words too common to say what an arena is about, in English and Swedish.
const COMMON_WORDS: &[&str] = &[
    "about", "after", "again", "also", "been", "before", "being", "both", "case", "could", "does",
    "down", "each", "even", "every", "from", "have", "having", "here", "into", "just", "know",
    "like", "many", "more", "most", "much", "must", "need", "needs", "never", "once", "only",
    "other", "over", "same", "says", "should", "since", "some", "soon", "still", "such", "than",
    "that", "their", "them", "then", "there", "these", "they", "this", "those", "through", "under",
    "very", "want", "wants", "were", "what", "when", "where", "which", "while", "with", "would",
    "your", "alla", "allt", "andra", "bara", "blev", "dessa", "detta", "denna", "dock", "efter",
    "eller", "från", "genom", "hade", "hans", "hennes", "honom", "inte", "kommer", "kunna", "lite",
    "mellan", "mycket", "måste", "någon", "något", "några", "också", "samma", "sedan", "sina",
    "sitt", "skall", "till", "utan", "vara", "varit", "vars", "vilka", "vilken", "vill", "även",
    "över",
];

/// The same as [`fts_query`], joining words with OR: for "related entries", built from an
/// arena's title and need. Words shorter than four letters, common words and anything with a
/// digit (case codes, years) are left out; each word is a prefix of its first letters (all but
/// the last two, at least four), so "siblings" also finds "sibling" and "förskola" "förskolan".
/// At most `max_terms` words, the first met first.
pub fn fts_any(text: &str, max_terms: usize) -> Option<String> {
    let mut stems: Vec<String> = Vec::new();
    for word in words(text) {
        let chars = word.chars().count();
        if chars < 4
            || word.chars().any(|c| c.is_numeric())
            || COMMON_WORDS.contains(&word.as_str())
        {
            continue;
        }
        let stem: String = word.chars().take((chars - 2).max(4)).collect();
        if !stems.contains(&stem) {
            stems.push(stem);
        }
        if stems.len() >= max_terms {
            break;
        }
    }
    if stems.is_empty() {
        return None;
    }
    Some(
        stems
            .iter()
            .map(|s| format!("\"{s}\"*"))
            .collect::<Vec<_>>()
            .join(" OR "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_codes_round_trip() {
        for kind in EntryKind::ALL {
            assert_eq!(EntryKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(EntryKind::from_code("Lesson"), None);
    }

    #[test]
    fn kinds_serialise_as_their_codes() {
        for kind in EntryKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.code()));
        }
    }

    #[test]
    fn quotes_every_word_and_makes_the_last_a_prefix() {
        assert_eq!(
            fts_query("Language café").as_deref(),
            Some("\"language\" \"café\"*")
        );
    }

    #[test]
    fn operators_and_column_filters_become_plain_words() {
        assert_eq!(
            fts_query("title:x NEAR(a AND -b* OR \"cc").as_deref(),
            Some("\"title\" \"x\" \"near\" \"a\" \"and\" \"b\" \"or\" \"cc\"*")
        );
    }

    #[test]
    fn nothing_searchable_is_none() {
        for input in ["", "   ", "\"", "*", "-()", "🙂 🙂", "x"] {
            assert_eq!(fts_query(input), None, "{input:?}");
        }
    }

    #[test]
    fn a_single_last_letter_waits_for_the_next() {
        assert_eq!(fts_query("school n").as_deref(), Some("\"school\"*"));
        assert_eq!(fts_query("a school").as_deref(), Some("\"a\" \"school\"*"));
    }

    #[test]
    fn keeps_swedish_letters_and_folds_case() {
        assert_eq!(fts_query("HÄLSA").as_deref(), Some("\"hälsa\"*"));
    }

    #[test]
    fn related_query_drops_short_common_and_numbered_words() {
        let q = fts_any(
            "Siblings absent from school, case LF-2026-033: the family does not answer",
            10,
        );
        assert_eq!(
            q.as_deref(),
            Some("\"siblin\"* OR \"abse\"* OR \"scho\"* OR \"fami\"* OR \"answ\"*")
        );
        assert_eq!(fts_any("of the and a 2026", 10), None);
    }

    #[test]
    fn related_query_keeps_at_most_max_terms() {
        let q = fts_any("alpha bravo charlie delta echo", 2).unwrap();
        assert_eq!(q, "\"alph\"* OR \"brav\"*");
    }

    #[test]
    fn tags_are_trimmed_lower_case_and_unique() {
        assert_eq!(
            tags(&["  Hälsa ", "#hälsa", "", "Mental   health", "\u{1b}"]),
            vec!["hälsa".to_owned(), "mental health".to_owned()]
        );
        assert_eq!(
            parse_tags("school; #Family, school"),
            vec!["family", "school"]
        );
    }
}
