//! `puls serve` run as the real binary on the small demo, on 127.0.0.1 and a port the system
//! chose, in a private folder: where it listens, its log, and a SIGTERM.
//!
//! Included by the serve tests with `#[path = "shared/serve.rs"] pub mod serve;`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_puls");

pub struct Served {
    pub dir: TempDir,
    /// The database it serves: a file in `dir`, or a PostgreSQL URL.
    db: String,
    child: Child,
    /// `127.0.0.1:PORT`.
    pub address: String,
}

impl Served {
    /// The server on a new demo database, with `config` as its config file.
    pub fn start(config: &str) -> Served {
        Served::start_on(config, None, true)
    }

    /// The server on `db` (a PostgreSQL URL; None: a file of its own), first filled with the
    /// demo when `demo`.
    pub fn start_on(config: &str, db: Option<&str>, demo: bool) -> Served {
        let dir = tempfile::tempdir().unwrap();
        let db = db.map_or_else(
            || dir.path().join("p.db").display().to_string(),
            str::to_owned,
        );
        std::fs::write(dir.path().join("config.toml"), config).unwrap();
        if demo {
            let demo = command(dir.path(), &db).arg("demo").output().unwrap();
            assert!(demo.status.success(), "{demo:?}");
        }
        let log = std::fs::File::create(dir.path().join("serve.log")).unwrap();
        let mut child = command(dir.path(), &db)
            .args(["serve", "--listen", "127.0.0.1:0", "--host-key"])
            .arg(dir.path().join("host_key"))
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let address = loop {
            let line = lines
                .next()
                .expect("puls serve said where it listens")
                .unwrap();
            if let Some(rest) = line.strip_prefix("puls serves on ") {
                break rest.split(';').next().unwrap().to_owned();
            }
        };
        Served {
            dir,
            db,
            child,
            address,
        }
    }

    pub fn port(&self) -> &str {
        self.address.rsplit(':').next().unwrap()
    }

    pub fn db(&self) -> PathBuf {
        PathBuf::from(&self.db)
    }

    /// Lists the OpenSSH public key `public` for `account`, as the administrator (the account
    /// the tests run as, the first to add a key).
    pub fn list_key(&self, account: &str, public: &str) {
        let file = self.dir.path().join(format!("{account}.pub"));
        std::fs::write(&file, public).unwrap();
        let out = self.run(&["users", "key", "add", account, file.to_str().unwrap()]);
        assert!(out.status.success(), "{out:?}");
    }

    /// A command of puls run in the server's folder, on its database.
    pub fn run(&self, args: &[&str]) -> Output {
        command(self.dir.path(), &self.db)
            .args(args)
            .output()
            .unwrap()
    }

    /// What the server logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("serve.log")).unwrap_or_default()
    }

    /// Waits until the log holds `text`.
    pub fn wait_for_log(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let log = self.log();
            if log.contains(text) || Instant::now() > deadline {
                return log;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends SIGTERM and waits for the server to end.
    pub fn terminate(&mut self) -> ExitStatus {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        self.child.wait().unwrap()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// puls in the private folder `dir`, on `db` and the folder's config, with nothing of the
/// developer's.
fn command(dir: &Path, db: &str) -> Command {
    let mut command = Command::new(BIN);
    command
        .env_clear()
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("PULS_DB", db)
        .env("PULS_CONFIG", dir.join("config.toml"))
        .env("TZ", "UTC");
    command
}

/// A command of puls run in `dir`, on the database file the server there would serve.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    let db = dir.join("p.db").display().to_string();
    command(dir, &db).args(args).output().unwrap()
}
