//! Citizen data in the store (moved from tests/citizen.rs): drawn-up arenas locked and reopened
//! as new versions, restricted records opened only by the coordinator and the communication lead
//! (every opening logged), roles given by administrators, and retention on a fixed clock.

use std::sync::Arc;

use chrono::{Duration, NaiveDate};
use puls::domain::access::Role;
use puls::domain::arena::Stage;
use puls::domain::clock::ManualClock;
use puls::domain::retention::{RetentionKind, RetentionRule, default_rules};
use puls::store::prelude::*;
use puls::store::{ContactEdit, CriterionEdit, RestrictedEdit, StoreError};

use crate::Fixture;
use crate::app::now;

/// The demo municipality, opened as the OS account `account`, on a clock the test moves.
struct Town<F: Fixture> {
    db: F,
    clock: Arc<ManualClock>,
}

impl<F: Fixture> Town<F> {
    fn demo() -> Town<F> {
        let db = F::new();
        let clock = Arc::new(ManualClock::new(now()));
        let mut store = db.session_on("demo", clock.clone());
        puls::demo::fill_store(&mut store, &clock, now()).unwrap();
        Town { db, clock }
    }

    fn open(&self, account: &str) -> F::Session {
        self.db.session_on(account, self.clock.clone())
    }

    /// The demo's closed "Summer jobs" arena, coordinated by Maja Lindqvist.
    fn closed_arena(&self) -> i64 {
        let store = self.open("demo");
        let card = store
            .board_cards(false)
            .unwrap()
            .into_iter()
            .find(|c| {
                c.stage == Stage::Closed && c.coordinator.as_deref() == Some("Maja Lindqvist")
            })
            .unwrap();
        card.id
    }

    /// An administrator `admin` who has linked `account` to the roster person `person`.
    fn link(&self, account: &str, person: &str) {
        let mut admin = self.open("admin");
        admin.link_account(account, person).unwrap();
    }
}

fn contact(summary: &str) -> ContactEdit {
    ContactEdit {
        on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        channel: "phone".into(),
        summary: summary.into(),
        by: "Maja Lindqvist".into(),
    }
}

fn assert_drawn_up<T: std::fmt::Debug>(result: Result<T, StoreError>, arena: i64) {
    match result {
        Err(StoreError::DrawnUp { arena: a, by, .. }) => {
            assert_eq!(a, arena);
            assert_eq!(by, "maja", "its coordinator closed it");
        }
        other => panic!("expected a drawn-up refusal, got {other:?}"),
    }
}

pub fn a_closed_arena_refuses_every_write_to_its_program_evaluation_and_entries<F: Fixture>() {
    let town = Town::<F>::demo();
    let id = town.closed_arena();
    let mut store = town.open("maja");
    let plan = store.plan(id).unwrap();
    let closed = plan.drawn_up.clone().expect("a closed arena is drawn up");
    assert_eq!(closed.by, "maja", "its coordinator");

    assert_drawn_up(store.add_contact(id, &contact("Called the family")), id);
    let c = &plan.contacts[0];
    assert_drawn_up(store.edit_contact(c.id, c.version, &contact("x")), id);
    assert_drawn_up(store.delete_contact(c.id, c.version), id);
    let k = &plan.criteria[0];
    let edit = CriterionEdit {
        text: k.text.clone(),
        measure: k.measure.clone(),
        target: k.target.clone(),
        result: "Rewritten".into(),
        no_result_reason: String::new(),
        met: Some(false),
    };
    assert_drawn_up(store.edit_criterion(k.id, k.version, &edit), id);
    let a = &plan.activities[0];
    assert_drawn_up(
        store.set_activity_status(
            a.id,
            a.version,
            puls::domain::puls::ActivityStatus::Todo,
            "",
        ),
        id,
    );
    assert_drawn_up(store.move_activity(a.id, false), id);
    let n = &plan.needs[0];
    assert_drawn_up(store.set_need_reason(n.id, n.version, "x"), id);
    let entry = store.arena_entries(id, 1).unwrap()[0].id;
    let version = store.entry(entry).unwrap().version;
    assert_drawn_up(store.delete_entry(entry, version), id);
    let arena = store.arena(id).unwrap();
    let edit = puls::store::ArenaEdit {
        title: "Renamed".into(),
        need: arena.need.clone(),
        mission: arena.mission.clone(),
        coordinator: arena.coordinator.clone(),
        mandate: arena.mandate.clone(),
        target_date: arena.target_date,
        participating: vec![],
    };
    assert_drawn_up(store.edit_arena(id, arena.version, &edit), id);

    assert_eq!(
        store.plan(id).unwrap().contacts,
        plan.contacts,
        "nothing changed"
    );
    let message = puls::messages::store_error(&store.add_contact(id, &contact("x")).unwrap_err());
    assert!(
        message.starts_with(&format!(
            "Arena #{id} was drawn up {} by maja: its program, evaluation and knowledge entries are locked.",
            closed.at.with_timezone(&chrono::Local).date_naive()
        )),
        "{message}"
    );
    assert!(
        store
            .set_registration(id, arena.version, "KS 2026/0099")
            .is_ok(),
        "the registry's number may still be set"
    );
}

