//! The competence roster: loads, needs and gaps, candidates, people (moved from tests/store.rs).

use chrono::NaiveDate;
use puls::domain::roster::{Level, NeedStatus};
use puls::store::prelude::*;
use puls::store::{NewAllocation, PersonEdit, PersonRow, StoreError};

use crate::Fixture;
use crate::app::now;
use crate::support::{audit_count, signal};

/// A person of `capacity` in the unit "Learning & family", holding `competences`.
pub fn person(name: &str, capacity: u32, competences: &[(&str, Level)]) -> PersonEdit {
    PersonEdit {
        name: name.into(),
        unit: "Learning & family".into(),
        role: "Social worker".into(),
        contact: String::new(),
        capacity,
        coordinator: false,
        competences: competences
            .iter()
            .map(|(c, l)| ((*c).to_owned(), *l))
            .collect(),
        manager: String::new(),
    }
}

/// Allocates `person` to `arena` from one day of November 2026 to another (`None`: on).
pub fn allocate(
    store: &mut impl Backend,
    person: i64,
    arena: i64,
    competence: Option<i64>,
    percent: u32,
    from: u32,
    to: Option<u32>,
) -> i64 {
    store
        .allocate(&NewAllocation {
            person_id: person,
            arena_id: arena,
            competence_id: competence,
            percent,
            from: NaiveDate::from_ymd_opt(2026, 11, from).unwrap(),
            to: to.map(|d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap()),
        })
        .unwrap()
}

pub fn load_counts_only_allocations_running_today<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", now());
    store
        .add_competence("Social worker", "Social services")
        .unwrap();
    let karin = store
        .add_person(&person(
            "Karin",
            30,
            &[("Social worker", Level::Experienced)],
        ))
        .unwrap();
    let a = store.create_signal(&signal("One")).unwrap();
    let b = store.create_signal(&signal("Two")).unwrap();
    allocate(&mut store, karin, a.id, None, 20, 1, None);
    allocate(&mut store, karin, b.id, None, 20, 1, Some(30));
    allocate(&mut store, karin, b.id, None, 50, 1, Some(22));
    allocate(&mut store, karin, b.id, None, 50, 24, None);
    let row = store.person(karin).unwrap();
    assert_eq!((row.load.allocated, row.load.capacity), (40, 30));
    assert!(row.load.is_over());
    assert_eq!(row.arenas, vec![(a.id, 20), (b.id, 20)]);
}

pub fn an_allocation_fills_the_first_open_need_and_a_gap_lists_the_arena<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", now());
    let nurse = store.add_competence("School nurse", "Health").unwrap();
    let nora = store
        .add_person(&person("Nora", 20, &[("School nurse", Level::Experienced)]))
        .unwrap();
    let a = store.create_signal(&signal("Boy falling behind")).unwrap();
    store
        .add_need(a.id, "school NURSE", "health at school")
        .unwrap();
    store
        .add_need(a.id, "School nurse", "a second one")
        .unwrap();
    let gaps = &store.roster_competences().unwrap()[0].gaps;
    assert_eq!(
        gaps,
        &vec![(a.id, a.title.clone()), (a.id, a.title.clone())]
    );
    allocate(&mut store, nora, a.id, Some(nurse), 10, 1, None);
    let needs = store.arena_needs(a.id).unwrap();
    assert_eq!(needs[0].status, NeedStatus::Filled);
    assert_eq!(needs[0].person.as_deref(), Some("Nora"));
    assert_eq!(needs[1].status, NeedStatus::Needed);
    assert_eq!(store.board_cards(false).unwrap()[0].gaps(), 1);
    assert_eq!(store.board_cards(false).unwrap()[0].team, 1);
    assert_eq!(store.arena(a.id).unwrap().team, 1);
}

pub fn candidates_come_best_fit_first_and_inactive_people_never<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", now());
    let teacher = store
        .add_competence("Special-needs teacher", "Education")
        .unwrap();
    let held = [("Special-needs teacher", Level::Experienced)];
    let busy = store.add_person(&person("Busy Expert", 20, &held)).unwrap();
    store.add_person(&person("Free Expert", 20, &held)).unwrap();
    store
        .add_person(&person(
            "Novice",
            50,
            &[("Special-needs teacher", Level::Aware)],
        ))
        .unwrap();
    let gone = store.add_person(&person("Gone Expert", 50, &held)).unwrap();
    let version = store.person(gone).unwrap().version;
    store.set_person_active(gone, version, false).unwrap();
    let a = store.create_signal(&signal("Boy falling behind")).unwrap();
    let b = store.create_signal(&signal("Other")).unwrap();
    allocate(&mut store, busy, b.id, None, 15, 1, None);
    let names: Vec<String> = store
        .candidates(a.id, teacher)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["Free Expert", "Busy Expert", "Novice"]);
}

