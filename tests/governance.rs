//! Who decides (issue 17): bodies commission and decline signals by recorded decisions; only
//! their members (or an administrator) record them, and never the arena's own coordinator.

use puls::store::prelude::*;

use puls::app::keymap::Keymap;
use puls::config::Config;
use puls::domain::access::Role;
use puls::domain::arena::{Refusal, Stage};
use puls::domain::decision::{Body, BodyKind};
use puls::store::StoreError;

#[path = "shared/app.rs"]
pub mod app;
#[path = "shared/cli.rs"]
pub mod cli;
use app::{Screen, decision, open, signal, ssg};

/// A database with one signal, the account `anna` its administrator and `maja` the roster's
/// Maja Lindqvist.
fn guarded() -> (tempfile::TempDir, std::path::PathBuf, i64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let mut anna = open(&path, "anna");
    let arena = anna.create_signal(&signal("Newcomer needs work")).unwrap();
    anna.grant("anna", Role::Administrator).unwrap();
    anna.add_person(&puls::store::PersonEdit {
        name: "Maja Lindqvist".into(),
        unit: String::new(),
        role: String::new(),
        contact: String::new(),
        capacity: 50,
        coordinator: true,
        competences: vec![],
        manager: String::new(),
    })
    .unwrap();
    anna.link_account("maja", "Maja Lindqvist").unwrap();
    (dir, path, arena.id)
}

fn ssg_with(members: &[&str]) -> Body {
    Body {
        members: members.iter().map(|m| (*m).to_owned()).collect(),
        ..ssg()
    }
}

#[test]
fn a_member_of_the_body_commissions_and_the_decision_is_kept_and_in_history() {
    // Given a signal and jonas, a member of the SSG
    let (_dir, path, id) = guarded();
    let mut jonas = open(&path, "jonas");
    let mut decided = decision("Maja Lindqvist");
    decided.body = ssg_with(&["jonas"]);

    // When jonas records the SSG's decision
    let arena = jonas.commission(id, 1, &decided).unwrap();

    // Then the arena is commissioned with the body, date, registration and authorities
    assert_eq!(arena.stage, Stage::Commissioned);
    assert_eq!(arena.coordinator.as_deref(), Some("Maja Lindqvist"));
    assert_eq!(arena.mandate, "Work within three months");
    let kept = arena.decided.unwrap();
    assert_eq!(kept.body, "SSG");
    assert_eq!(kept.on, Some(decided.on));
    assert_eq!(kept.budget, "150 000 kr");
    assert_eq!(kept.until, decided.until);
    assert_eq!(jonas.registration(id).unwrap(), "KS 2026/0142");
    let card = &jonas.board_cards(false).unwrap()[0];
    assert_eq!(card.decision, Some(("SSG".to_owned(), decided.on)));
    let history = jonas.arena_history(id, 10).unwrap();
    let row = history.iter().find(|r| r.action == "decision").unwrap();
    assert_eq!(row.who, "jonas");
    assert!(
        row.detail
            .contains("commissioned by SSG (Strategic coordination group) on 2026-11-20"),
        "{}",
        row.detail
    );
    assert!(row.detail.contains("KS 2026/0142"), "{}", row.detail);
}

#[test]
fn someone_outside_the_body_may_not_record_its_decision() {
    let (_dir, path, id) = guarded();
    let mut per = open(&path, "per");
    let mut decided = decision("Maja Lindqvist");
    decided.body = ssg_with(&["jonas"]);

    let refused = per.commission(id, 1, &decided);

    assert!(
        matches!(&refused, Err(StoreError::NotInBody { body, who }) if body == "SSG" && who == "per"),
        "{refused:?}"
    );
    assert_eq!(per.arena(id).unwrap().stage, Stage::Signal);
}

#[test]
fn a_coordinator_may_not_commission_their_own_arena_even_as_a_member() {
    // Given maja, the roster's Maja Lindqvist, a member of the SSG
    let (_dir, path, id) = guarded();
    let mut maja = open(&path, "maja");
    let mut decided = decision("Maja Lindqvist");
    decided.body = ssg_with(&["maja"]);

    // When she records the decision that she coordinates it
    let refused = maja.commission(id, 1, &decided);

    // Then it is refused, and nothing of it is written
    assert!(
        matches!(&refused, Err(StoreError::OwnArena { arena, .. }) if *arena == id),
        "{refused:?}"
    );
    let arena = maja.arena(id).unwrap();
    assert_eq!(
        (arena.stage, arena.coordinator, arena.version),
        (Stage::Signal, None, 1)
    );
    assert!(
        maja.arena_history(id, 10)
            .unwrap()
            .iter()
            .all(|r| r.action != "decision")
    );
}

