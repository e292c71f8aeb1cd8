//! The roster pane's commands and finding staff for an arena.

use super::App;
use super::form::{Form, FormKind};
use super::popup::{FilterTarget, FindStaff, Popup, Prompt, PromptPurpose};
use super::roster::RosterView;
use crate::command::Command;
use crate::messages;
use puls_store::{NewAllocation, StoreError};

use super::handled::{Handled, hint, quiet};

/// What finding staff answers for (see `handled`).
pub const COMMANDS: &[Handled] = &[
    hint(Command::SwitchList),
    hint(Command::Confirm),
    hint(Command::NewEntry),
    quiet(Command::WithdrawRequest),
    hint(Command::Back),
    quiet(Command::RowUp),
    quiet(Command::RowDown),
];

/// The share of a week a new allocation starts with, unless the person has less free.
const DEFAULT_PERCENT: i64 = 10;

impl App {
    pub(super) fn run_roster(&mut self, command: Command) {
        let page = isize::try_from(self.roster.page.max(1)).unwrap_or(1);
        match command {
            Command::RowUp => self.roster.move_selection(-1),
            Command::RowDown => self.roster.move_selection(1),
            Command::FirstRow => self.roster.move_selection(isize::MIN),
            Command::LastRow => self.roster.move_selection(isize::MAX),
            Command::PageUp => self.roster.move_selection(-page),
            Command::PageDown => self.roster.move_selection(page),
            Command::NextView => self.roster.view = self.roster.view.next(),
            Command::CycleSort => {
                self.roster.sort = self.roster.sort.next();
                self.roster.refilter();
            }
            Command::CycleSide => {
                self.roster.side = self.roster.side.next();
                self.roster.refilter();
            }
            Command::ToggleFree => {
                self.roster.free_only = !self.roster.free_only;
                self.roster.refilter();
            }
            Command::RequestsToMe => self.show_requests(),
            Command::ToggleInactive => {
                self.roster.show_inactive = !self.roster.show_inactive;
                self.roster.refilter();
            }
            Command::FilterCompetence => {
                let before = self.roster.competence_filter.clone();
                self.show_people();
                self.open_filter_for(FilterTarget::RosterCompetence, before);
            }
            Command::FilterUnit => {
                let before = self.roster.unit_filter.clone();
                self.show_people();
                self.open_filter_for(FilterTarget::RosterUnit, before);
            }
            Command::NewEntry => self.open_roster_form(false),
            Command::Edit => self.open_roster_form(true),
            Command::ToggleActive => self.toggle_active(),
            Command::Delete => self.delete_person(),
            Command::Release => self.ask_release(),
            _ => {}
        }
    }

    /// Filters apply to people: switch to them so the user sees the effect.
    fn show_people(&mut self) {
        if self.roster.view == RosterView::Team {
            self.roster.view = RosterView::People;
        }
    }

    fn open_roster_form(&mut self, edit: bool) {
        let form = match self.roster.view {
            RosterView::Competences => {
                let existing = self
                    .roster
                    .selected_competence()
                    .filter(|_| edit)
                    .map(|c| (c.id, c.version, c.name.as_str(), c.category.as_str()));
                if edit && existing.is_none() {
                    return;
                }
                Form::competence(existing)
            }
            RosterView::Requests => return,
            RosterView::People | RosterView::Team => {
                let person = self.roster.selected_person().filter(|_| edit);
                if edit && (person.is_none() || self.roster.view == RosterView::Team) {
                    return self.info(messages::edit_from_people().to_owned());
                }
                Form::person(person, 20)
            }
        };
        self.popup = Some(Popup::Form(Box::new(form)));
    }

    /// Saves a person or competence form. `None`: the form shows what to fix.
    pub(super) fn save_roster_form(&mut self, form: &mut Form) -> Option<Result<(), StoreError>> {
        let result = match form.kind {
            FormKind::NewPerson | FormKind::EditPerson { .. } => {
                self.hold_competences();
                let roster = &self.roster;
                let person = form
                    .person_value(|name| roster.competence_named(name).map(|c| c.name.clone()))?;
                match form.kind {
                    FormKind::EditPerson { id, version } => {
                        self.store.edit_person(id, version, &person)
                    }
                    _ => self.store.add_person(&person).map(|_| ()),
                }
                .map(|()| messages::person_saved(&person.name))
            }
            FormKind::EditCompetence { id, version } => {
                let (name, category) = form.competence_value()?;
                self.store
                    .edit_competence(id, version, &name, &category)
                    .map(|()| messages::competence_saved(&name))
            }
            _ => {
                let (name, category) = form.competence_value()?;
                self.store
                    .add_competence(&name, &category)
                    .map(|_| messages::competence_saved(&name))
            }
        };
        Some(result.map(|message| {
            let reloaded = self.reload();
            self.report(reloaded);
            self.info(message);
        }))
    }

