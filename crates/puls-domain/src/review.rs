//! Meetings an arena holds beside its work: the sponsor's review (the six checking questions a
//! member of the commissioning body asks), the review with citizens and stakeholders (what they
//! were shown and what they said or challenged), and the case discussion or intervision where
//! colleagues from other arenas help with a question. Each kind has a rhythm; one not held in
//! time is due, then late, as a contact with the recipient is.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::arena::Stage;
use crate::calendar;

/// The three kinds of meeting an arena keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewKind {
    /// A member of the commissioning body asks the checking questions.
    Sponsor,
    /// Citizens or stakeholders see what was done and answer back ("right to challenge").
    Citizen,
    /// Colleagues across arenas discuss a question the arena brings (intervision).
    Case,
}

impl ReviewKind {
    pub const ALL: [ReviewKind; 3] = [ReviewKind::Sponsor, ReviewKind::Citizen, ReviewKind::Case];

    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            ReviewKind::Sponsor => "sponsor",
            ReviewKind::Citizen => "citizen",
            ReviewKind::Case => "case",
        }
    }

    pub fn from_code(code: &str) -> Option<ReviewKind> {
        ReviewKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The questions a review of this kind answers, in the order they are asked.
    pub fn questions(self) -> &'static [Question] {
        match self {
            ReviewKind::Sponsor => &[
                Question::ProblemStatement,
                Question::Surprise,
                Question::Segmentation,
                Question::TeamOkay,
                Question::Scope,
                Question::Members,
            ],
            ReviewKind::Citizen => &[
                Question::Shown,
                Question::Feedback,
                Question::Challenged,
                Question::Decisions,
            ],
            ReviewKind::Case => &[
                Question::CaseQuestion,
                Question::Participants,
                Question::Learned,
            ],
        }
    }
}

/// One question a review answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Question {
    /// The current iteration of the problem statement: kept as versions.
    ProblemStatement,
    /// The most surprising thing found so far.
    Surprise,
    /// How segmented the need is: universal, or highly varied.
    Segmentation,
    /// Whether the team is okay.
    TeamOkay,
    /// The potential scope of implementation, and the decisions ahead.
    Scope,
    /// How elected members are engaged.
    Members,
    Shown,
    Feedback,
    Challenged,
    Decisions,
    CaseQuestion,
    Participants,
    Learned,
}

impl Question {
    pub const ALL: [Question; 13] = [
        Question::ProblemStatement,
        Question::Surprise,
        Question::Segmentation,
        Question::TeamOkay,
        Question::Scope,
        Question::Members,
        Question::Shown,
        Question::Feedback,
        Question::Challenged,
        Question::Decisions,
        Question::CaseQuestion,
        Question::Participants,
        Question::Learned,
    ];

    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Question::ProblemStatement => "problem",
            Question::Surprise => "surprise",
            Question::Segmentation => "segmentation",
            Question::TeamOkay => "team",
            Question::Scope => "scope",
            Question::Members => "members",
            Question::Shown => "shown",
            Question::Feedback => "feedback",
            Question::Challenged => "challenged",
            Question::Decisions => "decisions",
            Question::CaseQuestion => "question",
            Question::Participants => "participants",
            Question::Learned => "learned",
        }
    }

    pub fn from_code(code: &str) -> Option<Question> {
        Question::ALL.into_iter().find(|q| q.code() == code)
    }
}

/// The sponsor's traffic light for the arena.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Light {
    Green,
    Amber,
    Red,
}

impl Light {
    pub const ALL: [Light; 3] = [Light::Green, Light::Amber, Light::Red];

    pub fn code(self) -> &'static str {
        match self {
            Light::Green => "green",
            Light::Amber => "amber",
            Light::Red => "red",
        }
    }

    pub fn from_code(code: &str) -> Option<Light> {
        Light::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// One meeting as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub id: i64,
    pub arena: i64,
    pub kind: ReviewKind,
    pub held_on: NaiveDate,
    /// The sponsor, or whoever led the meeting.
    pub led_by: String,
    /// Each question of the kind with its answer, in the kind's order; unanswered ones empty.
    pub answers: Vec<(Question, String)>,
    /// Set by the sponsor at a sponsor review.
    pub light: Option<Light>,
    /// The knowledge entry a case discussion became.
    pub entry: Option<i64>,
    pub version: i64,
}

impl Review {
    pub fn answer(&self, question: Question) -> &str {
        self.answers
            .iter()
            .find(|(q, _)| *q == question)
            .map_or("", |(_, a)| a.as_str())
    }
}

/// One iteration of an arena's problem statement, as a sponsor review recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemStatement {
    /// 1 for the first statement, then one more each time it changed.
    pub number: u32,
    pub text: String,
    pub on: NaiveDate,
}

