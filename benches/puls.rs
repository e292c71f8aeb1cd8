//! The benchmark of issue 8: puls on a municipality-sized database, measured.
//!
//! ```sh
//! cargo bench                                   # generates the large demo in a temp folder
//! PULS_BENCH_DB=/tmp/big.db cargo bench         # or reuses (or first creates) this file,
//!                                               # or one `puls demo --size region` filled
//! PULS_BENCH_DB=postgres://u@host/big cargo bench   # or a PostgreSQL database, which
//!                                               # `puls demo --size large --db URL` filled
//! PULS_BENCH_DB=/tmp/big.db PULS_BENCH_BESIDE=postgres://u@host/big cargo bench
//!                                               # both, one after the other, side by side
//! ```
//!
//! It prints one table: open-to-first-frame (a fresh release binary in a pseudo-terminal, and
//! in-process), update + draw per key on the board (held, as the terminal driver handles it,
//! and one step at a time with the panes that follow it caught up), the roster, the bank and
//! the searches (typed a letter every 30 ms, and the knowledge search back to back too), peak
//! memory of a real puls, and the bytes a real puls writes to its terminal, each beside its
//! target. Terminal 120x40 throughout. With `PULS_BENCH_BESIDE`, the second database is
//! measured after the first with the same binaries, and the table shows both figures and how
//! many times the first's the second's is (issue 16: PostgreSQL within 2x of SQLite).

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use chrono::Utc;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use puls::app::App;
use puls::app::keymap::Keymap;
use puls::app::messages;
use puls::config::Config;
use puls::database::{self, Database, Location};
use puls::demo_large::{self, DemoError, Size};
use puls::domain::clock::SystemClock;
use puls::store::StoreOptions;
use puls::tui::Answers;
use puls::tui::bank_worker::BankWorker;
use puls::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const BIN: &str = env!("CARGO_BIN_EXE_puls");
const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
const SEED: u64 = 1;
/// The end of a synchronized update: puls writes one after every frame.
const FRAME_END: &[u8] = b"\x1b[?2026l";
const DEADLINE: Duration = Duration::from_secs(30);
const COLD_RUNS: usize = 15;
const WARM_RUNS: usize = 10;
const KEYS: usize = 1_000;
/// Keys sent through the pty to count bytes, per pane.
const PTY_KEYS: usize = 200;
/// Keys pressed one at a time, each followed by quiet, to count what a single step costs.
const STEP_KEYS: usize = 30;
/// Board keys pressed one at a time in-process, each followed by a rest.
const STEPS_AT_REST: usize = 200;
/// How long the board is left alone between two steps at rest, in-process.
const STEP_REST: Duration = Duration::from_millis(20);
/// Quiet long enough for the panes that follow the board to have caught up.
const STEP_QUIET: Duration = Duration::from_millis(400);
/// The word typed into the roster search, a letter at a time: 12 letters.
const SEARCH_WORD: &str = "specialpedag";
/// The word typed into the knowledge search: 12 letters, Swedish for "the coordination".
const BANK_WORD: &str = "samordningen";
const SEARCH_ROUNDS: usize = 40;
/// A letter every 30 ms while a search is typed: 2,000 a minute, faster than anyone types (a
/// fast typist manages 400-500), so a letter's search still often runs when the next comes.
const TYPING: Duration = Duration::from_millis(30);
/// How often the app looks for answers between typed letters.
const ANSWER_POLL: Duration = Duration::from_millis(1);

fn main() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = std::env::var_os("PULS_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| dir.path().join("large.db"));
    let first = measured(&prepared(db), dir.path());
    match std::env::var_os("PULS_BENCH_BESIDE") {
        Some(other) => {
            let second = measured(&prepared(PathBuf::from(other)), dir.path());
            print_beside(&first, &second);
        }
        None => first.print(),
    }
}

/// Every figure of the database at `db`.
fn measured(db: &Path, home: &Path) -> Table {
    let mut table = Table {
        heading: what_the_session_sees(db),
        store: store_name(db),
        ..Table::default()
    };
    first_frame(&mut table, db, home);
    keys_in_process(&mut table, db);
    real_terminal(&mut table, db, home);
    table
}

fn store_name(db: &Path) -> &'static str {
    if Location::of(db).file().is_some() {
        "SQLite"
    } else {
        "PostgreSQL"
    }
}