pub fn reopening_keeps_the_locked_version_and_a_new_close_draws_up_the_next<F: Fixture>() {
    let town = Town::<F>::demo();
    let id = town.closed_arena();
    let mut store = town.open("maja");
    let before = store.plan(id).unwrap();

    let arena = store.arena(id).unwrap();
    store
        .move_arena(id, arena.version, Stage::Returning)
        .unwrap();
    store
        .add_contact(id, &contact("After the reopening"))
        .unwrap();

    let versions = store.drawn_up_versions(id).unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].version, 1);
    assert_eq!(versions[0].reopened_by.as_deref(), Some("maja"));
    assert_eq!(
        versions[0].arena.contacts.len(),
        before.contacts.len(),
        "the locked version is as it was closed"
    );
    assert!(!versions[0].entries.is_empty(), "its knowledge entries too");
    let history = store.arena_history(id, 3).unwrap();
    assert!(
        history
            .iter()
            .any(|r| r.action == "reopen" && r.detail.contains("version 1 kept")),
        "{history:?}"
    );

    let arena = store.arena(id).unwrap();
    store.move_arena(id, arena.version, Stage::Closed).unwrap();
    let versions = store.drawn_up_versions(id).unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1].closed_by, "maja");
    assert_eq!(versions[1].arena.contacts.len(), before.contacts.len() + 1);
    assert_drawn_up_by(store.add_contact(id, &contact("x")), "maja");
}

fn assert_drawn_up_by<T: std::fmt::Debug>(result: Result<T, StoreError>, who: &str) {
    assert!(
        matches!(&result, Err(StoreError::DrawnUp { by, .. }) if by == who),
        "{result:?}"
    );
}

pub fn the_first_account_to_grant_becomes_administrator_and_others_may_not<F: Fixture>() {
    let town = Town::<F>::demo();
    let mut admin = town.open("admin");

    let granted = admin.grant("maja", Role::Coordinator).unwrap();

    assert!(granted.first_administrator);
    assert_eq!(admin.my_roles().unwrap(), vec![Role::Administrator]);
    let mut maja = town.open("maja");
    assert!(matches!(
        maja.grant("maja", Role::Administrator),
        Err(StoreError::NotAdministrator(who)) if who == "maja"
    ));
    assert!(matches!(
        admin.revoke("admin", Role::Administrator),
        Err(StoreError::LastAdministrator(_))
    ));
    let again = admin.grant("jonas", Role::External).unwrap();
    assert!(!again.first_administrator);
    let accounts = admin.accounts().unwrap();
    let names: Vec<(&str, Vec<Role>)> = accounts
        .iter()
        .map(|a| (a.name.as_str(), a.roles.clone()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("admin", vec![Role::Administrator]),
            ("jonas", vec![Role::External]),
            ("maja", vec![Role::Coordinator]),
        ]
    );
    let history = admin.history(None, None, 10).unwrap();
    assert!(
        history.iter().any(|r| r.entity == "account"
            && r.detail == "administrator to admin: the first on this database"),
        "{history:?}"
    );
}

