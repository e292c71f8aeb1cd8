//! The knowledge bank: what the arenas returned, as lessons, methods, case summaries, contacts
//! and courses, tagged and linked to competences, in English and Swedish.
//!
//! An entry's body (200 to 2,000 words) is drawn from its own seed when it is written, so the
//! bank's text, most of the database, is never held in memory at once.

use super::Rng;
use super::municipality::{DAY, Entry, Municipality};
use super::words::*;
use crate::domain::arena::Stage;

/// Words in an entry's body, fewest and most.
const BODY_WORDS: (i64, i64) = (200, 2_000);
/// How many content words one entry's topic draws on: a narrow window, so that a word of the
/// title finds the entries about it rather than nearly all of them.
const TOPIC_WORDS: usize = 120;
/// The kinds the bank stores, and how common each is.
const KINDS: [(&str, usize); 5] = [
    ("lesson", 40),
    ("method", 20),
    ("case", 20),
    ("contact", 10),
    ("course", 10),
];

impl Municipality<'_> {
    pub(super) fn plan_entries(&mut self) {
        let returned: Vec<usize> = (0..self.arenas.len())
            .filter(|&a| {
                matches!(
                    self.arenas[a].stage,
                    Stage::Active | Stage::Returning | Stage::Closed
                )
            })
            .collect();
        let weights = KINDS.map(|(_, w)| w);
        for i in 0..self.size.entries {
            let swedish = self.rng.percent(50);
            let kind = self.rng.weighted(&weights);
            let title = self.entry_title(kind, swedish);
            let arena =
                (!returned.is_empty() && self.rng.percent(70)).then(|| *self.rng.pick(&returned));
            let mut tags: Vec<&'static str> = Vec::new();
            for _ in 0..self.rng.between(1, 3) {
                let tag = *self.rng.pick(TAGS);
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
            let mut competences: Vec<usize> = Vec::new();
            for _ in 0..self.rng.between(0, 2) {
                let c = self.rng.below(self.competences.len());
                if !competences.contains(&c) && !self.competences.is_empty() {
                    competences.push(c);
                }
            }
            let (author, at) = match arena {
                Some(a) => {
                    let a = &self.arenas[a];
                    let since = a.staffed.unwrap_or(a.signalled);
                    let until = a.closed.unwrap_or(self.now).max(since);
                    let at = since + self.rng.between(0, (until - since) / DAY) * DAY;
                    (a.coordinator.unwrap_or(a.signalled_by), at)
                }
                None => (
                    self.rng.below(self.people.len()),
                    self.now - self.rng.between(1, 900) * DAY,
                ),
            };
            let words = self.rng.between(BODY_WORDS.0, BODY_WORDS.1) as usize;
            let seed = self.rng.next();
            self.event(at, author, "entry", i, "create", title.clone());
            self.entries.push(Entry {
                title,
                kind: KINDS[kind].0,
                arena,
                tags,
                competences,
                author,
                at,
                swedish,
                words,
                seed,
            });
        }
    }

    fn entry_title(&mut self, kind: usize, swedish: bool) -> String {
        let topic = *self.rng.pick(if swedish { TOPICS_SV } else { TOPICS_EN });
        let partner = *self.rng.pick(PARTNERS);
        match (kind, swedish) {
            (0, false) => format!("What we learned: {topic}"),
            (1, false) => format!("A way of working with {topic}"),
            (2, false) => format!(
                "Case summary: {} {}",
                self.rng.pick(SUBJECTS_EN).to_lowercase(),
                self.rng.pick(SITUATIONS_EN)
            ),
            (3, false) => format!("Contact at {partner} for {topic}"),
            (_, false) => format!("Course for colleagues: {topic}"),
            (0, true) => format!("Lärdom: {topic}"),
            (1, true) => format!("Arbetssätt vid {topic}"),
            (2, true) => format!(
                "Ärendesammanfattning: {} {}",
                self.rng.pick(SUBJECTS_SV).to_lowercase(),
                self.rng.pick(SITUATIONS_SV)
            ),
            (3, true) => format!("Kontakt på {partner} om {topic}"),
            (_, true) => format!("Kurs för kollegor: {topic}"),
        }
    }
}

/// The words one language's bodies are written in: its most common words, and a longer list
/// of content words, a few hundred to a thousand and more.
struct Language {
    common: &'static [&'static str],
    content: Vec<String>,
}

/// The words of both languages, built once for all the bodies.
pub(super) struct Vocabulary {
    english: Language,
    swedish: Language,
}