#[test]
fn an_administrator_records_a_decision_for_a_body_they_are_not_in() {
    let (_dir, path, id) = guarded();
    let mut anna = open(&path, "anna");
    let mut decided = decision("Maja Lindqvist");
    decided.body = ssg_with(&["jonas"]);
    assert_eq!(
        anna.commission(id, 1, &decided).unwrap().stage,
        Stage::Commissioned
    );
}

#[test]
fn a_signal_does_not_move_to_commissioned_without_a_decision() {
    let (_dir, path, id) = guarded();
    let mut anna = open(&path, "anna");
    let refused = anna.move_arena(id, 1, Stage::Commissioned);
    assert!(
        matches!(&refused, Err(StoreError::Refused(r)) if r == &vec![Refusal::NeedsDecision]),
        "{refused:?}"
    );
}

#[test]
fn a_decline_records_the_body_and_needs_a_member() {
    let (_dir, path, id) = guarded();
    let on = app::now().date_naive();
    let body = ssg_with(&["jonas"]);
    let mut per = open(&path, "per");
    assert!(matches!(
        per.decline(id, 1, &body, on, "Facility management handles it"),
        Err(StoreError::NotInBody { .. })
    ));
    let mut jonas = open(&path, "jonas");
    let declined = jonas
        .decline(id, 1, &body, on, "Facility management handles it")
        .unwrap();
    assert_eq!(declined.stage, Stage::Declined);
    assert_eq!(declined.decided.map(|d| d.body), Some("SSG".to_owned()));
    let history = jonas.arena_history(id, 1).unwrap();
    assert!(
        history[0]
            .detail
            .starts_with("declined by SSG (Strategic coordination group)"),
        "{}",
        history[0].detail
    );
}

#[test]
fn undoing_a_commission_takes_the_decision_back() {
    let mut screen = Screen::demo(120, 40);
    screen.keys(">");
    screen.keys(
        "<tab><tab>KS 2026/0142<tab>Karin Svedberg<tab>Find the family within two weeks<c-s>",
    );
    let id = screen.app.board.selected().unwrap().id;
    assert!(
        screen
            .other_session("x")
            .arena(id)
            .unwrap()
            .decided
            .is_some()
    );
    screen.keys("u");
    let arena = screen.other_session("x").arena(id).unwrap();
    assert_eq!((arena.stage, arena.decided), (Stage::Signal, None));
}

#[test]
fn the_decision_form_commissions_a_signal_and_the_card_shows_the_body() {
    // Given the demo's board, a signal selected
    let mut screen = Screen::demo(80, 24);

    // When > opens the decision form and it is filled in and saved
    screen.keys(">");
    let form = screen.text();
    screen.keys(
        "<tab><tab>KS 2026/0142<tab>Karin Svedberg<tab>Find the family within two weeks<c-s>",
    );

    // Then the form asked for the decision, and the arena is commissioned by the SSG
    assert!(form.contains("Decision: commission #4"), "{form}");
    insta::assert_snapshot!("decision_form_80x24", form);
    let text = screen.text();
    assert!(
        text.contains("#4 commissioned by Strategic coordination group"),
        "{text}"
    );
    assert!(text.contains("Commissioned 2"), "{text}");
}

#[test]
fn the_decision_form_says_what_is_missing_and_keeps_what_was_typed() {
    let mut screen = Screen::demo(120, 40);
    screen.keys("><tab><tab>KS 2026/0142<c-s>");
    let text = screen.text();
    assert!(text.contains("no coordinator"), "{text}");
    assert!(text.contains("no mandate text"), "{text}");
    assert!(text.contains("KS 2026/0142"), "{text}");
    assert_eq!(screen.app.board.selected().unwrap().stage, Stage::Signal);
}

