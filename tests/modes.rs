//! The screen in its other modes: no colour (`mono`), ASCII only, plain for screen readers, and
//! with the mouse switched on. Driven through keys and mouse events into `App`, drawn into a
//! `TestBackend`.

use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use puls::app::Pane;
use puls::app::keymap::Keymap;
use puls::config::Config;
use puls::ui::Theme;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

#[path = "shared/app.rs"]
pub mod app;
use app::{Screen, text_of};

impl Screen {
    /// The demo municipality at 2026-11-23 09:00 UTC, with `config` changed by `set`.
    fn configured(width: u16, height: u16, set: impl FnOnce(&mut Config)) -> Screen {
        let mut config = Config::default();
        set(&mut config);
        Screen::demo_with(config, Keymap::default_keys(), width, height)
    }

    fn mouse(&mut self, kind: MouseEventKind, column: u16, row: u16) -> bool {
        self.app.handle_event(&Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }))
    }

    fn click(&mut self, column: u16, row: u16) -> bool {
        self.mouse(MouseEventKind::Down(MouseButton::Left), column, row)
    }

    fn selected(&self) -> Option<i64> {
        self.app.board.selected().map(|c| c.id)
    }
}

/// The screen as text with what each cell looks like without colour on the row beneath it:
/// `b` bold, `d` dim, `r` reversed, `u` underlined, `B` bold and reversed, `U` bold and
/// underlined, `*` any other mix. A row of plain cells gets no second row.
fn styled_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = Vec::new();
    for y in 0..area.height {
        let cells: Vec<_> = (0..area.width).map(|x| &buffer[(x, y)]).collect();
        let text: String = cells.iter().map(|c| c.symbol()).collect();
        let marks: String = cells
            .iter()
            .map(|c| {
                let m = c.modifier;
                let b = Modifier::BOLD;
                match m {
                    _ if m.is_empty() => ' ',
                    _ if m == b => 'b',
                    _ if m == Modifier::DIM => 'd',
                    _ if m == Modifier::REVERSED => 'r',
                    _ if m == Modifier::UNDERLINED => 'u',
                    _ if m == b | Modifier::REVERSED => 'B',
                    _ if m == b | Modifier::UNDERLINED => 'U',
                    _ => '*',
                }
            })
            .collect();
        out.push(text.trim_end().to_owned());
        if !marks.trim().is_empty() {
            out.push(marks.trim_end().to_owned());
        }
    }
    out.join("\n")
}

#[test]
fn the_board_in_mono_at_80x24_shows_meaning_by_bold_reverse_and_underline() {
    // Given the demo board without colour
    let screen = Screen::configured(80, 24, |_| {});
    let buffer = screen.draw_with(&Theme::mono());

    // Then no cell has a colour, and what each cell means shows in its modifiers
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    insta::assert_snapshot!(styled_text(&buffer));
}

/// Every character drawn that is not ASCII, with where it is.
fn non_ascii(buffer: &Buffer) -> Vec<(u16, u16, String)> {
    let area = buffer.area;
    (0..area.height)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| !buffer[(x, y)].symbol().is_ascii())
        .map(|(x, y)| (x, y, buffer[(x, y)].symbol().to_owned()))
        .collect()
}