pub fn a_person_with_allocations_can_only_be_deactivated<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", now());
    let karin = store.add_person(&person("Karin", 30, &[])).unwrap();
    let a = store.create_signal(&signal("One")).unwrap();
    allocate(&mut store, karin, a.id, None, 10, 1, None);
    let version = store.person(karin).unwrap().version;
    assert!(matches!(
        store.delete_person(karin, version),
        Err(StoreError::PersonHasAllocations(_))
    ));
    store.set_person_active(karin, version, false).unwrap();
    assert!(!store.person(karin).unwrap().active);
    let lone = store.add_person(&person("Lone", 30, &[])).unwrap();
    store.delete_person(lone, 1).unwrap();
    assert!(matches!(
        store.person(lone),
        Err(StoreError::PersonNotFound(_))
    ));
    let actions: Vec<String> = store
        .history(None, None, usize::MAX)
        .unwrap()
        .into_iter()
        .filter(|row| row.entity == "person")
        .map(|row| row.action)
        .collect();
    assert_eq!(actions, ["create", "deactivate", "create", "delete"]);
}

pub fn an_unknown_competence_is_refused_and_nothing_is_written<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", now());
    let err = store
        .add_person(&person("Karin", 30, &[("Astronaut", Level::Teaches)]))
        .err()
        .unwrap();
    assert!(
        matches!(err, StoreError::UnknownCompetence(ref c) if c == "Astronaut"),
        "{err:?}"
    );
    assert!(store.roster_people().unwrap().is_empty());
    assert_eq!(audit_count(&store), 0);
}

pub fn releasing_a_member_ends_the_allocation_and_releases_the_need<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", now());
    let nurse = store.add_competence("School nurse", "Health").unwrap();
    let nora = store
        .add_person(&person("Nora", 20, &[("School nurse", Level::Experienced)]))
        .unwrap();
    let a = store.create_signal(&signal("Boy falling behind")).unwrap();
    store.add_need(a.id, "School nurse", "").unwrap();
    allocate(&mut store, nora, a.id, Some(nurse), 10, 1, None);
    let member = store.arena_team(a.id).unwrap().remove(0);
    store.release(member.allocation_id).unwrap();
    assert!(store.arena_team(a.id).unwrap().is_empty());
    assert_eq!(
        store.arena_needs(a.id).unwrap()[0].status,
        NeedStatus::Released
    );
    assert_eq!(store.person(nora).unwrap().load.allocated, 0);
}

/// A roster of thousands names a few hundred competences: each name is held once, shared by
/// its holders, so a server's hundred screens do not each keep a copy a holder.
pub fn the_roster_holds_each_competence_name_once_for_all_its_holders<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", now());
    store
        .add_competence("Social worker", "Social services")
        .unwrap();
    for name in ["Karin", "Jonas"] {
        store
            .add_person(&person(name, 40, &[("Social worker", Level::Experienced)]))
            .unwrap();
    }
    let people = store.roster_people().unwrap();
    let names: Vec<_> = people.iter().map(|p| &p.competences[0].0).collect();
    assert_eq!(&**names[0], "Social worker");
    assert!(std::sync::Arc::ptr_eq(names[0], names[1]));
}

/// The glance a screen keeps instead of every person counts as the people do: the active, and
/// those of them whose allocations running today pass their capacity.
pub fn the_glance_counts_the_active_and_those_over_capacity_today<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", now());
    let karin = store.add_person(&person("Karin", 30, &[])).unwrap();
    store.add_person(&person("Jonas", 30, &[])).unwrap();
    let left = store.add_person(&person("Lena", 30, &[])).unwrap();
    let version = store.person(left).unwrap().version;
    store.set_person_active(left, version, false).unwrap();
    let a = store.create_signal(&signal("One")).unwrap();
    allocate(&mut store, karin, a.id, None, 40, 1, None);
    // Ended before today: not counted.
    allocate(&mut store, karin, a.id, None, 50, 1, Some(2));
    let people = store.roster_people().unwrap();
    let count = |over: bool| {
        let n = people
            .iter()
            .filter(|p| p.active && (!over || p.load.is_over()))
            .count();
        u32::try_from(n).unwrap()
    };
    let glance = store.roster_glance().unwrap();
    assert_eq!((glance.active, glance.over), (count(false), count(true)));
    assert_eq!((glance.active, glance.over), (2, 1));
}

