//! Staffing the arenas: their needs, and the allocations that fill them, running and ended.

use chrono::Duration;

use super::municipality::{Allocation, DAY, GENERATOR, Municipality, Need, date_of};
use crate::domain::arena::Stage;

impl Municipality<'_> {
    /// Needs go to arenas past their signal; staffed ones have most of them filled.
    pub(super) fn plan_needs(&mut self) {
        let eligible = self.commissioned();
        if self.competences.is_empty() {
            return;
        }
        let total = self.size.needs_per_arena * self.arenas.len();
        let per_arena = self.spread(total, &eligible, &[]);
        for (arena, count) in per_arena.into_iter().enumerate() {
            let a = &self.arenas[arena];
            let planned = a.staffed.unwrap_or(a.stage_since).min(self.now) - 3_600;
            for _ in 0..count {
                let competence = self.rng.below(self.competences.len());
                let status = if self.rng.percent(70) {
                    "needed"
                } else {
                    "requested"
                };
                self.needs.push(Need {
                    arena,
                    competence,
                    status,
                    person: None,
                    at: planned,
                });
                let name = self.competences[competence].name.clone();
                let who = self.arenas[arena].coordinator.unwrap_or(GENERATOR);
                self.arena_event(arena, planned, who, "need", name);
            }
        }
    }

    /// Filled needs first, each with its allocation; then more allocations up to the total.
    pub(super) fn plan_allocations(&mut self) {
        let staffed: Vec<usize> = (0..self.arenas.len())
            .filter(|&i| self.arenas[i].staffed.is_some())
            .collect();
        if staffed.is_empty() || self.people.is_empty() {
            return;
        }
        for n in 0..self.needs.len() {
            if self.allocations.len() >= self.size.allocations {
                break;
            }
            let (arena, competence) = (self.needs[n].arena, self.needs[n].competence);
            let filled_share = match self.arenas[arena].stage {
                Stage::Staffing => 50,
                Stage::Active | Stage::Returning => 80,
                Stage::Closed => 90,
                _ => 0,
            };
            if !self.rng.percent(filled_share) {
                continue;
            }
            let person = match self.holders[competence].as_slice() {
                [] => self.rng.below(self.people.len()),
                holders => *self.rng.pick(holders),
            };
            let ended = self.allocate(arena, person, Some(competence));
            let need = &mut self.needs[n];
            need.person = Some(person);
            need.status = if ended { "released" } else { "filled" };
        }
        // Staffed arenas with no allocation yet get one each, so every Active arena has a team.
        let mut first = vec![true; self.arenas.len()];
        for a in &self.allocations {
            first[a.arena] = false;
        }
        let unstaffed: Vec<usize> = staffed.iter().copied().filter(|&a| first[a]).collect();
        let mut queue = unstaffed.into_iter();
        while self.allocations.len() < self.size.allocations {
            let arena = queue.next().unwrap_or_else(|| *self.rng.pick(&staffed));
            let competence = if self.rng.percent(90) && !self.competences.is_empty() {
                Some(self.rng.below(self.competences.len()))
            } else {
                None
            };
            let person = match competence.map(|c| self.holders[c].as_slice()) {
                Some(holders) if !holders.is_empty() => *self.rng.pick(holders),
                _ => self.rng.below(self.people.len()),
            };
            self.allocate(arena, person, competence);
        }
    }

    /// One allocation with its audit rows; true when it ended before today (and is not a closed
    /// arena's, which simply ended with the arena).
    fn allocate(&mut self, arena: usize, person: usize, competence: Option<usize>) -> bool {
        let a = &self.arenas[arena];
        let start = a.staffed.unwrap_or(a.signalled);
        // An Active arena's first member came before the move to Active.
        let until = a.active.or(a.closed).unwrap_or(self.now).max(start);
        let at = start + self.rng.between(0, ((until - start) / DAY).max(0)) * DAY / 2;
        let from = date_of(at);
        let yesterday = date_of(self.now - DAY);
        let (to, released) = match a.closed {
            Some(closed) => (Some(date_of(closed)), false),
            None if from < yesterday && self.rng.percent(15) => {
                let days = (yesterday - from).num_days();
                (Some(from + Duration::days(self.rng.between(0, days))), true)
            }
            None if self.rng.percent(10) => (
                Some(date_of(self.now + self.rng.between(30, 180) * DAY)),
                false,
            ),
            None => (None, false),
        };
        let percent = *self.rng.pick(&[5, 5, 10, 10, 10, 15, 20]);
        let who = a.coordinator.unwrap_or(GENERATOR);
        self.allocations.push(Allocation {
            person,
            arena,
            competence,
            percent,
            from,
            to,
            at,
        });
        let detail = format!("{}, {percent}%", self.people[person].name);
        self.arena_event(arena, at, who, "allocate", detail);
        if released {
            let name = self.people[person].name.clone();
            let end = to.map_or(self.now, |d| {
                d.and_hms_opt(16, 0, 0)
                    .unwrap_or_default()
                    .and_utc()
                    .timestamp()
            });
            self.arena_event(arena, end, who, "release", name);
        }
        released
    }
}
