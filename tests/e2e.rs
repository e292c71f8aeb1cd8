//! End to end: the real `puls` binary in a pseudo-terminal, read back through a terminal
//! emulator (`vt100`), the way a coordinator would see it.
//!
//! Every test has its own temporary HOME and database, so tests may run in parallel and never
//! touch the developer's own puls data. Nothing waits by sleeping: a background thread feeds
//! everything the program writes into the emulator, and `wait_for` polls the emulated screen
//! until a condition holds or a generous deadline passes, then fails with the screen it saw.
//!
//! The assertions read the screen the way a person does (a stage heading and its count, a card
//! in a column), not by position, so a change of column widths or truncation does not break them.

use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

#[path = "shared/cli.rs"]
pub mod cli;
use cli::os_account;

#[path = "shared/pty.rs"]
pub mod pty;
use pty::{DEADLINE, Modes, Sandbox, Tui, column, column_count};

/// In the demo, #5 is in Returning knowledge and may legally move on to Closed.
const DEMO_CLOSABLE_CARD: &str = "#5 Going home";
/// From the first column (Signal) to Returning knowledge, where #5 is.
const TO_RETURNING: &str = "llll";
/// From the first column to Closed, the last.
const TO_CLOSED: &str = "lllll";
const ENTER: &str = "\r";
const CTRL_C: &str = "\x03";

/// A title as someone on a shared server could type it: a screen clear, a bell, an OSC 52
/// clipboard write, a C1 (8-bit) CSI and a right-to-left override. ratatui itself drops C0 and
/// C1 controls from the cells it draws, so on the board it is the override (a printable
/// character) that would show whether puls's own cleaning ever went missing.
const HOSTILE: &str = "Lamp\x1b[2Jpost\x07 on \x1b]52;c;aGVsbG8=\x07Kvarn\u{9b}31mga\u{202e}tan";
/// The same title with every control removed: what is left must show as plain text. Had any
/// sequence reached the terminal, the emulator would have obeyed it rather than show "[2J",
/// "]52;..." or "31m".
const DEFUSED: &str = "Lamp[2Jpost on ]52;c;aGVsbG8=Kvarn31mgatan";