    fn toggle_active(&mut self) {
        let result = match self.roster.view {
            RosterView::Competences => match self.roster.selected_competence() {
                Some(c) => {
                    let (id, active, name) = (c.id, c.active, c.name.clone());
                    self.store
                        .set_competence_active(id, !active)
                        .map(|()| messages::activity_changed(&name, !active))
                }
                None => return,
            },
            _ => match self.roster.selected_person() {
                Some(p) => {
                    let (id, version, active, name) = (p.id, p.version, p.active, p.name.clone());
                    self.store
                        .set_person_active(id, version, !active)
                        .map(|()| messages::activity_changed(&name, !active))
                }
                None => return,
            },
        };
        self.after_roster_change(result);
    }

    fn delete_person(&mut self) {
        let Some(p) = self
            .roster
            .selected_person()
            .filter(|_| self.roster.view == RosterView::People)
        else {
            return;
        };
        let (id, version, name) = (p.id, p.version, p.name.clone());
        let result = self
            .store
            .delete_person(id, version)
            .map(|()| messages::person_deleted(&name));
        self.after_roster_change(result);
    }

    fn after_roster_change(&mut self, result: Result<String, StoreError>) {
        match result {
            Ok(message) => {
                let reloaded = self.reload();
                self.report(reloaded);
                self.info(message);
            }
            Err(e) => self.fail(&e),
        }
    }

    fn ask_release(&mut self) {
        if self.roster.view != RosterView::Team {
            return;
        }
        let Some(member) = self.roster.selected_member() else {
            return;
        };
        let Some(arena) = self.roster.team.arena.as_ref().map(|a| a.0) else {
            return;
        };
        let purpose = PromptPurpose::Release {
            allocation: member.allocation_id,
            name: member.name.clone(),
            arena,
        };
        self.popup = Some(Popup::Prompt(Prompt::new(purpose, "")));
    }

    /// Opens "find staff" for the arena in the detail, or the board's selected one.
    pub(super) fn open_find_staff(&mut self) {
        let arena = match &self.popup {
            Some(Popup::Detail(d)) => Some((d.arena.id, d.arena.title.clone())),
            _ => self.board.selected().map(|c| (c.id, c.title.clone())),
        };
        let Some((arena, title)) = arena else { return };
        let needs = match self.store.arena_needs(arena) {
            Ok(needs) => needs.into_iter().filter(|n| n.status.is_gap()).collect(),
            Err(e) => return self.fail(&e),
        };
        let waiting = match self.store.arena_requests(arena) {
            Ok(waiting) => waiting,
            Err(e) => return self.fail(&e),
        };
        let mut staff = FindStaff {
            arena,
            title,
            needs,
            need: 0,
            candidates: Vec::new(),
            candidate: 0,
            on_candidates: false,
            learning: Default::default(),
            waiting,
        };
        self.load_candidates(&mut staff);
        if staff.needs.is_empty() {
            self.info(messages::no_open_needs().to_owned());
        }
        self.popup = Some(Popup::FindStaff(Box::new(staff)));
    }

    fn load_candidates(&mut self, staff: &mut FindStaff) {
        staff.candidate = 0;
        staff.learning = match staff.selected_need() {
            Some(need) => match self.store.learning_for(need.competence_id) {
                Ok(learning) => learning,
                Err(e) => {
                    self.fail(&e);
                    Default::default()
                }
            },
            None => Default::default(),
        };
        staff.candidates = match staff.selected_need() {
            Some(need) => match self.store.candidates(staff.arena, need.competence_id) {
                Ok(candidates) => candidates,
                Err(e) => {
                    self.fail(&e);
                    Vec::new()
                }
            },
            None => Vec::new(),
        };
    }

