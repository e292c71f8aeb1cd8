//! The user's changes to arenas: stage moves, declines, forms saved, and undo of them all.

use super::form::{FieldId, FormKind};
use super::popup::{Popup, Prompt, PromptPurpose};
use super::{App, form::Form};
use crate::messages;
use puls_domain::arena::{self, Arena, Stage};
use puls_domain::language::{self, Language};
use puls_domain::privacy::{self, Finding, Screen};
use puls_store::StoreError;

/// The inverse of one change the user made, to undo it.
pub(super) enum UndoStep {
    /// A signal this user recorded: undo removes it.
    Created { id: i64, version: i64 },
    /// An arena as it was before the change, and its version right after it.
    Changed {
        before: Box<Arena>,
        version_after: i64,
    },
}

impl App {
    /// The arena a command acts on: the one in the open detail, else the selected card.
    fn target_arena(&mut self) -> Option<Arena> {
        let id = match &self.popup {
            Some(Popup::Detail(d)) => d.arena.id,
            _ => self.board.selected()?.id,
        };
        match self.store.arena(id) {
            Ok(arena) => Some(arena),
            Err(e) => {
                self.fail(&e);
                None
            }
        }
    }

    /// After a change: reload the board, follow the arena, refresh an open detail.
    pub(super) fn changed(&mut self, arena: &Arena) {
        if arena.stage == Stage::Declined && !self.board.show_declined {
            self.board.show_declined = true;
        }
        let result = self.reload();
        self.report(result);
        self.board.select_arena(arena.id);
        if matches!(self.popup, Some(Popup::Detail(_))) {
            self.open_detail(arena.id);
        }
    }

    pub(super) fn move_stage(&mut self, forward: bool) {
        let Some(before) = self.target_arena() else {
            return;
        };
        // A signal becomes an arena by a body's decision: `>` opens the form that records it.
        if forward && before.stage == Stage::Signal {
            return self.open_decision(&before);
        }
        let to = if forward {
            arena::next_stage(&before, self.config.rules())
        } else {
            arena::previous_stage(&before)
        };
        let to = match to {
            Ok(to) => to,
            Err(refusals) => return self.refuse(&before, forward, &refusals),
        };
        match self.store.move_arena(before.id, before.version, to) {
            Ok(after) => {
                self.info(messages::moved(&after));
                self.remember(before, &after);
                self.changed(&after);
                if after.stage == Stage::Returning && forward {
                    self.offer_entry(after.id);
                }
            }
            Err(StoreError::Refused(refusals)) => self.refuse(&before, forward, &refusals),
            Err(e) => self.fail(&e),
        }
    }

    fn refuse(&mut self, arena: &Arena, forward: bool, refusals: &[arena::Refusal]) {
        let to = if forward {
            arena.stage.next()
        } else {
            arena.stage.previous()
        };
        self.error(messages::move_refused(arena.id, to, refusals));
    }

    fn open_decision(&mut self, arena: &Arena) {
        let who = self.who().to_owned();
        let mine = self
            .config
            .bodies
            .iter()
            .position(|b| b.members.contains(&who))
            .unwrap_or(0);
        let form = Form::decision(arena, &self.config.bodies, mine, self.today());
        self.popup = Some(Popup::Form(Box::new(form)));
    }

    /// Records the decision the form holds; a refusal (not a member, their own arena) leaves
    /// the form open with what was typed.
    fn save_decision(
        &mut self,
        id: i64,
        version: i64,
        form: &mut Form,
    ) -> Option<Result<Arena, StoreError>> {
        let decision = form.decision_value(&self.config.bodies, self.today())?;
        Some(self.store.arena(id).and_then(|before| {
            let after = self.store.commission(id, version, &decision)?;
            self.remember(before, &after);
            Ok(after)
        }))
    }

    pub(super) fn open_edit(&mut self) {
        if let Some(arena) = self.target_arena() {
            let form = Form::edit_arena(self.mission_codes(), &arena);
            self.popup = Some(Popup::Form(Box::new(form)));
        }
    }

