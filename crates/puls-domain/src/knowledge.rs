//! The knowledge bank's rules: what kinds of entry there are, what a tag is, and how whatever a
//! user types becomes a search question that cannot fail.
//!
//! A question is data, not syntax: the words to find (runs of letters and digits, lower-cased,
//! as full-text tokenizers split text), whether all or any must be there, and which are
//! prefixes. Each store turns it into its own syntax (SQLite's FTS5 today), quoting every word,
//! so quotes, `*`, `-`, `NEAR`, `AND`/`OR`/`NOT`, parentheses and column filters (`title:`) are
//! only ever words.

use serde::{Deserialize, Serialize};

use crate::text;

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

/// How many characters of the body an unsearched list shows.
pub const START_CHARS: usize = 160;

/// The start of a body as one unmatched snippet segment, with `…` when there is more; none for
/// an empty body.
pub fn body_start(body: &str) -> Vec<(String, bool)> {
    let start = text::line_start(body, START_CHARS);
    if start.is_empty() {
        Vec::new()
    } else {
        vec![(start, false)]
    }
}

/// The runs of letters and digits in `input`, lower-cased: the words a full-text index sees.
pub(crate) fn words(input: &str) -> impl Iterator<Item = String> + '_ {
    input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Turns anything a user types into a question for every word (the last one a prefix), or
/// None when nothing is searchable. Quotes, `*`, `-`, `NEAR`, `AND`/`OR`/`NOT`, parentheses, a
/// lone `"`, column filters like `title:` all become plain words.
///
/// A last word of a single letter is left out until the next keystroke: as a prefix it would
/// match nearly every entry, and slowly.
pub fn search_query(input: &str) -> Option<SearchQuery> {
    let mut words: Vec<String> = words(input).take(MAX_QUERY_TERMS).collect();
    if words.last().is_some_and(|w| w.chars().count() < 2) {
        words.pop();
    }
    let last = words.len().checked_sub(1)?;
    let terms = words
        .into_iter()
        .enumerate()
        .map(|(i, word)| Term {
            word,
            prefix: i == last,
        })
        .collect();
    Some(SearchQuery { terms, any: false })
}

/// One word of a question, lower-cased as full-text tokenizers fold it; a prefix matches every
/// word that starts with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub word: String,
    pub prefix: bool,
}

impl Term {
    fn matches(&self, folded: &str) -> bool {
        if self.prefix {
            folded.starts_with(&self.word)
        } else {
            folded == self.word
        }
    }

    /// [`Term::matches`] for an ASCII `word` as it stands, folded as it is compared.
    fn matches_ascii(&self, word: &str) -> bool {
        let term = self.word.as_bytes();
        let word = word.as_bytes();
        let compared = if self.prefix {
            word.get(..term.len())
        } else {
            Some(word).filter(|w| w.len() == term.len())
        };
        compared.is_some_and(|w| w.eq_ignore_ascii_case(term))
    }
}

/// What to search the bank for: the words, and whether an entry needs all of them or any.
/// Knowing the words also marks them in a snippet without asking the index again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    terms: Vec<Term>,
    any: bool,
}

impl SearchQuery {
    /// A question for any of `terms`; none when there are none.
    pub fn any_of(terms: Vec<Term>) -> Option<SearchQuery> {
        (!terms.is_empty()).then_some(SearchQuery { terms, any: true })
    }

    /// The words, in the order typed (or met).
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// True when any word is enough; false when every word must be in the entry.
    pub fn any(&self) -> bool {
        self.any
    }

    /// True when `word` (as it stands in the text) is one the query looks for.
    pub fn matches(&self, word: &str) -> bool {
        // Most words of a body differ from every term at their first letter: that much is
        // compared before the word is folded whole, which a snippet would otherwise do for
        // each of a long body's thousand words.
        let first = match word.as_bytes().first() {
            Some(b) if b.is_ascii() => char::from(b.to_ascii_lowercase()),
            _ => match word.chars().next().and_then(|c| c.to_lowercase().next()) {
                Some(first) => first,
                None => return false,
            },
        };
        if !self.terms.iter().any(|t| t.word.starts_with(first)) {
            return false;
        }
        // An ASCII word, most of them, folds a byte at a time, with nothing allocated.
        if word.is_ascii() {
            return self.terms.iter().any(|t| t.matches_ascii(word));
        }
        let folded = word.to_lowercase();
        self.terms.iter().any(|t| t.matches(&folded))
    }