fn occurrences(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// Fails when any of `HOSTILE`'s controls is among the bytes puls wrote.
fn assert_no_hostile_controls(bytes: &[u8], what: &str) {
    let forbidden: [(&str, &[u8]); 5] = [
        ("a BEL", b"\x07"),
        ("an OSC 52 clipboard write", b"\x1b]52"),
        // ratatui draws even its first frame cell by cell, without clearing the screen (a
        // plain session writes no ESC [2J at all), so any screen clear came from the title.
        ("a screen clear", b"\x1b[2J"),
        ("a C1 CSI", "\u{9b}".as_bytes()),
        ("a right-to-left override", "\u{202e}".as_bytes()),
    ];
    for (name, sequence) in forbidden {
        let found = occurrences(bytes, sequence);
        assert_eq!(found, 0, "{what} wrote {name} {found} times");
    }
}

/// Fails when text meant for a person or a pipe holds an escape or any of `HOSTILE`'s controls.
fn assert_plain_text(bytes: &[u8], what: &str) {
    let escapes = occurrences(bytes, b"\x1b");
    assert_eq!(
        escapes,
        0,
        "{what} wrote {escapes} escapes: {:?}",
        String::from_utf8_lossy(bytes)
    );
    assert_no_hostile_controls(bytes, what);
}

/// Moves #5 from Returning knowledge to Closed on a demo board, as a user would, and returns the
/// Closed heading's count from before the move.
fn close_demo_card(tui: &mut Tui) -> usize {
    tui.wait_for_board();
    tui.press(TO_RETURNING);
    let screen = tui.wait_for_text(&format!("▶{DEMO_CLOSABLE_CARD}"));
    let closed_before = column_count(&screen, "Closed").expect("Closed column on screen");
    tui.press(">");
    tui.wait_for_text("#5 moved to Closed");
    tui.wait_for(|s| shows_closed_card(s, closed_before + 1), DEADLINE);
    closed_before
}

/// The Closed column holds `count` cards, #5 among them.
fn shows_closed_card(screen: &str, count: usize) -> bool {
    column_count(screen, "Closed") == Some(count)
        && column(screen, "Closed").is_some_and(|c| c.contains(DEMO_CLOSABLE_CARD))
}

#[test]
fn moved_card_is_still_moved_after_restart() {
    // Given the demo, with #5 moved from Returning knowledge to Closed
    let sandbox = Sandbox::new();
    let mut first = sandbox.tui(&["--demo"]);
    let closed_before = close_demo_card(&mut first);

    // When puls quits and starts again on the same file, without --demo
    first.press("q");
    let status = first.wait_for_exit();
    assert!(status.success(), "q quit with {status:?}");
    let mut second = sandbox.tui(&[]);
    second.wait_for_board();
    second.press(TO_CLOSED);

    // Then #5 is still closed: on the board and in `puls show`
    second.wait_for(|s| shows_closed_card(s, closed_before + 1), DEADLINE);
    let shown = String::from_utf8(sandbox.cli(&["show", "5"]).stdout).unwrap();
    assert!(shown.contains("Closed since"), "puls show 5:\n{shown}");
}

#[test]
fn signal_from_the_command_line_appears_on_the_board() {
    // Given a signal recorded from the command line
    let sandbox = Sandbox::new();
    let title = "Broken street lights on Kvarngatan";
    let output = sandbox.cli(&["signal", title, "--mission", "CD"]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("arena #1"), "puls signal printed: {stdout}");

    // When the board opens on that file
    let mut tui = sandbox.tui(&[]);

    // Then it is the one card in Signal (cut to the column's width) and opens in full
    let screen = tui.wait_for(
        |s| column(s, "Signal").is_some_and(|c| c.contains("#1 Broken")),
        DEADLINE,
    );
    assert_eq!(column_count(&screen, "Signal"), Some(1), "{screen}");
    tui.press(ENTER);
    tui.wait_for(
        |s| s.contains(title) && s.contains("Community development"),
        DEADLINE,
    );

    // And Ctrl-C quits cleanly, even from the open arena
    tui.press(CTRL_C);
    let status = tui.wait_for_exit();
    assert!(status.success(), "Ctrl-C quit with {status:?}");
}

#[test]
fn hostile_title_never_reaches_the_terminal_as_escapes() {
    // Given a signal whose title, need and signaller are all hostile
    let sandbox = Sandbox::new();
    sandbox.cli(&["signal", HOSTILE, "--need", HOSTILE, "--from", HOSTILE]);

    // When the board opens and the arena is opened in full
    let mut tui = sandbox.tui(&[]);
    tui.wait_for_text("#1 Lamp");
    tui.press(ENTER);

    // Then the words show as plain text, and no control reached the terminal
    tui.wait_for_text(DEFUSED);
    assert_no_hostile_controls(&tui.raw(), "the board");

    // And `puls show` prints the arena without a single escape or bell
    let shown = sandbox.cli(&["show", "1"]).stdout;
    assert_plain_text(&shown, "puls show");
    assert!(String::from_utf8_lossy(&shown).contains(DEFUSED));
}

#[test]
fn hostile_text_written_by_another_program_is_defused_on_the_way_out() {
    // Given an arena whose title, need and signaller another program (an older puls, the
    // sqlite3 shell) wrote straight into the shared database, past puls's own cleaning
    let sandbox = Sandbox::new();
    sandbox.cli(&["signal", "A plain title"]);
    let db = rusqlite::Connection::open(sandbox.db()).expect("open the database");
    let changed = db
        .execute(
            "UPDATE arenas SET title = ?1, need = ?1, signalled_by = ?1 WHERE id = 1",
            [HOSTILE],
        )
        .expect("write hostile text");
    assert_eq!(changed, 1);
    drop(db);

    // When the board opens and the arena is opened in full
    let mut tui = sandbox.tui(&[]);
    tui.wait_for_text("#1 Lamp");
    tui.press(ENTER);

    // Then the screen and `puls show` get the text without its controls
    tui.wait_for_text(DEFUSED);
    assert_no_hostile_controls(&tui.raw(), "the board");
    let shown = sandbox.cli(&["show", "1"]).stdout;
    assert_plain_text(&shown, "puls show");
    assert!(String::from_utf8_lossy(&shown).contains(DEFUSED));
}

#[test]
fn idle_screen_writes_nothing() {
    // Given the demo board, drawn and at rest for longer than puls's one-second watch for other
    // sessions' changes, so that a watch that redraws would already show
    let sandbox = Sandbox::new();
    let tui = sandbox.tui(&["--demo"]);
    tui.wait_for_board();
    tui.wait_until_quiet(Duration::from_millis(1500));

    // When nobody touches it for three seconds (a measuring window, not a wait)
    let before = tui.raw_len();
    thread::sleep(Duration::from_secs(3));

    // Then puls wrote nothing at all
    let written = tui.raw_len() - before;
    assert_eq!(written, 0, "an idle puls wrote {written} bytes");
}

#[test]
fn two_processes_see_each_others_changes() {
    // Given two coordinators on the same database, the second looking at Closed
    let sandbox = Sandbox::new();
    let mut first = sandbox.tui(&["--demo"]);
    first.wait_for_board();
    let mut second = sandbox.tui(&[]);
    second.wait_for_board();
    second.press(TO_CLOSED);
    let screen = second.wait_for(
        |s| column(s, "Closed").is_some_and(|c| c.contains("▶#")),
        DEADLINE,
    );
    let closed_before = column_count(&screen, "Closed").unwrap();
    assert!(!shows_closed_card(&screen, closed_before), "{screen}");

    // When the first closes #5
    close_demo_card(&mut first);

    // Then the second shows it closed with no key pressed (puls promises within a second)
    second.wait_for(
        |s| shows_closed_card(s, closed_before + 1),
        Duration::from_secs(10),
    );
}

#[test]
fn every_signal_that_stops_puls_restores_the_terminal() {
    for name in ["TERM", "INT", "QUIT", "HUP", "USR1", "ALRM"] {
        stopping_signal_restores_the_terminal(name);
    }
}

fn stopping_signal_restores_the_terminal(name: &str) {
    // Given the board, full-screen and in raw mode
    let sandbox = Sandbox::new();
    let mut tui = sandbox.tui(&["--demo"]);
    tui.wait_for_board();
    assert_ne!(tui.line_discipline(), tui.cooked, "puls runs in raw mode");

    // When the system (or someone at a shell) sends the signal
    let kill = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(tui.pid().to_string())
        .status()
        .expect("run kill");
    assert!(kill.success(), "kill -{name}: {kill:?}");

    // Then it exits cleanly and gives the terminal back as it found it
    let status = tui.wait_for_exit();
    assert!(status.success(), "SIG{name} exit: {status:?}");
    let restored = Modes {
        alternate_screen: false,
        hidden_cursor: false,
        bracketed_paste: false,
    };
    assert_eq!(tui.modes(), restored, "after SIG{name}");
    assert_eq!(
        tui.line_discipline(),
        tui.cooked,
        "raw mode left on after SIG{name}"
    );
    // Leaving the alternate screen is the last thing written, but for showing the cursor again:
    // ratatui's terminal does that as it is dropped, rightly, on the main screen.
    let raw = tui.raw();
    let leave = b"\x1b[?1049l";
    let after_leave = raw
        .windows(leave.len())
        .rposition(|w| w == leave)
        .map(|at| &raw[at + leave.len()..])
        .expect("the alternate screen was left");
    assert!(
        after_leave.is_empty() || after_leave == b"\x1b[?25h",
        "written after leaving the alternate screen on SIG{name}: {:?}",
        String::from_utf8_lossy(after_leave)
    );
}

#[test]
fn every_key_of_a_quick_sequence_answers_at_once() {
    // Given the demo board, which polls other sessions only once a second
    let sandbox = Sandbox::new();
    let mut tui = sandbox.tui(&["--demo"]);
    tui.wait_for_board();

    // When eight keys move the selection down and up, each after the previous one showed
    let start = Instant::now();
    for i in 0..8 {
        let (key, selected) = if i % 2 == 0 {
            ("j", "▶#6 ")
        } else {
            ("k", "▶#4 ")
        };
        tui.press(key);
        tui.wait_for_text(selected);
    }

    // Then none waited for that poll: a key waiting for it would take half a second on average
    // (this once caught keys after the first being polled with a waker nobody woke)
    let elapsed = start.elapsed();
    assert!(
        elapsed < Duration::from_secs(3),
        "eight keys took {elapsed:?}"
    );
}

#[test]
fn allocating_through_the_keys_changes_the_load() {
    // Given the demo on a screen wide enough to tile the board and the roster, for a small team
    // that allocates without asking line managers
    let sandbox = Sandbox::new();
    let config = sandbox.dir.path().join("config.toml");
    std::fs::write(&config, "staffing_approval = false\n").unwrap();
    let sandbox = sandbox.with_env("PULS_CONFIG", config.to_str().unwrap());
    let mut tui = Tui::start(&sandbox, &["--demo"], 120, 40);
    tui.wait_for_board();

    // When arena 2 is picked, staff is found for its first gap and Karin gets the usual share
    tui.press("/#2\r");
    tui.wait_for_text("▶#2 ");
    tui.press("a");
    tui.wait_for_text("Best fit first");
    tui.press("\r");
    tui.wait_for_text("▶Karin Svedberg");
    tui.press("\r");
    tui.wait_for_text("How much of Karin Svedberg's week goes to #2?");
    tui.press("\r");
    tui.wait_for_text("Karin Svedberg allocated to #2, 10% of the week.");

    // Then the card shows the bigger team and the roster's team view her new load, over
    // capacity in words
    tui.wait_for_text("team 3 · !1 gap");
    tui.press("2");
    tui.wait_for(
        |s| {
            s.lines()
                .any(|l| l.contains("Karin Svedb") && l.contains("45/30% OVER"))
        },
        DEADLINE,
    );
}

#[test]
fn a_contact_and_an_activity_written_by_keys_survive_a_restart() {
    // Given arena 1's PULS plan, zoomed, on the demo
    let sandbox = Sandbox::new();
    let mut tui = Tui::start(&sandbox, &["--demo"], 120, 40);
    tui.wait_for_board();
    tui.press("/#1\r");
    tui.wait_for_text("▶#1 ");
    tui.press("3z");
    tui.wait_for_text("P Proactivity");

    // When a contact is logged in the P step and an activity added in the S step
    tui.press("a");
    tui.wait_for_text("New contact");
    tui.press("Called about the bus card\x13");
    tui.wait_for_text("phone: Called about the bus card");
    tui.press("llla");
    tui.wait_for_text("New activity");
    tui.press("Visit the placement employer\x13");
    tui.wait_for_text("7. [todo] Visit the placement employer");
    tui.press("q");
    tui.press("q");
    let status = tui.wait_for_exit();
    assert!(status.success(), "q quit with {status:?}");

    // Then both are there after a restart
    let mut again = Tui::start(&sandbox, &[], 120, 40);
    again.wait_for_board();
    again.press("/#1\r");
    again.wait_for_text("▶#1 ");
    again.press("3z");
    again.wait_for_text("phone: Called about the bus card");
    again.press("G");
    again.wait_for_text("7. [todo] Visit the placement employer");
}

#[test]
fn two_sessions_editing_one_title_the_second_is_told_and_keeps_its_text() {
    // Given two boards on one database, both editing arena 4's title
    let sandbox = Sandbox::new();
    let mut first = sandbox.tui(&["--demo"]);
    first.wait_for_board();
    let mut second = sandbox.tui(&[]);
    second.wait_for_board();
    for tui in [&mut first, &mut second] {
        tui.press("e");
        tui.wait_for_text("Edit arena #4");
    }

    // When the first saves, then the second
    first.press(" (first)\x13");
    first.wait_for_text("#4 saved.");
    second.press(" (second)\x13");

    // Then the second is refused with who saved first, keeps its own text and sees theirs
    // (as the OS account both run under, whatever `USER` says)
    second.wait_for_text(&format!("Not saved: {} changed #4", os_account()));
    let screen =
        second.wait_for_text("theirs: Widower alone at home, turning down home care (first)");
    assert!(screen.contains("home care (second)"), "{screen}");
}

#[test]
fn the_stand_up_clock_writes_while_it_runs_and_stops_when_it_stops() {
    // Given a stand-up about the selected arena, at rest
    let sandbox = Sandbox::new();
    let mut tui = sandbox.tui(&["--demo"]);
    tui.wait_for_board();
    tui.press("s");
    tui.wait_for_text("Stand-up · arena 1 of");
    tui.wait_until_quiet(Duration::from_millis(1500));

    // When its clock runs for three seconds (a measuring window), it redraws
    tui.press("t");
    tui.wait_for_text("⏱ 0");
    let before = tui.raw_len();
    thread::sleep(Duration::from_secs(3));
    let running = tui.raw_len() - before;
    assert!(running > 0, "a running clock wrote nothing");

    // Then, stopped, the screen is silent again
    tui.press("t");
    tui.wait_for(|s| !s.contains("⏱"), DEADLINE);
    tui.wait_until_quiet(Duration::from_millis(1500));
    let before = tui.raw_len();
    thread::sleep(Duration::from_secs(3));
    let stopped = tui.raw_len() - before;
    assert_eq!(stopped, 0, "a stopped clock wrote {stopped} bytes");
}

#[test]
fn puls_standup_opens_the_full_screen_in_a_stand_up() {
    let sandbox = Sandbox::new();
    drop(sandbox.cli(&["--demo", "show", "1"]));
    let mut tui = sandbox.tui(&["standup", "--arena", "3"]);
    tui.wait_for_text("#3 A family stuck");
    tui.wait_for_text("Stand-up · arena 1 of 2");
    tui.press("q");
    tui.wait_for_board();
}

#[test]
fn a_swedish_locale_shows_the_swedish_board() {
    // Given a Swedish locale, as a Swedish desktop or ssh session sets it
    let sandbox = Sandbox::new().with_env("LANG", "sv_SE.UTF-8");

    // When the demo board opens
    let mut tui = sandbox.tui(&["--demo"]);

    // Then its title, stage columns and status bar are in Swedish
    // (waited for whole: a frame read halfway has its top rows and not yet the status bar)
    let swedish = ["Arenor", "Bemanning", "Aktiv", "Återför kunskap", "hjälp"];
    let screen = tui.wait_for(
        |s| swedish.iter().all(|w| s.contains(w)) && column_count(s, "Signal").is_some(),
        DEADLINE,
    );
    for english in ["Arenas", "Staffing", "Returning", "help"] {
        assert!(!screen.contains(english), "{english} in English:\n{screen}");
    }

    // And an arena's detail names its mission as the municipality does
    tui.press(ENTER);
    tui.wait_for(|s| s.contains("Huvuduppdrag"), DEADLINE);
    tui.press(CTRL_C);
    assert!(tui.wait_for_exit().success());

    // And the command line answers in Swedish too
    let output = sandbox.cli(&["signal", "Trasig gatubelysning"]);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("registrerad som arena #"), "{stdout}");
}