pub fn only_the_coordinator_and_the_lead_open_the_restricted_record_and_each_opening_is_logged<
    F: Fixture,
>() {
    let town = Town::<F>::demo();
    town.link("maja", "Maja Lindqvist");
    let mut maja = town.open("maja");
    let mut jonas = town.open("jonas");
    let arena = 1;
    assert_eq!(maja.open_restricted(arena).unwrap(), None, "none yet");
    maja.save_restricted(
        arena,
        None,
        &RestrictedEdit {
            name: "Ahmad Rezaei-Lindholm".into(),
            contact: "070-111 22 33".into(),
            note: "Prefers Dari".into(),
        },
    )
    .unwrap();

    let refused = jonas.open_restricted(arena);
    town.clock.set(now() + Duration::minutes(5));
    let record = maja.open_restricted(arena).unwrap().unwrap();

    assert!(
        matches!(refused, Err(StoreError::Restricted(1))),
        "{refused:?}"
    );
    assert_eq!(record.name, "Ahmad Rezaei-Lindholm");
    assert!(
        jonas.plan(arena).unwrap().restricted,
        "everyone sees that it exists"
    );
    let log = maja.read_log(arena).unwrap();
    let rows: Vec<(&str, &str)> = log
        .iter()
        .map(|r| (r.who.as_str(), r.what.as_str()))
        .collect();
    assert_eq!(
        rows,
        vec![("maja", "open"), ("maja", "open")],
        "the refusal read nothing"
    );
    assert_eq!(log[1].at, now() + Duration::minutes(5));
    let history = maja.arena_history(arena, 50).unwrap();
    assert!(
        history
            .iter()
            .all(|r| !r.detail.contains("Rezaei") && !r.detail.contains("070-111")),
        "the history never holds the record: {history:?}"
    );
    assert!(
        history
            .iter()
            .any(|r| r.action == "restricted" && r.detail == "saved")
    );
}

pub fn a_stale_restricted_record_is_not_saved_over_and_empty_fields_erase_it<F: Fixture>() {
    let town = Town::<F>::demo();
    town.link("maja", "Maja Lindqvist");
    let mut maja = town.open("maja");
    let edit = |name: &str| RestrictedEdit {
        name: name.into(),
        ..RestrictedEdit::default()
    };
    maja.save_restricted(1, None, &edit("A")).unwrap();
    let version = maja.open_restricted(1).unwrap().unwrap().version;
    maja.save_restricted(1, Some(version), &edit("B")).unwrap();

    let stale = maja.save_restricted(1, Some(version), &edit("C"));
    maja.save_restricted(1, Some(version + 1), &edit(""))
        .unwrap();

    assert!(
        matches!(stale, Err(StoreError::Changed { .. })),
        "{stale:?}"
    );
    assert_eq!(maja.open_restricted(1).unwrap(), None);
    assert!(!maja.plan(1).unwrap().restricted);
}

pub fn retention_dry_run_lists_and_run_anonymises_the_restricted_record_on_a_fixed_clock<
    F: Fixture,