/// Open, migrate check, load and first draw: a fresh process, and in-process.
fn first_frame(table: &mut Table, db: &Path, home: &Path) {
    let cold = cold_starts(db, home);
    let what = "first frame, cold (fresh process in a pty)";
    table.time(what, &cold.first_frame, 60.0);
    let warm = warm_starts(db);
    table.part("  of which open + migrate check", median(&warm.open));
    table.part("  of which load (App::new)", median(&warm.load));
    table.part("  of which first draw", median(&warm.draw));
    table.time("first frame, warm (in-process)", &warm.total, 60.0);
    // Issue 17: the whole first screen, the bank's "have we met this before?" included.
    let what = "complete first screen, related entries shown (in-process)";
    table.time(what, &warm.bank, 100.0);
}

/// Update + draw per key, into a test terminal.
fn keys_in_process(table: &mut Table, db: &Path) {
    let board = timed_keys(db, &[], &board_walk(KEYS));
    table.keys("board key j/k/l/h: update + draw", &board, 2.0, 5.0);
    let steps = settled_steps(db, &board_walk(STEPS_AT_REST));
    let what = "  a step at rest, panes caught up: update + draw";
    table.keys(what, &steps, 2.0, 5.0);
    let roster = timed_keys(db, &keys("2v"), &roster_walk(KEYS));
    table.keys("roster key j/k (People): update + draw", &roster, 2.0, 5.0);
    let bank = timed_keys(db, &keys("4v"), &roster_walk(KEYS));
    table.keys(
        "bank key j/k (newest first): update + draw",
        &bank,
        2.0,
        5.0,
    );
    let (search, _) = search_keys(db, "2v", SEARCH_WORD, TYPING);
    let what = "roster search keystroke, typed: update + draw";
    table.keys(what, &search, f64::NAN, 10.0);
    let (search, results) = search_keys(db, "4", BANK_WORD, TYPING);
    let what = "knowledge search keystroke, typed: update + draw";
    table.keys(what, &search, f64::NAN, 10.0);
    let what = "  results shown after the last letter";
    table.keys(what, &results, f64::NAN, f64::NAN);
    // A paste, or keys replayed: every letter's search is stale before it is asked, and on a
    // server beside puls its backends take the cores the keys want.
    let (search, results) = search_keys(db, "4", BANK_WORD, Duration::ZERO);
    let what = "knowledge search keystroke, back to back";
    table.keys(what, &search, f64::NAN, 10.0);
    let what = "  results shown after the last letter";
    table.keys(what, &results, f64::NAN, f64::NAN);
}

/// Memory and bytes of the real release binary in a pseudo-terminal.
fn real_terminal(table: &mut Table, db: &Path, home: &Path) {
    let pty = pty_session(db, home);
    let mb = pty.peak_rss_kb as f64 / 1024.0;
    let what = "peak RSS (VmHWM) of puls after the session";
    let rss = format!("{mb:.1} MB");
    table.row_of(what, rss.clone(), "< 60 MB", rss, vec![mb]);
    let first = pty.first_frame_bytes;
    table.row_of(
        "bytes, first frame",
        first.to_string(),
        "",
        first.to_string(),
        vec![first as f64],
    );
    let mut spread = |what: &str, bytes: &[usize], target: &str| {
        let (median, max) = (median(bytes), *bytes.iter().max().unwrap_or(&0));
        let figure = format!("{median} / {max}");
        table.row_of(
            what,
            figure.clone(),
            target,
            figure,
            vec![median as f64, max as f64],
        );
    };
    let what = "bytes per board key, keys in a row (median / max)";
    spread(what, &pty.board_bytes, "< 350 median");
    let what = "bytes per single board step, panes caught up (median / max)";
    spread(what, &pty.step_bytes, "");
    let what = "bytes per roster key (median / max)";
    spread(what, &pty.roster_bytes, "< 350 median");
    let what = "bytes per board key, board zoomed (median / max)";
    spread(what, &pty.zoomed_bytes, "");
    let (p50, p95) = (median(&pty.latency), percentile(&pty.latency, 95));
    let latency = format!("{} / {}", ms(p50), ms(p95));
    let what = "key to frame through the pty (median / p95)";
    table.row_of(
        what,
        latency.clone(),
        "",
        latency,
        vec![millis(p50), millis(p95)],
    );
    table.row("bytes over 5 idle seconds", pty.idle_bytes.to_string(), "0");
}