#[test]
fn a_need_edited_in_the_users_editor_is_saved() {
    // Given an arena, and an "editor" that appends a line to the file it is given
    let mut sandbox = Sandbox::new();
    sandbox.cli(&[
        "signal",
        "Lamp post on Kvarngatan",
        "--need",
        "Dark crossing",
    ]);
    let editor = sandbox.dir.path().join("append-line");
    std::fs::write(
        &editor,
        "#!/bin/sh\necho 'Neighbours asked twice' >> \"$1\"\n",
    )
    .unwrap();
    let mut permissions = std::fs::metadata(&editor).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    std::fs::set_permissions(&editor, permissions).unwrap();
    sandbox.extra.push(("EDITOR", editor.into()));
    let mut tui = sandbox.tui(&[]);
    tui.wait_for_board();

    // When its need is opened in the editor from the edit form (Tab to the need, Ctrl-E), saved
    tui.press("e");
    tui.wait_for_text("Edit arena #1");
    tui.press("\t\x05");
    tui.wait_for_text("Neighbours asked twice");
    let modes = tui.modes();
    assert!(modes.alternate_screen && modes.bracketed_paste, "{modes:?}");
    tui.press("\x13");
    tui.wait_for_text("#1 saved.");
    tui.press(CTRL_C);
    assert!(tui.wait_for_exit().success());

    // Then the database holds the need with the editor's line
    let db = rusqlite::Connection::open(sandbox.db()).unwrap();
    let need: String = db
        .query_row("SELECT need FROM arenas WHERE id = 1", [], |r| r.get(0))
        .unwrap();
    assert_eq!(need, "Dark crossing\nNeighbours asked twice");
}

