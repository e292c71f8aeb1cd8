//! The plan pane's commands: writing and following the arena's PULS program.

use super::App;
use super::command::Command;
use super::form::{Form, FormKind};
use super::plan::PlanItem;
use super::popup::{PlanRow, Popup, Prompt, PromptPurpose};
use crate::messages;
use puls_domain::puls::{ActivityStatus, Step};
use puls_domain::roster::NeedStatus;
use puls_store::StoreError;

impl App {
    pub(super) fn run_plan(&mut self, command: Command) {
        let edits = matches!(
            command,
            Command::NewEntry
                | Command::Edit
                | Command::Delete
                | Command::CycleStatus
                | Command::Block
                | Command::MoveUp
                | Command::MoveDown
        );
        if edits && let Some(plan) = &self.plan.plan {
            // Drawn up: refused before a form opens, with the store's own words.
            if let Some(lock) = &plan.drawn_up {
                let message = messages::drawn_up_refused(plan.arena, lock.at, &lock.by);
                return self.error(message);
            }
        }
        match command {
            Command::RowUp => self.plan.move_cursor(-1),
            Command::RowDown => self.plan.move_cursor(1),
            Command::FirstRow => self.plan.move_cursor(isize::MIN),
            Command::LastRow => self.plan.move_cursor(isize::MAX),
            Command::PreviousStep => self.plan.move_step(false),
            Command::NextStep => self.plan.move_step(true),
            Command::NewEntry => self.add_plan_item(self.plan.step()),
            Command::Edit => self.edit_plan_item(),
            Command::Delete => self.ask_delete_plan_row(),
            Command::CycleStatus => self.cycle_plan_status(),
            Command::Block => self.ask_block(),
            Command::MoveUp => self.move_activity(true),
            Command::MoveDown => self.move_activity(false),
            Command::RestrictedRecord => self.open_restricted(),
            _ => {}
        }
    }

    /// Opens the arena's restricted record in a form, for its coordinator and communication
    /// lead only; the store writes the read-log row.
    fn open_restricted(&mut self) {
        let Some(arena) = self.plan.plan.as_ref().map(|p| p.arena) else {
            return;
        };
        match self.store.may_open_restricted(arena) {
            Ok(false) => return self.error(messages::restricted_refused(arena)),
            Ok(true) => {}
            Err(e) => return self.fail(&e),
        }
        match self.store.open_restricted(arena) {
            Ok(record) => {
                let form = Form::restricted(arena, record.as_ref());
                self.popup = Some(Popup::Form(Box::new(form)));
            }
            Err(e) => self.fail(&e),
        }
    }

    fn add_plan_item(&mut self, step: Step) {
        let Some(plan) = &self.plan.plan else { return };
        let arena = plan.arena;
        let form = match step {
            Step::Proactivity => {
                let by = plan
                    .proactivity
                    .lead
                    .clone()
                    .unwrap_or_else(|| self.who().to_owned());
                Form::contact(arena, None, self.today(), &by)
            }
            Step::Development => {
                let prompt = Prompt::new(PromptPurpose::AddNeed { arena }, "");
                self.popup = Some(Popup::Prompt(prompt));
                return;
            }
            Step::Learning => Form::criterion(arena, None),
            Step::Service => Form::activity(arena, None, ""),
        };
        self.popup = Some(Popup::Form(Box::new(form)));
    }

    fn edit_plan_item(&mut self) {
        let (Some(plan), Some(item)) = (&self.plan.plan, self.plan.selected()) else {
            return;
        };
        let arena = plan.arena;
        let form = match item {
            PlanItem::Proactivity => Form::proactivity(plan),
            PlanItem::Contact(i) => Form::contact(arena, plan.contacts.get(i), self.today(), ""),
            PlanItem::Criterion(i) => Form::criterion(arena, plan.criteria.get(i)),
            PlanItem::Activity(i) => Form::activity(arena, plan.activities.get(i), ""),
            PlanItem::Need(i) => {
                let Some(need) = plan.needs.get(i) else {
                    return;
                };
                let purpose = PromptPurpose::NeedReason {
                    need: need.id,
                    version: need.version,
                };
                self.popup = Some(Popup::Prompt(Prompt::new(purpose, &need.reason)));
                return;
            }
            PlanItem::Empty(step) => return self.add_plan_item(step),
        };
        self.popup = Some(Popup::Form(Box::new(form)));
    }

