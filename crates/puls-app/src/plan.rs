//! The plan pane's state: the selected arena's PULS program and where the cursor is in it.

use puls_domain::puls::Step;
use puls_store::Plan;

use super::command::Command;
use super::handled::{Handled, hint, quiet};

/// What the plan pane answers for (see `handled`).
pub const COMMANDS: &[Handled] = &[
    hint(Command::Help),
    hint(Command::NextStep),
    hint(Command::NewEntry),
    hint(Command::Edit),
    hint(Command::CycleStatus),
    hint(Command::Block),
    hint(Command::MoveDown),
    hint(Command::Delete),
    quiet(Command::RowUp),
    quiet(Command::RowDown),
    quiet(Command::FirstRow),
    quiet(Command::LastRow),
    quiet(Command::PreviousStep),
    quiet(Command::MoveUp),
    quiet(Command::RestrictedRecord),
    quiet(Command::NextStage),
    quiet(Command::PreviousStage),
    quiet(Command::Back),
];

/// One line the cursor can rest on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanItem {
    /// The P step's settings: recipient, communication lead, rhythm.
    Proactivity,
    Contact(usize),
    Need(usize),
    Criterion(usize),
    Activity(usize),
    /// A step with nothing in it yet: where `a` adds the first item.
    Empty(Step),
}

impl PlanItem {
    pub fn step(self) -> Step {
        match self {
            PlanItem::Proactivity | PlanItem::Contact(_) => Step::Proactivity,
            PlanItem::Need(_) => Step::Development,
            PlanItem::Criterion(_) => Step::Learning,
            PlanItem::Activity(_) => Step::Service,
            PlanItem::Empty(step) => step,
        }
    }
}

#[derive(Debug, Default)]
pub struct PlanPane {
    pub plan: Option<Plan>,
    pub title: String,
    pub items: Vec<PlanItem>,
    pub cursor: usize,
    /// Where the cursor goes on the next reload; `usize::MAX` means the last of that kind.
    pub after_reload: Option<PlanItem>,
}

impl PlanPane {
    /// Shows another arena's plan, or the same one reloaded with the cursor kept on its item.
    pub fn set_plan(&mut self, plan: Option<Plan>, title: String) {
        let same_arena = self.plan.as_ref().map(|p| p.arena) == plan.as_ref().map(|p| p.arena);
        let keep = self.selected();
        self.plan = plan;
        self.title = title;
        self.items = self.plan.as_ref().map(items_of).unwrap_or_default();
        self.cursor = match (same_arena, keep) {
            (true, Some(item)) => self
                .items
                .iter()
                .position(|i| *i == item)
                .unwrap_or(self.cursor.min(self.items.len().saturating_sub(1))),
            _ => 0,
        };
        if let Some(wanted) = self.after_reload.take() {
            self.select_last_of(wanted);
        }
    }

    /// Selects the newest line of the wanted kind: the last activity or criterion, the newest
    /// contact (which the pane lists first).
    fn select_last_of(&mut self, wanted: PlanItem) {
        let position = match wanted {
            PlanItem::Contact(_) => {
                let newest = self.plan.as_ref().and_then(|p| {
                    (0..p.contacts.len()).max_by_key(|&i| (p.contacts[i].on, p.contacts[i].id))
                });
                newest.and_then(|i| self.items.iter().position(|x| *x == PlanItem::Contact(i)))
            }
            other => self
                .items
                .iter()
                .rposition(|x| std::mem::discriminant(x) == std::mem::discriminant(&other)),
        };
        if let Some(i) = position {
            self.cursor = i;
        }
    }

    pub fn selected(&self) -> Option<PlanItem> {
        self.items.get(self.cursor).copied()
    }

    pub fn step(&self) -> Step {
        self.selected().map_or(Step::Proactivity, PlanItem::step)
    }

    pub fn move_cursor(&mut self, delta: isize) {
        let last = self.items.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }

    /// Jumps to the first line of the next or previous step.
    pub fn move_step(&mut self, forward: bool) {
        let steps = Step::ALL;
        let current = steps.iter().position(|s| *s == self.step()).unwrap_or(0);
        let target = if forward {
            (current + 1).min(steps.len() - 1)
        } else {
            current.saturating_sub(1)
        };
        if let Some(i) = self.items.iter().position(|i| i.step() == steps[target]) {
            self.cursor = i;
        }
    }

    /// Puts the cursor on an item, when it exists.
    pub fn select(&mut self, item: PlanItem) {
        if let Some(i) = self.items.iter().position(|x| *x == item) {
            self.cursor = i;
        }
    }
}

fn items_of(plan: &Plan) -> Vec<PlanItem> {
    let mut items = vec![PlanItem::Proactivity];
    // Newest contact first: the one a stand-up asks about.
    items.extend((0..plan.contacts.len()).rev().map(PlanItem::Contact));
    let mut section = |len: usize, step: Step, make: fn(usize) -> PlanItem| {
        if len == 0 {
            items.push(PlanItem::Empty(step));
        } else {
            items.extend((0..len).map(make));
        }
    };
    section(plan.needs.len(), Step::Development, PlanItem::Need);
    section(plan.criteria.len(), Step::Learning, PlanItem::Criterion);
    section(plan.activities.len(), Step::Service, PlanItem::Activity);
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use puls_store::{PlanActivity, Proactivity};

    fn plan(activities: usize) -> Plan {
        Plan {
            arena: 1,
            arena_version: 1,
            since: NaiveDate::default(),
            proactivity: Proactivity::default(),
            contacts: Vec::new(),
            needs: Vec::new(),
            criteria: Vec::new(),
            activities: (0..activities)
                .map(|i| PlanActivity {
                    id: i as i64,
                    text: format!("a{i}"),
                    owner: String::new(),
                    due: None,
                    status: puls_domain::puls::ActivityStatus::Todo,
                    blocked_reason: String::new(),
                    version: 1,
                })
                .collect(),
            entries: 0,
            drawn_up: None,
            restricted: false,
        }
    }

    #[test]
    fn an_empty_step_still_has_a_line_to_add_from() {
        let mut pane = PlanPane::default();
        pane.set_plan(Some(plan(0)), String::new());
        assert_eq!(
            pane.items,
            vec![
                PlanItem::Proactivity,
                PlanItem::Empty(Step::Development),
                PlanItem::Empty(Step::Learning),
                PlanItem::Empty(Step::Service)
            ]
        );
    }

    #[test]
    fn steps_are_jumped_between_and_the_cursor_survives_a_reload() {
        let mut pane = PlanPane::default();
        pane.set_plan(Some(plan(3)), String::new());
        pane.move_step(true);
        pane.move_step(true);
        pane.move_step(true);
        pane.move_cursor(2);
        assert_eq!(pane.selected(), Some(PlanItem::Activity(2)));
        pane.set_plan(Some(plan(3)), String::new());
        assert_eq!(pane.selected(), Some(PlanItem::Activity(2)));
        pane.move_step(false);
        assert_eq!(pane.step(), Step::Learning);
    }
}