    pub(super) fn run_staff(&mut self, command: Command) {
        let Some(Popup::FindStaff(mut staff)) = self.popup.take() else {
            return;
        };
        match command {
            Command::RowUp | Command::RowDown => {
                let delta: isize = if command == Command::RowUp { -1 } else { 1 };
                if staff.on_candidates {
                    let last = staff.candidates.len().saturating_sub(1);
                    staff.candidate = staff.candidate.saturating_add_signed(delta).min(last);
                } else {
                    let last = staff.needs.len().saturating_sub(1);
                    staff.need = staff.need.saturating_add_signed(delta).min(last);
                    self.load_candidates(&mut staff);
                }
            }
            Command::SwitchList => {
                staff.on_candidates = !staff.on_candidates && !staff.candidates.is_empty()
            }
            Command::Confirm if !staff.on_candidates => {
                staff.on_candidates = !staff.candidates.is_empty()
            }
            Command::Confirm => {
                if let Some(candidate) = staff.selected_candidate() {
                    // Someone already full still gets the usual share offered; the prompt shows their load.
                    let free = candidate.load.free();
                    let percent = if free >= 1 {
                        free.min(DEFAULT_PERCENT)
                    } else {
                        DEFAULT_PERCENT
                    };
                    let purpose = PromptPurpose::Allocate {
                        arena: staff.arena,
                        person: candidate.person_id,
                        name: candidate.name.clone(),
                        load: candidate.load,
                        competence: staff.selected_need().map(|n| n.competence_id),
                    };
                    self.popup = Some(Popup::Prompt(Prompt::new(purpose, &percent.to_string())));
                    return;
                }
            }
            Command::WithdrawRequest => {
                if let Some(person) = staff.selected_candidate().map(|c| c.person_id)
                    && self.withdraw_in_find_staff(staff.arena, person)
                {
                    self.open_find_staff();
                    return;
                }
            }
            Command::NewEntry => {
                let purpose = PromptPurpose::AddNeed { arena: staff.arena };
                self.popup = Some(Popup::Prompt(Prompt::new(purpose, "")));
                return;
            }
            _ => {}
        }
        self.popup = Some(Popup::FindStaff(staff));
    }

    /// Enter on an allocation, need or release prompt.
    pub(super) fn confirm_staffing(&mut self, mut prompt: Box<Prompt>) {
        let value = prompt.value();
        let result = match prompt.purpose.clone() {
            PromptPurpose::Allocate {
                arena,
                person,
                name,
                competence,
                ..
            } => {
                let Some(percent) = value
                    .trim()
                    .trim_end_matches('%')
                    .parse::<u32>()
                    .ok()
                    .filter(|p| (1..=100).contains(p))
                else {
                    prompt.error = Some(messages::percent_invalid().to_owned());
                    self.popup = Some(Popup::Prompt(prompt));
                    return;
                };
                let allocation = NewAllocation {
                    person_id: person,
                    arena_id: arena,
                    competence_id: competence,
                    percent,
                    from: self.today(),
                    to: None,
                };
                self.staff_person(&allocation, &name)
                    .map(|message| (arena, message))
            }
            PromptPurpose::AddNeed { arena } => {
                // "Trauma counsellor: after what he fled" names the competence, then the reason.
                let (name, reason) = value.split_once(':').unwrap_or((value.as_str(), ""));
                self.hold_competences();
                let Some(competence) = self.roster.competence_named(name).map(|c| c.name.clone())
                else {
                    let like = self.roster.competence_names_like(name);
                    prompt.error = Some(messages::competence_suggestions(name, &like));
                    self.popup = Some(Popup::Prompt(prompt));
                    return;
                };
                self.store
                    .add_need(arena, &competence, reason.trim())
                    .map(|_| (arena, messages::need_added(&competence, arena)))
            }
            PromptPurpose::Release {
                allocation,
                name,
                arena,
            } => self
                .store
                .release(allocation)
                .map(|()| (arena, messages::released(&name, arena))),
            _ => return,
        };
        match result {
            Ok((arena, message)) => {
                let reloaded = self.reload();
                self.report(reloaded);
                self.board.select_arena(arena);
                if matches!(prompt.purpose, PromptPurpose::AddNeed { .. }) {
                    self.open_find_staff();
                }
                self.info(message);
            }
            Err(e) => {
                self.popup = Some(Popup::Prompt(prompt));
                self.fail(&e);
            }
        }
    }
}