    /// About `tokens` words of `body` around the densest run of matched words, as one-line
    /// segments, `true` for a matched word; `…` where the body goes on before or after.
    pub fn snippet(&self, body: &str, tokens: usize) -> Vec<(String, bool)> {
        let spans = word_spans(body);
        let hits: Vec<usize> = spans
            .iter()
            .enumerate()
            .filter(|(_, (from, to))| self.matches(&body[*from..*to]))
            .map(|(i, _)| i)
            .collect();
        if hits.is_empty() {
            return Vec::new();
        }
        // The window holding the most matches; the earliest of equals, from the very start if
        // that is as good. Starting a few words before a match gives the reader its context.
        let lead = tokens / 4;
        // The hits are in order: those in a window lie between two binary searches.
        let in_window = |start: usize| {
            hits.partition_point(|&h| h < start + tokens) - hits.partition_point(|&h| h < start)
        };
        let (start, _) =
            hits.iter()
                .map(|&h| h.saturating_sub(lead))
                .fold((0, in_window(0)), |best, start| {
                    let count = in_window(start);
                    if count > best.1 { (start, count) } else { best }
                });
        let end = (start + tokens).min(spans.len());
        let mut out: Vec<(String, bool)> = Vec::new();
        let mut push = |piece: &str, matched: bool| {
            let clean = text::one_line(piece);
            if clean.is_empty() {
                return;
            }
            match out.last_mut() {
                Some((last, m)) if *m == matched => last.push_str(&clean),
                _ => out.push((clean.into_owned(), matched)),
            }
        };
        if start > 0 {
            push("…", false);
        }
        let mut at = spans[start].0;
        for &(from, to) in &spans[start..end] {
            push(&body[at..from], false);
            push(&body[from..to], self.matches(&body[from..to]));
            at = to;
        }
        if end < spans.len() {
            push("…", false);
        }
        out
    }
}