    pub(super) fn open_decline(&mut self) {
        let Some(arena) = self.target_arena() else {
            return;
        };
        if let Err(refusal) = arena::check_decline(&arena, "-") {
            return self.refuse(&arena, true, &[refusal]);
        }
        let Some(body) = self.config.body_of(self.who()) else {
            return;
        };
        let purpose = PromptPurpose::Decline {
            id: arena.id,
            version: arena.version,
            body: body.code.clone(),
        };
        self.popup = Some(Popup::Prompt(Prompt::new(purpose, "")));
    }

    pub(super) fn confirm_prompt(&mut self) {
        let Some(Popup::Prompt(mut prompt)) = self.popup.take() else {
            return;
        };
        // What looks like personal data is shown once; Enter again keeps it, and is logged.
        let terms = &self.config.health_terms;
        let findings = privacy::screened(&labelled(&prompt_fields(&prompt)), terms);
        if !findings.is_empty() && !prompt.privacy_warned {
            prompt.privacy_warned = true;
            prompt.error = Some(messages::personal_data_prompt_warning(&findings));
            self.popup = Some(Popup::Prompt(prompt));
            return;
        }
        // The history keeps one language, whatever language the screen speaks.
        let logged = language::with(Language::English, || {
            privacy::screened(&labelled(&prompt_fields(&prompt)), terms)
        });
        let about = match prompt.purpose {
            PromptPurpose::Decline { id, .. } => Some(id),
            PromptPurpose::AddNeed { arena } | PromptPurpose::DeclineRequest { arena, .. } => {
                Some(arena)
            }
            _ => self.plan.plan.as_ref().map(|p| p.arena),
        };
        self.dispatch_prompt(prompt);
        // A prompt that failed is back on the screen, its text unsaved.
        if !logged.is_empty() && !matches!(self.popup, Some(Popup::Prompt(_))) {
            self.log_personal_data(about, "arena", &logged);
        }
    }

    fn dispatch_prompt(&mut self, prompt: Box<Prompt>) {
        match prompt.purpose.clone() {
            PromptPurpose::Filter { .. } => {}
            PromptPurpose::Allocate { .. }
            | PromptPurpose::AddNeed { .. }
            | PromptPurpose::Release { .. } => self.confirm_staffing(prompt),
            PromptPurpose::DeclineRequest { .. } => self.confirm_decline_request(prompt),
            PromptPurpose::DeleteEntry { id, version, title } => {
                self.confirm_delete_entry(id, version, &title)
            }
            PromptPurpose::DeletePlanRow { .. }
            | PromptPurpose::Block { .. }
            | PromptPurpose::NeedReason { .. } => self.confirm_plan_prompt(prompt),
            PromptPurpose::Decline { id, version, body } => {
                let reason = prompt.value();
                if reason.trim().is_empty() {
                    let mut prompt = prompt;
                    prompt.error = Some(messages::decline_reason_empty().to_owned());
                    self.popup = Some(Popup::Prompt(prompt));
                    return;
                }
                let Some(body) = self.config.body(&body).cloned() else {
                    return;
                };
                let today = self.today();
                let before = self.store.arena(id);
                match before
                    .and_then(|b| Ok((self.store.decline(id, version, &body, today, &reason)?, b)))
                {
                    Ok((after, before)) => {
                        self.info(messages::declined(&after));
                        self.remember(before, &after);
                        self.changed(&after);
                    }
                    Err(e) => {
                        self.popup = Some(Popup::Prompt(prompt));
                        self.fail(&e);
                    }
                }
            }
        }
    }