#[test]
fn ascii_mode_draws_only_ascii_on_every_pane_and_popup() {
    // The keys to every pane and popup, from the board.
    let visits = [
        ("board", ""),
        ("card detail", "<enter>"),
        ("new signal form", "n"),
        ("find staff", "lla"),
        ("key figures", "K"),
        ("stand-up", "s"),
        ("help", "?"),
        ("roster team", "2"),
        ("roster people", "2v"),
        ("roster competences", "2vv"),
        ("plan", "lll3"),
        ("bank", "4"),
        ("bank search", "4/a<enter>"),
    ];
    for (width, height) in [(80, 24), (120, 40)] {
        for (what, keys) in visits {
            // Given the demo in ASCII mode, whose names and titles hold å, ä and ö
            let mut screen = Screen::configured(width, height, |c| c.ascii = true);

            // When the pane or popup is opened
            screen.keys(keys);
            let buffer = screen.draw_with(&Theme::ansi16());

            // Then not one cell holds anything but ASCII
            let text = text_of(&buffer);
            assert!(
                non_ascii(&buffer).is_empty(),
                "{what} at {width}x{height}: {:?}\n{text}",
                non_ascii(&buffer)
            );
            assert!(text.lines().count() > 3, "{what}: nothing drawn");
        }
    }
    // And the same screens have plenty of Unicode when the mode is off
    let screen = Screen::configured(80, 24, |_| {});
    assert!(!non_ascii(&screen.draw_with(&Theme::ansi16())).is_empty());
}

#[test]
fn the_board_in_ascii_at_80x24() {
    let screen = Screen::configured(80, 24, |c| c.ascii = true);
    insta::assert_snapshot!(screen.text());
}

/// Plain mode's status line: its two rows as one text.
fn status(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len() - 2..].join(" ").trim().to_owned()
}

#[test]
fn the_board_in_plain_mode_at_80x24_is_one_card_a_line() {
    // Given the demo board in plain mode
    let mut screen = Screen::configured(80, 24, |c| c.plain = true);

    // Then no box drawing, the selected column's cards a line each, and the status line says
    // which card has the focus
    let text = screen.text();
    assert!(
        !text.chars().any(|c| ('\u{2500}'..='\u{259f}').contains(&c)),
        "{text}"
    );
    insta::assert_snapshot!(text);
    assert_eq!(
        status(&text),
        "Arena #4 Widower alone at home, turning down home care, Signal, column 1 of 6, card 1 of 3"
    );

    // When the focus moves to the next column and down a card
    screen.keys("lj");

    // Then the list shows that column and the status line follows
    let text = screen.text();
    assert!(
        status(&text).ends_with(", Commissioned, column 2 of 6, card 1 of 1"),
        "{text}"
    );
    assert!(text.contains("Commissioned 1"), "{text}");
}

#[test]
fn plain_mode_gives_a_popup_whole_rows_and_never_tiles_panes() {
    // Given plain mode on a screen big enough to tile
    let mut screen = Screen::configured(120, 40, |c| c.plain = true);
    let text = screen.text();
    assert!(
        !text.lines().any(|l| l.contains("Competences")),
        "tiled:\n{text}"
    );

    // When help opens
    screen.keys("?");
    let text = screen.text();

    // Then no row holds anything of the board behind it
    assert!(text.contains("ctrl-c"), "{text}");
    assert!(!text.contains("Widower"), "{text}");

    // And in a form, the status line names the field being typed into
    screen.keys("<esc>n");
    let text = screen.text();
    assert!(status(&text).starts_with("Field Title, 1 of"), "{text}");
}

#[test]
fn plain_mode_announces_rows_in_the_other_panes() {
    let mut screen = Screen::configured(80, 24, |c| c.plain = true);
    for (keys, starts) in [
        ("2v", "Person "),
        ("v", "Competence "),
        // #6, whose bank lists related entries (the first card, the widower's, has none)
        ("1j4", "Entry "),
        ("1lll3", "Plan of #"),
    ] {
        screen.keys(keys);
        let text = screen.text();
        let status = status(&text);
        assert!(status.starts_with(starts), "after {keys}: {status}\n{text}");
        assert!(status.contains(" of "), "{status}");
    }
}

