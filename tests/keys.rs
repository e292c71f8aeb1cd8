//! Keys beyond one press: two-key sequences from the user's config, the command palette, pasted
//! text and the external editor, driven through `App` as the terminal would drive it.

use crossterm::event::Event;
use puls::app::form::FieldId;
use puls::app::popup::Popup;
use puls::settings::Settings;

#[path = "shared/app.rs"]
pub mod app;
use app::Screen;

impl Screen {
    /// The demo at `width` x `height`, with `config` as the user's config file.
    fn with_config(config: &str, width: u16, height: u16) -> Screen {
        let Settings { config, keymap } = Settings::from_toml(config).unwrap();
        Screen::demo_with(config, keymap, width, height)
    }

    fn selected_card(&self) -> Option<i64> {
        self.app.board.selected().map(|c| c.id)
    }

    /// Moves to a column of at least three cards and down to its third.
    fn third_card(&mut self) -> &mut Self {
        let column = self
            .app
            .board
            .columns
            .iter()
            .position(|c| c.cards.len() >= 3)
            .expect("a column of three cards in the demo");
        for _ in 0..column {
            self.keys("l");
        }
        self.keys("jj")
    }

    fn field(&self, id: FieldId) -> String {
        let Some(Popup::Form(form)) = &self.app.popup else {
            panic!("no form open");
        };
        form.fields.iter().find(|f| f.id == id).unwrap().value()
    }
}

const G_G: &str = "[keys.board]\n\"g g\" = \"first-card\"\n";

#[test]
fn g_g_goes_to_the_first_card_and_the_first_g_waits_on_the_status_line() {
    let mut screen = Screen::with_config(G_G, 80, 24);
    screen.third_card();
    let third = screen.selected_card();
    screen.keys("g");
    assert_eq!(screen.selected_card(), third, "the first g alone moved");
    let status = screen.text().lines().last().unwrap().to_owned();
    assert!(
        status.contains("g … (next key, or Esc to cancel)"),
        "{status}"
    );
    screen.keys("g");
    assert_eq!(
        screen.app.board.columns[screen.app.board.column].selected,
        0
    );
    assert_ne!(screen.selected_card(), third);
}

#[test]
fn esc_after_the_first_key_cancels_and_does_nothing_else() {
    let mut screen = Screen::with_config(G_G, 80, 24);
    screen.third_card();
    let third = screen.selected_card();
    screen.keys("g<esc>");
    assert_eq!(screen.selected_card(), third);
    assert!(!screen.app.should_quit(), "Esc went on to close puls");
    assert_eq!(screen.app.status, None);
    // Nothing is pending any more: the next "g" waits again rather than completing a pair.
    screen.keys("g");
    assert_eq!(screen.selected_card(), third);
}

#[test]
fn an_unbound_second_key_cancels_without_its_own_action() {
    let mut screen = Screen::with_config(G_G, 80, 24);
    screen.third_card();
    let third = screen.selected_card();
    // "k" alone moves up; as the second key of "g k", bound to nothing, it does not.
    screen.keys("gk");
    assert_eq!(screen.selected_card(), third);
    screen.keys("k");
    assert_ne!(screen.selected_card(), third);
}

#[test]
fn the_palette_finds_zoom_from_zo_and_runs_it_on_the_board() {
    let mut screen = Screen::with_config("", 80, 24);
    screen.keys(":zo");
    insta::assert_snapshot!(screen.text());
    assert!(!screen.app.zoomed);
    screen.keys("<enter>");
    assert!(screen.app.zoomed);
    assert!(screen.app.popup.is_none());
}

#[test]
fn the_palette_runs_its_command_where_it_was_opened_and_esc_puts_that_back() {
    let mut screen = Screen::with_config("", 80, 24);
    // Over an arena's detail: Esc gives the detail back; "decline" runs on that arena.
    screen.keys("<enter>:dec");
    screen.keys("<esc>");
    assert!(matches!(screen.app.popup, Some(Popup::Detail(_))));
    screen.keys(":decline<enter>");
    assert!(
        matches!(screen.app.popup, Some(Popup::Prompt(_))),
        "{}",
        screen.text()
    );
}

#[test]
fn a_pasted_paragraph_is_one_edit_with_its_lines_only_where_lines_belong() {
    let mut screen = Screen::with_config("", 80, 24);
    screen.keys("n");
    screen
        .app
        .handle_event(&Event::Paste("Family moved\r\nneeds a plan".to_owned()));
    assert_eq!(screen.field(FieldId::Title), "Family moved needs a plan");
    screen.keys("<tab>");
    screen
        .app
        .handle_event(&Event::Paste("First line\rsecond line\nthird".to_owned()));
    assert_eq!(
        screen.field(FieldId::Need),
        "First line\nsecond line\nthird"
    );
    // The form knows it was typed in: Esc asks before throwing the paste away.
    screen.keys("<esc>");
    assert!(matches!(screen.app.popup, Some(Popup::Form(_))));
}

#[test]
fn ctrl_e_asks_for_the_editor_only_in_a_multi_line_field() {
    let mut screen = Screen::with_config("", 80, 24);
    screen.keys("n");
    screen.keys("<c-e>");
    assert!(!screen.app.wants_editor());
    let status = screen.app.status.clone().unwrap().text;
    assert_eq!(status, "Only a multi-line field opens in the editor.");
    assert!(!screen.text().contains("Ctrl-E editor"));
    screen.keys("<tab>need");
    assert!(screen.text().contains("Ctrl-E editor"), "{}", screen.text());
    screen.keys("<c-e>");
    assert_eq!(screen.app.take_editor_request().as_deref(), Some("need"));
    screen
        .app
        .editor_finished(Ok("need\nwritten in the editor".to_owned()));
    assert_eq!(screen.field(FieldId::Need), "need\nwritten in the editor");
}

#[test]
fn a_failed_editor_leaves_the_field_and_says_why() {
    let mut screen = Screen::with_config("", 80, 24);
    screen.keys("n");
    screen.keys("<tab>kept");
    screen.keys("<c-e>");
    screen.app.take_editor_request();
    screen.app.editor_finished(Err(
        "The editor (vi) exit status: 1: the field is unchanged.".to_owned(),
    ));
    assert_eq!(screen.field(FieldId::Need), "kept");
    assert!(screen.text().contains("the field is unchanged"));
}

#[test]
fn the_hint_bar_follows_the_keymap_and_the_panes_statement() {
    // Given the board with "new-signal" moved to F2 in the user's config
    let screen = Screen::with_config(
        "[keys.board]\n\"f2\" = \"new-signal\"\n\"n\" = \"filter-mission\"\n",
        200,
        40,
    );
    let status = screen.text().lines().last().unwrap().to_owned();

    // Then the hint bar names the new key for it, in the order the board states its hints
    let new_signal = status.find(" f2 new ").expect(&status);
    let detail = status.find(" enter open ").expect(&status);
    assert!(new_signal < detail, "{status}");
    assert!(!status.contains(" n new "), "{status}");
}

#[test]
fn a_key_bound_to_what_its_place_ignores_is_refused_at_start() {
    let refused = Settings::from_toml("[keys.form]\n\"ctrl-d\" = \"decline\"\n")
        .err()
        .expect("decline in a form was accepted");
    assert!(
        refused.detail.contains("does nothing in [keys.form]"),
        "{}",
        refused.detail
    );
}
