//! The roster of the municipality: its units, competences and people, and who holds what.

use super::municipality::{Competence, DAY, GENERATOR, Member, Municipality, Person, Unit};
use super::words::*;

/// An e-mail address as municipalities spell them: no å, ä, ö or accents.
fn email(name: &str) -> String {
    let folded: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'č' | 'ć' => 'c',
            ' ' => '.',
            c => c,
        })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect();
    format!("{folded}@kommun.example")
}

impl Municipality<'_> {
    /// `name` as this municipality's own: as drawn alone, with the municipality's in a region.
    fn local(&self, name: String) -> String {
        match self.member {
            Member::First => name,
            Member::Other { name: place, .. } => format!("{name} ({place})"),
        }
    }

    pub(super) fn plan_units(&mut self) {
        let partners = PARTNERS.len().min(self.size.units / 4);
        let mut internal: Vec<String> = UNIT_SERVICES
            .iter()
            .flat_map(|s| PLACES.iter().map(move |p| format!("{s} {p}")))
            .collect();
        self.rng.shuffle(&mut internal);
        let mut external: Vec<&str> = PARTNERS.to_vec();
        self.rng.shuffle(&mut external);
        let start = self.now - 1_100 * DAY;
        for i in 0..self.size.units {
            let (name, is_external) = match external.get(i).filter(|_| i < partners) {
                Some(partner) => ((*partner).to_owned(), true),
                None => {
                    let k = i - partners;
                    let name = internal[k % internal.len()].clone();
                    match k / internal.len() {
                        0 => (name, false),
                        round => (format!("{name} {}", round + 1), false),
                    }
                }
            };
            let name = self.local(name);
            self.units.push(Unit {
                name: name.clone(),
                external: is_external,
            });
            self.event(start + i as i64 * 60, GENERATOR, "unit", i, "create", name);
        }
    }

    pub(super) fn plan_competences(&mut self) {
        if let Member::Other { catalogue, .. } = self.member {
            self.competences = catalogue.to_vec();
            self.holders = vec![Vec::new(); self.competences.len()];
            return;
        }
        let mut names: Vec<(String, &'static str)> = PROFESSIONS
            .iter()
            .flat_map(|(p, c)| FOCUSES.iter().map(move |f| (format!("{p} – {f}"), *c)))
            .collect();
        self.rng.shuffle(&mut names);
        let start = self.now - 1_090 * DAY;
        for i in 0..self.size.competences {
            let (name, category) = &names[i % names.len()];
            let name = match i / names.len() {
                0 => name.clone(),
                round => format!("{name} {}", round + 1),
            };
            self.competences.push(Competence {
                name: name.clone(),
                category,
            });
            self.event(
                start + i as i64 * 60,
                GENERATOR,
                "competence",
                i,
                "create",
                name,
            );
        }
        self.holders = vec![Vec::new(); self.competences.len()];
    }

    pub(super) fn plan_people(&mut self) {
        let mut pairs: Vec<(usize, usize)> = (0..FIRST_NAMES.len())
            .flat_map(|f| (0..SURNAMES.len()).map(move |s| (f, s)))
            .collect();
        self.rng.shuffle(&mut pairs);
        for i in 0..self.size.people {
            let (f, s) = pairs[i % pairs.len()];
            let name = self.local(match i / pairs.len() {
                0 => format!("{} {}", FIRST_NAMES[f], SURNAMES[s]),
                round => format!("{} {} {}", FIRST_NAMES[f], SURNAMES[s], round + 1),
            });
            let contact = if self.rng.percent(60) {
                email(&name)
            } else {
                format!(
                    "070-{:03} {:02} {:02}",
                    self.rng.below(1000),
                    self.rng.below(100),
                    self.rng.below(100)
                )
            };
            let role = *self.rng.pick(ROLES);
            let coordinator = role == "Arena coordinator" || self.rng.percent(3);
            let created = self.now - self.rng.between(420, 1_080) * DAY;
            let holdings = self.pick_holdings(i);
            let person = Person {
                name: name.clone(),
                unit: self.rng.below(self.units.len()),
                role,
                contact,
                capacity: *self.rng.pick(&[10, 20, 20, 25, 30, 30, 40, 50, 60]),
                coordinator,
                active: self.rng.percent(97),
                created,
                holdings,
                version: 1,
                updated: (created, GENERATOR),
            };
            if coordinator && person.active {
                self.coordinators.push(i);
            }
            self.people.push(person);
            self.event(created, GENERATOR, "person", i, "create", name);
        }
        if self.coordinators.is_empty() && !self.people.is_empty() {
            self.people[0].coordinator = true;
            self.people[0].active = true;
            self.coordinators.push(0);
        }
    }

    /// Up to five competences, the common ones more often, each once.
    fn pick_holdings(&mut self, person: usize) -> Vec<(usize, u8)> {
        let n = self.competences.len();
        if n == 0 {
            return Vec::new();
        }
        let count = self.rng.weighted(&[5, 20, 30, 25, 12, 8]);
        let common = n.min(60);
        let mut held: Vec<(usize, u8)> = Vec::new();
        for _ in 0..count {
            let c = if self.rng.percent(50) {
                self.rng.below(common)
            } else {
                self.rng.below(n)
            };
            if held.iter().all(|(h, _)| *h != c) {
                let level = 1 + self.rng.weighted(&[20, 40, 30, 10]) as u8;
                held.push((c, level));
                self.holders[c].push(person);
            }
        }
        held
    }
}
