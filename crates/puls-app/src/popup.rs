//! What can sit over the panes: help, an arena's detail, a form, finding staff, a prompt.

use std::cell::Cell;

use ratatui_textarea::TextArea;

use super::form::Form;
use puls_domain::arena::Arena;
use puls_domain::roster::{Candidate, Load};
use puls_store::{AuditRow, NeedRow, TeamMember};

use super::command::Command;
use super::handled::{Handled, hint, quiet};

/// What an arena's detail answers for (see `handled`).
pub const DETAIL_COMMANDS: &[Handled] = &[
    hint(Command::Edit),
    hint(Command::NextStage),
    hint(Command::PreviousStage),
    hint(Command::Decline),
    hint(Command::Review),
    hint(Command::OpenRecord),
    hint(Command::Back),
    quiet(Command::NextRecord),
    quiet(Command::PreviousRecord),
    quiet(Command::FileReview),
    quiet(Command::Maturity),
    quiet(Command::RateMaturity),
    quiet(Command::FindStaff),
    quiet(Command::History),
    quiet(Command::ScrollUp),
    quiet(Command::ScrollDown),
];

/// What the screens that are only read (help, history, an entry, the figures) answer for;
/// the key figures open the partnerships' maturity charts, stepped through one at a time.
pub const HELP_COMMANDS: &[Handled] = &[
    hint(Command::ScrollDown),
    hint(Command::Back),
    quiet(Command::ScrollUp),
    quiet(Command::Maturity),
    quiet(Command::NextRecord),
    quiet(Command::PreviousRecord),
];

/// What a bank entry read whole answers for: a course's sessions are marked and signed up
/// for here.
pub const READING_COMMANDS: &[Handled] = &[
    hint(Command::ScrollDown),
    hint(Command::NextRecord),
    hint(Command::SignUp),
    hint(Command::WithdrawSignUp),
    hint(Command::Back),
    quiet(Command::ScrollUp),
    quiet(Command::PreviousRecord),
];

/// What a one-line prompt answers for (see `handled`).
pub const PROMPT_COMMANDS: &[Handled] = &[hint(Command::Confirm), hint(Command::Back)];

pub enum Popup {
    Help {
        scroll: u16,
    },
    /// An arena's whole history, newest first.
    History(Box<History>),
    /// A knowledge entry, whole, to read.
    Reading(Box<Reading>),
    /// The key figures the management asks for.
    Figures(Box<puls_domain::figures::Figures>, u16),
    /// An arena's partnering maturity over time.
    Maturity(Box<MaturityChart>),
    Detail(Box<Detail>),
    Form(Box<Form>),
    FindStaff(Box<FindStaff>),
    Prompt(Box<Prompt>),
    /// The command palette, over whatever it was opened from.
    Palette(Box<super::palette::Palette>),
}

/// One arena in full, with its team, needs and latest history.
pub struct Detail {
    pub arena: Arena,
    pub team: Vec<TeamMember>,
    pub needs: Vec<NeedRow>,
    pub history: Vec<AuditRow>,
    /// Bank entries that may help: "have we met this before?"
    pub related: Vec<puls_store::EntryHit>,
    /// The arena's meetings, newest first, and its problem statement's iterations.
    pub reviews: Vec<puls_domain::review::Review>,
    pub statements: Vec<puls_domain::review::ProblemStatement>,
    /// Its partnering-maturity ratings, oldest first.
    pub ratings: Vec<puls_domain::maturity::Rating>,
    /// The meeting or rating a key opens: meetings first, then ratings.
    pub record: usize,
    /// The first row shown. The drawing moves it to keep the marked record in view (as
    /// ratatui's list state is moved while drawn), since only it knows how the lines wrap.
    pub scroll: Cell<u16>,
    /// `n`/`p` moved the mark, so the drawing scrolls to it; scrolling by hand stops that.
    pub reveal_record: bool,
}

/// A record of the detail that opens in its form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailRecord<'a> {
    Meeting(&'a puls_domain::review::Review),
    Rating(&'a puls_domain::maturity::Rating),
}

impl Detail {
    fn records(&self) -> usize {
        self.reviews.len() + self.ratings.len()
    }

    /// The selected meeting or rating, if the arena has any.
    pub fn selected_record(&self) -> Option<DetailRecord<'_>> {
        match self.reviews.get(self.record) {
            Some(review) => Some(DetailRecord::Meeting(review)),
            None => self
                .ratings
                .get(self.record - self.reviews.len())
                .map(DetailRecord::Rating),
        }
    }

    /// Moves the selection by `delta`, staying among the records, and scrolls to it.
    pub fn move_record(&mut self, delta: isize) {
        let last = self.records().saturating_sub(1);
        self.record = self.record.saturating_add_signed(delta).min(last);
        self.reveal_record = true;
    }
}

/// What a maturity chart is of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MaturitySubject {
    Arena(i64),
    /// One of the partnerships rated (`n`/`p` step through them), by name.
    Partnership {
        partners: Vec<String>,
        index: usize,
    },
}

/// An arena's or a partnership's maturity ratings, oldest first, as a chart.
pub struct MaturityChart {
    pub subject: MaturitySubject,
    /// The arena's title or the partner's name.
    pub title: String,
    pub ratings: Vec<puls_domain::maturity::Rating>,
    pub scroll: u16,
}