    /// The selected line as a versioned row, with a label to name it by.
    fn selected_plan_row(&self) -> Option<(PlanRow, String)> {
        let plan = self.plan.plan.as_ref()?;
        Some(match self.plan.selected()? {
            PlanItem::Contact(i) => {
                let c = plan.contacts.get(i)?;
                (
                    PlanRow::Contact {
                        id: c.id,
                        version: c.version,
                    },
                    format!("{} {}", c.on, c.channel),
                )
            }
            PlanItem::Need(i) => {
                let n = plan.needs.get(i)?;
                (
                    PlanRow::Need {
                        id: n.id,
                        version: n.version,
                    },
                    n.competence.clone(),
                )
            }
            PlanItem::Criterion(i) => {
                let c = plan.criteria.get(i)?;
                (
                    PlanRow::Criterion {
                        id: c.id,
                        version: c.version,
                    },
                    c.text.clone(),
                )
            }
            PlanItem::Activity(i) => {
                let a = plan.activities.get(i)?;
                (
                    PlanRow::Activity {
                        id: a.id,
                        version: a.version,
                    },
                    a.text.clone(),
                )
            }
            PlanItem::Proactivity | PlanItem::Empty(_) => return None,
        })
    }

    fn ask_delete_plan_row(&mut self) {
        if let Some((row, label)) = self.selected_plan_row() {
            let prompt = Prompt::new(PromptPurpose::DeletePlanRow { row, label }, "");
            self.popup = Some(Popup::Prompt(prompt));
        }
    }

    fn cycle_plan_status(&mut self) {
        let (Some(plan), Some(item)) = (&self.plan.plan, self.plan.selected()) else {
            return;
        };
        let result = match item {
            PlanItem::Activity(i) => match plan.activities.get(i) {
                Some(a) => {
                    let (id, version, next) = (a.id, a.version, a.status.next());
                    self.store.set_activity_status(id, version, next, "")
                }
                None => return,
            },
            PlanItem::Need(i) => match plan.needs.get(i) {
                Some(n) if n.status == NeedStatus::Filled => {
                    return self.info(messages::need_filled_by_allocation().to_owned());
                }
                Some(n) => {
                    let next = match n.status {
                        NeedStatus::Needed => NeedStatus::Requested,
                        NeedStatus::Requested => NeedStatus::Released,
                        _ => NeedStatus::Needed,
                    };
                    let (id, version) = (n.id, n.version);
                    self.store.set_need_status(id, version, next)
                }
                None => return,
            },
            _ => return,
        };
        let arena = plan.arena;
        self.after_plan_change(result.map(|()| messages::plan_saved(arena)));
    }

    fn ask_block(&mut self) {
        if let Some((PlanRow::Activity { id, version }, _)) = self.selected_plan_row() {
            let prompt = Prompt::new(
                PromptPurpose::Block {
                    activity: id,
                    version,
                },
                "",
            );
            self.popup = Some(Popup::Prompt(prompt));
        }
    }

    fn move_activity(&mut self, up: bool) {
        let Some(PlanItem::Activity(i)) = self.plan.selected() else {
            return;
        };
        let Some(activity) = self.plan.plan.as_ref().and_then(|p| p.activities.get(i)) else {
            return;
        };
        let id = activity.id;
        match self.store.move_activity(id, up) {
            Ok(true) => {
                let reloaded = self.reload();
                self.report(reloaded);
                let moved = if up { i.saturating_sub(1) } else { i + 1 };
                self.plan.select(PlanItem::Activity(moved));
            }
            Ok(false) => {}
            Err(e) => self.fail(&e),
        }
    }