#[test]
fn the_screen_refuses_a_coordinator_commissioning_their_own_arena() {
    // Given maja, an administrator who is the roster's Maja Lindqvist
    let mut screen = Screen::demo(120, 40);
    let mut admin = screen.other_session("maja");
    admin.grant("maja", Role::Administrator).unwrap();
    admin.link_account("maja", "Maja Lindqvist").unwrap();

    // When she records a decision that she coordinates the signal
    screen.keys("><tab><tab><tab>Maja Lindqvist<tab>Her own arena<c-s>");

    // Then it is refused with the reason, the form still open
    let text = screen.text();
    assert!(
        text.contains("a coordinator may not commission their own arena"),
        "{text}"
    );
    assert!(text.contains("Her own arena"), "{text}");
}

#[test]
fn a_member_of_a_configured_body_gets_it_first_in_the_form() {
    let mut config = Config::default();
    config.bodies.push(Body {
        code: "LG-HC".into(),
        name: "Health & care management group".into(),
        kind: BodyKind::ManagementGroup,
        members: vec!["maja".into()],
    });
    let mut screen = Screen::demo_with(config, Keymap::default_keys(), 120, 40);
    screen.keys("><tab><tab><tab>Karin Svedberg<tab>Find the family<c-s>");
    let arena = screen
        .other_session("x")
        .arena(screen.app.board.selected().unwrap().id)
        .unwrap();
    assert_eq!(arena.decided.map(|d| d.body), Some("LG-HC".to_owned()));
    assert_eq!(
        arena.commissioned_by.as_deref(),
        Some("Health & care management group")
    );
}

/// Where a column has the room (a wide terminal, the board zoomed) the card adds the day.
#[test]
fn a_wide_card_shows_the_body_and_the_day_it_decided() {
    let mut screen = Screen::demo(170, 40);
    screen.keys("z");
    let text = screen.text();
    assert!(text.contains("SSG 2026-"), "{text}");
}

#[test]
fn the_detail_shows_who_decided_when_and_the_authorities() {
    let mut screen = Screen::demo(120, 40);
    screen.keys(">");
    screen.keys("<tab><tab><tab>Karin Svedberg<tab>Find the family<tab>150 000 kr<tab>the school<tab>2027-03-01<c-s>");
    screen.keys("<enter>");
    let text = screen.text();
    assert!(
        text.contains("Decided by Strategic coordination group on 2026-11-23"),
        "{text}"
    );
    assert!(
        text.contains("Budget: 150 000 kr · May ask: the school · Authorities until 2027-03-01"),
        "{text}"
    );
}

mod command_line {

    use super::cli::{os_account, puls_in, run_in, stderr};

    /// A HOME whose config names the SSG with the tests' account among its members, and a
    /// database with one signal.
    fn home() -> (tempfile::TempDir, String) {
        let home = tempfile::tempdir().unwrap();
        let config = home.path().join("config/puls/config.toml");
        std::fs::create_dir_all(config.parent().unwrap()).unwrap();
        std::fs::write(
            &config,
            format!(
                "[[bodies]]\ncode = \"SSG\"\nname = \"Strategic coordination group\"\nkind = \"coordination-group\"\nmembers = [\"{}\"]\n\n[[bodies]]\ncode = \"VN\"\nname = \"Welfare committee\"\nkind = \"council-committee\"\nmembers = [\"someone-else\"]\n",
                os_account()
            ),
        )
        .unwrap();
        let db = home.path().join("p.db").display().to_string();
        puls_in(
            home.path(),
            &["--db", &db, "signal", "Newcomer needs work"],
            &[],
        );
        (home, db)
    }

    #[test]
    fn commission_records_the_decision_and_the_export_opens_with_it() {
        let (home, db) = home();
        let said = puls_in(
            home.path(),
            &[
                "--db",
                &db,
                "commission",
                "1",
                "--body",
                "ssg",
                "--date",
                "2026-11-20",
                "--ref",
                "KS 2026/0142",
                "--coordinator",
                "Maja Lindqvist",
                "--mandate",
                "Work within three months",
                "--budget",
                "150 000 kr",
                "--until",
                "2027-03-01",
            ],
            &[],
        );
        assert_eq!(
            said,
            "Arena #1 commissioned by Strategic coordination group.\n"
        );
        let md = puls_in(home.path(), &["--db", &db, "export", "arena", "1"], &[]);
        let opening: Vec<&str> = md.lines().take(4).collect();
        assert_eq!(
            opening,
            [
                "# #1 Newcomer needs work",
                "",
                "**Decision:** commissioned by Strategic coordination group on 2026-11-20 (KS 2026/0142).",
                "Budget: 150 000 kr; Authorities until 2027-03-01.",
            ],
            "{md}"
        );
        let history = puls_in(home.path(), &["--db", &db, "history", "--arena", "1"], &[]);
        assert!(history.contains("decision"), "{history}");
    }

