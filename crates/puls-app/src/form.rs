//! Forms: editing arenas, people and competences with validation. A refused save keeps every
//! typed character.

use chrono::NaiveDate;
use ratatui_textarea::{CursorMove, TextArea};

use crate::messages;
use puls_domain::arena::Arena;
use puls_domain::calendar;
use puls_domain::decision::{self, Body, Decision, DecisionProblem};
use puls_domain::roster::Level;
use puls_domain::text::{self, TitleProblem};
use puls_store::{ArenaEdit, NewSignal, PersonEdit, PersonRow, RestrictedEdit, RestrictedRecord};

/// The coordinator's own share of a week a commission offers: a day a week.
pub const DEFAULT_OWN_SHARE: u32 = 20;

use super::command::Command;
use super::handled::{Handled, hint, quiet};

/// What a form answers for (see `handled`).
pub const COMMANDS: &[Handled] = &[
    hint(Command::NextField),
    hint(Command::Save),
    hint(Command::Back),
    hint(Command::OpenEditor),
    quiet(Command::PreviousField),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldId {
    Title,
    Need,
    Mission,
    From,
    Coordinator,
    Mandate,
    Target,
    Name,
    Unit,
    Role,
    Contact,
    Capacity,
    IsCoordinator,
    Competences,
    Category,
    Recipient,
    Lead,
    Rhythm,
    Date,
    Channel,
    Summary,
    By,
    Criterion,
    Measure,
    Goal,
    Result,
    NoResultReason,
    Met,
    Kind,
    Tags,
    EntryCompetences,
    ArenaRef,
    Body,
    Activity,
    Owner,
    Due,
    /// The restricted record's free note.
    Note,
    /// Which meeting a review form records: sponsor, citizen or case.
    ReviewKind,
    HeldOn,
    LedBy,
    /// The sponsor's traffic light.
    Light,
    /// The answer to one question of the meeting's kind.
    Answer(puls_domain::review::Question),
    Occasion,
    Partner,
    /// One dimension's level and note: `4 shared budget`.
    Level(puls_domain::maturity::Dimension),
    /// The body whose decision a form records.
    DecidingBody,
    DecidedOn,
    /// The registration number (diarienummer) of a decision.
    Registration,
    Budget,
    /// Whom a commissioned arena may ask for people or help.
    MayAsk,
    /// Until when a decision's authorities hold.
    Until,
    /// The signaller's nearest manager, who takes a signal on.
    Manager,
    /// The missions taking part besides the lead, by code.
    AlsoMissions,
    /// A person's line manager, by OS account.
    LineManager,
    /// The coordinator's own share of a week, allocated with a commission.
    OwnShare,
    /// The share of a week a staffing request's approval allocates.
    Share,
    /// The day an approved allocation starts.
    StartsOn,
}

impl FieldId {
    /// Multi-line fields take Enter as a new line.
    pub fn is_multi_line(self) -> bool {
        matches!(
            self,
            FieldId::Need
                | FieldId::Mandate
                | FieldId::Competences
                | FieldId::Summary
                | FieldId::Result
                | FieldId::Body
                | FieldId::Note
        )
    }
}

pub struct Field {
    pub id: FieldId,
    pub input: TextArea<'static>,
    /// For a field chosen from a list (left/right): the options and the chosen one.
    pub choices: Vec<String>,
    pub chosen: usize,
    pub error: Option<String>,
    /// After a refused save: what the colleague who saved first wrote here, when it differs.
    pub theirs: Option<String>,
}

impl Field {
    pub(super) fn text(id: FieldId, value: &str) -> Field {
        Field {
            id,
            input: text_input(value),
            choices: Vec::new(),
            chosen: 0,
            error: None,
            theirs: None,
        }
    }

    pub(super) fn choice(id: FieldId, choices: Vec<String>, chosen: usize) -> Field {
        Field {
            chosen: chosen.min(choices.len().saturating_sub(1)),
            choices,
            ..Field::text(id, "")
        }
    }

    /// Puts `value` in place of the field's text, the cursor at its end.
    pub(super) fn replace_text(&mut self, value: &str) {
        self.input = text_input(value);
        self.error = None;
    }

    pub fn is_choice(&self) -> bool {
        !self.choices.is_empty()
    }

    pub fn value(&self) -> String {
        match self.choices.get(self.chosen) {
            Some(choice) => choice.clone(),
            None => self.input.lines().join("\n"),
        }
    }
}

/// A text input holding `value`, the cursor at its end.
fn text_input(value: &str) -> TextArea<'static> {
    let lines = if value.is_empty() {
        vec![String::new()]
    } else {
        value.lines().map(str::to_owned).collect()
    };
    let mut input = TextArea::new(lines);
    input.set_cursor_line_style(ratatui::style::Style::default());
    input.move_cursor(CursorMove::Bottom);
    input.move_cursor(CursorMove::End);
    input
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    NewSignal,
    EditArena {
        id: i64,
        version: i64,
    },
    NewPerson,
    EditPerson {
        id: i64,
        version: i64,
    },
    NewCompetence,
    EditCompetence {
        id: i64,
        version: i64,
    },
    /// The P step's settings of an arena.
    Proactivity {
        arena: i64,
        version: i64,
    },
    /// A plan row of an arena: new when `existing` is `None`, else its id and version.
    Contact {
        arena: i64,
        existing: Option<(i64, i64)>,
    },
    Criterion {
        arena: i64,
        existing: Option<(i64, i64)>,
    },
    Activity {
        arena: i64,
        existing: Option<(i64, i64)>,
    },
    NewEntry,
    EditEntry {
        id: i64,
        version: i64,
    },
    /// The arena's restricted record; `version` is `None` when it has none yet.
    Restricted {
        arena: i64,
        version: Option<i64>,
    },
    /// A meeting of an arena: new when `existing` is `None`, else its id and version.
    Review {
        arena: i64,
        existing: Option<(i64, i64)>,
    },
    /// A partnering-maturity rating of an arena: new when `existing` is `None`, else its id
    /// and version.
    Rating {
        arena: i64,
        existing: Option<(i64, i64)>,
    },
    /// A body's decision to commission a signal.
    Decision {
        id: i64,
        version: i64,
    },
    /// A line manager's approval of a staffing request.
    ApproveRequest {
        id: i64,
        version: i64,
    },
}

