//! Staffing through line managers in the app: "Requests to me" (a view of the roster), the
//! approval form and the decline prompt, and find-staff's request or direct allocation.

use chrono::NaiveDate;

use super::App;
use super::form::{Field, FieldId, Form, FormKind, parse_share};
use super::popup::{Popup, Prompt, PromptPurpose};
use super::roster::RosterView;
use crate::command::Command;
use crate::messages;
use puls_domain::access::Role;
use puls_domain::calendar;
use puls_domain::request::{Approval, StaffingRequest};
use puls_store::{NewAllocation, StoreError};

use super::handled::{Handled, hint, quiet};

/// What "Requests to me" answers for (see `handled`).
pub const COMMANDS: &[Handled] = &[
    hint(Command::ApproveRequest),
    hint(Command::DeclineRequest),
    hint(Command::NextView),
    hint(Command::Back),
    quiet(Command::RowUp),
    quiet(Command::RowDown),
];

impl Form {
    /// The manager's approval of `request`, prefilled with the share and dates it asks.
    pub fn approval(request: &StaffingRequest) -> Form {
        let until = request.until.map(|u| u.to_string()).unwrap_or_default();
        Form::new(
            FormKind::ApproveRequest {
                id: request.id,
                version: request.version,
            },
            vec![
                Field::text(FieldId::Share, &request.percent.to_string()),
                Field::text(FieldId::StartsOn, &request.from.to_string()),
                Field::text(FieldId::Until, &until),
            ],
        )
    }

    /// The approval to save, or `None` with the problems marked on the form.
    pub fn approval_value(&mut self) -> Option<Approval> {
        self.clear_errors();
        let percent = parse_share(&self.value(FieldId::Share), 1);
        if percent.is_none() {
            self.set_error(FieldId::Share, messages::percent_invalid().to_owned());
        }
        let date = |raw: String| -> Result<NaiveDate, String> {
            calendar::parse_date(&raw).map_err(|p| messages::date_invalid(raw.trim(), p))
        };
        let from = date(self.value(FieldId::StartsOn));
        if let Err(e) = &from {
            self.set_error(FieldId::StartsOn, e.clone());
        }
        let raw_until = self.value(FieldId::Until);
        let until = if raw_until.trim().is_empty() {
            Ok(None)
        } else {
            date(raw_until).map(Some)
        };
        if let Err(e) = &until {
            self.set_error(FieldId::Until, e.clone());
        }
        let settled = self.settle();
        match (percent, from, until) {
            (Some(percent), Ok(from), Ok(until)) if settled => Some(Approval {
                percent,
                from,
                until,
            }),
            _ => None,
        }
    }
}

impl App {
    pub(super) fn run_requests(&mut self, command: Command) {
        match command {
            Command::RowUp => self.roster.move_selection(-1),
            Command::RowDown => self.roster.move_selection(1),
            Command::NextView => self.roster.view = self.roster.view.next(),
            Command::ApproveRequest => match self.roster.selected_request() {
                Some(request) => {
                    let form = Form::approval(request);
                    self.popup = Some(Popup::Form(Box::new(form)));
                }
                None => self.info(messages::no_request_selected().to_owned()),
            },
            Command::DeclineRequest => match self.roster.selected_request() {
                Some(request) => {
                    let purpose = PromptPurpose::DeclineRequest {
                        id: request.id,
                        version: request.version,
                        person: request.person.clone(),
                        arena: request.arena,
                    };
                    self.popup = Some(Popup::Prompt(Prompt::new(purpose, "")));
                }
                None => self.info(messages::no_request_selected().to_owned()),
            },
            _ => {}
        }
    }

    /// `R` in the roster: the staffing requests waiting for the account's decision.
    pub(super) fn show_requests(&mut self) {
        self.roster.view = RosterView::Requests;
        if self.roster.requests.is_empty() {
            self.info(messages::no_requests().to_owned());
        }
    }

    /// Saves the approval form: the allocation is made with the request's status change.
    pub(super) fn save_approval(
        &mut self,
        id: i64,
        version: i64,
        form: &mut Form,
    ) -> Option<Result<(), StoreError>> {
        let approval = form.approval_value()?;
        let request = self.roster.requests.iter().find(|r| r.id == id).cloned();
        let result = self.store.approve_request(id, version, &approval);
        Some(result.map(|_| {
            self.after_request_change();
            if let Some(r) = request {
                self.info(messages::approved(&r.person, approval.percent, r.arena));
            }
        }))
    }

    /// Enter on the decline prompt: a reason is required.
    pub(super) fn confirm_decline_request(&mut self, mut prompt: Box<Prompt>) {
        let PromptPurpose::DeclineRequest {
            id,
            version,
            person,
            arena,
        } = prompt.purpose.clone()
        else {
            return;
        };
        let reason = prompt.value();
        if reason.trim().is_empty() {
            prompt.error = Some(messages::reason_needed().to_owned());
            self.popup = Some(Popup::Prompt(prompt));
            return;
        }
        match self.store.decline_request(id, version, &reason) {
            Ok(()) => {
                self.after_request_change();
                self.info(messages::declined_request(&person, arena));
            }
            Err(e) => {
                self.popup = Some(Popup::Prompt(prompt));
                self.fail(&e);
            }
        }
    }

    fn after_request_change(&mut self) {
        let reloaded = self.reload();
        self.report(reloaded);
    }

    /// Find-staff's choice of a person: with `staffing_approval`, a request to their line
    /// manager; without a manager, a direct allocation only for an administrator.
    pub(super) fn staff_person(
        &mut self,
        allocation: &NewAllocation,
        name: &str,
    ) -> Result<String, StoreError> {
        let arena = allocation.arena_id;
        if !self.config.staffing_approval {
            return self
                .store
                .allocate(allocation)
                .map(|_| messages::allocated(name, arena, allocation.percent));
        }
        self.hold_people();
        let manager = self
            .roster
            .people()
            .iter()
            .find(|p| p.id == allocation.person_id)
            .map(|p| p.manager.clone())
            .unwrap_or_default();
        if !manager.is_empty() {
            return self
                .store
                .request_staff(allocation)
                .map(|_| messages::requested(name, &manager, allocation.percent, arena));
        }
        if self.store.my_roles()?.contains(&Role::Administrator) {
            return self.store.allocate(allocation).map(|_| {
                format!(
                    "{} {}",
                    messages::allocated_without_manager(name),
                    messages::allocated(name, arena, allocation.percent)
                )
            });
        }
        Err(StoreError::NoManager(name.to_owned()))
    }

    /// `w` in find-staff: withdraws the waiting request for the chosen person to this arena.
    pub(super) fn withdraw_in_find_staff(&mut self, arena: i64, person: i64) -> bool {
        let waiting = match self.store.arena_requests(arena) {
            Ok(waiting) => waiting,
            Err(e) => {
                self.fail(&e);
                return false;
            }
        };
        let Some(request) = waiting.into_iter().find(|r| r.person_id == person) else {
            self.info(messages::no_request_selected().to_owned());
            return false;
        };
        match self.store.withdraw_request(request.id, request.version) {
            Ok(()) => {
                self.after_request_change();
                self.info(messages::request_withdrawn(&request.person, arena));
                true
            }
            Err(e) => {
                self.fail(&e);
                false
            }
        }
    }
}