    #[test]
    fn a_body_the_account_is_not_in_is_refused_with_exit_code_2() {
        let (home, db) = home();
        let out = run_in(
            home.path(),
            &[
                "--db",
                &db,
                "commission",
                "1",
                "--body",
                "VN",
                "--coordinator",
                "Maja Lindqvist",
                "--mandate",
                "m",
            ],
            &[],
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains("is not a member of VN"),
            "{}",
            stderr(&out)
        );
    }

    #[test]
    fn an_unknown_body_is_named_with_the_ones_there_are() {
        let (home, db) = home();
        let out = run_in(
            home.path(),
            &[
                "--db", &db, "decline", "1", "--body", "KLG", "--reason", "x",
            ],
            &[],
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(
            stderr(&out).contains(
                "no body is called \"KLG\"; choose one of: SSG (Strategic coordination group), VN (Welfare committee)"
            ),
            "{}",
            stderr(&out)
        );
    }

    #[test]
    fn decline_records_the_body() {
        let (home, db) = home();
        let said = puls_in(
            home.path(),
            &[
                "--db",
                &db,
                "decline",
                "1",
                "--body",
                "SSG",
                "--reason",
                "Facility management handles it",
            ],
            &[],
        );
        assert_eq!(
            said,
            "Signal #1 declined by Strategic coordination group.\n"
        );
        let md = puls_in(home.path(), &["--db", &db, "export", "arena", "1"], &[]);
        assert!(
            md.contains("**Decision:** declined by Strategic coordination group on "),
            "{md}"
        );
    }
}

mod signal_route {
    use super::*;
    use chrono::NaiveDate;
    use puls::store::NewSignal;

    fn meeting(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, day).unwrap()
    }

    /// `guarded()` with a second signal, raised by Per Holm through his manager Maja Lindqvist.
    fn with_manager() -> (tempfile::TempDir, std::path::PathBuf, i64) {
        let (dir, path, _) = guarded();
        let mut anna = open(&path, "anna");
        let arena = anna
            .create_signal(&NewSignal {
                manager: "Maja Lindqvist".into(),
                need: "Two boys out of school since October".into(),
                ..signal("Siblings absent from school")
            })
            .unwrap();
        (dir, path, arena.id)
    }

    #[test]
    fn the_signals_manager_puts_it_on_a_bodys_agenda() {
        // Given a signal that Maja Lindqvist took on, and maja her account
        let (_dir, path, id) = with_manager();
        let mut maja = open(&path, "maja");

        // When she forwards it to the SSG's meeting of 10 December
        let arena = maja
            .forward(id, 1, &ssg_with(&["jonas"]), meeting(10))
            .unwrap();

        // Then it is on that agenda, and the history says so
        assert_eq!(arena.manager, "Maja Lindqvist");
        assert_eq!(arena.agenda, Some(("SSG".to_owned(), meeting(10))));
        let agenda = maja.agenda("SSG").unwrap();
        assert_eq!(agenda.len(), 1);
        assert_eq!((agenda[0].id, agenda[0].meeting), (id, meeting(10)));
        let history = maja.arena_history(id, 1).unwrap();
        assert_eq!(history[0].detail, "on the SSG agenda 2026-12-10");
    }

    #[test]
    fn a_member_of_the_body_forwards_and_anyone_else_is_refused() {
        let (_dir, path, id) = with_manager();
        let body = ssg_with(&["jonas"]);
        let mut per = open(&path, "per");
        assert!(matches!(
            per.forward(id, 1, &body, meeting(10)),
            Err(StoreError::NotInBody { .. })
        ));
        let mut jonas = open(&path, "jonas");
        assert!(jonas.forward(id, 1, &body, meeting(10)).is_ok());
    }

    #[test]
    fn the_agenda_lists_waiting_signals_by_meeting_and_drops_a_decided_one() {
        let (_dir, path, second) = with_manager();
        let mut anna = open(&path, "anna");
        anna.forward(second, 1, &ssg(), meeting(17)).unwrap();
        anna.forward(1, 1, &ssg(), meeting(10)).unwrap();
        let ids: Vec<i64> = anna.agenda("SSG").unwrap().iter().map(|i| i.id).collect();
        assert_eq!(ids, [1, second]);

        let arena = anna.arena(1).unwrap();
        anna.commission(1, arena.version, &decision("Karin Svedberg"))
            .unwrap();

        let ids: Vec<i64> = anna.agenda("SSG").unwrap().iter().map(|i| i.id).collect();
        assert_eq!(ids, [second]);
        assert!(anna.agenda("VN").unwrap().is_empty());
    }

