//! Running a stand-up: choosing the round, recording each turn's start, the clock and the quick
//! actions that keep the meeting moving.

use chrono::Duration;

use super::App;
use super::command::Command;
use super::form::Form;
use super::popup::{Popup, Prompt, PromptPurpose};
use super::standup::{Standup, StandupView, Timer};
use crate::messages;
use puls_domain::arena::Stage;
use puls_domain::puls::ActivityStatus;
use puls_store::StoreError;

/// How many changes a first stand-up shows, having no "last time" to count from.
const FIRST_CHANGES: usize = 8;
const MAX_CHANGES: usize = 200;

impl App {
    /// Starts a stand-up at `arena` (the board's selection when `None`), going on through the
    /// other open arenas of the same coordinator.
    pub fn open_standup(&mut self, arena: Option<i64>) {
        self.step(|app| app.on_open_standup(arena))
    }

    fn on_open_standup(&mut self, arena: Option<i64>) {
        let Some(first) = arena.or_else(|| self.board.selected().map(|c| c.id)) else {
            return self.info(messages::standup_no_arenas().to_owned());
        };
        let coordinator = self
            .board
            .all_cards()
            .iter()
            .find(|c| c.id == first)
            .and_then(|c| c.coordinator.clone());
        let mut arenas: Vec<i64> = self
            .board
            .all_cards()
            .iter()
            .filter(|c| c.id != first && coordinator.is_some() && c.coordinator == coordinator)
            .filter(|c| {
                matches!(
                    c.stage,
                    Stage::Commissioned | Stage::Staffing | Stage::Active | Stage::Returning
                )
            })
            .map(|c| c.id)
            .collect();
        arenas.insert(0, first);
        self.standup = Some(Box::new(Standup {
            arenas,
            index: 0,
            view: None,
            timer: None,
        }));
        self.start_turn();
    }

    /// The first arena with work going on: where a stand-up without a chosen arena begins.
    pub fn first_open_arena(&self) -> Option<i64> {
        self.board
            .all_cards()
            .iter()
            .find(|c| {
                matches!(
                    c.stage,
                    Stage::Active | Stage::Staffing | Stage::Commissioned | Stage::Returning
                )
            })
            .map(|c| c.id)
    }

    /// Records the turn's start and loads what happened since the last one.
    fn start_turn(&mut self) {
        let Some(id) = self
            .standup
            .as_ref()
            .and_then(|s| s.arenas.get(s.index).copied())
        else {
            return;
        };
        let result = self
            .store
            .start_standup(id)
            .and_then(|since| self.load_turn(id, since));
        match result {
            Ok(view) => {
                if let Some(standup) = &mut self.standup {
                    standup.view = Some(view);
                    standup.timer = None;
                }
            }
            Err(e) => self.fail(&e),
        }
    }

    fn load_turn(
        &self,
        id: i64,
        since: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Result<StandupView, StoreError> {
        let mut changes: Vec<_> = self
            .store
            .history(since, Some(id), MAX_CHANGES)?
            .into_iter()
            .filter(|row| row.action != "standup")
            .collect();
        if since.is_none() {
            changes = changes.split_off(changes.len().saturating_sub(FIRST_CHANGES));
        }
        let activity = self
            .standup
            .as_ref()
            .and_then(|s| {
                s.view
                    .as_ref()
                    .filter(|v| v.arena.id == id)
                    .map(|v| v.activity)
            })
            .unwrap_or(0);
        Ok(StandupView {
            arena: self.store.arena(id)?,
            plan: self.store.plan(id)?,
            team: self.store.arena_team(id)?,
            since,
            changes,
            activity,
        })
    }

    /// Reloads the current turn after a change, without counting a new stand-up.
    pub(super) fn refresh_turn(&mut self) -> Result<(), StoreError> {
        let Some((id, since)) = self
            .standup
            .as_ref()
            .and_then(|s| s.view.as_ref().map(|v| (v.arena.id, v.since)))
        else {
            return Ok(());
        };
        let view = self.load_turn(id, since)?;
        if let Some(standup) = &mut self.standup {
            standup.view = Some(view);
        }
        Ok(())
    }

    pub(super) fn run_standup(&mut self, command: Command) {
        let Some(standup) = &mut self.standup else {
            return;
        };
        match command {
            Command::NextArena | Command::PreviousArena => {
                let n = standup.arenas.len() as isize;
                let delta = if command == Command::NextArena { 1 } else { -1 };
                standup.index = (standup.index as isize + delta).rem_euclid(n) as usize;
                self.start_turn();
            }
            Command::Timer => {
                standup.timer = match standup.timer {
                    Some(_) => None,
                    None => {
                        let length =
                            Duration::minutes(i64::from(self.config.standup_minutes.max(1)));
                        Some(Timer {
                            started: self.store.now(),
                            length,
                            shown: length.num_seconds(),
                        })
                    }
                };
            }
            Command::RowUp | Command::RowDown => {
                if let Some(view) = &mut standup.view {
                    let last = view.plan.activities.len().saturating_sub(1);
                    let delta = if command == Command::RowUp { -1 } else { 1 };
                    view.activity = view.activity.saturating_add_signed(delta).min(last);
                }
            }
            Command::Done => self.standup_done(),
            Command::Block => {
                if let Some(a) = standup.view.as_ref().and_then(|v| v.selected_activity()) {
                    let purpose = PromptPurpose::Block {
                        activity: a.id,
                        version: a.version,
                    };
                    self.popup = Some(Popup::Prompt(Prompt::new(purpose, "")));
                }
            }
            Command::AddContact | Command::AddActivity => {
                let Some(view) = &standup.view else { return };
                let arena = view.arena.id;
                let form = if command == Command::AddContact {
                    let by = view
                        .plan
                        .proactivity
                        .lead
                        .clone()
                        .unwrap_or_else(|| self.who().to_owned());
                    Form::contact(arena, None, self.today(), &by)
                } else {
                    Form::activity(arena, None, "")
                };
                self.popup = Some(Popup::Form(Box::new(form)));
            }
            _ => {}
        }
    }

    fn standup_done(&mut self) {
        let selected = self
            .standup
            .as_ref()
            .and_then(|s| s.view.as_ref())
            .and_then(|v| v.selected_activity().map(|a| (a.id, a.version, v.arena.id)));
        let Some((id, version, arena)) = selected else {
            return;
        };
        let result = self
            .store
            .set_activity_status(id, version, ActivityStatus::Done, "")
            .map(|()| messages::plan_saved(arena));
        self.after_plan_change(result);
    }

    /// A stand-up clock is running: the event loop redraws it every second until it stops.
    pub fn animating(&self) -> bool {
        self.standup
            .as_ref()
            .and_then(|s| s.timer)
            .is_some_and(|t| t.left(self.store.now()) > 0)
    }

    /// A second passed: true when the clock shows another number.
    pub fn tick(&mut self) -> bool {
        self.step(|app| app.on_tick())
    }

    fn on_tick(&mut self) -> bool {
        let now = self.store.now();
        let Some(timer) = self.standup.as_mut().and_then(|s| s.timer.as_mut()) else {
            return false;
        };
        let left = timer.left(now);
        let moved = left != timer.shown;
        timer.shown = left;
        moved
    }
}