/// Days between meetings of each kind (`[review_rhythm]` in the config); 0: not expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReviewRhythm {
    pub sponsor_days: u32,
    pub citizen_days: u32,
    pub case_days: u32,
}

impl Default for ReviewRhythm {
    /// A sponsor each month, citizens every two weeks (a sprint), colleagues every six weeks.
    fn default() -> Self {
        ReviewRhythm {
            sponsor_days: 30,
            citizen_days: 14,
            case_days: 42,
        }
    }
}

impl ReviewRhythm {
    pub fn days(&self, kind: ReviewKind) -> Option<u32> {
        let days = match kind {
            ReviewKind::Sponsor => self.sponsor_days,
            ReviewKind::Citizen => self.citizen_days,
            ReviewKind::Case => self.case_days,
        };
        (days > 0).then_some(days)
    }
}

/// When an arena last held each kind of meeting: what "due" and "late" are counted from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewDates {
    pub arena: i64,
    pub stage: Stage,
    /// When the arena began: the first meeting is due a rhythm after it.
    pub since: NaiveDate,
    pub sponsor: Option<NaiveDate>,
    pub citizen: Option<NaiveDate>,
    pub case: Option<NaiveDate>,
}

/// When the next meeting of a kind falls, and whether that day has passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewDue {
    pub kind: ReviewKind,
    pub on: NaiveDate,
    pub late: bool,
}

/// Only an arena with a team at work holds meetings.
pub fn expects_reviews(stage: Stage) -> bool {
    matches!(stage, Stage::Staffing | Stage::Active | Stage::Returning)
}

impl ReviewDates {
    pub fn last(&self, kind: ReviewKind) -> Option<NaiveDate> {
        match kind {
            ReviewKind::Sponsor => self.sponsor,
            ReviewKind::Citizen => self.citizen,
            ReviewKind::Case => self.case,
        }
    }

    /// Each kind with a rhythm: when its next meeting falls, late when before `today`. None
    /// while the arena's stage holds no meetings.
    pub fn due(&self, rhythm: &ReviewRhythm, today: NaiveDate) -> Vec<ReviewDue> {
        if !expects_reviews(self.stage) {
            return Vec::new();
        }
        ReviewKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let days = rhythm.days(kind)?;
                let on =
                    calendar::add_days(self.last(kind).unwrap_or(self.since), i64::from(days))?;
                Some(ReviewDue {
                    kind,
                    on,
                    late: on < today,
                })
            })
            .collect()
    }

    /// Whether any meeting is past its day.
    pub fn any_late(&self, rhythm: &ReviewRhythm, today: NaiveDate) -> bool {
        self.due(rhythm, today).iter().any(|d| d.late)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn dates(stage: Stage) -> ReviewDates {
        ReviewDates {
            arena: 1,
            stage,
            since: day(1),
            sponsor: Some(day(10)),
            citizen: None,
            case: None,
        }
    }

    #[test]
    fn the_next_meeting_is_the_last_plus_the_rhythm_or_the_start_plus_it() {
        let due = dates(Stage::Active).due(&ReviewRhythm::default(), day(20));
        assert_eq!(
            due[0],
            ReviewDue {
                kind: ReviewKind::Sponsor,
                on: NaiveDate::from_ymd_opt(2026, 12, 10).unwrap(),
                late: false
            }
        );
        assert_eq!(
            due[1],
            ReviewDue {
                kind: ReviewKind::Citizen,
                on: day(15),
                late: true
            }
        );
    }

    #[test]
    fn a_day_that_is_today_is_due_not_late() {
        let due = dates(Stage::Active).due(&ReviewRhythm::default(), day(15));
        assert!(!due[1].late);
    }

    #[test]
    fn an_arena_without_a_team_at_work_holds_no_meetings() {
        for stage in [
            Stage::Signal,
            Stage::Commissioned,
            Stage::Closed,
            Stage::Declined,
        ] {
            assert!(
                dates(stage)
                    .due(&ReviewRhythm::default(), day(30))
                    .is_empty()
            );
        }
    }

    #[test]
    fn a_kind_without_a_rhythm_is_never_due() {
        let rhythm = ReviewRhythm {
            citizen_days: 0,
            ..ReviewRhythm::default()
        };
        let due = dates(Stage::Active).due(&rhythm, day(30));
        assert!(due.iter().all(|d| d.kind != ReviewKind::Citizen));
    }

    #[test]
    fn codes_read_back() {
        for q in Question::ALL {
            assert_eq!(Question::from_code(q.code()), Some(q));
        }
        for k in ReviewKind::ALL {
            assert_eq!(ReviewKind::from_code(k.code()), Some(k));
        }
        for l in Light::ALL {
            assert_eq!(Light::from_code(l.code()), Some(l));
        }
    }
}