pub struct Reading {
    pub entry: puls_store::Entry,
    /// A course entry's teacher and sessions.
    pub course: Option<puls_store::Course>,
    /// The course's session that the keys sign up for or withdraw from.
    pub session: usize,
    /// Who signs up from this screen: the roster person of the account, if it is linked.
    pub person: Option<String>,
    /// The first row shown; the drawing moves it to the marked session, as the detail's.
    pub scroll: Cell<u16>,
    /// `n`/`p` moved the mark, so the drawing scrolls to it; scrolling by hand stops that.
    pub reveal_session: bool,
}

impl Reading {
    /// The marked session, when the entry is a course that has sessions.
    pub fn marked_session(&self) -> Option<&puls_store::CourseSession> {
        self.course.as_ref()?.sessions.get(self.session)
    }

    /// Whether the account's person is signed up for `session`.
    pub fn signed_up(&self, session: &puls_store::CourseSession) -> bool {
        self.person.as_ref().is_some_and(|person| {
            session
                .signed_up
                .iter()
                .any(|name| name.to_lowercase() == person.to_lowercase())
        })
    }

    /// Moves the mark by `delta`, staying among the sessions, and scrolls to it.
    pub fn move_session(&mut self, delta: isize) {
        self.session = self.session.saturating_add_signed(delta);
        self.keep_mark();
        self.reveal_session = true;
    }

    /// Keeps the mark among the sessions, however many the course has now.
    pub fn keep_mark(&mut self) {
        let count = self.course.as_ref().map_or(0, |c| c.sessions.len());
        self.session = self.session.min(count.saturating_sub(1));
    }
}

pub struct History {
    pub arena: i64,
    pub title: String,
    pub rows: Vec<AuditRow>,
    pub scroll: u16,
}

/// Staffing one arena: its open needs on the left, the best people for the chosen need beside.
pub struct FindStaff {
    pub arena: i64,
    pub title: String,
    pub needs: Vec<NeedRow>,
    pub need: usize,
    pub candidates: Vec<Candidate>,
    pub candidate: usize,
    /// Keys move in the candidate list rather than the needs.
    pub on_candidates: bool,
    /// Who can teach the chosen need's competence, and the courses for it.
    pub learning: puls_domain::learning::Learning,
    /// The arena's staffing requests waiting for a line manager.
    pub waiting: Vec<puls_domain::request::StaffingRequest>,
}

impl FindStaff {
    pub fn selected_need(&self) -> Option<&NeedRow> {
        self.needs.get(self.need)
    }

    pub fn selected_candidate(&self) -> Option<&Candidate> {
        self.candidates.get(self.candidate)
    }

    /// The waiting request for `person` to this arena, if one was made.
    pub fn waiting_for(&self, person: i64) -> Option<&puls_domain::request::StaffingRequest> {
        self.waiting.iter().find(|r| r.person_id == person)
    }
}

/// Which list a live filter prompt narrows as it is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterTarget {
    Board,
    RosterSearch,
    RosterCompetence,
    RosterUnit,
    /// The knowledge bank's search, as the user types.
    Bank,
    BankTag,
    BankCompetence,
}

/// A one-line question.
pub struct Prompt {
    pub purpose: PromptPurpose,
    pub input: TextArea<'static>,
    pub error: Option<String>,
    /// What looks like personal data was shown once; Enter again saves it.
    pub privacy_warned: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptPurpose {
    /// `body` (a code) declines the signal today.
    Decline { id: i64, version: i64, body: String },
    /// Filtering live; Esc puts back the filter that was there before.
    Filter {
        target: FilterTarget,
        before: String,
    },
    /// How much of the person's week goes to the arena.
    Allocate {
        arena: i64,
        person: i64,
        name: String,
        load: Load,
        competence: Option<i64>,
    },
    /// A competence the arena needs, by name.
    AddNeed { arena: i64 },
    /// Why a line manager declines a staffing request.
    DeclineRequest {
        id: i64,
        version: i64,
        person: String,
        arena: i64,
    },
    /// Confirms releasing a member; Enter releases.
    Release {
        allocation: i64,
        name: String,
        arena: i64,
    },
    /// Confirms deleting a line of the PULS program; Enter deletes.
    DeletePlanRow { row: PlanRow, label: String },
    /// Why an activity is blocked.
    Block { activity: i64, version: i64 },
    /// Confirms deleting a knowledge entry; Enter deletes.
    DeleteEntry {
        id: i64,
        version: i64,
        title: String,
    },
    /// Why the arena needs a competence.
    NeedReason { need: i64, version: i64 },
}

/// A versioned line of the PULS program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanRow {
    Contact { id: i64, version: i64 },
    Need { id: i64, version: i64 },
    Criterion { id: i64, version: i64 },
    Activity { id: i64, version: i64 },
}

impl Prompt {
    pub fn new(purpose: PromptPurpose, value: &str) -> Box<Prompt> {
        let mut input = TextArea::new(vec![value.to_owned()]);
        input.set_cursor_line_style(ratatui::style::Style::default());
        input.move_cursor(ratatui_textarea::CursorMove::End);
        Box::new(Prompt {
            purpose,
            input,
            error: None,
            privacy_warned: false,
        })
    }

    pub fn value(&self) -> String {
        self.input.lines().join(" ")
    }
}