    pub(super) fn save_form(&mut self) {
        let Some(Popup::Form(mut form)) = self.popup.take() else {
            return;
        };
        // What looks like personal data is shown once; saving again keeps it, and is logged.
        let findings = privacy_findings(&form, &self.config.health_terms);
        // The history keeps one language, whatever language the screen speaks.
        let logged = language::with(Language::English, || {
            privacy_findings(&form, &self.config.health_terms)
        });
        if !findings.is_empty() && !form.privacy_warned {
            form.privacy_warned = true;
            self.popup = Some(Popup::Form(form));
            return self.error(messages::personal_data_warning(&findings));
        }
        let today = self.today();
        let saved = match form.kind {
            FormKind::NewSignal => form.new_signal_value(today).map(|signal| {
                self.store.create_signal(&signal).map(|a| {
                    self.undo.push(UndoStep::Created {
                        id: a.id,
                        version: a.version,
                    });
                    Some(a)
                })
            }),
            FormKind::EditArena { id, version } => form
                .arena_value(today)
                .map(|edit| self.save_edit(id, version, &edit, &mut form).map(Some)),
            FormKind::Decision { id, version } => self
                .save_decision(id, version, &mut form)
                .map(|saved| saved.map(Some)),
            FormKind::NewPerson
            | FormKind::EditPerson { .. }
            | FormKind::NewCompetence
            | FormKind::EditCompetence { .. } => {
                self.save_roster_form(&mut form).map(|r| r.map(|()| None))
            }
            FormKind::ApproveRequest { id, version } => self
                .save_approval(id, version, &mut form)
                .map(|r| r.map(|()| None)),
            FormKind::Proactivity { .. }
            | FormKind::Restricted { .. }
            | FormKind::Review { .. }
            | FormKind::Rating { .. }
            | FormKind::Contact { .. }
            | FormKind::Criterion { .. }
            | FormKind::Activity { .. }
            | FormKind::NewEntry
            | FormKind::EditEntry { .. } => {
                let saved = if matches!(form.kind, FormKind::NewEntry | FormKind::EditEntry { .. })
                {
                    self.save_entry_form(&mut form)
                } else {
                    self.save_plan_form(&mut form)
                };
                saved.map(|r| {
                    r.map(|message| {
                        self.after_plan_change(Ok(message));
                        None
                    })
                })
            }
        };
        match saved {
            None => {
                self.popup = Some(Popup::Form(form));
                self.error(messages::form_has_errors().to_owned());
            }
            Some(Ok(arena)) => {
                let about = arena.as_ref().map(|a| a.id).or_else(|| form.kind.arena());
                if !findings.is_empty() {
                    self.log_personal_data(about, form.kind.place(), &logged);
                }
                if let Some(arena) = arena {
                    let mut message = match (&form.kind, &arena.decided) {
                        (FormKind::Decision { .. }, Some(decided)) => {
                            messages::commissioned(&arena, self.config.body_name(&decided.body))
                        }
                        _ => messages::saved(&arena, form.kind == FormKind::NewSignal),
                    };
                    // A new signal asks the bank at once whether the organisation met it before.
                    if form.kind == FormKind::NewSignal {
                        let related = self
                            .store
                            .related_entries(arena.id, 20)
                            .map(|r| r.len())
                            .unwrap_or(0);
                        if related > 0 {
                            message = format!("{message} {}", messages::related_count(related));
                        }
                    }
                    self.info(message);
                    self.changed(&arena);
                }
            }
            Some(Err(StoreError::Conflict { id, who, at })) => {
                self.popup = Some(Popup::Form(form));
                self.error(messages::edit_conflict(id, &who, at));
            }
            Some(Err(e)) => {
                self.popup = Some(Popup::Form(form));
                self.fail(&e);
            }
        }
    }

    /// Saves an edit; after a conflict the form takes the other version's number, so the next
    /// save overwrites on purpose, never by accident.
    fn save_edit(
        &mut self,
        id: i64,
        version: i64,
        edit: &puls_store::ArenaEdit,
        form: &mut Form,
    ) -> Result<Arena, StoreError> {
        let before = self.store.arena(id)?;
        match self.store.edit_arena(id, version, edit) {
            Ok(after) => {
                self.remember(before, &after);
                Ok(after)
            }
            Err(StoreError::Conflict { id, who, at }) => {
                form.kind = FormKind::EditArena {
                    id,
                    version: before.version,
                };
                form.show_theirs(&before);
                Err(StoreError::Conflict { id, who, at })
            }
            Err(e) => Err(e),
        }
    }

