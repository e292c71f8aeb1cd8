//! The demo municipality on any backend, and writes about arenas that are not there (moved from
//! tests/store.rs).

use chrono::NaiveDate;
use puls::domain::arena::Stage;
use puls::domain::puls::Gap;
use puls::store::prelude::*;
use puls::store::{RosterAnswer, RosterRead, StoreError};

use crate::Fixture;
use crate::app::now;
use crate::support::{audit_count, demo_db};

pub fn the_demo_fills_every_stage_and_every_mission<F: Fixture>() {
    let db = demo_db::<F>();
    let store = db.session("maja", now());
    let cards = store.board_cards(true).unwrap();
    assert!(cards.len() >= 13, "{}", cards.len());
    for stage in Stage::FLOW.into_iter().chain([Stage::Declined]) {
        assert!(
            cards.iter().any(|c| c.stage == stage),
            "no arena in {stage:?}"
        );
    }
    for mission in ["LF", "HC", "CD"] {
        assert!(
            cards.iter().any(|c| c.mission == mission),
            "no arena in {mission}"
        );
    }
    assert_eq!(
        store.meta(puls::demo::DEMO_MARK).unwrap().as_deref(),
        Some("1")
    );
}

pub fn returning_is_refused_until_every_criterion_has_a_result_or_reason<F: Fixture>() {
    let db = demo_db::<F>();
    let mut store = db.session("maja", now());
    let active = store
        .board_cards(false)
        .unwrap()
        .into_iter()
        .find(|c| c.id == 1)
        .unwrap();
    assert_eq!(active.stage, Stage::Active);
    let arena = store.arena(1).unwrap();
    let err = store
        .move_arena(1, arena.version, Stage::Returning)
        .err()
        .unwrap();
    assert!(
        matches!(&err, StoreError::Refused(r) if r == &vec![puls::domain::arena::Refusal::Plan(Gap::CriteriaWithoutResult(3))]),
        "{err:?}"
    );
}

pub fn a_write_about_an_arena_that_does_not_exist_writes_nothing<F: Fixture>() {
    use puls::store::{ActivityEdit, ContactEdit, CriterionEdit};
    // Given the demo, and a number no arena has
    let db = demo_db::<F>();
    let mut store = db.session("maja", now());
    let missing = 99_999;
    let before = audit_count(&store);

    // When every write that names an arena is asked about that number
    let contact = ContactEdit {
        on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        channel: "phone".into(),
        summary: "Spoke with the family".into(),
        by: "maja".into(),
    };
    let criterion = CriterionEdit {
        text: "Attendance".into(),
        measure: "days".into(),
        target: "90%".into(),
        result: String::new(),
        no_result_reason: String::new(),
        met: None,
    };
    let activity = ActivityEdit {
        text: "Meet the school".into(),
        owner: "maja".into(),
        due: None,
    };
    let attempts: Vec<(&str, bool)> = vec![
        ("start_standup", store.start_standup(missing).is_err()),
        (
            "record_personal_data",
            store
                .record_personal_data(missing, "need", "personal identity number")
                .is_err(),
        ),
        (
            "add_need",
            store.add_need(missing, "School nurse", "x").is_err(),
        ),
        ("add_contact", store.add_contact(missing, &contact).is_err()),
        (
            "add_criterion",
            store.add_criterion(missing, &criterion).is_err(),
        ),
        (
            "add_activity",
            store.add_activity(missing, &activity).is_err(),
        ),
        ("open_restricted", store.open_restricted(missing).is_err()),
    ];

    // Then each is refused, and not one row of history was written
    for (write, refused) in attempts {
        assert!(refused, "{write} accepted arena #{missing}");
    }
    assert_eq!(audit_count(&store), before);
}

pub fn a_refused_stand_up_leaves_since_last_as_it_was<F: Fixture>() {
    // Given an arena whose stand-up was held once
    let db = demo_db::<F>();
    let mut store = db.session("maja", now());
    let id = store.board_cards(false).unwrap()[0].id;
    let first = store.start_standup(id).unwrap();

    // When a stand-up about a missing arena is refused
    assert!(matches!(
        store.start_standup(99_999),
        Err(StoreError::ArenaNotFound(99_999))
    ));

    // Then the next stand-up about the arena still counts from the one held
    let since = store.start_standup(id).unwrap();
    assert!(
        since.is_some(),
        "the held stand-up was forgotten ({first:?})"
    );
}

/// Each row of an arena's history names the person who did it: the signaller, the manager who
/// proposed the coordinator, the director recording the body's decision, the coordinator; the
/// account that filled the demo does none of it, and writes as itself again afterwards.
pub fn each_history_row_names_the_person_who_did_it<F: Fixture>() {
    let db = F::new();
    let clock = std::sync::Arc::new(puls::domain::clock::ManualClock::new(now()));
    let mut store = db.session_on("maja", clock.clone());
    puls::demo::fill_store(&mut store, &clock, now()).unwrap();
    let family = store
        .board_cards(true)
        .unwrap()
        .into_iter()
        .find(|c| c.title == "A family stuck between a plot and a detailed plan")
        .unwrap();
    let rows = store.arena_history(family.id, 500).unwrap();
    let by = |action: &str| {
        rows.iter()
            .find(|r| r.action == action)
            .map(|r| r.who.as_str())
            .unwrap()
    };
    assert_eq!(by("signal"), "anders");
    assert_eq!(by("decision"), "tomas");
    assert_eq!(by("proactivity"), "sofia");
    assert_eq!(by("allocate"), "sofia");
    assert!(rows.iter().all(|r| r.who != "maja"), "{rows:#?}");
    // The store it was given writes as its own account again.
    let id = store
        .add_competence("Sign language", "Communication")
        .unwrap();
    let rows = store.history(None, None, 100_000).unwrap();
    let added = rows
        .iter()
        .find(|r| r.entity == "competence" && r.entity_id == id)
        .unwrap();
    assert_eq!(added.who, "maja");
}

/// A screen's reload, asked at once (side by side on a server), reads what each of its readings
/// reads alone, whatever it reads of the roster.
pub fn a_reload_reads_what_each_reading_reads_alone<F: Fixture>() {
    // Given the demo, read by the line manager who has a staffing request to decide
    let db = demo_db::<F>();
    let store = db.session("anders", now());
    let requests = store.requests_to_decide(false).unwrap();
    assert_eq!(requests.len(), 1, "the demo's request for an inspector");
    let review_dates = store.review_dates().unwrap();
    assert!(!review_dates.is_empty(), "the demo's running arenas");

    for declined in [false, true] {
        // When the screen reloads, reading as much of the roster as each view needs
        let reads = [
            RosterRead::Glance,
            RosterRead::Competences,
            RosterRead::People,
        ]
        .map(|roster| store.reload(declined, roster).unwrap());

        // Then each part is what its own reading answers
        for read in &reads {
            assert_eq!(read.cards, store.board_cards(declined).unwrap());
            assert_eq!(read.requests, requests);
            assert_eq!(read.review_dates, review_dates);
        }
        let [glance, competences, people] = reads.map(|read| read.roster);
        assert_eq!(glance, RosterAnswer::Glance(store.roster_glance().unwrap()));
        let (rows, overview) = store.roster_overview().unwrap();
        assert_eq!(competences, RosterAnswer::Competences(rows, overview));
        assert_eq!(
            people,
            RosterAnswer::People(
                store.roster_competences().unwrap(),
                store.roster_people().unwrap()
            )
        );
    }
}
