//! The PULS program: proactivity, contacts, criteria and activities (moved from tests/store.rs).

use chrono::NaiveDate;
use puls::domain::knowledge::EntryKind;
use puls::domain::puls::{ActivityStatus, Gap, Mark, PlanSummary, Step};
use puls::domain::roster::NeedStatus;
use puls::store::prelude::*;
use puls::store::{ActivityEdit, ContactEdit, CriterionEdit, EntryEdit, Proactivity, StoreError};

use crate::Fixture;
use crate::app::{cards_counted_as_their_arenas, now};
use crate::roster::{allocate, person};
use crate::support::{commissionable, signal};

fn activity(text: &str) -> ActivityEdit {
    ActivityEdit {
        text: text.into(),
        owner: "Maja".into(),
        due: None,
    }
}

pub fn a_program_is_written_step_by_step_and_summarised<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", now());
    let a = store.create_signal(&signal("Newcomer needs work")).unwrap();
    let a = store
        .edit_arena(
            a.id,
            a.version,
            &commissionable("Newcomer needs work", "Maja"),
        )
        .unwrap();
    store
        .set_proactivity(
            a.id,
            a.version,
            &Proactivity {
                recipient: "LF-2026-014".into(),
                lead: Some("maja".into()),
                rhythm_days: Some(14),
            },
        )
        .unwrap();
    store
        .add_contact(
            a.id,
            &ContactEdit {
                on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
                channel: "phone".into(),
                summary: "Talked about the course".into(),
                by: "Maja".into(),
            },
        )
        .unwrap();
    let first = store
        .add_activity(a.id, &activity("Book the course"))
        .unwrap();
    store
        .add_activity(a.id, &activity("Find a placement"))
        .unwrap();
    store
        .set_activity_status(first, 1, ActivityStatus::Done, "")
        .unwrap();
    let plan = store.plan(a.id).unwrap();
    assert_eq!(plan.proactivity.lead.as_deref(), Some("Maja"));
    assert_eq!(plan.last_contact(), NaiveDate::from_ymd_opt(2026, 11, 20));
    let summary = plan.summary();
    assert_eq!(summary.mark(Step::Proactivity), Mark::Complete);
    assert_eq!(summary.mark(Step::Service), Mark::Partly { done: 1, of: 2 });
    assert_eq!(summary.gaps(Step::Learning), vec![Gap::NoCriteria]);
    assert_eq!(store.arena(a.id).unwrap().plan, summary);
    assert_eq!(store.board_cards(false).unwrap()[0].plan, summary);
}

pub fn activities_reorder_and_a_blocked_one_keeps_its_reason<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", now());
    let a = store.create_signal(&signal("One")).unwrap();
    let first = store.add_activity(a.id, &activity("First")).unwrap();
    store.add_activity(a.id, &activity("Second")).unwrap();
    assert!(store.move_activity(first, false).unwrap());
    assert!(!store.move_activity(first, false).unwrap(), "already last");
    let texts: Vec<String> = store
        .plan(a.id)
        .unwrap()
        .activities
        .into_iter()
        .map(|a| a.text)
        .collect();
    assert_eq!(texts, ["Second", "First"]);
    let version = store.plan(a.id).unwrap().activities[1].version;
    store
        .set_activity_status(
            first,
            version,
            ActivityStatus::Blocked,
            "waiting for a permit",
        )
        .unwrap();
    let blocked = store.plan(a.id).unwrap().activities[1].clone();
    assert_eq!(
        (blocked.status, blocked.blocked_reason.as_str()),
        (ActivityStatus::Blocked, "waiting for a permit")
    );
    store
        .set_activity_status(first, blocked.version, ActivityStatus::Done, "")
        .unwrap();
    assert_eq!(store.plan(a.id).unwrap().activities[1].blocked_reason, "");
}

pub fn a_stale_plan_row_is_refused_with_who_changed_it<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    let mut jonas = db.session("jonas", now());
    let a = maja.create_signal(&signal("One")).unwrap();
    let criterion = CriterionEdit {
        text: "He attends the course".into(),
        measure: "attendance".into(),
        target: "80%".into(),
        result: String::new(),
        no_result_reason: String::new(),
        met: None,
    };
    let id = maja.add_criterion(a.id, &criterion).unwrap();
    let with_result = CriterionEdit {
        result: "85%".into(),
        ..criterion.clone()
    };
    jonas.edit_criterion(id, 1, &with_result).unwrap();
    let err = maja.edit_criterion(id, 1, &criterion).err().unwrap();
    assert!(
        matches!(err, StoreError::Changed { ref who, .. } if who == "jonas"),
        "{err:?}"
    );
    assert_eq!(maja.plan(a.id).unwrap().criteria[0].result, "85%");
    maja.delete_criterion(id, 2).unwrap();
    assert!(matches!(
        jonas.delete_criterion(id, 2),
        Err(StoreError::Removed(_))
    ));
}