pub struct Form {
    pub kind: FormKind,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Something was typed since the form opened.
    pub dirty: bool,
    /// Esc was pressed once on a dirty form: the next Esc discards.
    pub discard_warned: bool,
    /// What looks like personal data was shown: the next save keeps it.
    pub privacy_warned: bool,
    /// For a draft puls wrote itself: its fields as offered. Saved untouched, it is not
    /// knowledge a person returned.
    pub prefilled: Option<Vec<String>>,
}

fn yes_no() -> Vec<String> {
    vec![messages::no().to_owned(), messages::yes().to_owned()]
}

impl FormKind {
    /// The arena a form writes to, when it is one arena's.
    /// What the form is about when it is no arena's, as the history names it.
    pub fn place(self) -> &'static str {
        match self {
            FormKind::NewEntry | FormKind::EditEntry { .. } => "bank",
            FormKind::NewPerson
            | FormKind::EditPerson { .. }
            | FormKind::NewCompetence
            | FormKind::EditCompetence { .. }
            | FormKind::ApproveRequest { .. } => "roster",
            _ => "arena",
        }
    }

    pub fn arena(self) -> Option<i64> {
        match self {
            FormKind::EditArena { id, .. } | FormKind::Decision { id, .. } => Some(id),
            FormKind::Proactivity { arena, .. }
            | FormKind::Contact { arena, .. }
            | FormKind::Criterion { arena, .. }
            | FormKind::Activity { arena, .. }
            | FormKind::Restricted { arena, .. }
            | FormKind::Review { arena, .. }
            | FormKind::Rating { arena, .. } => Some(arena),
            _ => None,
        }
    }
}

impl Form {
    pub(super) fn new(kind: FormKind, fields: Vec<Field>) -> Form {
        Form {
            kind,
            fields,
            focus: 0,
            dirty: false,
            discard_warned: false,
            privacy_warned: false,
            prefilled: None,
        }
    }

    pub fn new_signal(missions: Vec<String>, from: &str) -> Form {
        Form::new(
            FormKind::NewSignal,
            vec![
                Field::text(FieldId::Title, ""),
                Field::text(FieldId::Need, ""),
                Field::choice(FieldId::Mission, missions, 0),
                Field::text(FieldId::From, from),
                Field::text(FieldId::Target, ""),
                Field::text(FieldId::Manager, ""),
            ],
        )
    }