>() {
    let town = Town::<F>::demo();
    let id = town.closed_arena();
    town.link("maja", "Maja Lindqvist");
    let mut maja = town.open("maja");
    maja.save_restricted(
        id,
        None,
        &RestrictedEdit {
            name: "Noor Haddad".into(),
            contact: "noor@example.org".into(),
            note: String::new(),
        },
    )
    .unwrap();
    let closed = maja.drawn_up(id).unwrap().unwrap().at;
    let rules = default_rules();

    town.clock
        .set(closed + Duration::days(365) - Duration::hours(1));
    let too_early = maja.retention_due(&rules).unwrap();
    town.clock.set(closed + Duration::days(366));
    let dry = maja.retention_due(&rules).unwrap();
    let still = maja.open_restricted(id).unwrap().unwrap();
    let done = maja.run_retention(&rules).unwrap();

    assert!(too_early.iter().all(|c| c.arena != id), "{too_early:?}");
    let planned = dry.iter().find(|c| c.arena == id).unwrap();
    assert!(planned.restricted && planned.recipient);
    assert_eq!(still.name, "Noor Haddad", "a dry run changes nothing");
    assert_eq!(done, dry);
    let record = maja.open_restricted(id).unwrap().unwrap();
    let note = format!(
        "[anonymised {} under rule contacts-365]",
        (closed + Duration::days(366))
            .with_timezone(&chrono::Local)
            .date_naive()
    );
    assert_eq!(
        (record.name.as_str(), record.contact.as_str()),
        (note.as_str(), note.as_str())
    );
    assert_eq!(maja.plan(id).unwrap().proactivity.recipient, note);
    assert_eq!(maja.retention_due(&rules).unwrap(), vec![]);
}

pub fn a_read_log_rule_deletes_old_read_log_rows_only<F: Fixture>() {
    let town = Town::<F>::demo();
    town.link("maja", "Maja Lindqvist");
    let mut maja = town.open("maja");
    maja.open_restricted(1).unwrap();
    town.clock.set(now() + Duration::days(40));
    maja.open_restricted(1).unwrap();
    let rules = vec![RetentionRule {
        name: "read-log-30".into(),
        what: RetentionKind::ReadLog,
        days: 30,
    }];

    let done = maja.run_retention(&rules).unwrap();

    assert_eq!(done.len(), 1);
    assert_eq!((done[0].arena, done[0].read_log), (1, 1));
    let log = maja.read_log(1).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].at, now() + Duration::days(40));
}

/// The demo's first arena with a restricted record, and an administrator to extract it.
fn town_with_first_arena_restricted<F: Fixture>() -> (Town<F>, String) {
    let town = Town::<F>::demo();
    town.open("admin")
        .grant("admin", Role::Administrator)
        .unwrap();
    town.link("maja", "Maja Lindqvist");
    let mut maja = town.open("maja");
    maja.save_restricted(
        1,
        None,
        &RestrictedEdit {
            name: "Ahmad R.".into(),
            contact: "070-111 22 33".into(),
            note: "Prefers Dari; his cousin translates".into(),
        },
    )
    .unwrap();
    maja.open_restricted(1).unwrap();
    let recipient = maja.plan(1).unwrap().proactivity.recipient;
    (town, recipient)
}

pub fn the_subject_extract_of_the_first_demo_arena<F: Fixture>() {
    let (town, recipient) = town_with_first_arena_restricted::<F>();
    let mut admin = town.open("admin");

    let extract = admin.subject_extract(&format!(" {recipient} ")).unwrap();

    assert_eq!(extract.arenas.len(), 1);
    insta::assert_snapshot!(
        "subject_extract_md",
        puls::export::subject_markdown(&extract)
    );
    insta::assert_snapshot!(
        "subject_extract_json",
        serde_json::to_string_pretty(&extract).unwrap()
    );
}

