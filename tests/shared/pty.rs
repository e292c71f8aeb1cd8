//! The real `puls` in a pseudo-terminal, read back through a terminal emulator (`vt100`):
//! a sandbox with its own HOME and database, puls started full-screen in it, and waits that
//! poll the emulated screen until a condition holds.
//!
//! Included by the test files that run the binary full-screen with
//! `#[path = "shared/pty.rs"] pub mod pty;`: `pub`, so that a test file using only part of it
//! is not warned about the rest.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_puls");
/// Long enough for a debug build to start on a loaded two-core machine; a passing test never
/// waits this long.
pub const DEADLINE: Duration = Duration::from_secs(20);
/// How often a wait looks at the screen again.
const POLL: Duration = Duration::from_millis(20);

/// A private HOME, config and data folder and a database path, removed when dropped.
pub struct Sandbox {
    pub dir: TempDir,
    /// Variables a test adds to the environment, such as a locale.
    pub extra: Vec<(&'static str, OsString)>,
}

impl Sandbox {
    // Making folders on disk is no default value for a type to have.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temporary folder");
        for sub in ["home", "data", "config"] {
            std::fs::create_dir(dir.path().join(sub)).expect("sandbox folder");
        }
        Sandbox {
            dir,
            extra: Vec::new(),
        }
    }

    /// The same sandbox with `name=value` in puls's environment.
    pub fn with_env(mut self, name: &'static str, value: &str) -> Sandbox {
        self.extra.push((name, value.into()));
        self
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("x.db")
    }

    /// The whole environment puls sees: nothing is inherited, so a developer's PULS_DB,
    /// PULS_CONFIG or NO_COLOR cannot change what the tests see.
    fn env(&self) -> Vec<(&'static str, OsString)> {
        let root = self.dir.path();
        vec![
            ("HOME", root.join("home").into()),
            ("XDG_DATA_HOME", root.join("data").into()),
            ("XDG_CONFIG_HOME", root.join("config").into()),
            ("USER", "tester".into()),
            ("TERM", "xterm-256color".into()),
            ("PATH", std::env::var_os("PATH").unwrap_or_default()),
        ]
        .into_iter()
        .chain(self.extra.iter().cloned())
        .collect()
    }

    /// Runs a puls command that needs no screen (signal, show) on this sandbox's database, and
    /// insists that it succeeds.
    pub fn cli(&self, args: &[&str]) -> Output {
        let output = Command::new(BIN)
            .args(args)
            .arg("--db")
            .arg(self.db())
            .env_clear()
            .envs(self.env())
            .current_dir(self.dir.path())
            .output()
            .expect("run puls");
        assert!(
            output.status.success(),
            "puls {args:?} failed: {:?}\nstdout: {}\nstderr: {}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
        );
        output
    }

    /// Starts full-screen puls on this sandbox's database in a 100x30 terminal.
    pub fn tui(&self, args: &[&str]) -> Tui {
        Tui::start(self, args, 100, 30)
    }
}

/// What the background reader has received so far.
struct Received {
    screen: vt100::Parser,
    raw: Vec<u8>,
    /// The pty reported the end of output: nothing holds the terminal open any more.
    closed: bool,
}

/// The terminal modes a full-screen program must give back when it ends.
#[derive(Debug, PartialEq)]
pub struct Modes {
    pub alternate_screen: bool,
    pub hidden_cursor: bool,
    pub bracketed_paste: bool,
}

/// One puls running full-screen in a pseudo-terminal.
pub struct Tui {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    received: Arc<Mutex<Received>>,
    /// Held so the terminal stays open, and its settings readable, for the whole test.
    master: Box<dyn MasterPty + Send>,
    /// The line discipline before puls started: the cooked mode a shell would leave it in.
    pub cooked: String,
}

impl Tui {
    pub fn start(sandbox: &Sandbox, args: &[&str], cols: u16, rows: u16) -> Tui {
        let mut command = CommandBuilder::new(BIN);
        command.args(args);
        command.arg("--db");
        command.arg(sandbox.db());
        command.env_clear();
        for (key, value) in sandbox.env() {
            command.env(key, value);
        }
        command.cwd(sandbox.dir.path());
        Tui::spawn(command, cols, rows)
    }

    /// Any program in a pseudo-terminal of `cols` x `rows` (the OpenSSH client, for
    /// `puls serve`), read back as puls is.
    pub fn spawn(command: CommandBuilder, cols: u16, rows: u16) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let cooked = line_discipline(pair.master.as_ref());
        let child = pair
            .slave
            .spawn_command(command)
            .expect("start the program");
        // Only the child may hold the slave end: once it exits, reading the master end reports
        // the end of output, which is how a test knows it has seen every byte.
        drop(pair.slave);