    pub fn edit_arena(missions: Vec<String>, arena: &Arena) -> Form {
        let target = arena.target_date.map(|d| d.to_string()).unwrap_or_default();
        let mission = missions
            .iter()
            .position(|m| *m == arena.mission)
            .unwrap_or(0);
        Form::new(
            FormKind::EditArena {
                id: arena.id,
                version: arena.version,
            },
            vec![
                Field::text(FieldId::Title, &arena.title),
                Field::text(FieldId::Need, &arena.need),
                Field::choice(FieldId::Mission, missions, mission),
                Field::text(
                    FieldId::Coordinator,
                    arena.coordinator.as_deref().unwrap_or(""),
                ),
                Field::text(FieldId::Mandate, &arena.mandate),
                Field::text(FieldId::Target, &target),
                Field::text(FieldId::AlsoMissions, &arena.participating.join(", ")),
            ],
        )
    }

    /// A body's decision to commission `arena`, recorded from the meeting: the body (the
    /// account's own first), the day (today), and what the signal already says.
    pub fn decision(arena: &Arena, bodies: &[Body], mine: usize, today: NaiveDate) -> Form {
        let codes = bodies.iter().map(|b| b.code.clone()).collect();
        Form::new(
            FormKind::Decision {
                id: arena.id,
                version: arena.version,
            },
            vec![
                Field::choice(FieldId::DecidingBody, codes, mine),
                Field::text(FieldId::DecidedOn, &today.to_string()),
                Field::text(FieldId::Registration, ""),
                Field::text(
                    FieldId::Coordinator,
                    arena.coordinator.as_deref().unwrap_or(""),
                ),
                Field::text(FieldId::Mandate, &arena.mandate),
                Field::text(FieldId::Budget, ""),
                Field::text(FieldId::MayAsk, ""),
                Field::text(FieldId::Until, ""),
                Field::text(FieldId::OwnShare, &DEFAULT_OWN_SHARE.to_string()),
            ],
        )
    }

    /// The decision to record, or `None` with the problems marked on the form.
    pub fn decision_value(&mut self, bodies: &[Body], today: NaiveDate) -> Option<Decision> {
        self.clear_errors();
        let on = calendar::parse_date(&self.value(FieldId::DecidedOn))
            .map_err(|p| messages::date_invalid(self.value(FieldId::DecidedOn).trim(), p));
        if let Err(e) = &on {
            self.set_error(FieldId::DecidedOn, e.clone());
        }
        let until = parse_target(&self.value(FieldId::Until), today, false);
        if let Err(e) = &until {
            self.set_error(FieldId::Until, e.clone());
        }
        let own_share = parse_share(&self.value(FieldId::OwnShare), 0);
        if own_share.is_none() {
            self.set_error(FieldId::OwnShare, messages::percent_invalid().to_owned());
        }
        let body = decision::find(bodies, &self.value(FieldId::DecidingBody)).cloned();
        let (Ok(on), Ok(until), Some(body), Some(own_share)) = (on, until, body, own_share) else {
            self.settle();
            return None;
        };
        let value = Decision {
            body,
            on,
            registration: self.value(FieldId::Registration),
            coordinator: self.value(FieldId::Coordinator),
            mandate: self.value(FieldId::Mandate),
            budget: self.value(FieldId::Budget),
            may_ask: self.value(FieldId::MayAsk),
            until,
            own_share,
        };
        for problem in decision::check(&value, today) {
            let field = match problem {
                DecisionProblem::NoCoordinator => FieldId::Coordinator,
                DecisionProblem::NoMandate => FieldId::Mandate,
                DecisionProblem::DateAhead => FieldId::DecidedOn,
                DecisionProblem::UntilBeforeDecision => FieldId::Until,
                DecisionProblem::OwnShare => FieldId::OwnShare,
            };
            self.set_error(field, messages::decision_problem(&problem).to_owned());
        }
        self.settle().then_some(value)
    }