pub fn a_subject_extract_is_for_administrators_and_logs_its_read<F: Fixture>() {
    let (town, recipient) = town_with_first_arena_restricted::<F>();
    let mut maja = town.open("maja");
    let mut admin = town.open("admin");

    let refused = maja.subject_extract(&recipient);
    let extract = admin.subject_extract(&recipient).unwrap();

    assert!(
        matches!(refused, Err(StoreError::NotAdministrator(_))),
        "{refused:?}"
    );
    let last = extract.arenas[0].read_log.last().unwrap();
    assert_eq!(
        (last.who.as_str(), last.what.as_str()),
        ("admin", "extract")
    );
    assert_eq!(
        extract.arenas[0].restricted.as_ref().unwrap().name,
        "Ahmad R."
    );
    let any_case = admin.subject_extract(&recipient.to_lowercase()).unwrap();
    assert_eq!(any_case.arenas.len(), 1);
    let nothing = admin.subject_extract("LF-1999-000").unwrap();
    assert!(nothing.arenas.is_empty());
}

pub fn a_public_extract_masks_the_recipient_and_personal_data_and_leaves_out_the_restricted_record<
    F: Fixture,
>() {
    let town = Town::<F>::demo();
    let id = town.closed_arena();
    town.link("maja", "Maja Lindqvist");
    let mut maja = town.open("maja");
    let arena = maja.arena(id).unwrap();
    maja.move_arena(id, arena.version, Stage::Returning)
        .unwrap();
    maja.add_contact(id, &contact("Mother 850709-9805 says the anorexia is back"))
        .unwrap();
    maja.save_restricted(
        id,
        None,
        &RestrictedEdit {
            name: "Noor Haddad".into(),
            ..RestrictedEdit::default()
        },
    )
    .unwrap();
    let arena = maja.arena(id).unwrap();
    maja.move_arena(id, arena.version, Stage::Closed).unwrap();
    let record = maja.drawn_up_versions(id).unwrap().pop().unwrap();
    let terms = puls::config::Config::default().health_terms;

    let public = puls::export::public_record(&record, &terms);
    let text = puls::export::public_markdown(&public);

    assert_eq!(public.version, 2);
    assert_eq!(public.arena.recipient, "[masked]");
    assert!(
        text.contains("Mother [masked] says the [masked] is back"),
        "{text}"
    );
    for secret in ["850709", "anorexia", "Noor", &record.arena.recipient] {
        assert!(!text.contains(secret), "{secret}:\n{text}");
    }
    assert!(text.contains("Version 2, drawn up"), "{text}");
}

/// The demo's closed arena and its recipient, with the clock past the default rule's 365 days.
fn closed_arena_past_retention<F: Fixture>(town: &Town<F>) -> (i64, String, Vec<RetentionRule>) {
    let id = town.closed_arena();
    let store = town.open("maja");
    let closed = store.drawn_up(id).unwrap().unwrap().at;
    let recipient = store.plan(id).unwrap().proactivity.recipient;
    assert!(
        !recipient.is_empty(),
        "the demo's closed arena has a recipient"
    );
    town.clock.set(closed + Duration::days(366));
    (id, recipient, default_rules())
}

pub fn retention_anonymises_the_drawn_up_versions_and_the_history_of_the_recipient<F: Fixture>() {
    let town = Town::<F>::demo();
    let (id, recipient, rules) = closed_arena_past_retention(&town);
    let mut maja = town.open("maja");
    let summaries: Vec<String> = maja.drawn_up_versions(id).unwrap()[0]
        .arena
        .contacts
        .iter()
        .map(|c| c.summary.clone())
        .filter(|s| !s.is_empty())
        .collect();
    assert!(
        !summaries.is_empty(),
        "the demo's closed arena has contacts"
    );

    let done = maja.run_retention(&rules).unwrap();

    let change = done.iter().find(|c| c.arena == id).unwrap();
    assert_eq!(change.drawn_up, 1, "{change:?}");
    assert!(
        change.history > 0,
        "the P line's history names it: {change:?}"
    );
    let versions = maja.drawn_up_versions(id).unwrap();
    let version = serde_json::to_string(&versions).unwrap();
    for secret in summaries.iter().chain([&recipient]) {
        assert!(!version.contains(secret.as_str()), "{secret} in {version}");
    }
    let public = puls::export::public_markdown(&puls::export::public_record(
        &versions[0],
        &puls::config::Config::default().health_terms,
    ));
    for secret in summaries.iter().chain([&recipient]) {
        assert!(!public.contains(secret.as_str()), "{secret} in\n{public}");
    }
    let history = maja.arena_history(id, 500).unwrap();
    assert!(
        history.iter().all(|r| !r.detail.contains(&recipient)),
        "{history:?}"
    );
    let last = &history[0];
    assert_eq!(last.action, "retention");
    assert!(
        last.detail.contains("1 drawn-up versions"),
        "{}",
        last.detail
    );
    assert_eq!(
        maja.retention_due(&rules).unwrap(),
        vec![],
        "nothing is left"
    );
}

