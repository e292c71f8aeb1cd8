//! The roster's words in lower case, folded once when the rows are set. Each search keystroke
//! tests every person, and a region's roster holds 50,000: lowercasing each name, role and
//! competence again at every key made some 200,000 strings a key. A competence's name is
//! shared by all who hold it, and a unit by all who work there, so each is folded once and a
//! person refers to it by number.

use std::collections::HashMap;

use puls_store::{CompetenceRow, PersonRow};

#[derive(Debug, Default)]
pub(super) struct FoldedPeople {
    /// Each person's name and then role, one person after the other.
    text: String,
    /// Each person's competences, as numbers in `competences`, one person after the other.
    held: Vec<usize>,
    /// Where each person's words end in `text` and `held`, and their unit's number.
    ends: Vec<Ends>,
    competences: Vec<String>,
    units: Vec<String>,
}

#[derive(Debug, Clone, Copy)]
struct Ends {
    name: usize,
    role: usize,
    held: usize,
    unit: Option<usize>,
}

/// One person's words, folded.
pub(super) struct Words<'a> {
    pub name: &'a str,
    pub role: &'a str,
    /// Numbers of the competences they hold: index a [`Hits`] with them.
    pub competences: &'a [usize],
    /// Number of their unit: index a [`Hits`] with it.
    pub unit: Option<usize>,
}

/// Which of the folded competences (or units) contain a filter's text.
pub(super) struct Hits(Vec<bool>);

impl Hits {
    pub fn any(&self, numbers: &[usize]) -> bool {
        numbers.iter().any(|&n| self.0[n])
    }

    pub fn has(&self, number: Option<usize>) -> bool {
        number.is_some_and(|n| self.0[n])
    }
}

/// Folds `text` into `names` unless an earlier holder did; its number either way.
fn number_of<'a>(
    text: &'a str,
    numbers: &mut HashMap<&'a str, usize>,
    names: &mut Vec<String>,
) -> usize {
    *numbers.entry(text).or_insert_with(|| {
        names.push(text.to_lowercase());
        names.len() - 1
    })
}

impl FoldedPeople {
    pub fn new(people: &[PersonRow]) -> FoldedPeople {
        let mut folded = FoldedPeople::default();
        let mut competences = HashMap::new();
        let mut units = HashMap::new();
        for p in people {
            folded.text.push_str(&p.name.to_lowercase());
            let name = folded.text.len();
            folded.text.push_str(&p.role.to_lowercase());
            for (c, _) in &p.competences {
                let n = number_of(c, &mut competences, &mut folded.competences);
                folded.held.push(n);
            }
            let unit = p
                .unit
                .as_deref()
                .map(|u| number_of(u, &mut units, &mut folded.units));
            folded.ends.push(Ends {
                name,
                role: folded.text.len(),
                held: folded.held.len(),
                unit,
            });
        }
        folded
    }

    /// The words of the person at `index` in the rows this was made of.
    pub fn words(&self, index: usize) -> Words<'_> {
        let ends = self.ends[index];
        let (start, held) = match index.checked_sub(1).map(|i| self.ends[i]) {
            Some(before) => (before.role, before.held),
            None => (0, 0),
        };
        Words {
            name: &self.text[start..ends.name],
            role: &self.text[ends.name..ends.role],
            competences: &self.held[held..ends.held],
            unit: ends.unit,
        }
    }

    /// The competences whose folded name contains `needle` (folded already).
    pub fn competences_with(&self, needle: &str) -> Hits {
        Hits(
            self.competences
                .iter()
                .map(|c| c.contains(needle))
                .collect(),
        )
    }

    /// The units whose folded name contains `needle` (folded already).
    pub fn units_with(&self, needle: &str) -> Hits {
        Hits(self.units.iter().map(|u| u.contains(needle)).collect())
    }
}

/// The competence catalogue's names and categories, folded.
#[derive(Debug, Default)]
pub(super) struct FoldedCatalogue(Vec<(String, String)>);

impl FoldedCatalogue {
    pub fn new(competences: &[CompetenceRow]) -> FoldedCatalogue {
        FoldedCatalogue(
            competences
                .iter()
                .map(|c| (c.name.to_lowercase(), c.category.to_lowercase()))
                .collect(),
        )
    }

    /// Whether the competence at `index` has `needle` (folded already) in its name or category.
    pub fn contains(&self, index: usize, needle: &str) -> bool {
        let (name, category) = &self.0[index];
        name.contains(needle) || category.contains(needle)
    }
}