    #[test]
    fn only_a_signal_goes_on_an_agenda() {
        let (_dir, path, _) = with_manager();
        let mut anna = open(&path, "anna");
        anna.commission(1, 1, &decision("Karin Svedberg")).unwrap();
        let version = anna.arena(1).unwrap().version;
        assert!(matches!(
            anna.forward(1, version, &ssg(), meeting(10)),
            Err(StoreError::Refused(r)) if matches!(r[..], [Refusal::OnlySignalsCanBeForwarded { .. }])
        ));
    }

    #[test]
    fn the_new_signal_form_records_the_manager_and_the_detail_shows_the_agenda() {
        let mut screen = Screen::demo(120, 40);
        // The demo's signals wait on the SSG's agenda; a new one names its manager.
        screen.keys("<enter>");
        let detail = screen.text();
        screen.keys("<esc>nStreet lights out<tab><tab><tab><tab><tab>Anders Vik<c-s>");
        let id = screen.app.board.selected().unwrap().id;
        assert!(detail.contains("on the SSG agenda 2026-12-07"), "{detail}");
        assert!(detail.contains("Manager: Oskar Lund"), "{detail}");
        assert_eq!(
            screen.other_session("x").arena(id).unwrap().manager,
            "Anders Vik"
        );
    }

    #[test]
    fn puls_agenda_writes_the_meetings_document() {
        let home = tempfile::tempdir().unwrap();
        let db = home.path().join("demo.db");
        puls::demo::fill(&db, "maja", app::now()).unwrap();
        let db = db.display().to_string();
        let md = cli::puls_in(
            home.path(),
            &["--db", &db, "agenda", "ssg", "--format", "md"],
            &[],
        );
        insta::assert_snapshot!("agenda_md", md);
        let text = cli::puls_in(home.path(), &["--db", &db, "agenda", "SSG"], &[]);
        assert!(
            text.starts_with("Agenda of Strategic coordination group (SSG)\n#4"),
            "{text}"
        );
        assert!(
            text.contains("signalled by Jonas Ekberg on 2026-11-19, taken on by Oskar Lund"),
            "{text}"
        );
    }
}

mod across_missions {
    use super::*;
    use puls::store::ArenaEdit;