/// An edit that leaves `arena` as it is.
fn edit_of(arena: &puls::domain::arena::Arena) -> puls::store::ArenaEdit {
    puls::store::ArenaEdit {
        title: arena.title.clone(),
        need: arena.need.clone(),
        mission: arena.mission.clone(),
        coordinator: arena.coordinator.clone(),
        mandate: arena.mandate.clone(),
        target_date: arena.target_date,
        participating: vec![],
    }
}

/// An administrator who has reopened the demo's closed arena, with its recipient.
fn reopened_by_an_administrator<F: Fixture>(
    town: &Town<F>,
) -> (F::Session, puls::domain::arena::Arena, String) {
    town.open("admin")
        .grant("admin", Role::Administrator)
        .unwrap();
    let id = town.closed_arena();
    let mut admin = town.open("admin");
    let recipient = admin.plan(id).unwrap().proactivity.recipient;
    let arena = admin.arena(id).unwrap();
    let arena = admin
        .move_arena(id, arena.version, Stage::Returning)
        .unwrap();
    (admin, arena, recipient)
}

pub fn a_subject_extract_finds_a_case_reference_a_drawn_up_version_still_holds<F: Fixture>() {
    let town = Town::<F>::demo();
    let (mut admin, arena, old) = reopened_by_an_administrator(&town);
    let id = arena.id;
    let plan = admin.plan(id).unwrap();
    let p = puls::store::Proactivity {
        recipient: "LF-2026-999".into(),
        ..plan.proactivity.clone()
    };
    admin.set_proactivity(id, plan.arena_version, &p).unwrap();

    let extract = admin.subject_extract(&old).unwrap();

    assert_eq!(extract.arenas.len(), 1, "the version drawn up at the close");
    let found = &extract.arenas[0];
    assert_eq!(found.id, id);
    assert_eq!(found.drawn_up[0].arena.recipient, old);
    assert!(puls::export::subject_markdown(&extract).contains(&old));
}

pub fn a_subject_extract_says_what_retention_anonymised<F: Fixture>() {
    let town = Town::<F>::demo();
    let (mut admin, arena, recipient) = reopened_by_an_administrator(&town);
    let id = arena.id;
    // The case reference is also written in the need, which no retention rule covers.
    let edit = puls::store::ArenaEdit {
        need: format!("Referred as {recipient} by the school"),
        ..edit_of(&arena)
    };
    let arena = admin.edit_arena(id, arena.version, &edit).unwrap();
    admin.move_arena(id, arena.version, Stage::Closed).unwrap();
    let (_, _, rules) = closed_arena_past_retention(&town);
    admin.run_retention(&rules).unwrap();

    let extract = admin.subject_extract(&recipient).unwrap();

    assert_eq!(extract.arenas.len(), 1, "the need still names it");
    let found = &extract.arenas[0];
    assert!(found.anonymised.recipient, "{:?}", found.anonymised);
    assert!(found.anonymised.contacts > 0);
    assert_eq!(found.anonymised.drawn_up, 2);
    let text = puls::export::subject_markdown(&extract);
    assert!(
        text.contains("Anonymised under the retention decision: the recipient"),
        "{text}"
    );
}

