//! The app driven by keys and drawn into a `TestBackend`, as a person would see it.

use puls::store::prelude::*;
use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use puls::store::ArenaEdit;
use puls::ui::Theme;
use ratatui::style::Color;

#[path = "shared/app.rs"]
pub mod app;
use app::{Screen, now, text_of};

fn card_id_in_stage(path: &Path, stage: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(
        "SELECT min(id) FROM arenas WHERE stage = ?1",
        [stage],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn board_with_demo_data_at_80x24() {
    let screen = Screen::demo(80, 24);
    insta::assert_snapshot!(screen.text());
}

#[test]
fn board_with_demo_data_at_120x40() {
    let mut screen = Screen::demo(120, 40);
    insta::assert_snapshot!("tiled_board_and_roster_at_120x40", screen.text());
    screen.keys("z");
    let text = screen.text();
    for heading in [
        "Signal 3",
        "Commissioned 1",
        "Staffing 2",
        "Active 3",
        "Returning 2",
        "Closed 2",
    ] {
        assert!(text.contains(heading), "missing {heading}:\n{text}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn an_empty_board_says_how_to_add_the_first_signal() {
    let screen = Screen::empty(80, 24);
    let text = screen.text();
    assert!(
        text.contains("Press n to record the first signal"),
        "{text}"
    );
}

#[test]
fn a_refused_move_says_why_and_changes_nothing() {
    let mut screen = Screen::demo(80, 24);
    screen.keys("lll>");
    let text = screen.text();
    assert!(
        text.contains("#1 cannot go to Returning knowledge: 3 criteria without result or reason."),
        "{text}"
    );
    assert!(text.contains("Active 3"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn a_move_shows_in_its_new_column_and_undo_takes_it_back() {
    let mut screen = Screen::demo(118, 40);
    let id = card_id_in_stage(&screen.path, "returning");
    screen.keys(&format!("/#{id}<enter>"));
    screen.keys(">");
    let text = screen.text();
    assert!(text.contains(&format!("#{id} moved to Closed")), "{text}");
    assert!(
        text.contains("Closed 1"),
        "the filter shows one card, now in Closed:\n{text}"
    );
    screen.keys("u");
    let text = screen.text();
    assert!(
        text.contains(&format!("Undone: your last change to #{id}")),
        "{text}"
    );
    assert!(text.contains("Returning 1"), "{text}");
}

#[test]
fn undo_refuses_to_overwrite_a_colleagues_later_change() {
    let mut screen = Screen::demo(118, 40);
    let id = card_id_in_stage(&screen.path, "returning");
    screen.keys(&format!("/#{id}<enter>>"));
    let mut jonas = screen.other_session("jonas");
    // The arena is closed now, drawn up: what a colleague may still change is its
    // registration number.
    let arena = jonas.arena(id).unwrap();
    jonas
        .set_registration(id, arena.version, "KS 2026/0142")
        .unwrap();
    screen.keys("u");
    let text = screen.text();
    assert!(
        text.contains(&format!("Cannot undo: jonas changed #{id} after you")),
        "{text}"
    );
    assert_eq!(jonas.registration(id).unwrap(), "KS 2026/0142");
}

#[test]
fn the_new_signal_form_shows_a_validation_error_and_keeps_the_text() {
    let mut screen = Screen::demo(80, 24);
    screen.keys("n<tab>Neighbours worried about him<tab><tab><tab>tomorrow<c-s>");
    let text = screen.text();
    assert!(text.contains("A title is needed."), "{text}");
    assert!(text.contains("is not a date"), "{text}");
    assert!(text.contains("Neighbours worried about him"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn a_saved_signal_appears_selected_in_the_signal_column() {
    let mut screen = Screen::demo(118, 40);
    screen.keys("nStreet lights out on Kvarngatan<c-s>");
    let text = screen.text();
    assert!(text.contains("Signal recorded as #15"), "{text}");
    assert!(text.contains("▶#15 Street light"), "{text}");
    assert!(text.contains("Signal 4"), "{text}");
}

#[test]
fn a_title_over_200_characters_is_refused_at_the_field() {
    let mut screen = Screen::demo(118, 40);
    screen.keys(&format!("n{}<c-s>", "x".repeat(201)));
    assert!(
        screen
            .text()
            .contains("The title is 201 characters; at most 200.")
    );
}

#[test]
fn escape_on_a_typed_form_asks_before_discarding() {
    let mut screen = Screen::demo(118, 40);
    screen.keys("nHalf a thought<esc>");
    let text = screen.text();
    assert!(text.contains("Unsaved changes"), "{text}");
    assert!(text.contains("Half a thought"), "{text}");
    screen.keys("<esc>");
    assert!(!screen.text().contains("Half a thought"));
}

#[test]
fn a_commission_is_the_decision_recorded_in_its_form() {
    let mut screen = Screen::demo(118, 40);
    screen.keys("><tab><tab><tab>Karin Svedberg<tab>Find the family within two weeks<c-s>");
    let text = screen.text();
    assert!(
        text.contains("commissioned by Strategic coordination group"),
        "{text}"
    );
    assert!(text.contains("Commissioned 2"), "{text}");
}

#[test]
fn saving_over_a_colleagues_edit_is_refused_and_keeps_the_text() {
    let mut screen = Screen::demo(118, 40);
    let id = screen.app.board.selected().unwrap().id;
    screen.keys("e<bs><bs><bs><bs>MY WORDS");
    let mut jonas = screen.other_session("jonas");
    let arena = jonas.arena(id).unwrap();
    let edit = ArenaEdit {
        title: "Jonas was here".into(),
        need: arena.need.clone(),
        mission: arena.mission.clone(),
        coordinator: arena.coordinator.clone(),
        mandate: arena.mandate.clone(),
        target_date: arena.target_date,
        participating: vec![],
    };
    jonas.edit_arena(id, arena.version, &edit).unwrap();
    screen.keys("<c-s>");
    let text = screen.text();
    assert!(
        text.contains(&format!("Not saved: jonas changed #{id}")),
        "{text}"
    );
    assert!(text.contains("MY WORDS"), "{text}");
    screen.keys("<c-s>");
    assert!(jonas.arena(id).unwrap().title.ends_with("MY WORDS"));
}

#[test]
fn declining_asks_for_a_reason_and_shows_the_declined_column() {
    let mut screen = Screen::demo(118, 40);
    screen.keys("d<enter>");
    assert!(screen.text().contains("A reason is needed"));
    screen.keys("Handled by the school alone<enter>");
    let text = screen.text();
    assert!(text.contains("declined. u undoes."), "{text}");
    assert!(text.contains("declined shown"), "{text}");
}

#[test]
fn the_text_filter_narrows_the_board_and_escape_clears_it() {
    let mut screen = Screen::demo(118, 40);
    screen.keys("/flood");
    let text = screen.text();
    assert!(
        text.contains("Flooded basements in the old mill district"),
        "{text}"
    );
    assert!(!text.contains("Widower"), "{text}");
    screen.keys("<enter><esc>");
    assert!(screen.text().contains("Widower"));
}

#[test]
fn the_mission_filter_cycles_through_the_configured_missions() {
    let mut screen = Screen::demo(118, 40);
    screen.keys("f");
    let text = screen.text();
    assert!(text.contains("Showing Learning & family only"), "{text}");
    assert!(!text.contains("Widower"), "{text}");
    screen.keys("ffff");
    assert!(screen.text().contains("Showing all missions."));
}

#[test]
fn the_detail_shows_need_mandate_and_history() {
    // Tall enough for the whole detail: the decision, team, related entries, meetings, history.
    let mut screen = Screen::demo(118, 64);
    let id = card_id_in_stage(&screen.path, "active");
    screen.keys(&format!("/#{id}<enter><enter>"));
    let text = screen.text();
    assert!(text.contains("Mandate"), "{text}");
    assert!(text.contains("History"), "{text}");
    assert!(text.contains("stage: staffing -> active"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn help_lists_every_key_of_the_keymap() {
    let mut screen = Screen::demo(120, 260);
    screen.keys("?");
    let text = screen.text();
    for binding in screen.app.keymap.bindings() {
        let description = puls::messages::command_description(binding.command);
        assert!(
            text.contains(description),
            "help lacks {description}:\n{text}"
        );
    }
    let screen = {
        let mut s = Screen::demo(120, 40);
        s.keys("?");
        s
    };
    insta::assert_snapshot!(screen.text());
}

#[test]
fn a_30x10_terminal_gets_a_clear_line_not_a_panic() {
    let screen = Screen::demo(30, 10);
    insta::assert_snapshot!(screen.text());
}

#[test]
fn another_sessions_signal_appears_and_the_selection_stays() {
    let mut screen = Screen::demo(118, 40);
    screen.keys("j");
    let selected = screen.app.board.selected().map(|c| c.id);
    let mut jonas = screen.other_session("jonas");
    jonas
        .create_signal(&puls::store::NewSignal {
            title: "Graffiti on the school".into(),
            need: String::new(),
            mission: "CD".into(),
            signalled_by: "jonas".into(),
            manager: String::new(),
            target_date: None,
        })
        .unwrap();
    assert!(screen.app.poll_changes());
    let text = screen.text();
    assert!(text.contains("#15 Graffiti"), "{text}");
    assert_eq!(screen.app.board.selected().map(|c| c.id), selected);
    assert!(!screen.app.poll_changes(), "nothing new: nothing to redraw");
}

#[test]
fn control_characters_in_stored_text_never_reach_the_screen() {
    let screen = Screen::demo(118, 40);
    let conn = rusqlite::Connection::open(&screen.path).unwrap();
    conn.execute(
        "UPDATE arenas SET title = 'Evil\x1b[2J\x07\u{9b}31m title\x1b]52;c;aGk=\x07' WHERE id = 4",
        [],
    )
    .unwrap();
    drop(conn);
    let mut screen = screen;
    screen.app.poll_changes();
    let text = screen.text();
    assert!(text.contains("#4 Evil[2J31m title]52;c;aGk="), "{text}");
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "a control character is on screen"
    );
}

#[test]
fn without_colour_late_arenas_are_still_marked_in_text() {
    let screen = Screen::demo(118, 40);
    let buffer = screen.draw_with(&Theme::mono());
    assert!(text_of(&buffer).contains("LATE"));
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
}

#[test]
fn ctrl_c_quits_even_from_a_form() {
    let mut screen = Screen::demo(80, 24);
    screen.keys("n<c-c>");
    assert!(screen.app.should_quit());
}

#[test]
fn wide_and_swedish_titles_keep_the_columns_aligned() {
    let screen = Screen::demo(118, 40);
    let conn = rusqlite::Connection::open(&screen.path).unwrap();
    conn.execute(
        "UPDATE arenas SET title = '日本語のタイトル 🙂 Åsa på ön' WHERE id = 4",
        [],
    )
    .unwrap();
    conn.execute(
        "UPDATE arenas SET title = 'Ärenden för äldre i Öjebyn' WHERE id = 6",
        [],
    )
    .unwrap();
    drop(conn);
    let mut screen = screen;
    screen.app.poll_changes();
    let buffer = screen.draw_with(&Theme::ansi16());
    let borders = |y: u16| -> Vec<u16> {
        (0..118)
            .filter(|&x| buffer[(x, y)].symbol() == "│")
            .collect()
    };
    let expected = borders(2);
    for y in 3..38 {
        assert_eq!(borders(y), expected, "row {y}:\n{}", text_of(&buffer));
    }
    assert!(text_of(&buffer).contains("Ärenden för"));
}

mod random_keys {
    use super::*;
    use proptest::prelude::*;

    fn any_key() -> impl Strategy<Value = KeyEvent> {
        let chars = prop::sample::select(
            "hjklgGnedfv/<>?uzq1x \u{1b}åé日"
                .chars()
                .collect::<Vec<_>>(),
        )
        .prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        let specials = prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageDown,
            KeyCode::Backspace,
        ])
        .prop_map(|c| KeyEvent::new(c, KeyModifiers::NONE));
        let save = Just(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
        prop_oneof![4 => chars, 3 => specials, 1 => save]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        #[test]
        fn random_keys_never_panic_and_keep_the_selection_on_a_card(
            keys in prop::collection::vec(any_key(), 1..60),
            width in 20u16..140,
            height in 6u16..50,
        ) {
            let mut screen = Screen::demo(width, height);
            for key in keys {
                screen.app.handle_key(key);
                if screen.app.should_quit() {
                    break;
                }
                let board = &screen.app.board;
                let column = &board.columns[board.column];
                prop_assert!(column.cards.is_empty() || column.selected < column.cards.len());
                screen.draw_with(&Theme::ansi16());
            }
        }
    }
}

mod roster_pane {
    use super::*;

    #[test]
    fn people_at_80x24_mark_over_allocation_in_words() {
        let mut screen = Screen::demo(80, 24);
        screen.keys("2v");
        let text = screen.text();
        let karin = text
            .lines()
            .find(|l| l.contains("Karin Svedberg"))
            .unwrap_or_default();
        assert!(karin.contains("35/30% OVER"), "{text}");
        insta::assert_snapshot!(text);
    }

    #[test]
    fn competences_show_holders_and_the_arenas_with_gaps() {
        let mut screen = Screen::demo(120, 40);
        screen.keys("2zvv");
        let text = screen.text();
        let trauma = text
            .lines()
            .find(|l| l.contains("Trauma counsellor"))
            .unwrap_or_default();
        assert!(trauma.contains("!1 gap: #1"), "{text}");
        insta::assert_snapshot!(text);
    }

    #[test]
    fn filtering_by_competence_keeps_only_its_holders() {
        let mut screen = Screen::demo(120, 40);
        screen.keys("2cnurse<enter>");
        let text = screen.text();
        for name in ["Britt Sundin", "Jonas Ekberg", "Nora Blom"] {
            assert!(text.contains(name), "{name} missing:\n{text}");
        }
        assert!(!text.contains("Karin Svedberg"), "{text}");
        insta::assert_snapshot!(text);
    }

    #[test]
    fn sorting_by_free_time_puts_the_most_available_first() {
        let mut screen = Screen::demo(120, 40);
        screen.keys("2vss");
        let person = screen.app.roster.selected_person().map(|p| p.name.clone());
        assert_eq!(
            person.as_deref(),
            Some("Elin Backman"),
            "60% free, first by name of the three"
        );
    }

    #[test]
    fn the_team_view_follows_the_board_selection() {
        let mut screen = Screen::demo(120, 40);
        screen.keys("/#3<enter>");
        let text = screen.text();
        assert!(text.contains("#3 A family stuck"), "{text}");
        assert!(text.contains("Anders Vik"), "{text}");
        assert!(
            text.contains("! Unfilled: Water and streets engineer"),
            "{text}"
        );
    }

    /// A screen on the board keeps the roster's glance, not every person: the people view
    /// reads them, a reload outside it lets them go, and the title counts the same either way.
    #[test]
    fn people_are_held_only_while_a_view_needs_them_and_the_counts_agree() {
        let mut screen = Screen::demo(120, 40);
        let roster = |s: &Screen| {
            let r = &s.app.roster;
            (r.holds_people(), r.people_count(), r.over_count())
        };
        assert_eq!(roster(&screen), (false, 22, 1));
        assert!(screen.text().contains("Roster 1 OVER"));
        screen.keys("2v");
        assert_eq!(roster(&screen), (true, 22, 1), "the people view");
        screen.keys("vv");
        let mut other = screen.other_session("jonas");
        other
            .add_competence("Sign language", "Communication")
            .unwrap();
        assert!(screen.app.poll_changes());
        assert_eq!(roster(&screen), (false, 22, 1), "let go in the team view");
        // A filter needs every person, in any view.
        screen.keys("c");
        screen.keys("Social<enter>");
        assert!(screen.app.roster.holds_people());
        assert!(screen.app.roster.people_count() < 22);
    }

    #[test]
    fn find_staff_allocates_the_best_fit_with_a_few_keys() {
        // A small team without line managers' approval: finding staff allocates at once.
        let config = puls::config::Config {
            staffing_approval: false,
            ..Default::default()
        };
        let keys = puls::app::keymap::Keymap::default_keys();
        let mut screen = Screen::demo_with(config, keys, 120, 40);
        screen.keys("/#2<enter>a");
        let text = screen.text();
        assert!(text.contains("▶Social worker with authority"), "{text}");
        assert!(
            text.contains("Karin Svedberg         L3 · 35/30% OVER"),
            "the only holder:\n{text}"
        );
        screen.keys("<enter><enter>");
        assert!(
            screen
                .text()
                .contains("How much of Karin Svedberg's week goes to #2?")
        );
        screen.keys("<enter>");
        let text = screen.text();
        assert!(text.contains("Karin Svedberg allocated to #2"), "{text}");
        assert!(text.contains("team 3 · !1 gap"), "{text}");
        // The people view reads every person, their loads as they are now.
        screen.keys("2v");
        let karin = screen
            .app
            .roster
            .people()
            .iter()
            .find(|p| p.name == "Karin Svedberg")
            .unwrap();
        assert_eq!(karin.load.allocated, 35 + 10);
    }

    #[test]
    fn a_need_is_added_by_its_catalogue_name_with_suggestions_when_unsure() {
        let mut screen = Screen::demo(120, 40);
        screen.keys("/#4<enter>an");
        screen.keys("nurse<enter>");
        let text = screen.text();
        assert!(
            text.contains("Did you mean: Dementia nurse, School nurse?"),
            "{text}"
        );
        for _ in 0..5 {
            screen.keys("<bs>");
        }
        screen.keys("Dementia nurse<enter>");
        let text = screen.text();
        assert!(text.contains("#4 now needs: Dementia nurse."), "{text}");
        assert!(
            text.contains("Britt Sundin"),
            "the popup offers holders at once:\n{text}"
        );
    }

    #[test]
    fn a_person_with_allocations_is_not_deleted_and_the_screen_says_why() {
        let mut screen = Screen::demo(120, 40);
        screen.keys("2v/Karin<enter>D");
        let text = screen.text();
        assert!(text.contains("deactivate them instead"), "{text}");
        screen.keys("d");
        assert!(screen.text().contains("Karin Svedberg is inactive"));
    }

    #[test]
    fn a_new_person_with_an_unknown_competence_keeps_the_form_and_says_which() {
        let mut screen = Screen::demo(120, 40);
        screen.keys(
            "2vnAnna Ek<tab>Health & care<tab><tab><tab><bs><bs>25<tab><tab>Astronaut: 3<c-s>",
        );
        let text = screen.text();
        assert!(
            text.contains("\"Astronaut\" is not in the catalogue"),
            "{text}"
        );
        screen.keys("<bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs><bs>Dementia nurse: 3<c-s>");
        let text = screen.text();
        assert!(text.contains("Anna Ek saved."), "{text}");
        let anna = screen
            .app
            .roster
            .people()
            .iter()
            .find(|p| p.name == "Anna Ek")
            .unwrap();
        assert_eq!(anna.load.capacity, 25);
        assert_eq!(&*anna.competences[0].0, "Dementia nurse");
    }
}

mod plan_pane {
    use super::*;

    /// Arena 1, the newcomer, with its plan focused.
    fn newcomer(width: u16, height: u16) -> Screen {
        let mut screen = Screen::demo(width, height);
        screen.keys("/#1<enter>3");
        screen
    }

    #[test]
    fn the_four_steps_show_their_marks_and_what_they_lack_at_80x24() {
        let mut screen = newcomer(80, 24);
        let text = screen.text();
        assert!(text.contains("P Proactivity ✓"), "{text}");
        assert!(
            text.contains("U Development 4/5  a need unfilled"),
            "{text}"
        );
        assert!(text.contains("PULS plan P✓ U4/5 L0/3 S3/6"), "{text}");
        insta::assert_snapshot!("plan_top_at_80x24", text);
        screen.keys("llljjjj");
        let text = screen.text();
        assert!(
            text.contains("S Service 3/6  3 activities not done"),
            "{text}"
        );
        assert!(
            text.contains("[BLOCKED: no trauma counsellor in the team yet] Arrange trauma support"),
            "{text}"
        );
        insta::assert_snapshot!("plan_service_at_80x24", text);
    }

    #[test]
    fn the_plan_sits_beside_the_board_at_120x40_and_follows_it() {
        let mut screen = Screen::demo(120, 40);
        screen.keys("/#3<enter>");
        let text = screen.text();
        assert!(text.contains("PULS plan P✓ U4/5 L0/2 S2/4"), "{text}");
        insta::assert_snapshot!(text);
    }

    #[test]
    fn the_board_card_shows_the_same_marks() {
        let screen = newcomer(118, 40);
        let text = screen.text();
        assert!(text.contains(" P✓ U4/5 L0/3 S3/6"), "{text}");
    }

    #[test]
    fn a_refused_move_lists_what_the_plan_lacks() {
        let mut screen = newcomer(80, 24);
        screen.keys(">");
        let text = screen.text();
        assert!(
            text.contains(
                "#1 cannot go to Returning knowledge: 3 criteria without result or reason."
            ),
            "{text}"
        );
    }

    #[test]
    fn a_contact_is_logged_and_moves_the_next_contact_date() {
        let mut screen = newcomer(120, 40);
        screen.keys("zaTalked about the placement<c-s>");
        let text = screen.text();
        assert!(text.contains("#1: PULS program saved."), "{text}");
        assert!(
            text.contains("2026-11-23 phone: Talked about the placement (Per Holm)"),
            "{text}"
        );
        assert!(text.contains("next contact 2026-12-07"), "{text}");
    }

    #[test]
    fn activities_are_added_moved_blocked_finished_and_deleted_by_keys() {
        let mut screen = newcomer(120, 40);
        screen.keys("zlllaCall the employer<tab><tab>2026-12-01<c-s>");
        assert!(
            screen
                .text()
                .contains("▶  7. [todo] Call the employer · 2026-12-01"),
            "{}",
            screen.text()
        );
        screen.keys("K");
        assert!(
            screen.text().contains("6. [todo] Call the employer"),
            "{}",
            screen.text()
        );
        screen.keys("bNo answer yet<enter>");
        assert!(
            screen
                .text()
                .contains("6. [BLOCKED: No answer yet] Call the employer"),
            "{}",
            screen.text()
        );
        screen.keys("<space>");
        assert!(
            screen.text().contains("6. [done] Call the employer"),
            "{}",
            screen.text()
        );
        assert!(screen.text().contains("S Service 4/7"), "{}", screen.text());
        screen.keys("x<enter>");
        let text = screen.text();
        assert!(text.contains("Deleted \"Call the employer\"."), "{text}");
        assert!(!text.contains("Call the employer ·"), "{text}");
    }

    #[test]
    fn a_criterion_needs_its_text_and_keeps_the_rest_when_refused() {
        let mut screen = newcomer(120, 40);
        screen.keys("zll");
        screen.keys("a<tab>survey<tab>yes<c-s>");
        let text = screen.text();
        assert!(text.contains("This cannot be empty."), "{text}");
        assert!(text.contains("survey"), "{text}");
        screen.keys("He feels at home<c-s>");
        let text = screen.text();
        assert!(text.contains("L Learning 0/4"), "{text}");
    }

    #[test]
    fn the_communication_lead_must_be_on_the_roster() {
        let mut screen = newcomer(120, 40);
        screen.keys("ze<tab>");
        for _ in 0..8 {
            screen.keys("<bs>");
        }
        screen.keys("Nobody<c-s>");
        assert!(
            screen
                .text()
                .contains("Nobody on the roster is called \"Nobody\"."),
            "{}",
            screen.text()
        );
    }
}

#[test]
fn a_need_gets_its_reason_when_added_and_when_edited() {
    let mut screen = Screen::demo(120, 40);
    screen.keys("/#4<enter>3zlaDementia nurse: he forgets his medicine<enter><esc>");
    let text = screen.text();
    assert!(
        text.contains("! Dementia nurse (needed): he forgets his medicine"),
        "{text}"
    );
    screen.keys("e");
    for _ in 0..8 {
        screen.keys("<bs>");
    }
    screen.keys("and his meals<enter>");
    assert!(
        screen
            .text()
            .contains("(needed): he forgets his and his meals"),
        "{}",
        screen.text()
    );
}

#[test]
fn the_history_view_lists_every_change_newest_first() {
    let mut screen = Screen::demo(118, 40);
    screen.keys("/#1<enter>H");
    let text = screen.text();
    assert!(text.contains("History #1 Work, Swedish"), "{text}");
    let first_move = text
        .find("stage: staffing -> active")
        .expect("the move to Active");
    let signal = text.find("signal     Work, Swedish").expect("the signal");
    assert!(first_move < signal, "newest first:\n{text}");
    screen.keys("<esc><enter>h");
    assert!(
        screen.text().contains("History #1"),
        "h from the detail too"
    );
}

#[test]
fn a_conflicting_edit_shows_their_version_under_each_field() {
    let mut screen = Screen::demo(118, 40);
    screen.keys("/#1<enter>e");
    let mut jonas = screen.other_session("jonas");
    let arena = jonas.arena(1).unwrap();
    let edit = ArenaEdit {
        title: "Jonas's title".into(),
        need: arena.need.clone(),
        mission: arena.mission.clone(),
        coordinator: arena.coordinator.clone(),
        mandate: arena.mandate.clone(),
        target_date: arena.target_date,
        participating: vec![],
    };
    jonas.edit_arena(1, arena.version, &edit).unwrap();
    screen.keys(" too<c-s>");
    let text = screen.text();
    assert!(text.contains("theirs: Jonas's title"), "{text}");
    assert!(text.contains("young man too"), "my text is kept:\n{text}");
    assert!(
        !text.contains("theirs: Within four months"),
        "unchanged fields show nothing:\n{text}"
    );
}

#[test]
fn a_world_readable_database_is_warned_about_on_the_screen() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("open.db");
    puls::demo::fill(&path, "maja", now()).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let screen = Screen::open(&path, "maja", 118, 40);
    let text = screen.text();
    assert!(text.contains("!"), "{text}");
    assert!(text.contains("anyone on this machine can read"), "{text}");
}

#[test]
fn no_stored_text_in_any_field_reaches_any_pane_as_a_control() {
    // Every text column of every table a pane draws, written directly as another program could.
    let hostile = "X\x1b[2J\x07\x1b]52;c;aGk=\x07\u{9b}31m\u{202e}Y";
    let screen = Screen::demo(140, 50);
    let conn = rusqlite::Connection::open(&screen.path).unwrap();
    for (table, columns) in [
        (
            "arenas",
            "title = ?1, need = ?1, mandate = ?1, signalled_by = ?1, recipient = ?1, decline_reason = ?1",
        ),
        ("people", "name = ?1 || id, role = ?1, contact = ?1"),
        ("units", "name = ?1 || id"),
        ("competences", "name = ?1 || id, category = ?1"),
        ("needs", "reason = ?1"),
        ("contacts", "channel = ?1, summary = ?1, by_whom = ?1"),
        (
            "criteria",
            "text = ?1, measure = ?1, target = ?1, result = ?1",
        ),
        ("activities", "text = ?1, owner = ?1, blocked_reason = ?1"),
        ("audit", "who = ?1, detail = ?1"),
    ] {
        conn.execute(&format!("UPDATE {table} SET {columns}"), [hostile])
            .unwrap();
    }
    drop(conn);
    let mut screen = screen;
    screen.app.poll_changes();
    let mut seen = Vec::new();
    for keys in [
        "", "<enter>", "<esc>H", "<esc>2", "v", "v", "3", "lll", "1a", "<esc>?",
    ] {
        screen.keys(keys);
        let buffer = screen.draw_with(&Theme::ansi16());
        let text = text_of(&buffer);
        assert!(
            !buffer.content().iter().any(|c| c
                .symbol()
                .chars()
                .any(|ch| ch.is_control() || ('\u{202a}'..='\u{202e}').contains(&ch))),
            "a control character is on screen after {keys:?}:\n{text}"
        );
        seen.push(text);
    }
    assert!(
        seen.iter().any(|t| t.contains("X[2J]52;c;aGk=31mY")),
        "the hostile text is shown, defused"
    );
}

mod bank_pane {
    use super::*;

    #[test]
    fn searching_as_you_type_ranks_and_marks_the_matches() {
        let mut screen = Screen::demo(120, 40);
        screen.keys("4z/discharge");
        let text = screen.text();
        assert!(text.contains("[/discharge]"), "{text}");
        assert!(
            text.contains("▶One discharge checklist"),
            "the title match first:\n{text}"
        );
        insta::assert_snapshot!(text);
        screen.keys("<enter><enter>");
        let text = screen.text();
        assert!(
            text.contains("by Jonas Ekberg"),
            "the whole entry opens:\n{text}"
        );
    }

    #[test]
    fn an_entry_shared_with_the_region_says_so_in_its_preview_and_reading() {
        // Given a demo entry its coordinator shared with the region
        let (_dir, path) = app::demo_db();
        let mut store = app::open(&path, "maja");
        let hit = &store
            .search_entries("discharge", &puls::store::EntryFilter::default(), 1)
            .unwrap()[0];
        store.share_entry(hit.id, true).unwrap();

        // When the bank finds it
        let mut screen = Screen::open(&path, "maja", 120, 40);
        screen.keys("4z/discharge");

        // Then its preview says it is shared, and so does the whole entry
        let text = screen.text();
        assert!(
            text.contains("by Jonas Ekberg") && text.contains(" · shared with the region"),
            "{text}"
        );
        insta::assert_snapshot!(text);
        screen.keys("<enter><enter>");
        let text = screen.text();
        assert!(text.contains(" · shared with the region"), "{text}");
    }

    #[test]
    fn hostile_search_text_never_errors() {
        let mut screen = Screen::demo(120, 40);
        screen.keys("4z");
        for query in [
            "\"", "*", "-", "NEAR(", "title:x", "a AND", "(", ")", "'", "OR OR",
        ] {
            screen.keys("/");
            screen.keys(query);
            screen.keys("<enter>");
            let text = screen.text();
            assert!(!text.contains("database error"), "{query}:\n{text}");
            screen.keys("<esc>");
        }
    }

    #[test]
    fn a_new_entry_is_written_with_tags_and_found_again() {
        let mut screen = Screen::demo(120, 40);
        screen.keys("4znLanguage café on Thursdays<tab><right><tab>språkcafé, #newcomers<tab>Language teacher<tab><tab>Volunteers and newcomers practise Swedish over coffee.<c-s>");
        let text = screen.text();
        assert!(
            text.contains("Entry \"Language café on Thursdays\" saved"),
            "{text}"
        );
        screen.keys("/thursday");
        let text = screen.text();
        assert!(
            text.contains("Language café on Thursdays (method #4) · newcomers, språkcafé"),
            "linked to the selected arena:\n{text}"
        );
    }

    #[test]
    fn the_detail_asks_have_we_met_this_before() {
        let mut screen = Screen::demo(120, 40);
        screen.keys("j<enter>");
        let text = screen.text();
        assert!(text.contains("#6 Young people gathering"), "{text}");
        assert!(text.contains("We may have met this before"), "{text}");
        assert!(text.contains("Employers hire the young people"), "{text}");
        // The widower lost his wife "in the summer": one shared word is no reason to offer him
        // the summer jobs for young people.
        screen.keys("<esc>k<enter>");
        let text = screen.text();
        assert!(text.contains("#4 Widower alone at home"), "{text}");
        assert!(!text.contains("We may have met this before"), "{text}");
        assert!(!text.contains("Summer jobs"), "{text}");
    }

    #[test]
    fn returning_offers_an_entry_and_closing_needs_one() {
        let mut screen = Screen::demo(118, 40);
        let conn = rusqlite::Connection::open(&screen.path).unwrap();
        conn.execute("UPDATE criteria SET result = 'done' WHERE arena_id = 8", [])
            .unwrap();
        drop(conn);
        screen.app.poll_changes();
        screen.keys("/#8<enter>>");
        let text = screen.text();
        assert!(
            text.contains("#8 moved to Returning knowledge")
                || text.contains("returns its knowledge"),
            "{text}"
        );
        assert!(
            text.contains("What we learned: New parents"),
            "the entry is offered:\n{text}"
        );
        screen.keys("<esc><esc>>");
        let text = screen.text();
        assert!(
            text.contains("#8 cannot go to Closed: no knowledge-bank entry written yet (an untouched draft does not count)."),
            "{text}"
        );
    }
}

#[test]
fn the_key_figures_show_stages_as_bars_and_every_number_in_words() {
    let mut screen = Screen::demo(120, 40);
    screen.keys("K");
    let text = screen.text();
    assert!(text.contains("Key figures"), "{text}");
    assert!(text.contains("Arenas by stage"), "{text}");
    assert!(text.contains("Late against target date (2)"), "{text}");
    assert!(text.contains("Staffing today"), "{text}");
    insta::assert_snapshot!(text);
}

/// The audit's detail on the personal data allowed into arena `id`.
fn personal_data_logged(path: &Path, id: i64) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(
        "SELECT detail FROM audit WHERE action = 'personal-data' AND entity_id = ?1",
        [id],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn a_personal_number_in_a_form_is_shown_once_then_kept_and_logged() {
    let mut screen = Screen::demo(118, 40);
    screen.keys("nCalled about 121212-1212<c-s>");
    let text = screen.text();
    assert!(
        text.contains("Looks like personal data: Title: personal identity number (121212-****)"),
        "{text}"
    );
    assert!(text.contains("New signal"), "the form stays open:\n{text}");
    screen.keys("<c-s>");
    assert!(
        screen.text().contains("Signal recorded as #15"),
        "{}",
        screen.text()
    );
    assert_eq!(
        personal_data_logged(&screen.path, 15),
        "allowed in Title: personal identity number"
    );
}

#[test]
fn a_swedish_screen_logs_personal_data_in_the_historys_one_language() {
    puls::messages::set_language(puls::messages::Language::Swedish);
    let mut screen = Screen::demo(118, 40);
    screen.keys("nRingde om 121212-1212<c-s>");
    assert!(screen.text().contains("personnummer (121212-****)"));
    screen.keys("<c-s>");
    puls::messages::set_language(puls::messages::Language::English);
    assert_eq!(
        personal_data_logged(&screen.path, 15),
        "allowed in Title: personal identity number"
    );
}
