//! Partnering maturity: how far the partners of an arena (or of a partnership with an outside
//! partner) work as one, rated by the team on seven dimensions from 1 (each on its own, at most
//! exchanging information) through 3–4 (seeking alignment) to 6 (partnering solutions). A
//! baseline at commissioning, a rating at Returning and whenever the team wants; what counts
//! is the change.

use chrono::NaiveDate;

/// The seven dimensions rated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// Goals and objectives shared and written together.
    Goals,
    /// Budgets, people, knowledge and ideas combined.
    Resources,
    /// Solutions made and carried out together.
    Activities,
    /// Shared information and joint communication.
    Communications,
    /// Convening, deciding, a shared secretariat.
    Governance,
    /// Shared workspaces, data, protocols and follow-up.
    Processes,
    /// Responsiveness, flexibility, trust and respect.
    Culture,
}

impl Dimension {
    pub const ALL: [Dimension; 7] = [
        Dimension::Goals,
        Dimension::Resources,
        Dimension::Activities,
        Dimension::Communications,
        Dimension::Governance,
        Dimension::Processes,
        Dimension::Culture,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Dimension::Goals => "goals",
            Dimension::Resources => "resources",
            Dimension::Activities => "activities",
            Dimension::Communications => "communications",
            Dimension::Governance => "governance",
            Dimension::Processes => "processes",
            Dimension::Culture => "culture",
        }
    }

    pub fn from_code(code: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// When a rating was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Occasion {
    /// At commissioning: what later ratings are compared with.
    Baseline,
    /// When the arena returns its knowledge.
    Returning,
    /// Whenever the team wants to look again.
    Check,
}

impl Occasion {
    pub const ALL: [Occasion; 3] = [Occasion::Baseline, Occasion::Returning, Occasion::Check];

    pub fn code(self) -> &'static str {
        match self {
            Occasion::Baseline => "baseline",
            Occasion::Returning => "returning",
            Occasion::Check => "check",
        }
    }

    pub fn from_code(code: &str) -> Option<Occasion> {
        Occasion::ALL.into_iter().find(|o| o.code() == code)
    }
}

/// The lowest and highest level a dimension is rated.
pub const LOWEST: u8 = 1;
pub const HIGHEST: u8 = 6;

/// One dimension's level and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    pub dimension: Dimension,
    pub level: u8,
    pub note: String,
}

/// A rating of all seven dimensions on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    pub id: i64,
    /// The arena rated; none for a partnership with an outside partner.
    pub arena: Option<i64>,
    pub on: NaiveDate,
    pub occasion: Occasion,
    /// The outside partner the rating is about; empty for the arena's own partners, never
    /// empty for a partnership.
    pub partner: String,
    /// One a dimension, in [`Dimension::ALL`]'s order.
    pub scores: Vec<Score>,
    pub version: i64,
}

impl Rating {
    pub fn level(&self, dimension: Dimension) -> Option<u8> {
        self.scores
            .iter()
            .find(|s| s.dimension == dimension)
            .map(|s| s.level)
    }
}

/// The baseline of a list of ratings (oldest first): the first one marked so, else the first.
pub fn baseline(ratings: &[Rating]) -> Option<&Rating> {
    ratings
        .iter()
        .find(|r| r.occasion == Occasion::Baseline)
        .or_else(|| ratings.first())
}

/// One dimension across what was rated (arenas and partnerships): how many stand at each
/// level in their latest rating, and the mean change from their baseline where one has been
/// rated twice.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionFigure {
    pub dimension: Dimension,
    /// Arenas and partnerships at level 1 to 6, by their latest rating.
    pub at_level: [u32; 6],
    /// Mean of (latest − baseline) over those rated more than once.
    pub mean_change: Option<f64>,
}

/// The key figures of partnering maturity: one line a dimension.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MaturityFigures {
    pub arenas: u32,
    /// Partnerships with an outside partner, counted once a partner name.
    pub partnerships: u32,
    pub dimensions: Vec<DimensionFigure>,
}

/// A partnership with an outside partner that has been rated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partnership {
    /// The name as last rated.
    pub partner: String,
    pub ratings: u32,
    pub latest: NaiveDate,
}

/// What a rating is about: an arena, or a partner named without an arena (case folded, so
/// "Fryshuset" and "fryshuset" are one partnership).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Subject {
    Arena(i64),
    Partner(String),
}

/// The key a partner's name is known by: trimmed, case folded.
pub fn partner_key(name: &str) -> String {
    name.trim().to_lowercase()
}

fn subject(rating: &Rating) -> Subject {
    match rating.arena {
        Some(arena) => Subject::Arena(arena),
        None => Subject::Partner(partner_key(&rating.partner)),
    }
}

/// Ratings (oldest first) grouped by what they rate, each group oldest first.
pub fn by_subject(ratings: Vec<Rating>) -> Vec<Vec<Rating>> {
    let mut groups: Vec<Vec<Rating>> = Vec::new();
    let mut index: std::collections::HashMap<Subject, usize> = std::collections::HashMap::new();
    for rating in ratings {
        let key = subject(&rating);
        match index.get(&key) {
            Some(&i) => groups[i].push(rating),
            None => {
                index.insert(key, groups.len());
                groups.push(vec![rating]);
            }
        }
    }
    groups
}

