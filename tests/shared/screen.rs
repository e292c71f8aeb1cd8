//! A small copy of the pseudo-terminal harness in `tests/e2e.rs`: the real `puls` in a pty,
//! read back through a terminal emulator (`vt100`), polled until a condition holds.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_puls");
/// Long enough for a debug build to start on a loaded machine; a passing test never waits it.
const DEADLINE: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(20);

/// A private HOME and database, removed when dropped.
pub struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temporary folder");
        for sub in ["home", "data", "config"] {
            std::fs::create_dir(dir.path().join(sub)).expect("sandbox folder");
        }
        Sandbox { dir }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("x.db")
    }

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
    }

    /// Starts full-screen puls on this sandbox's database in a 100x30 terminal.
    pub fn tui(&self, args: &[&str]) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut command = CommandBuilder::new(BIN);
        command.args(args);
        command.arg("--db");
        command.arg(self.db());
        command.env_clear();
        for (key, value) in self.env() {
            command.env(key, value);
        }
        command.cwd(self.dir.path());
        let child = pair.slave.spawn_command(command).expect("start puls");
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            30.try_into().expect("rows > 0"),
            100.try_into().expect("cols > 0"),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&screen);
        thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n @ 1..) = reader.read(&mut buffer) {
                sink.lock().unwrap().process(&buffer[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Tui {
            child,
            writer,
            screen,
            _master: pair.master,
        }
    }
}

/// One puls running full-screen in a pseudo-terminal.
pub struct Tui {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Tui {
    fn screen(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Types keys as a user would; each byte is one key press.
    pub fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type keys");
        self.writer.flush().expect("type keys");
    }

    /// Polls the screen until `ready` holds and returns it; fails with the screen it last saw.
    #[track_caller]
    pub fn wait_for(&self, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > DEADLINE {
                panic!("waited {DEADLINE:?} in vain; the screen shows:\n{screen}");
            }
            thread::sleep(POLL);
        }
    }

    #[track_caller]
    pub fn wait_for_board(&self) -> String {
        self.wait_for(|s| s.contains("Arenas") && column_count(s, "Signal").is_some())
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The text of one stage column, heading first: the cells between the `│` around its heading.
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

fn heading_count(cell: &str, stage: &str) -> Option<usize> {
    let rest = cell.trim_start_matches("◀ ").strip_prefix(stage)?;
    let digits: String = rest
        .strip_prefix(' ')?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}