/// Where each word of `text` starts and ends (byte offsets), as [`words`] splits it. A
/// search's snippets read every byte of two hundred bodies (a megabyte on the large demo):
/// ASCII, most of it, is told apart a byte at a time, and only other characters decoded.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::with_capacity(bytes.len() / 6);
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        let (in_word, len) = match bytes[i] {
            b if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            _ => text[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (is_word_char(c), c.len_utf8())),
        };
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// `char::is_alphanumeric`, the Latin-1 letters (å, ä, ö, é, ...) answered without the
/// Unicode tables.
fn is_word_char(c: char) -> bool {
    match c {
        '\u{d7}' | '\u{f7}' => false,
        '\u{c0}'..='\u{ff}' => true,
        c => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_split_as_unicode_says_whichever_way_a_character_is_told() {
        let text = "Hälsa×två÷3 œuvre²–São ﬁn";
        let spans: Vec<&str> = word_spans(text).iter().map(|&(f, t)| &text[f..t]).collect();
        assert_eq!(spans, ["Hälsa", "två", "3", "œuvre²", "São", "ﬁn"]);
        let query = search_query("HÄLSA TVÅ SÃ").unwrap();
        let marked: Vec<bool> = spans.iter().map(|w| query.matches(w)).collect();
        assert_eq!(marked, [true, true, false, false, true, false]);
    }

    #[test]
    fn a_long_body_start_is_one_line_ending_with_an_ellipsis() {
        let long = "word\tword\n".repeat(40);
        let start = body_start(&long);
        assert_eq!(start.len(), 1);
        let (text, matched) = &start[0];
        assert!(!matched);
        assert_eq!(text.chars().count(), START_CHARS);
        assert!(text.ends_with("word…"), "{text}");
        assert!(!text.contains(['\t', '\n']));
        let exact = "x".repeat(START_CHARS);
        assert_eq!(body_start(&exact), vec![(exact.clone(), false)]);
        assert_eq!(body_start("short\n"), vec![("short ".to_owned(), false)]);
        assert_eq!(body_start(""), Vec::new());
    }

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

    /// A question as words, `*` after a prefix.
    fn written(query: Option<SearchQuery>) -> Option<Vec<String>> {
        query.map(|q| {
            q.terms()
                .iter()
                .map(|t| format!("{}{}", t.word, if t.prefix { "*" } else { "" }))
                .collect()
        })
    }

    #[test]
    fn every_word_must_be_there_and_the_last_is_a_prefix() {
        let query = search_query("Language café").unwrap();
        assert!(!query.any());
        assert_eq!(written(Some(query)).unwrap(), ["language", "café*"]);
    }

    #[test]
    fn operators_and_column_filters_become_plain_words() {
        assert_eq!(
            written(search_query("title:x NEAR(a AND -b* OR \"cc")).unwrap(),
            ["title", "x", "near", "a", "and", "b", "or", "cc*"]
        );
    }

    #[test]
    fn nothing_searchable_is_none() {
        for input in ["", "   ", "\"", "*", "-()", "🙂 🙂", "x"] {
            assert_eq!(search_query(input), None, "{input:?}");
        }
    }

    #[test]
    fn a_single_last_letter_waits_for_the_next() {
        assert_eq!(written(search_query("school n")).unwrap(), ["school*"]);
        assert_eq!(written(search_query("a school")).unwrap(), ["a", "school*"]);
    }

    #[test]
    fn keeps_swedish_letters_and_folds_case() {
        assert_eq!(written(search_query("HÄLSA")).unwrap(), ["hälsa*"]);
    }

    fn segment(text: &str, matched: bool) -> (String, bool) {
        (text.to_owned(), matched)
    }

    #[test]
    fn a_word_matches_whatever_the_case_of_its_first_letter() {
        let q = search_query("ängen älv").unwrap();
        assert!(q.matches("ÄNGEN"));
        assert!(q.matches("Älvsbacka"));
        assert!(q.matches("ängen"));
        assert!(!q.matches("angen"));
        assert!(!q.matches("Ängarna"));
        assert!(!q.matches(""));
    }

    #[test]
    fn a_snippet_marks_whole_words_and_the_prefix_of_the_last() {
        let q = search_query("förskola häls").unwrap();
        assert_eq!(
            q.snippet("A\nvisit to the Förskola, then hälsan and förskolan.", 20),
            vec![
                segment("A visit to the ", false),
                segment("Förskola", true),
                segment(", then ", false),
                segment("hälsan", true),
                segment(" and förskolan", false),
            ]
        );
    }

    #[test]
    fn a_snippet_shows_the_densest_window_with_ellipses_where_the_body_goes_on() {
        let body = format!(
            "{} school once, {} school family school {}",
            "word ".repeat(30),
            "more ".repeat(30),
            "rest ".repeat(30)
        );
        let q = crate::related::Topic::of("school family", "", &[], &[])
            .query()
            .unwrap();
        let snippet = q.snippet(&body, 8);
        let matched: Vec<&str> = snippet
            .iter()
            .filter(|(_, m)| *m)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(matched, ["school", "family", "school"]);
        assert!(snippet.first().is_some_and(|(t, _)| t.starts_with('…')));
        assert!(snippet.last().is_some_and(|(t, _)| t.ends_with('…')));
    }

    #[test]
    fn a_snippet_without_a_match_is_empty_and_controls_never_survive() {
        let q = search_query("school").unwrap();
        assert!(q.snippet("nothing here", 20).is_empty());
        let snippet = q.snippet("\u{1b}[2J school\u{7}", 20);
        assert!(
            snippet
                .iter()
                .all(|(t, _)| !t.contains(['\u{1b}', '\u{7}']))
        );
        assert!(snippet.contains(&segment("school", true)));
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