/// The partnerships among ratings (oldest first), by name.
pub fn partnerships(ratings: Vec<Rating>) -> Vec<Partnership> {
    let mut list: Vec<Partnership> = by_subject(ratings)
        .into_iter()
        .filter_map(|group| {
            let latest = group.last()?;
            latest.arena.is_none().then(|| Partnership {
                partner: latest.partner.clone(),
                ratings: group.len() as u32,
                latest: latest.on,
            })
        })
        .collect();
    list.sort_by_key(|p| partner_key(&p.partner));
    list
}

/// The figures over each arena's and partnership's ratings, oldest first.
pub fn figures(per_subject: &[Vec<Rating>]) -> MaturityFigures {
    let rated: Vec<&Vec<Rating>> = per_subject.iter().filter(|r| !r.is_empty()).collect();
    let dimensions = Dimension::ALL
        .into_iter()
        .map(|dimension| {
            let mut at_level = [0u32; 6];
            let mut changes = Vec::new();
            for ratings in &rated {
                let Some(latest) = ratings.last().and_then(|r| r.level(dimension)) else {
                    continue;
                };
                if let Some(slot) = at_level.get_mut(usize::from(latest.saturating_sub(1))) {
                    *slot += 1;
                }
                let first = baseline(ratings);
                let latest_rating = ratings.last();
                if ratings.len() > 1 && first.map(|f| f.id) != latest_rating.map(|l| l.id) {
                    if let Some(base) = first.and_then(|f| f.level(dimension)) {
                        changes.push(f64::from(latest) - f64::from(base));
                    }
                }
            }
            DimensionFigure {
                dimension,
                at_level,
                mean_change: (!changes.is_empty())
                    .then(|| changes.iter().sum::<f64>() / changes.len() as f64),
            }
        })
        .collect();
    let partnerships = rated
        .iter()
        .filter(|r| r.first().is_some_and(|r| r.arena.is_none()))
        .count() as u32;
    MaturityFigures {
        arenas: rated.len() as u32 - partnerships,
        partnerships,
        dimensions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rating(id: i64, occasion: Occasion, level: u8) -> Rating {
        Rating {
            id,
            arena: Some(1),
            on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            occasion,
            partner: String::new(),
            scores: Dimension::ALL
                .iter()
                .map(|d| Score {
                    dimension: *d,
                    level,
                    note: String::new(),
                })
                .collect(),
            version: 1,
        }
    }

    #[test]
    fn the_latest_rating_counts_and_the_change_is_from_the_baseline() {
        let one = vec![
            rating(1, Occasion::Baseline, 2),
            rating(2, Occasion::Check, 3),
            rating(3, Occasion::Returning, 5),
        ];
        let two = vec![rating(4, Occasion::Baseline, 4)];
        let figures = figures(&[one, two, Vec::new()]);
        assert_eq!(figures.arenas, 2);
        let goals = &figures.dimensions[0];
        assert_eq!(goals.at_level, [0, 0, 0, 1, 1, 0]);
        // Only the arena rated twice has a change: 5 − 2.
        assert_eq!(goals.mean_change, Some(3.0));
    }

    #[test]
    fn an_arena_rated_once_has_no_change() {
        let figures = figures(&[vec![rating(1, Occasion::Check, 3)]]);
        assert_eq!(figures.dimensions[6].mean_change, None);
    }

    fn partnership(id: i64, partner: &str, level: u8) -> Rating {
        Rating {
            arena: None,
            partner: partner.to_owned(),
            ..rating(id, Occasion::Check, level)
        }
    }

    #[test]
    fn a_partnership_is_one_subject_whatever_the_case_of_its_name() {
        let groups = by_subject(vec![
            rating(1, Occasion::Baseline, 2),
            partnership(2, "Fryshuset", 1),
            partnership(3, "fryshuset ", 4),
            partnership(4, "Röda Korset", 3),
        ]);
        let figures = figures(&groups);
        assert_eq!((figures.arenas, figures.partnerships), (1, 2));
        // Fryshuset went from 1 to 4; the arena and Röda Korset were rated once.
        assert_eq!(figures.dimensions[0].mean_change, Some(3.0));
        assert_eq!(figures.dimensions[0].at_level, [0, 1, 1, 1, 0, 0]);
    }

    #[test]
    fn partnerships_are_listed_by_name_with_their_latest_spelling() {
        let list = partnerships(vec![
            partnership(1, "röda korset", 1),
            rating(2, Occasion::Baseline, 2),
            partnership(3, "Fryshuset", 4),
            partnership(4, "Röda Korset", 3),
        ]);
        let names: Vec<(&str, u32)> = list
            .iter()
            .map(|p| (p.partner.as_str(), p.ratings))
            .collect();
        assert_eq!(names, [("Fryshuset", 1), ("Röda Korset", 2)]);
    }
}