    /// A person form, empty or filled from `person`.
    pub fn person(person: Option<&PersonRow>, capacity: u32) -> Form {
        let kind = match person {
            Some(p) => FormKind::EditPerson {
                id: p.id,
                version: p.version,
            },
            None => FormKind::NewPerson,
        };
        let competences = person
            .map(|p| {
                p.competences
                    .iter()
                    .map(|(c, l)| format!("{c}: {}", l.number()))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default();
        let capacity = person.map_or(capacity, |p| p.load.capacity);
        Form::new(
            kind,
            vec![
                Field::text(FieldId::Name, person.map_or("", |p| p.name.as_str())),
                Field::text(
                    FieldId::Unit,
                    person.and_then(|p| p.unit.as_deref()).unwrap_or(""),
                ),
                Field::text(FieldId::Role, person.map_or("", |p| p.role.as_str())),
                Field::text(FieldId::Contact, person.map_or("", |p| p.contact.as_str())),
                Field::text(FieldId::Capacity, &capacity.to_string()),
                Field::choice(
                    FieldId::IsCoordinator,
                    yes_no(),
                    usize::from(person.is_some_and(|p| p.coordinator)),
                ),
                {
                    let mut field = Field::text(FieldId::Competences, &competences);
                    field
                        .input
                        .set_placeholder_text(messages::competences_hint());
                    field
                },
                Field::text(
                    FieldId::LineManager,
                    person.map_or("", |p| p.manager.as_str()),
                ),
            ],
        )
    }

    /// The restricted record of an arena, as its coordinator or communication lead opened it.
    pub fn restricted(arena: i64, record: Option<&RestrictedRecord>) -> Form {
        Form::new(
            FormKind::Restricted {
                arena,
                version: record.map(|r| r.version),
            },
            vec![
                Field::text(FieldId::Name, record.map_or("", |r| r.name.as_str())),
                Field::text(FieldId::Contact, record.map_or("", |r| r.contact.as_str())),
                Field::text(FieldId::Note, record.map_or("", |r| r.note.as_str())),
            ],
        )
    }

    /// The restricted record to save; empty fields erase it.
    pub fn restricted_value(&self) -> RestrictedEdit {
        RestrictedEdit {
            name: self.value(FieldId::Name),
            contact: self.value(FieldId::Contact),
            note: self.value(FieldId::Note),
        }
    }

    pub fn competence(existing: Option<(i64, i64, &str, &str)>) -> Form {
        let kind = match existing {
            Some((id, version, _, _)) => FormKind::EditCompetence { id, version },
            None => FormKind::NewCompetence,
        };
        Form::new(
            kind,
            vec![
                Field::text(FieldId::Name, existing.map_or("", |e| e.2)),
                Field::text(FieldId::Category, existing.map_or("", |e| e.3)),
            ],
        )
    }

    /// Shows beside each field what a colleague saved there meanwhile, so the user can merge
    /// by hand before saving over it.
    pub fn show_theirs(&mut self, arena: &Arena) {
        let target = arena.target_date.map(|d| d.to_string()).unwrap_or_default();
        for field in &mut self.fields {
            let theirs = match field.id {
                FieldId::Title => arena.title.clone(),
                FieldId::Need => arena.need.clone(),
                FieldId::Mission => arena.mission.clone(),
                FieldId::Coordinator => arena.coordinator.clone().unwrap_or_default(),
                FieldId::Mandate => arena.mandate.clone(),
                FieldId::Target => target.clone(),
                _ => continue,
            };
            field.theirs = (theirs != field.value()).then_some(theirs);
        }
    }

    pub fn focused(&self) -> &Field {
        &self.fields[self.focus]
    }

    pub fn focused_mut(&mut self) -> &mut Field {
        &mut self.fields[self.focus]
    }

    pub fn move_focus(&mut self, delta: isize) {
        let n = self.fields.len() as isize;
        self.focus = (self.focus as isize + delta).rem_euclid(n) as usize;
    }

    /// Moves the focused choice field to the next or previous option.
    pub fn cycle_choice(&mut self, delta: isize) {
        let field = self.focused_mut();
        let n = field.choices.len().max(1) as isize;
        field.chosen = (field.chosen as isize + delta).rem_euclid(n) as usize;
        if field.id == FieldId::ReviewKind {
            self.ask_chosen_kind();
        }
    }

    /// The mission codes the form's mission field chooses from.
    fn missions(&self) -> Vec<String> {
        self.fields
            .iter()
            .find(|f| f.id == FieldId::Mission)
            .map(|f| f.choices.clone())
            .unwrap_or_default()
    }

    /// A draft puls prefilled, saved as it was offered.
    pub fn is_untouched_draft(&self) -> bool {
        self.prefilled.as_ref().is_some_and(|offered| {
            self.fields
                .iter()
                .map(Field::value)
                .eq(offered.iter().cloned())
        })
    }

    pub(super) fn value(&self, id: FieldId) -> String {
        self.fields
            .iter()
            .find(|f| f.id == id)
            .map(Field::value)
            .unwrap_or_default()
    }

    pub(super) fn set_error(&mut self, id: FieldId, error: String) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.id == id) {
            f.error = Some(error);
        }
    }