    #[test]
    fn an_arena_keeps_the_missions_taking_part_and_undo_gives_them_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(&dir.path().join("p.db"), "maja");
        let a = store.create_signal(&signal("A family stuck")).unwrap();
        let edit = ArenaEdit {
            participating: vec!["HC".into(), "LF".into(), "CD".into()],
            ..app::titled("A family stuck")
        };
        let after = store.edit_arena(a.id, a.version, &edit).unwrap();
        // The lead mission (LF) is not also a participant.
        assert_eq!(after.participating, ["CD", "HC"]);
        assert_eq!(
            store.board_cards(false).unwrap()[0].participating,
            ["CD", "HC"]
        );
        let row = &store.arena_history(a.id, 1).unwrap()[0];
        assert!(
            row.detail.contains("participating: - -> CD, HC"),
            "{}",
            row.detail
        );
        let restored = store.restore_arena(after.version, &a).unwrap();
        assert!(restored.participating.is_empty());
    }

    #[test]
    fn the_mission_filter_shows_an_arena_under_each_mission_marked_participating() {
        // Given the demo's family arena, led by CD with LF and HC taking part
        let mut screen = Screen::demo(80, 24);

        // When the board is filtered to Health & care (the second mission)
        screen.keys("ff");

        // Then the CD-led arenas HC takes part in show, marked so
        let text = screen.text();
        assert!(text.contains("#3 A family"), "{text}");
        assert!(text.contains("HC, led by CD"), "{text}");
        assert!(text.contains("HC, led by LF"), "{text}");
        insta::assert_snapshot!("mission_filter_participating_80x24", text);
    }

    #[test]
    fn the_edit_form_takes_participating_missions_and_refuses_unknown_ones() {
        let mut screen = Screen::demo(120, 40);
        screen.keys("e<tab><tab><tab><tab><tab><tab>lf, XX<c-s>");
        let refused = screen.text();
        assert!(refused.contains("unknown mission \"XX\""), "{refused}");
        screen.keys("<bs><bs><bs><bs><c-s>");
        let id = screen.app.board.selected().unwrap().id;
        let arena = screen.other_session("x").arena(id).unwrap();
        assert_eq!(arena.participating, ["LF"]);
    }

    #[test]
    fn figures_of_a_mission_count_what_it_leads_and_what_it_takes_part_in_apart() {
        let home = tempfile::tempdir().unwrap();
        let db = home.path().join("demo.db");
        puls::demo::fill(&db, "maja", app::now()).unwrap();
        let db = db.display().to_string();
        let figures = cli::puls_in(
            home.path(),
            &["--db", &db, "figures", "--mission", "hc"],
            &[],
        );
        // HC leads #4, #5, #8 and the declined pool (#12); it takes part in #2 (LF) and #3 (CD).
        assert!(
            figures.contains("Health & care (HC): leads 4 arena(s), takes part in 2 more."),
            "{figures}"
        );
        let report = cli::puls_in(
            home.path(),
            &["--db", &db, "report", "--mission", "HC", "--format", "json"],
            &[],
        );
        let json: serde_json::Value = serde_json::from_str(&report).unwrap();
        assert_eq!(json["mission"]["lead"], 4);
        assert_eq!(json["mission"]["participating"], 2);
        assert_eq!(json["arenas"].as_array().unwrap().len(), 6);
        let unknown = cli::run_in(
            home.path(),
            &["--db", &db, "figures", "--mission", "XX"],
            &[],
        );
        assert_eq!(unknown.status.code(), Some(2));
    }
}

mod evaluation {
    use super::*;
    use puls::store::{CriterionEdit, Store, StoreOptions};
    use std::sync::Arc;

    /// #9 of the demo, in Staffing with a team, a recipient, a lead and activities, stripped
    /// of its criteria.
    fn staffing_without_criteria(store: &mut Store) -> i64 {
        let id = 9;
        for c in store.plan(id).unwrap().criteria {
            store.delete_criterion(c.id, c.version).unwrap();
        }
        assert_eq!(store.arena(id).unwrap().stage, Stage::Staffing);
        id
    }

    #[test]
    fn an_arena_becomes_active_only_with_a_criterion() {
        let (_dir, mut store) = app::demo_store();
        let id = staffing_without_criteria(&mut store);
        let version = store.arena(id).unwrap().version;
        let refused = store.move_arena(id, version, Stage::Active);
        assert!(
            matches!(&refused, Err(StoreError::Refused(r)) if r == &vec![Refusal::Plan(puls::domain::puls::Gap::NoCriteria)]),
            "{refused:?}"
        );
    }

    #[test]
    fn a_config_may_let_an_arena_start_without_criteria() {
        let (_dir, path) = app::demo_db();
        let config = Config::from_toml("criteria_before_active = false\n").unwrap();
        let mut store = Store::open_with(
            &path,
            "maja",
            Arc::new(puls::domain::clock::FixedClock(app::now())),
            &StoreOptions {
                ..config.store_options()
            },
        )
        .unwrap();
        let id = staffing_without_criteria(&mut store);
        let version = store.arena(id).unwrap().version;
        assert_eq!(
            store.move_arena(id, version, Stage::Active).unwrap().stage,
            Stage::Active
        );
    }

    fn changed(c: &puls::store::PlanCriterion, measure: &str) -> CriterionEdit {
        CriterionEdit {
            text: c.text.clone(),
            measure: measure.into(),
            target: c.target.clone(),
            result: c.result.clone(),
            no_result_reason: c.no_result_reason.clone(),
            met: c.met,
        }
    }