/// "family" gives "families", "coach" "coaches", "child" "children".
fn plural(word: &str) -> String {
    let consonant_y = word.ends_with('y')
        && !word.ends_with("ay")
        && !word.ends_with("ey")
        && !word.ends_with("oy");
    match word {
        "child" => "children".to_owned(),
        "criterion" => "criteria".to_owned(),
        w if consonant_y => format!("{}ies", &w[..w.len() - 1]),
        w if ["s", "x", "ch", "sh"].iter().any(|e| w.ends_with(e)) => format!("{w}es"),
        w => format!("{w}s"),
    }
}

/// The words of `lines` of four letters or more, lowercased: the titles' words, so that an
/// arena's "related entries" find something.
fn title_words<'a>(lines: impl IntoIterator<Item = &'a &'a str>) -> Vec<String> {
    lines
        .into_iter()
        .flat_map(|l| l.split_whitespace())
        .map(|w| w.to_lowercase())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .collect()
}

fn distinct(words: impl IntoIterator<Item = String>, common: &[&str]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    words
        .into_iter()
        .filter(|w| !common.contains(&w.as_str()) && seen.insert(w.clone()))
        .collect()
}

impl Vocabulary {
    pub(super) fn new() -> Vocabulary {
        let english = BODY_EN
            .iter()
            .map(|w| (*w).to_owned())
            .chain(NOUNS_EN.iter().flat_map(|n| [(*n).to_owned(), plural(n)]))
            .chain(VERBS_EN.iter().flat_map(|v| [(*v).to_owned(), plural(v)]))
            .chain(title_words(
                SUBJECTS_EN.iter().chain(SITUATIONS_EN).chain(TOPICS_EN),
            ));
        let compounds = COMPOUND_FIRST_SV.iter().flat_map(|first| {
            COMPOUND_SECOND_SV.iter().flat_map(move |(word, definite)| {
                [format!("{first}{word}"), format!("{first}{definite}")]
            })
        });
        let swedish = BODY_SV
            .iter()
            .map(|w| (*w).to_owned())
            .chain(compounds)
            .chain(title_words(
                SUBJECTS_SV.iter().chain(SITUATIONS_SV).chain(TOPICS_SV),
            ));
        Vocabulary {
            english: Language {
                common: FUNCTION_EN,
                content: distinct(english, FUNCTION_EN),
            },
            swedish: Language {
                common: FUNCTION_SV,
                content: distinct(swedish, FUNCTION_SV),
            },
        }
    }
}

/// A rank in `0..n`, the first ones far more often, as word frequencies go (Zipf's law).
fn zipf(rng: &mut Rng, n: usize) -> usize {
    let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
    (((n as f64 + 1.0).powf(u) - 1.0) as usize).min(n.saturating_sub(1))
}

/// An entry's body: sentences of six to sixteen words in paragraphs of three to six. Nearly half
/// the words are the language's common ones; the rest come from the entry's own topic, a window
/// of `TOPIC_WORDS` content words, and now and then a word of the other language slips in.
pub(super) fn body(entry: &Entry, words: &Vocabulary) -> String {
    let mut rng = Rng(entry.seed);
    let (own, other) = if entry.swedish {
        (&words.swedish, &words.english)
    } else {
        (&words.english, &words.swedish)
    };
    let topic = rng.below(own.content.len());
    let other_topic = rng.below(other.content.len());
    let word = |rng: &mut Rng| -> &str {
        match rng.below(100) {
            0..45 => own.common[zipf(rng, own.common.len())],
            45..48 => &other.content[(zipf(rng, TOPIC_WORDS) + other_topic) % other.content.len()],
            _ => &own.content[(zipf(rng, TOPIC_WORDS) + topic) % own.content.len()],
        }
    };
    let mut text = String::with_capacity(entry.words * 9);
    let mut written = 0;
    while written < entry.words {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        for s in 0..rng.between(3, 6) {
            if s > 0 {
                text.push(' ');
            }
            let length = rng.between(6, 16) as usize;
            for w in 0..length {
                let next = word(&mut rng);
                if w == 0 {
                    let mut chars = next.chars();
                    text.extend(chars.next().map(|c| c.to_uppercase().next().unwrap_or(c)));
                    text.push_str(chars.as_str());
                } else {
                    text.push(' ');
                    text.push_str(next);
                }
            }
            text.push('.');
            written += length;
        }
    }
    text
}