    pub(super) fn clear_errors(&mut self) {
        for f in &mut self.fields {
            f.error = None;
        }
    }

    /// Focuses the first field with a problem; true when there is none.
    pub(super) fn settle(&mut self) -> bool {
        match self.fields.iter().position(|f| f.error.is_some()) {
            Some(first) => {
                self.focus = first;
                false
            }
            None => true,
        }
    }

    /// Checks title and target date, marking each problem at its field.
    fn arena_basics(&mut self, today: NaiveDate) -> Option<(String, Option<NaiveDate>)> {
        self.clear_errors();
        let title = text::title(&self.value(FieldId::Title)).map_err(|p| title_problem(&p));
        if let Err(e) = &title {
            self.set_error(FieldId::Title, e.clone());
        }
        let target = parse_target(
            &self.value(FieldId::Target),
            today,
            self.kind == FormKind::NewSignal,
        );
        if let Err(e) = &target {
            self.set_error(FieldId::Target, e.clone());
        }
        if !self.settle() {
            return None;
        }
        Some((title.ok()?, target.ok()?))
    }

    /// The signal to record, or `None` with the problems marked on the form.
    pub fn new_signal_value(&mut self, today: NaiveDate) -> Option<NewSignal> {
        let (title, target_date) = self.arena_basics(today)?;
        Some(NewSignal {
            title,
            need: self.value(FieldId::Need),
            mission: self.value(FieldId::Mission),
            signalled_by: self.value(FieldId::From),
            manager: self.value(FieldId::Manager),
            target_date,
        })
    }

    /// The arena edit to save, or `None` with the problems marked on the form.
    pub fn arena_value(&mut self, today: NaiveDate) -> Option<ArenaEdit> {
        let (title, target_date) = self.arena_basics(today)?;
        let participating =
            match parse_missions(&self.value(FieldId::AlsoMissions), &self.missions()) {
                Ok(codes) => codes,
                Err(e) => {
                    self.set_error(FieldId::AlsoMissions, e);
                    self.settle();
                    return None;
                }
            };
        let coordinator = self.value(FieldId::Coordinator);
        Some(ArenaEdit {
            title,
            need: self.value(FieldId::Need),
            mission: self.value(FieldId::Mission),
            coordinator: Some(coordinator.trim().to_owned()).filter(|c| !c.is_empty()),
            mandate: self.value(FieldId::Mandate),
            target_date,
            participating,
        })
    }

    /// The person to save, or `None` with the problems marked. `known` spells a competence the
    /// catalogue's way, or says it is unknown.
    pub fn person_value(&mut self, known: impl Fn(&str) -> Option<String>) -> Option<PersonEdit> {
        self.clear_errors();
        let name = text::one_line(self.value(FieldId::Name).trim()).into_owned();
        if name.is_empty() {
            self.set_error(FieldId::Name, messages::name_empty().to_owned());
        }
        let capacity = self
            .value(FieldId::Capacity)
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|c| *c <= 100);
        if capacity.is_none() {
            self.set_error(FieldId::Capacity, messages::capacity_invalid().to_owned());
        }
        let competences = parse_competences(&self.value(FieldId::Competences), known);
        if let Err(e) = &competences {
            self.set_error(FieldId::Competences, e.clone());
        }
        if !self.settle() {
            return None;
        }
        Some(PersonEdit {
            name,
            unit: self.value(FieldId::Unit),
            role: self.value(FieldId::Role),
            contact: self.value(FieldId::Contact),
            capacity: capacity?,
            coordinator: self.value(FieldId::IsCoordinator) == messages::yes(),
            competences: competences.ok()?,
            manager: self.value(FieldId::LineManager).trim().to_owned(),
        })
    }

    /// The competence's name and category, or `None` with the problem marked.
    pub fn competence_value(&mut self) -> Option<(String, String)> {
        self.clear_errors();
        let name = text::one_line(self.value(FieldId::Name).trim()).into_owned();
        if name.is_empty() {
            self.set_error(FieldId::Name, messages::name_empty().to_owned());
            self.settle();
            return None;
        }
        Some((name, self.value(FieldId::Category)))
    }
}