    /// Saves a PULS program form. `None`: the form shows what to fix.
    pub(super) fn save_plan_form(&mut self, form: &mut Form) -> Option<Result<String, StoreError>> {
        let result = match form.kind {
            FormKind::Proactivity { arena, version } => {
                self.hold_people();
                let people = self.roster.people();
                let p = form.proactivity_value(|name| {
                    let name = name.to_lowercase();
                    people
                        .iter()
                        .find(|p| p.name.to_lowercase() == name)
                        .map(|p| p.name.clone())
                })?;
                self.store
                    .set_proactivity(arena, version, &p)
                    .map(|()| arena)
            }
            FormKind::Contact { arena, existing } => {
                let c = form.contact_value()?;
                match existing {
                    Some((id, version)) => self.store.edit_contact(id, version, &c),
                    None => self.store.add_contact(arena, &c).map(|_| ()),
                }
                .map(|()| arena)
            }
            FormKind::Criterion { arena, existing } => {
                let c = form.criterion_value()?;
                match existing {
                    Some((id, version)) => self.store.edit_criterion(id, version, &c),
                    None => self.store.add_criterion(arena, &c).map(|_| ()),
                }
                .map(|()| arena)
            }
            FormKind::Activity { arena, existing } => {
                let a = form.activity_value()?;
                match existing {
                    Some((id, version)) => self.store.edit_activity(id, version, &a),
                    None => self.store.add_activity(arena, &a).map(|_| ()),
                }
                .map(|()| arena)
            }
            FormKind::Review { .. } => return self.save_review_form(form),
            FormKind::Rating { .. } => return self.save_rating_form(form),
            FormKind::Restricted { arena, version } => {
                let edit = form.restricted_value();
                return Some(
                    self.store
                        .save_restricted(arena, version, &edit)
                        .map(|()| messages::restricted_saved(arena)),
                );
            }
            _ => return None,
        };
        Some(result.map(|arena| {
            self.select_new_row(form.kind);
            messages::plan_saved(arena)
        }))
    }

    /// After an add, the cursor goes to the new line once the plan reloads.
    fn select_new_row(&mut self, kind: FormKind) {
        self.plan.after_reload = match kind {
            FormKind::Contact { existing: None, .. } => Some(PlanItem::Contact(usize::MAX)),
            FormKind::Criterion { existing: None, .. } => Some(PlanItem::Criterion(usize::MAX)),
            FormKind::Activity { existing: None, .. } => Some(PlanItem::Activity(usize::MAX)),
            _ => None,
        };
    }

    /// Enter on a delete or block prompt of the plan.
    pub(super) fn confirm_plan_prompt(&mut self, mut prompt: Box<Prompt>) {
        let result = match prompt.purpose.clone() {
            PromptPurpose::DeletePlanRow { row, label } => match row {
                PlanRow::Contact { id, version } => self.store.delete_contact(id, version),
                PlanRow::Need { id, version } => self.store.delete_need(id, version),
                PlanRow::Criterion { id, version } => self.store.delete_criterion(id, version),
                PlanRow::Activity { id, version } => self.store.delete_activity(id, version),
            }
            .map(|()| messages::deleted(&label)),
            PromptPurpose::Block { activity, version } => {
                let reason = prompt.value();
                if reason.trim().is_empty() {
                    prompt.error = Some(messages::block_reason_empty().to_owned());
                    self.popup = Some(Popup::Prompt(prompt));
                    return;
                }
                let arena = self.plan.plan.as_ref().map_or(0, |p| p.arena);
                self.store
                    .set_activity_status(activity, version, ActivityStatus::Blocked, &reason)
                    .map(|()| messages::plan_saved(arena))
            }
            PromptPurpose::NeedReason { need, version } => {
                let arena = self.plan.plan.as_ref().map_or(0, |p| p.arena);
                self.store
                    .set_need_reason(need, version, &prompt.value())
                    .map(|()| messages::plan_saved(arena))
            }
            _ => return,
        };
        if result.is_err() {
            self.popup = Some(Popup::Prompt(prompt));
        }
        self.after_plan_change(result);
    }

    pub(super) fn after_plan_change(&mut self, result: Result<String, StoreError>) {
        match result {
            Ok(message) => {
                let reloaded = self.reload();
                self.report(reloaded);
                self.info(message);
            }
            Err(e) => self.fail(&e),
        }
    }
}