#[test]
fn ascii_mode_writes_only_ascii_bytes_on_every_pane() {
    // Given the demo, whose names hold å, ä and ö, started with --ascii
    let sandbox = Sandbox::new();
    let mut tui = sandbox.tui(&["--demo", "--ascii"]);
    tui.wait_for_text("Signal 3");

    // When every pane and the popups are visited
    for (keys, shows) in [
        ("2", "Team"),
        ("v", "Karin Svedberg"),
        ("v", "Competences"),
        ("1lll3", "Proactivity"),
        ("4", "Related"),
        ("1K", "Key figures"),
        ("qs", "Stand-up"),
        ("q?", "Everywhere"),
        ("q\r", "Signalled by"),
    ] {
        tui.press(keys);
        tui.wait_for_text(shows);
    }
    tui.press("qq");
    let status = tui.wait_for_exit();
    assert!(status.success(), "puls ended with {status:?}");

    // Then not one byte written to the terminal was outside ASCII
    let raw = tui.raw();
    let stray: Vec<_> = raw
        .iter()
        .enumerate()
        .filter(|(_, b)| !b.is_ascii())
        .collect();
    assert!(
        stray.is_empty(),
        "{} bytes outside ASCII, the first at {:?}; the screen shows:\n{}",
        stray.len(),
        stray.first(),
        tui.screen()
    );
}

