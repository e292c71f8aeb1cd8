//! "Have we met this before?": which entries of the knowledge bank are about what an arena is
//! about. A shared word alone is weak evidence (a widower who lost his wife "in the summer" has
//! nothing to learn from the summer jobs for young people), so an entry counts as related by
//! what it shares with the arena as a whole: the words of the arena's title (worth most) and
//! need found in the entry's title and tags, the competences the arena needs, its missions.
//! Every backend gathers the candidates its own way and ranks them here, so the ranking is
//! one rule whatever holds the bank.

use super::knowledge::{SearchQuery, Term, words};

/// Words too common to say what an arena is about, in English and Swedish.
const COMMON_WORDS: &[&str] = &[
    "about", "after", "again", "also", "been", "before", "being", "both", "case", "could", "does",
    "down", "each", "even", "every", "from", "have", "having", "here", "into", "just", "know",
    "like", "many", "more", "most", "much", "must", "need", "needs", "never", "once", "only",
    "other", "over", "same", "says", "should", "since", "some", "soon", "still", "such", "than",
    "that", "their", "them", "then", "there", "these", "they", "this", "those", "through", "under",
    "very", "want", "wants", "were", "what", "when", "where", "which", "while", "with", "would",
    "your", "alla", "allt", "ärende", "ärenden", "andra", "bara", "blev", "dessa", "detta",
    "denna", "dock", "efter", "eller", "från", "genom", "hade", "hans", "hennes", "honom", "inte",
    "kommer", "kunna", "lite", "mellan", "mycket", "måste", "någon", "något", "några", "också",
    "samma", "sedan", "sina", "sitt", "skall", "till", "utan", "vara", "varit", "vars", "vilka",
    "vilken", "vill", "även", "över",
];

/// How many words of the title and need an arena's topic keeps, the title's first.
const MAX_STEMS: usize = 16;

/// Evidence, in points: a word of the arena's title found in an entry's title or tags...
const TITLE_WORD: u32 = 2;
/// ...a word of its need found there...
const NEED_WORD: u32 = 1;
/// ...a competence the arena needs that the entry is about...
const SHARED_COMPETENCE: u32 = 2;
/// ...and an entry returned by an arena of one of the same missions (one of another mission
/// loses nothing: an arena between missions learns most from the others).
const SAME_MISSION: u32 = 1;

/// The least evidence that makes an entry related: two words of the title, or one with a
/// competence, or a word of the need with a competence and the mission; never one word alone.
pub const RELATED_AT: u32 = 4;

/// What an arena is about, as the ranking sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// Word stems with the points a match earns: the title's first.
    stems: Vec<(String, u32)>,
    missions: Vec<String>,
    competences: Vec<String>,
}

/// What the ranking reads of one entry of the bank.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub title: &'a str,
    pub tags: &'a [String],
    pub competences: &'a [String],
    /// The mission of the arena that returned it; none for an entry filed on its own.
    pub mission: Option<&'a str>,
}

impl Topic {
    /// The topic of an arena with this title and need, in these missions (the lead first),
    /// needing these competences.
    pub fn of(title: &str, need: &str, missions: &[String], competences: &[String]) -> Topic {
        let mut stems: Vec<(String, u32)> = Vec::new();
        for (text, points) in [(title, TITLE_WORD), (need, NEED_WORD)] {
            for stem in words(text).filter_map(|w| stem(&w)) {
                if stems.len() < MAX_STEMS && !stems.iter().any(|(s, _)| *s == stem) {
                    stems.push((stem, points));
                }
            }
        }
        Topic {
            stems,
            missions: missions.to_vec(),
            competences: competences.to_vec(),
        }
    }

    /// The full-text question that finds the candidates: entries sharing a word of the
    /// arena's title, or of its need too when the title has fewer than two (an entry sharing
    /// only words of the need is rarely related, and asking for every word of a long need
    /// costs a large bank most of the time the answer takes). For any backend to turn into its
    /// own syntax; none when there is no usable word.
    pub fn query(&self) -> Option<SearchQuery> {
        let of_title = self
            .stems
            .iter()
            .filter(|(_, points)| *points == TITLE_WORD)
            .count();
        SearchQuery::any_of(
            self.stems
                .iter()
                .filter(|(_, points)| of_title < 2 || *points == TITLE_WORD)
                .map(|(stem, _)| Term {
                    word: stem.clone(),
                    prefix: true,
                })
                .collect(),
        )
    }

    /// The words [`Topic::query`] leaves out still count, and a snippet marks them all.
    pub fn every_word(&self) -> Option<SearchQuery> {
        SearchQuery::any_of(
            self.stems
                .iter()
                .map(|(stem, _)| Term {
                    word: stem.clone(),
                    prefix: true,
                })
                .collect(),
        )
    }

    /// The competences the arena needs, for a backend to find the entries about them.
    pub fn competences(&self) -> &[String] {
        &self.competences
    }

    /// How strongly `entry` is about this topic, in points; related from [`RELATED_AT`].
    pub fn evidence(&self, entry: &Candidate) -> u32 {
        let mut found: Vec<String> = words(entry.title).collect();
        for tag in entry.tags {
            found.extend(words(tag));
        }
        let words_points: u32 = self
            .stems
            .iter()
            .filter(|(stem, _)| found.iter().any(|w| w.starts_with(stem.as_str())))
            .map(|(_, points)| points)
            .sum();
        let shared = entry
            .competences
            .iter()
            .filter(|c| self.competences.contains(c))
            .count() as u32;
        let points = words_points + SHARED_COMPETENCE * shared;
        match entry.mission {
            Some(m) if self.missions.iter().any(|own| own == m) => points + SAME_MISSION,
            _ => points,
        }
    }