/// The glance and the competence view, which count people without listing them, must count
/// what each person's `Load` says at the edges: exactly full, one over, an allocation ended or
/// not yet begun, someone inactive.
pub fn the_roster_counts_agree_with_each_persons_load<F: Fixture>() {
    // Given people of capacity 50 on both sides of full, each holding the competence
    let db = F::new();
    let mut store = db.session("maja", now());
    store
        .add_competence("Social worker", "Social services")
        .unwrap();
    // and a retired competence, which the catalogue no longer offers
    let retired = store.add_competence("Telex operator", "Archive").unwrap();
    store.set_competence_active(retired, false).unwrap();
    let a = store.create_signal(&signal("One")).unwrap().id;
    let b = store.create_signal(&signal("Two")).unwrap().id;
    let add = |store: &mut F::Session, name: &str, level: Level| {
        store
            .add_person(&person(name, 50, &[("Social worker", level)]))
            .unwrap()
    };
    add(&mut store, "Free", Level::Aware);
    let nearly = add(&mut store, "Nearly", Level::Practising);
    let full = add(&mut store, "Full", Level::Experienced);
    let over = add(&mut store, "Over", Level::Teaches);
    let later = add(&mut store, "Later", Level::Practising);
    let ended = add(&mut store, "Ended", Level::Aware);
    let tired = add(&mut store, "Tired", Level::Teaches);
    allocate(&mut store, nearly, a, None, 49, 1, None);
    allocate(&mut store, full, a, None, 50, 1, None);
    allocate(&mut store, over, a, None, 30, 1, None);
    allocate(&mut store, over, b, None, 21, 1, Some(23));
    allocate(&mut store, later, a, None, 60, 24, None);
    allocate(&mut store, ended, a, None, 60, 1, Some(22));
    allocate(&mut store, tired, a, None, 60, 1, None);
    let version = store.person(tired).unwrap().version;
    store.set_person_active(tired, version, false).unwrap();

    // When the roster is read as a glance, as competences, as both for a reload, and person
    // by person
    let glance = store.roster_glance().unwrap();
    let competences = store.roster_competences().unwrap();
    let competence = &competences[0];
    let overview = store.roster_overview().unwrap();
    let people = store.roster_people().unwrap();

    // Then the counts are those of each person's Load
    let count = |keep: &dyn Fn(&PersonRow) -> bool| {
        u32::try_from(people.iter().filter(|p| keep(p)).count()).unwrap()
    };
    assert_eq!(
        (glance.active, glance.over),
        (
            count(&|p| p.active),
            count(&|p| p.active && p.load.is_over())
        )
    );
    assert_eq!(
        competence.with_free,
        count(&|p| p.active && p.load.free() > 0)
    );
    let by_level = Level::ALL.map(|level| count(&|p| p.competences[0].1 == level));
    assert_eq!(competence.by_level, by_level);
    assert_eq!(overview, (competences.clone(), glance));
    // and what they are: the inactive one neither active, over nor free, but a holder; the
    // catalogue offers one competence, as the competence view lists it before a search
    assert_eq!((glance.active, glance.over, glance.competences), (6, 1, 1));
    assert_eq!(competence.with_free, 4, "Free, Nearly, Later and Ended");
    assert_eq!(competence.by_level, [2, 2, 1, 2]);
}

/// What following the board reads at every step, in one round trip on a server, is the plan
/// and the team as each is read alone.
pub fn the_plan_and_team_read_together_are_those_read_alone<F: Fixture>() {
    // Given an arena with a need filled, a member who has ended and one who is still on
    let db = F::new();
    let mut store = db.session("maja", now());
    let nurse = store.add_competence("School nurse", "Health").unwrap();
    let nora = store
        .add_person(&person("Nora", 20, &[("School nurse", Level::Experienced)]))
        .unwrap();
    let olle = store.add_person(&person("Olle", 40, &[])).unwrap();
    let a = store.create_signal(&signal("Boy falling behind")).unwrap();
    store
        .add_need(a.id, "School nurse", "health at school")
        .unwrap();
    allocate(&mut store, nora, a.id, Some(nurse), 10, 1, None);
    allocate(&mut store, olle, a.id, None, 30, 1, Some(2));

    // When the plan and team are read together
    let (plan, team) = store.plan_and_team(a.id).unwrap();

    // Then they are what each reads alone: Nora on the team, the need filled by her
    assert_eq!(plan, store.plan(a.id).unwrap());
    assert_eq!(team, store.arena_team(a.id).unwrap());
    assert_eq!(
        team.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(),
        ["Nora"]
    );
    assert_eq!(plan.needs[0].person.as_deref(), Some("Nora"));
}
