//! The roster's words in lower case, folded once for all the keys typed until the rows are set
//! again. Each search keystroke tests every person, and a region's roster holds 50,000:
//! lowercasing each name, role and competence at every key made some 200,000 strings a key. A
//! competence's name is shared by all who hold it, and a unit by all who work there, so each
//! is folded once and a person refers to it by number.

use std::collections::HashMap;

use puls_store::{CompetenceRow, PersonRow};

use crate::fold::FoldedRows;

#[derive(Debug, Default)]
pub(super) struct FoldedPeople {
    /// Each person's name and role.
    words: FoldedRows<2>,
    /// Each person's competences, as numbers in `competences`, one person after the other;
    /// `held_ends` says where each person's end.
    held: Vec<usize>,
    held_ends: Vec<usize>,
    /// Each person's unit, as a number in `units`.
    unit_of: Vec<Option<usize>>,
    competences: Vec<String>,
    units: Vec<String>,
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
            folded.words.push([&p.name, &p.role]);
            for (c, _) in &p.competences {
                let n = number_of(c, &mut competences, &mut folded.competences);
                folded.held.push(n);
            }
            folded.held_ends.push(folded.held.len());
            let unit = p
                .unit
                .as_deref()
                .map(|u| number_of(u, &mut units, &mut folded.units));
            folded.unit_of.push(unit);
        }
        folded
    }

    /// The words of the person at `index` in the rows this was made of.
    pub fn words(&self, index: usize) -> Words<'_> {
        let [name, role] = self.words.row(index);
        let held = index.checked_sub(1).map_or(0, |i| self.held_ends[i]);
        Words {
            name,
            role,
            competences: &self.held[held..self.held_ends[index]],
            unit: self.unit_of[index],
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