/// The database at `path`: a file generated there when new or empty, reused when it holds
/// the large or the region demo; a PostgreSQL URL used as it is.
fn prepared(path: PathBuf) -> PathBuf {
    if Location::of(&path).file().is_none() {
        println!("measuring {}", path.display());
        return path;
    }
    let start = Instant::now();
    let filled = match demo_large::fill(&path, "bench", Utc::now(), &Size::LARGE, SEED) {
        // A file that holds another demo may hold the region's, measured as it is.
        Err(DemoError::Refused(_)) => {
            demo_large::fill_region(&path, "bench", Utc::now(), &Size::LARGE, SEED)
        }
        filled => filled,
    };
    match filled {
        Ok(demo_large::Outcome::Generated(c)) => println!(
            "generated {} arenas, {} people, {} allocations, {} audit rows in {:.2} s: {}",
            c.arenas,
            c.people,
            c.allocations,
            c.audit_rows,
            start.elapsed().as_secs_f64(),
            path.display()
        ),
        Ok(demo_large::Outcome::AlreadyThere) => println!("reusing {}", path.display()),
        Err(e) => panic!("cannot prepare {}: {e}", path.display()),
    }
    path
}

// ---------------------------------------------------------------------------------------------
// In-process: App::new and ui::draw into a TestBackend.

struct Warm {
    open: Vec<Duration>,
    load: Vec<Duration>,
    draw: Vec<Duration>,
    total: Vec<Duration>,
    /// Until the bank pane shows the selected arena's related entries.
    bank: Vec<Duration>,
}

/// The app as the full screen runs it: bank lists answered by a worker thread.
/// What the measured session sees of the database: a region's municipality sees its own, a
/// file holding the region's volume everything.
fn what_the_session_sees(db: &Path) -> String {
    let (app, _) = open_app(db);
    format!(
        "puls as its session sees it: {} arenas on the board, {} active people",
        messages::thousands(app.board.all_cards().len()),
        messages::thousands(app.roster.people_count())
    )
}

fn open_app(db: &Path) -> (App, Answers) {
    let store = open(db);
    let (worker, answers) =
        BankWorker::start(store.reader().expect("reader")).expect("bank worker");
    let mut app = App::on_store(
        database::backend(store),
        Config::default(),
        Keymap::default_keys(),
        WIDTH,
        HEIGHT,
        Some(Box::new(worker)),
    )
    .expect("load");
    // As the terminal driver: while keys come, only the board follows them.
    app.follow_when_settled();
    (app, answers)
}

/// The database at `db` (a file or a PostgreSQL URL), as the command line opens it.
fn open(db: &Path) -> Box<dyn Database + Send> {
    database::open(
        &Location::of(db),
        "bench",
        Arc::new(SystemClock),
        &StoreOptions::default(),
    )
    .expect("open")
}

/// Shows the answers that have arrived, as the event loop does; true if any was shown.
fn take_answers(app: &mut App, answers: &mut Answers) -> bool {
    let mut shown = false;
    while let Ok((ticket, answer)) = answers.try_recv() {
        shown |= app.bank_answer(ticket, answer);
    }
    shown
}

/// Waits until the bank shows the answer to the latest question.
fn wait_for_bank(app: &mut App, answers: &mut Answers) {
    while app.bank.pending.is_some() {
        let (ticket, answer) = answers.blocking_recv().expect("bank worker running");
        app.bank_answer(ticket, answer);
    }
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal")
}

