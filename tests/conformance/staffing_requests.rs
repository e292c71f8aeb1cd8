//! Staffing through line managers: a request allocates nothing until the person's manager
//! approves; the manager declines with a reason; only that manager or an administrator
//! decides; the coordinator may withdraw; a commission allocates the coordinator's own time.

use chrono::NaiveDate;
use puls::domain::access::Role;
use puls::domain::request::{Approval, RequestStatus};
use puls::domain::roster::Level;
use puls::store::prelude::*;
use puls::store::{NewAllocation, PersonEdit, StoreError};

use crate::Fixture;
use crate::app::{decision, now};
use crate::support::{commissionable, signal};

fn day(month: u32, day: u32) -> NaiveDate {
    let year = if month >= 11 { 2026 } else { 2027 };
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// A database where `maja` coordinates arena 1, which needs a social worker, and Karin (whose
/// line manager is `olle`) is one. Returns the arena, Karin and the competence.
fn staffed<F: Fixture>(db: &F) -> (i64, i64, i64) {
    let mut store = db.session("maja", now());
    let competence = store
        .add_competence("Social worker", "Social services")
        .unwrap();
    let karin = store
        .add_person(&PersonEdit {
            name: "Karin".into(),
            unit: "Learning & family".into(),
            role: "Social worker".into(),
            contact: String::new(),
            capacity: 50,
            coordinator: false,
            competences: vec![("Social worker".into(), Level::Experienced)],
            manager: "olle".into(),
        })
        .unwrap();
    let arena = store
        .create_signal(&signal("Work for a young man"))
        .unwrap();
    store.add_need(arena.id, "Social worker", "").unwrap();
    (arena.id, karin, competence)
}

fn ask(store: &mut impl Backend, arena: i64, person: i64, competence: i64) -> i64 {
    store
        .request_staff(&NewAllocation {
            person_id: person,
            arena_id: arena,
            competence_id: Some(competence),
            percent: 20,
            from: day(11, 23),
            to: Some(day(3, 1)),
        })
        .unwrap()
}

fn actions(store: &impl Backend, arena: i64) -> Vec<String> {
    store
        .arena_history(arena, 50)
        .unwrap()
        .into_iter()
        .map(|row| row.action)
        .collect()
}

pub fn a_request_allocates_nothing_until_the_manager_approves_it<F: Fixture>() {
    // Given a coordinator's request for Karin
    let db = F::new();
    let (arena, karin, competence) = staffed(&db);
    let mut maja = db.session("maja", now());
    let id = ask(&mut maja, arena, karin, competence);
    assert!(maja.arena_team(arena).unwrap().is_empty());
    assert_eq!(maja.candidates(arena, competence).unwrap()[0].asked, 20);
    assert!(maja.requests_to_decide(false).unwrap().is_empty());

    // When her line manager approves it with another share
    let mut olle = db.session("olle", now());
    let waiting = olle.requests_to_decide(false).unwrap();
    assert_eq!(waiting.len(), 1);
    assert_eq!(
        (waiting[0].person.as_str(), waiting[0].percent),
        ("Karin", 20)
    );
    let approval = Approval {
        percent: 30,
        ..waiting[0].asked()
    };
    olle.approve_request(id, waiting[0].version, &approval)
        .unwrap();

    // Then she is allocated with the approved share, the need is filled and the history says so
    let team = olle.arena_team(arena).unwrap();
    assert_eq!((team[0].name.as_str(), team[0].percent), ("Karin", 30));
    assert_eq!(team[0].to, Some(day(3, 1)));
    let request = olle.staffing_request(id).unwrap();
    assert_eq!(request.status, RequestStatus::Approved);
    assert_eq!(request.decided_by.as_deref(), Some("olle"));
    assert!(olle.requests_to_decide(false).unwrap().is_empty());
    assert!(!olle.arena_needs(arena).unwrap()[0].status.is_gap());
    let history = actions(&olle, arena);
    for action in ["request", "allocate", "approve"] {
        assert!(
            history.iter().any(|a| a == action),
            "{action} in {history:?}"
        );
    }
}

pub fn a_declined_request_keeps_the_reason_and_allocates_nothing<F: Fixture>() {
    let db = F::new();
    let (arena, karin, competence) = staffed(&db);
    let id = ask(&mut db.session("maja", now()), arena, karin, competence);
    let mut olle = db.session("olle", now());

    assert!(matches!(
        olle.decline_request(id, 1, "  "),
        Err(StoreError::ReasonMissing)
    ));
    olle.decline_request(id, 1, "Karin is on leave in January")
        .unwrap();

    let request = olle.staffing_request(id).unwrap();
    assert_eq!(request.status, RequestStatus::Declined);
    assert_eq!(request.reason, "Karin is on leave in January");
    assert!(olle.arena_team(arena).unwrap().is_empty());
    assert_eq!(olle.candidates(arena, competence).unwrap()[0].asked, 0);
    assert!(actions(&olle, arena).iter().any(|a| a == "refuse"));
    assert!(matches!(
        olle.approve_request(id, 2, &request.asked()),
        Err(StoreError::RequestClosed {
            status: RequestStatus::Declined,
            ..
        })
    ));
}

pub fn only_the_line_manager_or_an_administrator_decides<F: Fixture>() {
    let db = F::new();
    let (arena, karin, competence) = staffed(&db);
    let mut maja = db.session("maja", now());
    maja.grant("maja", Role::Administrator).unwrap();
    let first = ask(&mut maja, arena, karin, competence);
    let second = ask(&mut maja, arena, karin, competence);

    // A colleague who is neither her manager nor an administrator is refused
    let mut per = db.session("per", now());
    let request = per.staffing_request(first).unwrap();
    assert!(matches!(
        per.approve_request(first, 1, &request.asked()),
        Err(StoreError::NotManager { .. })
    ));
    assert!(matches!(
        per.decline_request(first, 1, "no"),
        Err(StoreError::NotManager { .. })
    ));
    assert!(matches!(
        per.requests_to_decide(true),
        Err(StoreError::NotAdministrator(_))
    ));
    assert!(per.arena_team(arena).unwrap().is_empty());

    // An administrator sees every request and may decide one
    assert_eq!(maja.requests_to_decide(true).unwrap().len(), 2);
    maja.approve_request(second, 1, &request.asked()).unwrap();
    assert_eq!(maja.arena_team(arena).unwrap().len(), 1);
}

pub fn a_request_decided_over_an_unseen_change_is_refused<F: Fixture>() {
    let db = F::new();
    let (arena, karin, competence) = staffed(&db);
    let mut maja = db.session("maja", now());
    let id = ask(&mut maja, arena, karin, competence);
    let mut olle = db.session("olle", now());
    let seen = olle.staffing_request(id).unwrap();

    // The coordinator withdraws it after the manager read it
    maja.withdraw_request(id, seen.version).unwrap();

    match olle.approve_request(id, seen.version, &seen.asked()) {
        Err(StoreError::Changed { who, .. }) => assert_eq!(who, "maja"),
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert!(olle.arena_team(arena).unwrap().is_empty());
}

pub fn a_request_is_withdrawn_by_who_asked_and_nobody_else<F: Fixture>() {
    let db = F::new();
    let (arena, karin, competence) = staffed(&db);
    let mut maja = db.session("maja", now());
    let id = ask(&mut maja, arena, karin, competence);
    assert_eq!(maja.arena_requests(arena).unwrap().len(), 1);

    assert!(matches!(
        db.session("olle", now()).withdraw_request(id, 1),
        Err(StoreError::NotAsker { .. })
    ));
    maja.withdraw_request(id, 1).unwrap();

    assert_eq!(
        maja.staffing_request(id).unwrap().status,
        RequestStatus::Withdrawn
    );
    assert!(maja.arena_requests(arena).unwrap().is_empty());
    assert!(actions(&maja, arena).iter().any(|a| a == "withdraw"));
}

pub fn a_person_without_a_line_manager_cannot_be_requested<F: Fixture>() {
    let db = F::new();
    let (arena, _, competence) = staffed(&db);
    let mut maja = db.session("maja", now());
    let bo = maja
        .add_person(&PersonEdit {
            name: "Bo".into(),
            unit: String::new(),
            role: String::new(),
            contact: String::new(),
            capacity: 20,
            coordinator: false,
            competences: vec![],
            manager: String::new(),
        })
        .unwrap();
    let asked = maja.request_staff(&NewAllocation {
        person_id: bo,
        arena_id: arena,
        competence_id: Some(competence),
        percent: 20,
        from: day(11, 23),
        to: None,
    });
    assert!(matches!(asked, Err(StoreError::NoManager(name)) if name == "Bo"));
}

pub fn a_commission_allocates_the_coordinators_own_share<F: Fixture>() {
    // Given a signal ready to be commissioned with Eva as its coordinator
    let db = F::new();
    let mut store = db.session("anna", now());
    let arena = store.create_signal(&signal("Young man")).unwrap();
    let arena = store
        .edit_arena(
            arena.id,
            arena.version,
            &commissionable("Young man", "Eva Berg"),
        )
        .unwrap();

    // When the body decides with a fifth of her week
    let mut given = decision("Eva Berg");
    given.own_share = 20;
    store.commission(arena.id, arena.version, &given).unwrap();

    // Then her time is an allocation like anyone's, counted in her load
    let team = store.arena_team(arena.id).unwrap();
    assert_eq!(team.len(), 1);
    assert_eq!((team[0].name.as_str(), team[0].percent), ("Eva Berg", 20));
    assert_eq!(team[0].load.allocated, 20);
}