    /// The related ones of `candidates` (an id and the entry), most evidence first; equals keep
    /// the order given (a backend passes its full-text ranking, best first).
    pub fn rank<'a, I>(&self, candidates: I, limit: usize) -> Vec<i64>
    where
        I: IntoIterator<Item = (i64, Candidate<'a>)>,
    {
        let mut scored: Vec<(u32, usize, i64)> = candidates
            .into_iter()
            .enumerate()
            .map(|(order, (id, entry))| (self.evidence(&entry), order, id))
            .filter(|(points, _, _)| *points >= RELATED_AT)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut ids: Vec<i64> = Vec::new();
        for (_, _, id) in scored {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids.truncate(limit);
        ids
    }
}

/// The stem a word of a title or need is searched by, or none for a word that says little:
/// shorter than four letters, common, or holding a digit (case codes, years). The stem is the
/// word's first letters, all but the last two and at least four, so "siblings" also finds
/// "sibling" and "förskola" "förskolan".
fn stem(word: &str) -> Option<String> {
    let chars = word.chars().count();
    if chars < 4 || word.chars().any(char::is_numeric) || COMMON_WORDS.contains(&word) {
        return None;
    }
    Some(word.chars().take((chars - 2).max(4)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    fn entry<'a>(title: &'a str, tags: &'a [String], competences: &'a [String]) -> Candidate<'a> {
        Candidate {
            title,
            tags,
            competences,
            mission: None,
        }
    }

    #[test]
    fn the_topic_keeps_telling_words_as_prefixes_title_first() {
        let topic = Topic::of(
            "Siblings absent from school",
            "Case LF-2026-033: the family does not answer the school in 2026.",
            &[],
            &[],
        );
        let stems: Vec<(&str, u32)> = topic.stems.iter().map(|(s, p)| (s.as_str(), *p)).collect();
        assert_eq!(
            stems,
            vec![
                ("siblin", 2),
                ("abse", 2),
                ("scho", 2),
                ("fami", 1),
                ("answ", 1)
            ]
        );
        let words = |query: Option<SearchQuery>| -> Vec<(String, bool)> {
            let query = query.unwrap();
            assert!(query.any());
            query
                .terms()
                .iter()
                .map(|t| (t.word.clone(), t.prefix))
                .collect()
        };
        let title = ["siblin", "abse", "scho"].map(|w| (w.to_owned(), true));
        assert_eq!(
            words(topic.query()),
            title,
            "the title's words find candidates"
        );
        assert_eq!(words(topic.every_word()).len(), 5);
        let short = Topic::of("Siblings", "the family does not answer", &[], &[]);
        assert_eq!(
            words(short.query()).len(),
            3,
            "a one-word title asks the need's too"
        );
        assert!(
            Topic::of("of the and a", "2026", &[], &[])
                .query()
                .is_none()
        );
        let long = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike \
                    november oscar papa quebec romeo";
        assert_eq!(Topic::of(long, "", &[], &[]).stems.len(), MAX_STEMS);
    }

    #[test]
    fn one_shared_word_is_not_enough() {
        let widower = Topic::of(
            "Widower alone at home",
            "Lost his wife in the summer.",
            &owned(&["HC"]),
            &[],
        );
        let tags = owned(&["summer jobs", "youth"]);
        let summer = entry("Summer jobs: 23 against a target of 20", &tags, &[]);
        assert_eq!(widower.evidence(&summer), NEED_WORD);
        assert!(widower.rank([(9, summer)], 5).is_empty());
    }

    #[test]
    fn title_words_competences_and_the_mission_add_up() {
        let competences = owned(&["School nurse"]);
        let topic = Topic::of(
            "Siblings absent from school",
            "The family does not answer.",
            &owned(&["LF"]),
            &competences,
        );
        let tags = owned(&["family"]);
        let visit = entry("A home visit for school absence", &tags, &competences);
        assert_eq!(
            topic.evidence(&visit),
            2 * TITLE_WORD + NEED_WORD + SHARED_COMPETENCE
        );
        let lf = Candidate {
            mission: Some("LF"),
            ..visit
        };
        let hc = Candidate {
            mission: Some("HC"),
            ..visit
        };
        assert_eq!(topic.evidence(&lf), topic.evidence(&visit) + SAME_MISSION);
        assert_eq!(topic.evidence(&hc), topic.evidence(&visit));
    }

    #[test]
    fn the_ranking_puts_most_evidence_first_keeping_the_given_order_of_equals() {
        let topic = Topic::of("School absence and family", "", &[], &[]);
        let none: Vec<String> = Vec::new();
        let ranked = topic.rank(
            [
                (1, entry("Family and school", &none, &none)),
                (2, entry("School absence at home, family", &none, &none)),
                (3, entry("Absence from school", &none, &none)),
                (2, entry("School absence at home, family", &none, &none)),
                (4, entry("Family dinners", &none, &none)),
            ],
            10,
        );
        assert_eq!(ranked, vec![2, 1, 3]);
        assert!(
            topic
                .rank([(2, entry("School absence", &none, &none))], 0)
                .is_empty()
        );
    }
}