    /// One audit row per field the user chose to keep personal data in; never the data itself.
    /// About the arena when there is one, else about `elsewhere` (the roster, the bank).
    fn log_personal_data(&mut self, arena: Option<i64>, elsewhere: &str, findings: &[Finding]) {
        let mut fields: Vec<&str> = findings.iter().map(|f| f.field.as_str()).collect();
        fields.dedup();
        for field in fields {
            let kinds: Vec<&str> = findings
                .iter()
                .filter(|f| f.field == field)
                .map(|f| language::with(Language::English, || messages::finding_kind(f.kind)))
                .collect();
            let kinds = kinds.join(", ");
            let result = match arena {
                Some(arena) => self.store.record_personal_data(arena, field, &kinds),
                None => self.store.record_personal_data_in(elsewhere, field, &kinds),
            };
            self.report(result);
        }
    }

    fn remember(&mut self, before: Arena, after: &Arena) {
        self.undo.push(UndoStep::Changed {
            before: Box::new(before),
            version_after: after.version,
        });
    }

    pub(super) fn undo_last(&mut self) {
        let Some(step) = self.undo.pop() else {
            return self.info(messages::nothing_to_undo().to_owned());
        };
        let result = match &step {
            UndoStep::Created { id, version } => {
                self.store.delete_signal(*id, *version).map(|()| None)
            }
            UndoStep::Changed {
                before,
                version_after,
            } => self.store.restore_arena(*version_after, before).map(Some),
        };
        match result {
            Ok(restored) => {
                let id = match &step {
                    UndoStep::Created { id, .. } => *id,
                    UndoStep::Changed { before, .. } => before.id,
                };
                self.info(messages::undone(id));
                match restored {
                    Some(arena) => self.changed(&arena),
                    None => {
                        if matches!(&self.popup, Some(Popup::Detail(d)) if d.arena.id == id) {
                            self.popup = None;
                        }
                        let result = self.reload();
                        self.report(result);
                    }
                }
            }
            Err(StoreError::Conflict { id, who, at }) => {
                self.error(messages::undo_conflict(id, &who, at));
            }
            Err(e) => self.fail(&e),
        }
    }
}

/// Text fields of the form that look like personal data, each screened as the one rule says
/// (`privacy::Screen`).
fn privacy_findings(form: &Form, terms: &[String]) -> Vec<Finding> {
    let screen = match form.kind {
        // The restricted record is where a name and contact details belong.
        FormKind::Restricted { .. } => return Vec::new(),
        FormKind::NewPerson
        | FormKind::EditPerson { .. }
        | FormKind::NewCompetence
        | FormKind::EditCompetence { .. } => Screen::Vocabulary,
        _ => Screen::Citizen,
    };
    let values: Vec<(&str, String, Screen)> = form
        .fields
        .iter()
        .filter(|f| !f.is_choice())
        .map(|f| {
            let screen = match f.id {
                FieldId::EntryCompetences | FieldId::Competences => Screen::Vocabulary,
                _ => screen,
            };
            (messages::field_label(f.id), f.value(), screen)
        })
        .collect();
    privacy::screened(&labelled(&values), terms)
}

/// The text a prompt saves, labelled and screened as the one rule says; none for a prompt that
/// saves no text of its own.
fn prompt_fields(prompt: &Prompt) -> Vec<(&'static str, String, Screen)> {
    let value = prompt.value();
    match prompt.purpose {
        PromptPurpose::Decline { .. }
        | PromptPurpose::DeclineRequest { .. }
        | PromptPurpose::Block { .. }
        | PromptPurpose::NeedReason { .. } => {
            vec![(messages::field_reason(), value, Screen::Citizen)]
        }
        // "Trauma counsellor: after what he fled": a competence, then the reason.
        PromptPurpose::AddNeed { .. } => {
            let (name, reason) = value.split_once(':').unwrap_or((value.as_str(), ""));
            vec![
                (
                    messages::field_competence(),
                    name.to_owned(),
                    Screen::Vocabulary,
                ),
                (messages::field_reason(), reason.to_owned(), Screen::Citizen),
            ]
        }
        _ => Vec::new(),
    }
}

fn labelled<'a>(values: &'a [(&'a str, String, Screen)]) -> Vec<(&'a str, &'a str, Screen)> {
    values
        .iter()
        .map(|(l, v, s)| (*l, v.as_str(), *s))
        .collect()
}