/// The demo with an administrator, `maja` linked to Maja Lindqvist (arena 1's coordinator) and
/// `nora` to Nora Blom, a member of the roster who coordinates nothing.
fn town_with_a_member<F: Fixture>() -> Town<F> {
    let town = Town::<F>::demo();
    town.open("admin")
        .grant("admin", Role::Administrator)
        .unwrap();
    town.link("maja", "Maja Lindqvist");
    town.link("nora", "Nora Blom");
    town.open("admin").grant("nora", Role::Member).unwrap();
    town
}

pub fn a_member_who_edits_the_plan_cannot_make_themselves_lead_and_open_the_restricted_record<
    F: Fixture,
>() {
    let town = town_with_a_member::<F>();
    let mut maja = town.open("maja");
    maja.save_restricted(
        1,
        None,
        &RestrictedEdit {
            name: "Ahmad R.".into(),
            ..RestrictedEdit::default()
        },
    )
    .unwrap();
    let mut nora = town.open("nora");
    assert_ne!(
        nora.plan(1).unwrap().proactivity.lead.as_deref(),
        Some("Nora Blom")
    );
    nora.add_contact(1, &contact("Called the school")).unwrap();
    let before = nora.plan(1).unwrap();
    let lead = puls::store::Proactivity {
        lead: Some("Nora Blom".into()),
        ..before.proactivity.clone()
    };

    let as_lead = nora.set_proactivity(1, before.arena_version, &lead);
    let arena = nora.arena(1).unwrap();
    let as_coordinator = nora.edit_arena(
        1,
        arena.version,
        &puls::store::ArenaEdit {
            coordinator: Some("Nora Blom".into()),
            ..edit_of(&arena)
        },
    );
    let opened = nora.open_restricted(1);

    for refused in [as_lead.map(|_| ()), as_coordinator.map(|_| ())] {
        assert!(
            matches!(&refused, Err(StoreError::NotAppointer { arena: 1, who }) if who == "nora"),
            "{refused:?}"
        );
    }
    assert!(
        matches!(opened, Err(StoreError::Restricted(1))),
        "{opened:?}"
    );
    let after = nora.plan(1).unwrap();
    assert_eq!(after.proactivity, before.proactivity, "nothing was saved");
    assert_eq!(
        nora.arena(1).unwrap().coordinator.as_deref(),
        Some("Maja Lindqvist")
    );
    let message = puls::messages::store_error(&StoreError::NotAppointer {
        arena: 1,
        who: "nora".into(),
    });
    assert!(
        message.contains("only the coordinator of arena #1 or an administrator"),
        "{message}"
    );
}

pub fn the_coordinator_and_an_administrator_appoint_and_the_history_says_by_what_right<
    F: Fixture,
>() {
    let town = town_with_a_member::<F>();
    let mut maja = town.open("maja");
    let plan = maja.plan(1).unwrap();
    let lead = puls::store::Proactivity {
        lead: Some("Nora Blom".into()),
        ..plan.proactivity.clone()
    };

    maja.set_proactivity(1, plan.arena_version, &lead).unwrap();
    let mut admin = town.open("admin");
    let arena = admin.arena(1).unwrap();
    admin
        .edit_arena(
            1,
            arena.version,
            &puls::store::ArenaEdit {
                coordinator: Some("Jonas Ekberg".into()),
                ..edit_of(&arena)
            },
        )
        .unwrap();

    assert!(
        town.open("nora").open_restricted(1).is_ok(),
        "nora is lead now"
    );
    let appointments: Vec<(String, String)> = admin
        .arena_history(1, 50)
        .unwrap()
        .into_iter()
        .filter(|r| r.action == "appoint")
        .map(|r| (r.who, r.detail))
        .take(2)
        .collect();
    assert_eq!(appointments[0].0, "admin");
    assert!(
        appointments[0]
            .1
            .starts_with("coordinator: Maja Lindqvist -> Jonas Ekberg (as administrator)"),
        "{appointments:?}"
    );
    assert_eq!(appointments[1].0, "maja");
    assert!(
        appointments[1]
            .1
            .ends_with("-> Nora Blom (as its coordinator)"),
        "{appointments:?}"
    );
    let handed_over = maja.plan(1).unwrap();
    let back = puls::store::Proactivity {
        lead: plan.proactivity.lead.clone(),
        ..handed_over.proactivity.clone()
    };
    assert!(
        matches!(
            maja.set_proactivity(1, handed_over.arena_version, &back),
            Err(StoreError::NotAppointer { .. })
        ),
        "maja coordinates no longer"
    );
}