fn warm_starts(db: &Path) -> Warm {
    let theme = Theme::ansi16();
    let mut warm = Warm {
        open: Vec::new(),
        load: Vec::new(),
        draw: Vec::new(),
        total: Vec::new(),
        bank: Vec::new(),
    };
    for _ in 0..WARM_RUNS {
        let start = Instant::now();
        let store = open(db);
        let opened = Instant::now();
        let (worker, mut answers) =
            BankWorker::start(store.reader().expect("reader")).expect("bank worker");
        let mut app = App::on_store(
            database::backend(store),
            Config::default(),
            Keymap::default_keys(),
            WIDTH,
            HEIGHT,
            Some(Box::new(worker)),
        )
        .expect("load");
        let loaded = Instant::now();
        let mut terminal = terminal();
        terminal.draw(|f| ui::draw(f, &app, &theme)).expect("draw");
        let drawn = Instant::now();
        wait_for_bank(&mut app, &mut answers);
        terminal.draw(|f| ui::draw(f, &app, &theme)).expect("draw");
        warm.open.push(opened - start);
        warm.load.push(loaded - opened);
        warm.draw.push(drawn - loaded);
        warm.total.push(drawn - start);
        warm.bank.push(start.elapsed());
    }
    warm
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn keys(text: &str) -> Vec<KeyEvent> {
    text.chars().map(key).collect()
}

/// Down a column, one column right, and so on to the last column and back again.
fn board_walk(n: usize) -> Vec<KeyEvent> {
    let mut walk = String::new();
    let (mut column, mut right) = (0, true);
    while walk.len() < n {
        walk.push_str(if walk.len() % 40 < 20 {
            "jjjjjjjj"
        } else {
            "kkkkkkkk"
        });
        if right && column == 5 || !right && column == 0 {
            right = !right;
        }
        walk.push(if right { 'l' } else { 'h' });
        column = if right { column + 1 } else { column - 1 };
    }
    keys(&walk[..n])
}

/// Down the people, further than a screen, and partly back up.
fn roster_walk(n: usize) -> Vec<KeyEvent> {
    let pattern: String = "j".repeat(60) + &"k".repeat(25);
    keys(&pattern.repeat(n / pattern.len() + 1)[..n])
}

/// Update + draw time of each of `keys`, after `setup` keys untimed. Answers from the bank
/// worker are shown between keys, as the event loop does, and not counted.
fn timed_keys(db: &Path, setup: &[KeyEvent], keys: &[KeyEvent]) -> Vec<Duration> {
    let theme = Theme::ansi16();
    let (mut app, mut answers) = open_app(db);
    let mut terminal = terminal();
    for k in setup {
        app.handle_key(*k);
    }
    wait_for_bank(&mut app, &mut answers);
    terminal.draw(|f| ui::draw(f, &app, &theme)).expect("draw");
    keys.iter()
        .map(|k| {
            let start = Instant::now();
            app.handle_key(*k);
            terminal.draw(|f| ui::draw(f, &app, &theme)).expect("draw");
            let took = start.elapsed();
            if take_answers(&mut app, &mut answers) {
                terminal.draw(|f| ui::draw(f, &app, &theme)).expect("draw");
            }
            took
        })
        .collect()
}

/// Board keys pressed one at a time: each key, the panes that follow the selection brought
/// to it (the team and the plan read, the related entries asked), and the draw, as the
/// terminal driver does once a key has rested. Between steps the worker's answer is taken
/// and the board left alone for a moment.
fn settled_steps(db: &Path, keys: &[KeyEvent]) -> Vec<Duration> {
    let theme = Theme::ansi16();
    let (mut app, mut answers) = open_app(db);
    let mut terminal = terminal();
    wait_for_bank(&mut app, &mut answers);
    keys.iter()
        .map(|k| {
            let start = Instant::now();
            app.handle_key(*k);
            app.settle();
            terminal.draw(|f| ui::draw(f, &app, &theme)).expect("draw");
            let took = start.elapsed();
            wait_for_bank(&mut app, &mut answers);
            thread::sleep(STEP_REST);
            took
        })
        .collect()
}

/// A search typed a letter at a time after the `setup` keys, a letter every `pace` (or back
/// to back when zero): each keystroke's update + draw, and how long after the last letter its
/// results are shown. Between letters the app takes the answers that arrive and draws them, as
/// its event loop does. Esc between rounds.
fn search_keys(
    db: &Path,
    setup: &str,
    word: &str,
    pace: Duration,
) -> (Vec<Duration>, Vec<Duration>) {
    let theme = Theme::ansi16();
    let (mut app, mut answers) = open_app(db);
    let mut terminal = terminal();
    for k in keys(setup) {
        app.handle_key(k);
    }
    wait_for_bank(&mut app, &mut answers);
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let letters = word.chars().count();
    let (mut times, mut results) = (Vec::new(), Vec::new());
    for _ in 0..SEARCH_ROUNDS {
        app.handle_key(key('/'));
        for (i, c) in word.chars().enumerate() {
            let start = Instant::now();
            app.handle_key(key(c));
            terminal.draw(|f| ui::draw(f, &app, &theme)).expect("draw");
            times.push(start.elapsed());
            let next = if i + 1 < letters {
                pace
            } else {
                Duration::ZERO
            };
            loop {
                if take_answers(&mut app, &mut answers) {
                    terminal.draw(|f| ui::draw(f, &app, &theme)).expect("draw");
                }
                match next.checked_sub(start.elapsed()) {
                    Some(left) if !left.is_zero() => thread::sleep(left.min(ANSWER_POLL)),
                    _ => break,
                }
            }
        }
        let last = Instant::now();
        wait_for_bank(&mut app, &mut answers);
        terminal.draw(|f| ui::draw(f, &app, &theme)).expect("draw");
        results.push(last.elapsed());
        app.handle_key(esc);
        wait_for_bank(&mut app, &mut answers);
    }
    (times, results)
}

// ---------------------------------------------------------------------------------------------
// The real binary in a pseudo-terminal.

/// What the reader thread has seen: every byte, and where and when each frame ended.
#[derive(Default)]
struct Output {
    raw: Vec<u8>,
    frames: Vec<(usize, Instant)>,
}

struct Pty {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Output>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

fn env(home: &Path) -> Vec<(&'static str, OsString)> {
    for sub in ["home", "data", "config"] {
        std::fs::create_dir_all(home.join(sub)).expect("sandbox folder");
    }
    vec![
        ("HOME", home.join("home").into()),
        ("XDG_DATA_HOME", home.join("data").into()),
        ("XDG_CONFIG_HOME", home.join("config").into()),
        ("USER", "bench".into()),
        ("TERM", "xterm-256color".into()),
        ("PATH", std::env::var_os("PATH").unwrap_or_default()),
    ]
}

impl Pty {
    /// Starts puls on `db`; returns it and the moment just before it was started.
    fn start(db: &Path, home: &Path) -> (Pty, Instant) {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: HEIGHT,
                cols: WIDTH,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut command = CommandBuilder::new(BIN);
        command.arg("--db");
        command.arg(db);
        command.env_clear();
        for (k, v) in env(home) {
            command.env(k, v);
        }
        command.cwd(home);
        let output = Arc::new(Mutex::new(Output::default()));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&output);
        thread::spawn(move || {
            let mut buffer = [0u8; 65536];
            while let Ok(n @ 1..) = reader.read(&mut buffer) {
                let now = Instant::now();
                let mut out = sink.lock().unwrap();
                let from = out.raw.len().saturating_sub(FRAME_END.len() - 1);
                out.raw.extend_from_slice(&buffer[..n]);
                let ends: Vec<usize> = out.raw[from..]
                    .windows(FRAME_END.len())
                    .enumerate()
                    .filter(|(_, w)| *w == FRAME_END)
                    .map(|(i, _)| from + i + FRAME_END.len())
                    .collect();
                out.frames.extend(ends.into_iter().map(|end| (end, now)));
            }
        });
        let start = Instant::now();
        let child = pair.slave.spawn_command(command).expect("start puls");
        drop(pair.slave);
        let writer = pair.master.take_writer().expect("pty writer");
        (
            Pty {
                child,
                writer,
                output,
                _master: pair.master,
            },
            start,
        )
    }

    fn frames(&self) -> usize {
        self.output.lock().unwrap().frames.len()
    }

    fn bytes(&self) -> usize {
        self.output.lock().unwrap().raw.len()
    }

    /// Waits for the `n`th frame to end; returns where it ended and when.
    fn wait_frame(&self, n: usize) -> (usize, Instant) {
        let start = Instant::now();
        loop {
            if let Some(frame) = self.output.lock().unwrap().frames.get(n - 1) {
                return *frame;
            }
            assert!(start.elapsed() < DEADLINE, "no frame {n} from puls");
            thread::sleep(Duration::from_micros(200));
        }
    }

    fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("type");
    }

    /// Presses each key and waits for its frame: bytes written and time taken for each.
    fn keys(&mut self, keys: &[u8]) -> (Vec<usize>, Vec<Duration>) {
        let (mut bytes, mut latency) = (Vec::new(), Vec::new());
        for k in keys {
            let n = self.frames();
            let (before, _) = self.wait_frame(n);
            let sent = Instant::now();
            self.press(std::str::from_utf8(&[*k]).expect("ascii key"));
            let (after, at) = self.wait_frame(n + 1);
            bytes.push(after - before);
            latency.push(at - sent);
        }
        (bytes, latency)
    }

    /// Presses each key alone and waits until puls is quiet again: all the bytes one step
    /// costs, the panes that follow the board included.
    fn steps(&mut self, keys: &[u8]) -> Vec<usize> {
        keys.iter()
            .map(|k| {
                self.quiet_for(STEP_QUIET);
                let before = self.bytes();
                self.press(std::str::from_utf8(&[*k]).expect("ascii key"));
                self.quiet_for(STEP_QUIET);
                self.bytes() - before
            })
            .collect()
    }

    fn quiet_for(&self, quiet: Duration) {
        let (mut seen, mut since) = (self.bytes(), Instant::now());
        while since.elapsed() < quiet {
            thread::sleep(Duration::from_millis(20));
            if self.bytes() != seen {
                (seen, since) = (self.bytes(), Instant::now());
            }
        }
    }

    fn peak_rss_kb(&self) -> u64 {
        let pid = self.child.process_id().expect("pid");
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmHWM")
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Cold {
    first_frame: Vec<Duration>,
}

fn cold_starts(db: &Path, home: &Path) -> Cold {
    let mut first_frame = Vec::new();
    for _ in 0..COLD_RUNS {
        let (pty, start) = Pty::start(db, home);
        let (_, at) = pty.wait_frame(1);
        first_frame.push(at - start);
    }
    Cold { first_frame }
}

struct Session {
    first_frame_bytes: usize,
    board_bytes: Vec<usize>,
    /// Each board key alone, with the panes that follow it once it rests.
    step_bytes: Vec<usize>,
    roster_bytes: Vec<usize>,
    /// The board alone (`z`), without the panes that follow its selection.
    zoomed_bytes: Vec<usize>,
    latency: Vec<Duration>,
    idle_bytes: usize,
    peak_rss_kb: u64,
}

/// The characters of `keys`, as typed into a terminal.
fn typed(keys: &[KeyEvent]) -> Vec<u8> {
    keys.iter()
        .filter_map(|k| match k.code {
            KeyCode::Char(c) => u8::try_from(c).ok(),
            _ => None,
        })
        .collect()
}

fn pty_session(db: &Path, home: &Path) -> Session {
    let (mut pty, _) = Pty::start(db, home);
    let (first_frame_bytes, _) = pty.wait_frame(1);
    let (board_bytes, mut latency) = pty.keys(&typed(&board_walk(PTY_KEYS)));
    let step_bytes = pty.steps(&typed(&board_walk(STEP_KEYS)));
    pty.keys(b"2v");
    let (roster_bytes, roster_latency) = pty.keys(&typed(&roster_walk(PTY_KEYS)));
    latency.extend(roster_latency);
    pty.keys(b"1z");
    let (zoomed_bytes, _) = pty.keys(&typed(&board_walk(PTY_KEYS)));
    // Longer than the one-second watch for other sessions, so a watch that redraws would show.
    pty.quiet_for(Duration::from_millis(1_500));
    let before = pty.bytes();
    thread::sleep(Duration::from_secs(5));
    let idle_bytes = pty.bytes() - before;
    let peak_rss_kb = pty.peak_rss_kb();
    Session {
        first_frame_bytes,
        board_bytes,
        step_bytes,
        roster_bytes,
        zoomed_bytes,
        latency,
        idle_bytes,
        peak_rss_kb,
    }
}

// ---------------------------------------------------------------------------------------------
// Figures and the table.

fn median<T: Copy + Ord + Default>(values: &[T]) -> T {
    percentile(values, 50)
}

fn percentile<T: Copy + Ord + Default>(values: &[T], p: usize) -> T {
    let mut sorted = values.to_vec();
    sorted.sort();
    if sorted.is_empty() {
        return T::default();
    }
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

#[derive(Default)]
struct Table {
    heading: String,
    /// Which store was measured.
    store: &'static str,
    rows: Vec<Row>,
}

struct Row {
    what: String,
    figure: String,
    target: String,
    /// The figure's headline numbers (a median, or a p50 and a p95), shorter, and as numbers
    /// for a ratio beside another store's.
    short: String,
    headline: Vec<f64>,
}

impl Table {
    fn row(&mut self, what: &str, figure: String, target: &str) {
        self.row_of(what, figure.clone(), target, figure, Vec::new());
    }

    fn row_of(
        &mut self,
        what: &str,
        figure: String,
        target: &str,
        short: String,
        headline: Vec<f64>,
    ) {
        self.rows.push(Row {
            what: what.to_owned(),
            figure,
            target: target.to_owned(),
            short,
            headline,
        });
    }

    /// A part of a figure: its median.
    fn part(&mut self, what: &str, median: Duration) {
        self.row_of(what, ms(median), "", ms(median), vec![millis(median)]);
    }

    fn time(&mut self, what: &str, times: &[Duration], target_ms: f64) {
        let median = median(times);
        self.row_of(
            what,
            format!(
                "{} (min {}, max {})",
                ms(median),
                ms(*times.iter().min().unwrap_or(&Duration::ZERO)),
                ms(*times.iter().max().unwrap_or(&Duration::ZERO))
            ),
            &format!("< {target_ms} ms"),
            ms(median),
            vec![millis(median)],
        );
    }

    fn keys(&mut self, what: &str, times: &[Duration], p50: f64, p95: f64) {
        let target = if p95.is_nan() {
            String::new()
        } else if p50.is_nan() {
            format!("p95 < {p95} ms")
        } else {
            format!("p50 < {p50} ms, p95 < {p95} ms")
        };
        let (p50, p95) = (median(times), percentile(times, 95));
        self.row_of(
            what,
            format!(
                "p50 {} p95 {} max {} ({} times)",
                ms(p50),
                ms(p95),
                ms(*times.iter().max().unwrap_or(&Duration::ZERO)),
                times.len()
            ),
            &target,
            format!("{:.2} / {}", millis(p50), ms(p95)),
            vec![millis(p50), millis(p95)],
        );
    }

    fn print(&self) {
        let w0 = width(self.rows.iter().map(|r| &r.what));
        let w1 = width(self.rows.iter().map(|r| &r.figure));
        println!();
        println!("{}, terminal {WIDTH}x{HEIGHT}", self.heading);
        println!("{:<w0$}  {:<w1$}  target", "measure", "figure");
        println!("{}", "-".repeat(w0 + w1 + 24));
        for row in &self.rows {
            println!("{:<w0$}  {:<w1$}  {}", row.what, row.figure, row.target);
        }
    }
}

/// `first` and `second`, measured alike, in one table: each figure of each (a median, or p50
/// / p95), and how many times the first's the second's is.
fn print_beside(first: &Table, second: &Table) {
    let ratio = |a: &Row, b: &Row| -> String {
        let times: Vec<String> = a
            .headline
            .iter()
            .zip(&b.headline)
            .map(|(a, b)| {
                if *a > 0.0 {
                    format!("{:.1}x", b / a)
                } else {
                    "-".to_owned()
                }
            })
            .collect();
        times.join(" / ")
    };
    let rows: Vec<[String; 5]> = first
        .rows
        .iter()
        .zip(&second.rows)
        .map(|(a, b)| {
            [
                a.what.clone(),
                a.short.clone(),
                b.short.clone(),
                ratio(a, b),
                a.target.clone(),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..4).map(|i| width(rows.iter().map(|r| &r[i]))).collect();
    let headings = [
        "measure".to_owned(),
        first.store.to_owned(),
        second.store.to_owned(),
        format!("{} / {}", second.store, first.store),
        "target".to_owned(),
    ];
    let widths: Vec<usize> = widths
        .iter()
        .zip(&headings)
        .map(|(w, h)| (*w).max(h.chars().count()))
        .collect();
    println!();
    println!("{}: {}", first.store, first.heading);
    println!("{}: {}", second.store, second.heading);
    println!("terminal {WIDTH}x{HEIGHT}");
    for row in std::iter::once(&headings).chain(&rows) {
        let cells: Vec<String> = widths
            .iter()
            .zip(row)
            .map(|(w, cell)| format!("{cell:<w$}"))
            .collect();
        println!("{}  {}", cells.join("  "), row[4]);
    }
}

fn width<'a>(cells: impl Iterator<Item = &'a String>) -> usize {
    cells.map(|c| c.chars().count()).max().unwrap_or(0)
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