/// A share of a week, `20` or `20%`, from `least` to 100.
pub fn parse_share(raw: &str, least: u32) -> Option<u32> {
    raw.trim()
        .trim_end_matches('%')
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|p| (least..=100).contains(p))
}

/// `HC, CD`: the codes of missions, each one the config knows, each once, in the order given.
fn parse_missions(raw: &str, known: &[String]) -> Result<Vec<String>, String> {
    let mut codes: Vec<String> = Vec::new();
    for wanted in raw
        .split([',', ' '])
        .map(str::trim)
        .filter(|w| !w.is_empty())
    {
        let code = known
            .iter()
            .find(|k| k.eq_ignore_ascii_case(wanted))
            .ok_or_else(|| messages::unknown_mission(wanted, &known.join(", ")))?;
        if !codes.contains(code) {
            codes.push(code.clone());
        }
    }
    Ok(codes)
}

fn title_problem(problem: &TitleProblem) -> String {
    match problem {
        TitleProblem::Empty => messages::title_empty().to_owned(),
        TitleProblem::TooLong { chars } => messages::title_too_long(*chars, text::TITLE_MAX_CHARS),
    }
}

/// A target date is optional; when given it must be a date, and a new arena's cannot be past.
fn parse_target(raw: &str, today: NaiveDate, is_new: bool) -> Result<Option<NaiveDate>, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let date = calendar::parse_date(raw).map_err(|problem| messages::date_invalid(raw, problem))?;
    if is_new && date < today {
        return Err(messages::date_in_past(date));
    }
    Ok(Some(date))
}

/// One competence a line: `name: level` (level 1-4; 2 when left out).
pub fn parse_competences(
    raw: &str,
    known: impl Fn(&str) -> Option<String>,
) -> Result<Vec<(String, Level)>, String> {
    let mut out = Vec::new();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (name, level) = match line.rsplit_once(':') {
            Some((name, level)) => {
                let level = level
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .and_then(Level::from_number)
                    .ok_or_else(|| messages::level_invalid(line))?;
                (name.trim(), level)
            }
            None => (line, Level::Practising),
        };
        let name = known(name).ok_or_else(|| messages::competence_unknown(name))?;
        out.push((name, level));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn target_date_must_be_a_date_and_not_past_for_a_new_arena() {
        assert_eq!(parse_target("", today(), true), Ok(None));
        assert!(parse_target("next week", today(), true).is_err());
        assert!(parse_target("2026-11-22", today(), true).is_err());
        assert_eq!(
            parse_target("2026-11-22", today(), false).map(|d| d.is_some()),
            Ok(true)
        );
    }

    #[test]
    fn a_target_date_past_the_years_puls_keeps_is_refused_and_says_why() {
        for raw in ["0999-01-01", "+262142-12-31"] {
            let said = parse_target(raw, today(), false).unwrap_err();
            assert!(said.contains("9999"), "{raw}: {said}");
        }
    }

    #[test]
    fn a_refused_form_keeps_its_text_and_focuses_the_problem() {
        let mut form = Form::new_signal(vec!["LF".into()], "kim");
        form.fields[1].input.insert_str("A need worth keeping");
        form.fields[4].input.insert_str("soon");
        form.focus = 4;
        assert!(form.new_signal_value(today()).is_none());
        assert_eq!(form.focus, 0);
        assert!(form.fields[0].error.is_some());
        assert!(form.fields[4].error.is_some());
        assert_eq!(form.fields[1].value(), "A need worth keeping");
    }

    #[test]
    fn competences_are_read_one_a_line_with_a_level() {
        let known =
            |n: &str| (n.eq_ignore_ascii_case("school nurse")).then(|| "School nurse".to_owned());
        assert_eq!(
            parse_competences("school nurse: 3\n\n", known),
            Ok(vec![("School nurse".to_owned(), Level::Experienced)])
        );
        assert_eq!(
            parse_competences("School nurse", known),
            Ok(vec![("School nurse".to_owned(), Level::Practising)])
        );
        assert!(parse_competences("School nurse: 7", known).is_err());
        assert!(
            parse_competences("Astronaut: 2", known)
                .unwrap_err()
                .contains("Astronaut")
        );
    }
}