#[test]
fn the_mouse_is_captured_only_while_switched_on() {
    const CAPTURE: &[u8] = b"\x1b[?1000h";
    const RELEASE: &[u8] = b"\x1b[?1000l";
    // Given puls started as usual: the terminal keeps its own text selection
    let sandbox = Sandbox::new();
    let mut tui = sandbox.tui(&["--demo"]);
    tui.wait_for_board();
    assert_eq!(occurrences(&tui.raw(), CAPTURE), 0);

    // When ctrl-o switches the mouse on
    tui.press("\x0f");
    tui.wait_for_text("Mouse on");

    // Then puls captures it, and a click on the second column's first card selects it
    assert_eq!(occurrences(&tui.raw(), CAPTURE), 1);
    // An SGR mouse report: left button pressed, then released, at column 30, row 5.
    tui.press("\x1b[<0;30;5M\x1b[<0;30;5m");
    tui.wait_for_text("#14 One way in");
    tui.wait_for(|s| s.contains("\u{25b6}#14"), DEADLINE);

    // And ctrl-o gives the mouse back to the terminal
    tui.press("\x0f");
    tui.wait_for_text("Mouse off");
    assert_eq!(occurrences(&tui.raw(), RELEASE), 1);
    tui.press("q");
    assert!(tui.wait_for_exit().success());
}