pub fn the_lead_must_be_on_the_roster<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", now());
    let a = store.create_signal(&signal("One")).unwrap();
    let p = Proactivity {
        recipient: "LF-1".into(),
        lead: Some("Nobody".into()),
        rhythm_days: None,
    };
    assert!(matches!(
        store.set_proactivity(a.id, a.version, &p),
        Err(StoreError::UnknownPerson(_))
    ));
    assert_eq!(store.plan(a.id).unwrap().proactivity.recipient, "");
}

fn criterion(text: &str, result: &str, no_result_reason: &str) -> CriterionEdit {
    CriterionEdit {
        text: text.into(),
        measure: "Count".into(),
        target: "1".into(),
        result: result.into(),
        no_result_reason: no_result_reason.into(),
        met: None,
    }
}

fn entry_about(arena: i64, title: &str) -> EntryEdit {
    EntryEdit {
        title: title.into(),
        kind: EntryKind::Lesson,
        arena: Some(arena),
        ..EntryEdit::default()
    }
}

/// The board counts every arena's team and plan with one aggregate per table; each card must
/// say what the arena itself says (`plan::SUMMARY_COLUMNS`), and what its records hold.
pub fn the_board_counts_each_arena_as_the_arena_does<F: Fixture>() {
    // Given an arena with needs filled, released and open, criteria resolved by a result, by a
    // reason or not at all, one activity of three done, two written entries and a draft, and a
    // team of one allocated twice beside an allocation ended and one not yet begun
    let db = F::new();
    let mut store = db.session("maja", now());
    let competence = store
        .add_competence("Social worker", "Social services")
        .unwrap();
    let one = store.create_signal(&signal("One")).unwrap().id;
    let two = store.create_signal(&signal("Two")).unwrap().id;
    let three = store.create_signal(&signal("Three")).unwrap().id;
    let karin = store.add_person(&person("Karin", 50, &[])).unwrap();
    let jonas = store.add_person(&person("Jonas", 50, &[])).unwrap();
    let lena = store.add_person(&person("Lena", 50, &[])).unwrap();
    for _ in 0..3 {
        store.add_need(one, "Social worker", "").unwrap();
    }
    allocate(&mut store, karin, one, Some(competence), 20, 1, None);
    allocate(&mut store, karin, one, None, 10, 1, None);
    let leaving = allocate(&mut store, jonas, one, Some(competence), 20, 1, None);
    store.release(leaving).unwrap();
    allocate(&mut store, lena, one, None, 20, 1, Some(22));
    allocate(&mut store, lena, one, None, 20, 24, None);
    allocate(&mut store, lena, two, None, 20, 1, None);
    for c in [
        criterion("Has work", "Yes", ""),
        criterion("Has a home", "", "Could not be measured"),
        criterion("Is in school", "", ""),
    ] {
        store.add_criterion(one, &c).unwrap();
    }
    let done = store.add_activity(one, &activity("Book")).unwrap();
    store.add_activity(one, &activity("Call")).unwrap();
    store.add_activity(one, &activity("Visit")).unwrap();
    store
        .set_activity_status(done, 1, ActivityStatus::Done, "")
        .unwrap();
    store.add_entry(&entry_about(one, "First lesson")).unwrap();
    store.add_entry(&entry_about(one, "Second lesson")).unwrap();
    store.add_draft_entry(&entry_about(one, "A draft")).unwrap();
    store.add_entry(&entry_about(two, "Elsewhere")).unwrap();

    // When the board is read
    let cards = store.board_cards(false).unwrap();

    // Then each card counts as its arena does
    for card in &cards {
        let arena = store.arena(card.id).unwrap();
        assert_eq!(
            (card.team, card.plan),
            (arena.team, arena.plan),
            "#{}",
            card.id
        );
    }
    // and as the records say
    let card = |id: i64| cards.iter().find(|c| c.id == id).unwrap();
    let p = card(one).plan;
    assert_eq!(card(one).team, 1, "Karin, once");
    assert_eq!(
        (p.needs_total, p.needs_filled),
        (2, 1),
        "the released need left out"
    );
    assert_eq!((p.criteria_total, p.criteria_resolved), (3, 2));
    assert_eq!((p.activities_total, p.activities_done), (3, 1));
    assert_eq!(p.entries, 2, "the draft is not written");
    assert_eq!((card(two).team, card(two).plan.entries), (1, 1));
    assert_eq!(
        (card(three).team, card(three).plan),
        (0, PlanSummary::default())
    );
}

