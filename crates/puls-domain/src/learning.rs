//! Collegial learning: colleagues who can teach a competence (level 4 on the roster), the
//! courses the bank holds for it, and the organisation's knowledge capital per competence.

/// Who can teach a competence, and the courses for it: what find-staff offers for a gap.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Learning {
    /// Active people at level 4, by name.
    pub teachers: Vec<String>,
    /// Course entries of the bank for the competence: title and who filed it.
    pub courses: Vec<(String, String)>,
}

/// One competence of the knowledge capital: how many hold it at each level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompetenceCapital {
    pub competence: String,
    /// Active people at level 1 (aware) to 4 (can teach others).
    pub at_level: [u32; 4],
}

impl CompetenceCapital {
    pub fn holders(&self) -> u32 {
        self.at_level.iter().sum()
    }

    pub fn teachers(&self) -> u32 {
        self.at_level[3]
    }
}

/// The competences that people hold but nobody can teach: where learning depends on outside
/// courses, or on one person's luck.
pub fn nobody_teaches(capital: &[CompetenceCapital]) -> Vec<&str> {
    capital
        .iter()
        .filter(|c| c.teachers() == 0)
        .map(|c| c.competence.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_competence_without_anyone_at_level_4_is_one_nobody_teaches() {
        let capital = [
            CompetenceCapital {
                competence: "School nurse".into(),
                at_level: [0, 2, 1, 1],
            },
            CompetenceCapital {
                competence: "Trauma counsellor".into(),
                at_level: [1, 0, 1, 0],
            },
        ];
        assert_eq!(nobody_teaches(&capital), ["Trauma counsellor"]);
        assert_eq!(capital[0].holders(), 4);
    }
}