#[test]
fn the_mouse_is_off_until_switched_on_and_then_a_click_selects_a_card() {
    // Given the demo at 80x24, mouse off by default: a click on the second column's card is
    // ignored
    let mut screen = Screen::configured(80, 24, |_| {});
    let before = screen.selected();
    assert!(!screen.app.mouse());
    assert!(!screen.click(30, 4));
    assert_eq!(screen.selected(), before);
    assert_eq!(screen.app.board.column, 0);

    // When ctrl-o switches it on and the first card of the second column is clicked
    screen.keys("<c-o>");
    assert!(screen.app.mouse());
    assert!(screen.click(30, 4));

    // Then that card is selected
    assert_eq!(screen.app.board.column, 1);
    let text = screen.text();
    let card = screen.app.board.selected().map(|c| format!("#{}", c.id));
    assert!(
        card.is_some_and(|id| text.contains(&format!("▶{id}"))),
        "{text}"
    );

    // And a click on the line under a card, or on a heading, changes no selection
    screen.click(5, 8);
    screen.click(50, 14);
    screen.click(50, 2);
    assert_eq!(screen.app.board.column, 1);
    // But one on the first column's third card selects it
    screen.click(5, 15);
    assert_eq!(
        (
            screen.app.board.column,
            screen.app.board.columns[0].selected
        ),
        (0, 2)
    );

    // And ctrl-o switches it off again
    screen.keys("<c-o>");
    assert!(!screen.app.mouse());
}

#[test]
fn the_wheel_scrolls_the_focused_list() {
    // Given the mouse on and the board's first column, three signals
    let mut screen = Screen::configured(80, 24, |c| c.mouse = true);
    assert_eq!(screen.app.board.columns[0].selected, 0);

    // When the wheel turns down twice and up once
    screen.mouse(MouseEventKind::ScrollDown, 10, 10);
    screen.mouse(MouseEventKind::ScrollDown, 10, 10);
    screen.mouse(MouseEventKind::ScrollUp, 10, 10);

    // Then the selection moved one card down
    assert_eq!(screen.app.board.columns[0].selected, 1);

    // And on the roster's people, the wheel moves the row
    screen.keys("2v");
    let row = screen.app.roster.selected();
    screen.mouse(MouseEventKind::ScrollDown, 10, 10);
    assert_eq!(screen.app.roster.selected(), row + 1);

    // And in help it scrolls the text
    screen.keys("?");
    screen.mouse(MouseEventKind::ScrollDown, 10, 10);
    assert!(matches!(
        screen.app.popup,
        Some(puls::app::popup::Popup::Help { scroll: 1 })
    ));
}

#[test]
fn a_click_on_a_tiled_pane_focuses_it() {
    // Given all panes tiled at 120x40 with the mouse on
    let mut screen = Screen::configured(120, 40, |c| c.mouse = true);
    assert_eq!(screen.app.focus, Pane::Board);

    // When the right-hand panes are clicked, top to bottom, then the board
    for (row, pane) in [(5, Pane::Roster), (18, Pane::Plan), (30, Pane::Bank)] {
        assert!(screen.click(100, row));
        assert_eq!(screen.app.focus, pane, "row {row}");
    }
    screen.click(10, 20);

    // Then each took the focus in turn, and the board has it back
    assert_eq!(screen.app.focus, Pane::Board);
}

#[test]
fn in_plain_mode_a_click_selects_the_card_on_that_line() {
    let mut screen = Screen::configured(80, 24, |c| {
        c.plain = true;
        c.mouse = true;
    });
    // The top bar, the title row, the heading: the third signal is on row 5.
    assert!(screen.click(10, 5));
    assert_eq!(screen.app.board.columns[0].selected, 2);
}

#[test]
fn a_retired_competence_says_so_in_words_not_only_by_colour() {
    // Given the roster's competences, the first one retired and retired ones shown
    let mut screen = Screen::configured(120, 40, |_| {});
    screen.keys("2vv");
    let name = screen
        .app
        .roster
        .selected_competence()
        .map(|c| c.name.clone())
        .unwrap_or_default();
    screen.keys("di");

    // Then its row carries the word, in any theme
    let text = text_of(&screen.draw_with(&Theme::mono()));
    let start: String = name.chars().take(5).collect();
    assert!(
        text.lines()
            .any(|l| l.contains(&format!("[inactive] {start}"))),
        "{name}:\n{text}"
    );
}