/// PostgreSQL keeps the board's plan counts as the rows change (its migration 015), where
/// SQLite counts them at every read: after every kind of change to a need, a criterion, an
/// activity or an entry, each card must still say what its arena says.
pub fn the_board_counts_follow_every_change_to_a_plan<F: Fixture>() {
    // Given two arenas
    let db = F::new();
    let mut store = db.session("maja", now());
    store
        .add_competence("Social worker", "Social services")
        .unwrap();
    let one = store.create_signal(&signal("One")).unwrap().id;
    let two = store.create_signal(&signal("Two")).unwrap().id;
    let agree = |store: &F::Session, step: &str| -> PlanSummary {
        let cards = cards_counted_as_their_arenas(store, step);
        cards.iter().find(|c| c.id == one).unwrap().plan
    };

    // When needs are added, filled, released and deleted
    let needs: Vec<i64> = (0..3)
        .map(|_| store.add_need(one, "Social worker", "").unwrap())
        .collect();
    assert_eq!(agree(&store, "three needs").needs_total, 3);
    store
        .set_need_status(needs[0], 1, NeedStatus::Filled)
        .unwrap();
    store
        .set_need_status(needs[1], 1, NeedStatus::Released)
        .unwrap();
    let p = agree(&store, "a need filled and one released");
    assert_eq!((p.needs_total, p.needs_filled), (2, 1));
    store.delete_need(needs[2], 1).unwrap();
    let p = agree(&store, "a need deleted");
    assert_eq!((p.needs_total, p.needs_filled), (1, 1));

    // and criteria are added, given a result and deleted
    let met = store
        .add_criterion(one, &criterion("Has work", "", ""))
        .unwrap();
    let dropped = store
        .add_criterion(one, &criterion("Has a home", "", ""))
        .unwrap();
    assert_eq!(agree(&store, "two criteria").criteria_resolved, 0);
    store
        .edit_criterion(met, 1, &criterion("Has work", "Yes", ""))
        .unwrap();
    store.delete_criterion(dropped, 1).unwrap();
    let p = agree(&store, "a criterion resolved and one deleted");
    assert_eq!((p.criteria_total, p.criteria_resolved), (1, 1));

    // and activities are added, done and deleted
    let done = store.add_activity(one, &activity("Book")).unwrap();
    let gone = store.add_activity(one, &activity("Call")).unwrap();
    store.add_activity(one, &activity("Visit")).unwrap();
    store
        .set_activity_status(done, 1, ActivityStatus::Done, "")
        .unwrap();
    store.delete_activity(gone, 1).unwrap();
    let p = agree(&store, "an activity done and one deleted");
    assert_eq!((p.activities_total, p.activities_done), (2, 1));

    // and entries are written, drafted, published, moved and deleted
    let kept = store.add_entry(&entry_about(one, "Kept")).unwrap();
    let moved = store.add_entry(&entry_about(one, "Moved")).unwrap();
    let draft = store.add_draft_entry(&entry_about(one, "Draft")).unwrap();
    assert_eq!(agree(&store, "two entries and a draft").entries, 2);
    store
        .edit_entry(draft, 1, &entry_about(one, "Published"))
        .unwrap();
    store
        .edit_entry(moved, 1, &entry_about(two, "Moved"))
        .unwrap();
    store.delete_entry(kept, 1).unwrap();

    // Then each card counts as its arena, and as the records say
    let p = agree(&store, "an entry published, one moved and one deleted");
    assert_eq!(p.entries, 1, "the published draft");
    let cards = store.board_cards(false).unwrap();
    let two = cards.iter().find(|c| c.id == two).unwrap();
    assert_eq!(two.plan.entries, 1, "the moved entry");
}