/// Appends `text` to every string under `value` but the codes and dates, which must parse.
fn append_everywhere(value: &mut serde_json::Value, text: &str) {
    const CODES: [&str; 7] = [
        "stage",
        "status",
        "kind",
        "on",
        "due",
        "target_date",
        "until",
    ];
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    serde_json::Value::String(s) if !CODES.contains(&key.as_str()) => {
                        s.push_str(text)
                    }
                    _ => append_everywhere(v, text),
                }
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                match item {
                    serde_json::Value::String(s) => s.push_str(text),
                    _ => append_everywhere(item, text),
                }
            }
        }
        _ => {}
    }
}

pub fn a_public_extract_masks_a_personal_number_in_every_text_of_the_record<F: Fixture>() {
    let town = Town::<F>::demo();
    let id = town.closed_arena();
    let version = town
        .open("maja")
        .drawn_up_versions(id)
        .unwrap()
        .pop()
        .unwrap();
    let mut json = serde_json::to_value(&version).unwrap();
    for part in ["arena", "entries"] {
        append_everywhere(&mut json[part], " pnr 850709 9805");
    }
    let planted: puls::store::DrawnUpRecord = serde_json::from_value(json).unwrap();
    let terms = puls::config::Config::default().health_terms;

    let public = puls::export::public_record(&planted, &terms);

    let written = serde_json::to_string(&public).unwrap();
    assert!(!written.contains("9805"), "{written}");
    assert!(written.contains("pnr [masked]"), "{written}");
    let text = puls::export::public_markdown(&public);
    assert!(!text.contains("9805"), "{text}");
}

pub fn an_empty_or_partial_case_reference_finds_no_arena<F: Fixture>() {
    let (town, recipient) = town_with_first_arena_restricted::<F>();
    let mut admin = town.open("admin");
    let partial = &recipient[..recipient.len() - 1];

    for wanted in ["", "  ", partial] {
        let extract = admin.subject_extract(wanted).unwrap();
        assert!(
            extract.arenas.is_empty(),
            "{wanted:?}: {:?}",
            extract.arenas.len()
        );
    }
}

/// A plan reads its lock with the arena's row: while closed the open drawn-up version, none
/// once reopened, and after a second close the new version, not the reopened one.
pub fn a_plans_lock_is_the_open_drawn_up_version<F: Fixture>() {
    // Given the demo's closed arena
    let town = Town::<F>::demo();
    let id = town.closed_arena();
    let mut store = town.open("maja");
    let version = |store: &F::Session| {
        let plan = store.plan(id).unwrap();
        assert_eq!(plan.drawn_up, store.drawn_up(id).unwrap());
        plan.drawn_up.map(|lock| (lock.version, lock.by))
    };
    let closed = version(&store);

    // When it is reopened, then closed again
    let arena = store.arena(id).unwrap();
    store
        .move_arena(id, arena.version, Stage::Returning)
        .unwrap();
    let reopened = version(&store);
    let arena = store.arena(id).unwrap();
    store.move_arena(id, arena.version, Stage::Closed).unwrap();

    // Then its plan is locked by version 1, then by none, then by maja's version 2
    assert_eq!(closed.map(|(v, _)| v), Some(1));
    assert_eq!(reopened, None);
    assert_eq!(version(&store), Some((2, "maja".to_owned())));
}