    #[test]
    fn a_criterion_changed_after_start_keeps_its_earlier_text_and_says_so() {
        // Given #1 of the demo, active, and #9, still staffing
        let (_dir, mut store) = app::demo_store();
        let active = store.plan(1).unwrap().criteria[0].clone();
        let before_start = store.plan(9).unwrap().criteria[0].clone();

        // When a measure of each is changed
        store
            .edit_criterion(
                active.id,
                active.version,
                &changed(&active, "Hours worked a week"),
            )
            .unwrap();
        store
            .edit_criterion(
                before_start.id,
                before_start.version,
                &changed(&before_start, "Pumps in place"),
            )
            .unwrap();

        // Then only the active arena's is marked, its earlier measure in the history
        assert!(store.plan(1).unwrap().criteria[0].changed_after_start);
        assert!(!store.plan(9).unwrap().criteria[0].changed_after_start);
        let history = store.arena_history(1, 5).unwrap();
        let row = history
            .iter()
            .find(|r| r.detail.starts_with("changed after start"))
            .unwrap();
        assert_eq!(
            row.detail,
            format!(
                "changed after start: measure: {} -> Hours worked a week",
                active.measure
            )
        );
        let md = puls::export::arena_markdown(
            &store.arena(1).unwrap(),
            &store.plan(1).unwrap(),
            &store.arena_team(1).unwrap(),
            &Config::default(),
            app::now().date_naive(),
            None,
        );
        assert!(md.contains("(changed after start)"), "{md}");
    }

    #[test]
    fn the_plan_pane_marks_a_criterion_changed_after_start() {
        let mut screen = Screen::demo(120, 40);
        let mut store = screen.other_session("maja");
        let c = store.plan(1).unwrap().criteria[0].clone();
        store
            .edit_criterion(c.id, c.version, &changed(&c, "Hours worked a week"))
            .unwrap();
        screen.app.poll_changes();
        screen.keys("/#1<enter>3z");
        let text = screen.text();
        assert!(text.contains("[changed after start]"), "{text}");
    }

    #[test]
    fn the_untouched_draft_is_not_knowledge_returned_until_someone_edits_it() {
        // Given #8 of the demo with every criterion resolved, moved to Returning knowledge
        let mut screen = Screen::demo(118, 40);
        let conn = rusqlite::Connection::open(&screen.path).unwrap();
        conn.execute("UPDATE criteria SET result = 'done' WHERE arena_id = 8", [])
            .unwrap();
        drop(conn);
        screen.app.poll_changes();
        screen.keys("/#8<enter>>");

        // When the offered draft is saved as it is, and the arena asked to close
        screen.keys("<c-s>");
        screen.keys("<esc>>");

        // Then the close is refused: the draft alone is no knowledge returned
        let text = screen.text();
        assert!(
            text.contains("#8 cannot go to Closed: no knowledge-bank entry written yet (an untouched draft does not count)."),
            "{text}"
        );

        // And once someone edits the draft, the arena closes
        let mut store = screen.other_session("maja");
        let conn = rusqlite::Connection::open(&screen.path).unwrap();
        let id: i64 = conn
            .query_row(
                "SELECT id FROM entries WHERE arena_id = 8 AND written = 0",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let entry = store.entry(id).unwrap();
        let mut edit = puls::store::EntryEdit::from(&entry);
        edit.body.push_str("\nWhat surprised us: the fathers came.");
        store.edit_entry(id, entry.version, &edit).unwrap();
        let version = store.arena(8).unwrap().version;
        assert_eq!(
            store.move_arena(8, version, Stage::Closed).unwrap().stage,
            Stage::Closed
        );
    }
}

mod staffing_rank {
    use super::*;
    use puls::store::PersonEdit;

    #[test]
    fn find_staff_never_ranks_someone_over_capacity_first_and_says_how_it_ranks() {
        // Given Karin, the demo's social worker with authority, over her capacity, and a
        // colleague with the competence at a lower level and time to give
        let mut screen = Screen::demo(120, 40);
        let mut store = screen.other_session("maja");
        store
            .add_person(&PersonEdit {
                name: "Ulla Berg".into(),
                unit: "Learning & family".into(),
                role: "Social worker".into(),
                contact: String::new(),
                capacity: 20,
                coordinator: false,
                competences: vec![(
                    "Social worker with authority to decide".into(),
                    puls::domain::roster::Level::Aware,
                )],
                manager: String::new(),
            })
            .unwrap();
        screen.app.poll_changes();

        // When staff are found for #2's need
        screen.keys("/#2<enter>a");

        // Then Ulla comes first, Karin after her, and the list says why
        let text = screen.text();
        let ulla = text.find("Ulla Berg").unwrap();
        let karin = text.find("Karin Svedberg         L3").unwrap();
        assert!(ulla < karin, "{text}");
        assert!(
            text.contains("Best fit first: level, then free time"),
            "{text}"
        );
    }
}