        let received = Arc::new(Mutex::new(Received {
            screen: vt100::Parser::new(
                rows.try_into().expect("rows > 0"),
                cols.try_into().expect("cols > 0"),
                0,
            ),
            raw: Vec::new(),
            closed: false,
        }));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&received);
        thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            // Linux answers EIO rather than 0 once the child is gone: both mean the end.
            while let Ok(n @ 1..) = reader.read(&mut buffer) {
                let mut received = sink.lock().unwrap();
                received.screen.process(&buffer[..n]);
                received.raw.extend_from_slice(&buffer[..n]);
            }
            sink.lock().unwrap().closed = true;
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Tui {
            child,
            writer,
            received,
            master: pair.master,
            cooked,
        }
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.received.lock().unwrap().screen.screen().contents()
    }

    /// Every byte puls has written to its terminal so far.
    pub fn raw(&self) -> Vec<u8> {
        self.received.lock().unwrap().raw.clone()
    }

    pub fn raw_len(&self) -> usize {
        self.received.lock().unwrap().raw.len()
    }

    /// Types keys as a user would; each byte is one key press.
    pub fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type keys");
        self.writer.flush().expect("type keys");
    }

    /// Polls the screen until `ready` holds, and returns that screen. When `timeout` passes
    /// first, fails at the caller's line with the screen it last saw.
    #[track_caller]
    pub fn wait_for(&self, ready: impl Fn(&str) -> bool, timeout: Duration) -> String {
        self.wait("the condition", timeout, ready)
    }

    #[track_caller]
    pub fn wait_for_text(&self, text: &str) -> String {
        self.wait(&format!("{text:?}"), DEADLINE, |s| s.contains(text))
    }

    /// Waits for the first frame of the board: the title and the first stage's heading.
    #[track_caller]
    pub fn wait_for_board(&self) -> String {
        self.wait("the board", DEADLINE, |s| {
            s.contains("Arenas") && column_count(s, "Signal").is_some()
        })
    }

    #[track_caller]
    fn wait(&self, what: &str, timeout: Duration, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > timeout {
                panic!("waited {timeout:?} for {what} in vain; the screen shows:\n{screen}");
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until puls has written nothing for `quiet`, so that a measurement starts at rest.
    #[track_caller]
    pub fn wait_until_quiet(&self, quiet: Duration) {
        let start = Instant::now();
        let mut seen = self.raw_len();
        let mut since = Instant::now();
        while since.elapsed() < quiet {
            if start.elapsed() > DEADLINE {
                panic!(
                    "output never rested for {quiet:?} within {DEADLINE:?}; the screen shows:\n{}",
                    self.screen()
                );
            }
            thread::sleep(POLL);
            let now = self.raw_len();
            if now != seen {
                seen = now;
                since = Instant::now();
            }
        }
    }

    /// Waits for puls to exit and for every byte it wrote to have been read.
    #[track_caller]
    pub fn wait_for_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            let exited = self.child.try_wait().expect("child status");
            let drained = self.received.lock().unwrap().closed;
            match exited {
                Some(status) if drained => return status,
                _ if start.elapsed() > DEADLINE => panic!(
                    "puls did not finish within {DEADLINE:?} (exit: {exited:?}, output \
                     drained: {drained}); the screen shows:\n{}",
                    self.screen()
                ),
                _ => thread::sleep(POLL),
            }
        }
    }

    pub fn modes(&self) -> Modes {
        let received = self.received.lock().unwrap();
        let screen = received.screen.screen();
        Modes {
            alternate_screen: screen.alternate_screen(),
            hidden_cursor: screen.hide_cursor(),
            bracketed_paste: screen.bracketed_paste(),
        }
    }

    pub fn line_discipline(&self) -> String {
        line_discipline(self.master.as_ref())
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// The terminal is now `cols` x `rows`, as when its window is resized.
    pub fn resize(&self, cols: u16, rows: u16) {
        let nonzero = |n: u16| n.try_into().expect("a size > 0");
        self.received
            .lock()
            .unwrap()
            .screen
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }
}

impl Drop for Tui {
    /// A failed test must not leave puls running: hang up, then kill.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The terminal's line discipline (input, output and local flags, by name). Raw mode shows here:
/// it belongs to the terminal and outlives the program that set it.
fn line_discipline(master: &dyn MasterPty) -> String {
    let t = master.get_termios().expect("termios of the pty");
    format!(
        "input {:?}; output {:?}; local {:?}",
        t.input_flags, t.output_flags, t.local_flags
    )
}

/// The text of one stage column, heading first, when that column is on screen: the cells between
/// the `│` separators around its heading, on every row below it.
pub fn column(screen: &str, stage: &str) -> Option<String> {
    let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    for (y, row) in rows.iter().enumerate() {
        let bars: Vec<usize> = (0..row.len()).filter(|&x| row[x] == '│').collect();
        for edge in bars.windows(2) {
            let (left, right) = (edge[0] + 1, edge[1]);
            let heading: String = row[left..right].iter().collect();
            if heading_count(&heading, stage).is_none() {
                continue;
            }
            let below = rows[y..].iter().map(|r| {
                let cells = r.get(left.min(r.len())..right.min(r.len()));
                cells.unwrap_or_default().iter().collect::<String>()
            });
            return Some(below.collect::<Vec<_>>().join("\n"));
        }
    }
    None
}

/// The number in a stage column's heading ("Closed 3"), when that column is on screen.
pub fn column_count(screen: &str, stage: &str) -> Option<usize> {
    let text = column(screen, stage)?;
    heading_count(text.lines().next()?, stage)
}

/// "Closed 3", "◀ Closed 3 ▶" or "Closed 3 ↑2" with stage "Closed" gives 3.
fn heading_count(cell: &str, stage: &str) -> Option<usize> {
    let rest = cell.trim_start_matches("◀ ").strip_prefix(stage)?;
    let digits: String = rest
        .strip_prefix(' ')?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}
