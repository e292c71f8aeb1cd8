//! `puls serve` under load (issue 15): N = 1, 10, 50, 100 sessions over SSH on the large demo,
//! each pressing a navigation key on the board once a second, from russh's client in this
//! process. For each N, a fresh server; it prints key-to-frame p50/p95 at the client, the
//! server's RSS and RSS per added session, CPU per session, bytes per key and bytes while idle;
//! beside them the memory of the same N as separate `puls` processes (one measured in a
//! pseudo-terminal, times N), which is what a shared server runs today.
//!
//! ```sh
//! cargo bench --bench serve                          # generates the large demo in a temp folder
//! PULS_BENCH_DB=/tmp/big.db cargo bench --bench serve   # or reuses (or first creates) this file
//! ```

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use russh::ChannelMsg;
use russh::client::{self, AuthResult, Handle};
use russh::keys::{Algorithm, PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};

const BIN: &str = env!("CARGO_BIN_EXE_puls");
const SESSIONS: [usize; 4] = [1, 10, 50, 100];
/// Keys each session presses, one a second.
const ROUNDS: usize = 10;
const IDLE: Duration = Duration::from_secs(5);
/// Quiet after the last key before the idle seconds are counted.
const SETTLED: Duration = Duration::from_secs(3);
const FRAME_END: &[u8] = b"\x1b[?2026l";
const DEADLINE: Duration = Duration::from_secs(60);

struct Trusting;

impl client::Handler for Trusting {
    type Error = russh::Error;

    async fn check_server_key(&mut self, _: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

fn main() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = database(dir.path());
    let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).unwrap();
    list_key(dir.path(), &db, &key);
    std::fs::write(
        dir.path().join("config.toml"),
        "max_sessions = 500\nidle_timeout = 3600\n",
    )
    .unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let process_rss = separate_process_rss(dir.path(), &db);
    println!("puls serve, {ROUNDS} board keys a session, one a second; terminal 120x40");
    println!(
        "{:>4} | {:>9} | {:>9} | {:>10} | {:>12} | {:>9} | {:>9} | {:>6} | {:>16}",
        "N",
        "key p50",
        "key p95",
        "server RSS",
        "RSS/session",
        "CPU/sess",
        "bytes/key",
        "idle",
        "N processes RSS"
    );
    for n in SESSIONS {
        let row = runtime.block_on(measure(dir.path(), &db, &key, n));
        println!(
            "{n:>4} | {:>6.1} ms | {:>6.1} ms | {:>7.1} MB | {:>9.2} MB | {:>7.2} % | {:>9} | {:>6} | {:>13.1} MB",
            row.p50 * 1e3,
            row.p95 * 1e3,
            row.rss_mb,
            row.rss_per_session_mb,
            row.cpu_percent_per_session,
            row.bytes_per_key,
            row.idle_bytes,
            process_rss * n as f64,
        );
    }
    println!("one separate `puls` full screen on the same database: {process_rss:.1} MB RSS");
}

/// The large demo at `PULS_BENCH_DB`, or in `dir`; made when missing.
fn database(dir: &Path) -> PathBuf {
    let db = std::env::var_os("PULS_BENCH_DB").map_or_else(|| dir.join("large.db"), PathBuf::from);
    if !db.exists() {
        eprintln!("generating the large demo in {} ...", db.display());
        let status = Command::new(BIN)
            .args(["demo", "--size", "large", "--db"])
            .arg(&db)
            .env("HOME", dir)
            .status()
            .unwrap();
        assert!(status.success());
    }
    db
}

fn list_key(dir: &Path, db: &Path, key: &PrivateKey) {
    let file = dir.join("bench.pub");
    std::fs::write(&file, key.public_key().to_openssh().unwrap()).unwrap();
    let out = Command::new(BIN)
        .args(["users", "key", "add", "bench", "--db"])
        .arg(db)
        .arg(&file)
        .env("HOME", dir)
        .output()
        .unwrap();
    // Listed by an earlier run on the same file is as good.
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() || said.contains("already listed"),
        "{out:?}"
    );
}

struct Row {
    p50: f64,
    p95: f64,
    rss_mb: f64,
    rss_per_session_mb: f64,
    cpu_percent_per_session: f64,
    bytes_per_key: usize,
    idle_bytes: usize,
}

/// One fresh server with `n` sessions.
async fn measure(dir: &Path, db: &Path, key: &PrivateKey, n: usize) -> Row {
    let (mut server, address) = serve(dir, db);
    let pid = server.id();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let rss_before = rss_mb(pid);
    let mut sessions = Vec::new();
    for _ in 0..n {
        sessions.push(Session::open(&address, key).await);
    }
    for session in &mut sessions {
        session.first_frame().await;
    }
    for session in &mut sessions {
        session.quiet(Duration::from_millis(500)).await;
    }
    let rss_open = rss_mb(pid);
    let cpu_before = cpu_seconds(pid);
    let started = Instant::now();
    let tasks: Vec<_> = sessions
        .into_iter()
        .enumerate()
        .map(|(i, session)| {
            // Spread over the second, as people would be.
            let offset = Duration::from_millis((i * 1000 / n) as u64);
            tokio::spawn(session.press_keys(offset))
        })
        .collect();
    let mut latencies = Vec::new();
    let mut bytes = Vec::new();
    let mut idle_bytes = 0;
    let mut cpu_keys = 0.0;
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.unwrap());
    }
    for (session_latencies, session_bytes, idle) in results {
        latencies.extend(session_latencies);
        bytes.extend(session_bytes);
        idle_bytes += idle;
    }
    let elapsed = started.elapsed().as_secs_f64();
    cpu_keys += cpu_seconds(pid) - cpu_before;
    latencies.sort_by(f64::total_cmp);
    bytes.sort_unstable();
    let quantile = |q: f64| latencies[((latencies.len() - 1) as f64 * q).round() as usize];
    let _ = server.kill();
    let _ = server.wait();
    Row {
        p50: quantile(0.5),
        p95: quantile(0.95),
        rss_mb: rss_open,
        rss_per_session_mb: (rss_open - rss_before) / n as f64,
        cpu_percent_per_session: cpu_keys / elapsed / n as f64 * 100.0,
        bytes_per_key: bytes[bytes.len() / 2],
        idle_bytes,
    }
}

fn serve(dir: &Path, db: &Path) -> (Child, String) {
    let mut child = Command::new(BIN)
        .args(["serve", "--listen", "127.0.0.1:0", "--host-key"])
        .arg(dir.join("host_key"))
        .arg("--db")
        .arg(db)
        .arg("--config")
        .arg(dir.join("config.toml"))
        .env("HOME", dir)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(out));
    let address = loop {
        let line = lines
            .next()
            .expect("puls serve said where it listens")
            .unwrap();
        if let Some(rest) = line.strip_prefix("puls serves on ") {
            break rest.split(';').next().unwrap().to_owned();
        }
    };
    (child, address)
}

struct Session {
    _handle: Handle<Trusting>,
    channel: russh::Channel<client::Msg>,
}

impl Session {
    async fn open(address: &str, key: &PrivateKey) -> Session {
        let config = Arc::new(client::Config::default());
        let mut handle = client::connect(config, address, Trusting).await.unwrap();
        let key = PrivateKeyWithHashAlg::new(Arc::new(key.clone()), None);
        let result = handle.authenticate_publickey("bench", key).await.unwrap();
        assert!(matches!(result, AuthResult::Success));
        let channel = handle.channel_open_session().await.unwrap();
        channel
            .request_pty(true, "xterm-256color", 120, 40, 0, 0, &[])
            .await
            .unwrap();
        channel.request_shell(true).await.unwrap();
        Session {
            _handle: handle,
            channel,
        }
    }

    /// Bytes until a frame ends.
    async fn frame(&mut self) -> usize {
        let mut seen = Vec::new();
        while !contains(&seen, FRAME_END) {
            match tokio::time::timeout(DEADLINE, self.channel.wait()).await {
                Ok(Some(ChannelMsg::Data { data })) => seen.extend_from_slice(&data),
                Ok(Some(_)) => {}
                other => panic!("no frame: {other:?}"),
            }
        }
        seen.len()
    }

    async fn first_frame(&mut self) {
        self.frame().await;
    }

    /// Reads until nothing came for `quiet`; the bytes read.
    async fn quiet(&mut self, quiet: Duration) -> usize {
        let mut bytes = 0;
        while let Ok(Some(message)) = tokio::time::timeout(quiet, self.channel.wait()).await {
            if let ChannelMsg::Data { data } = message {
                bytes += data.len();
            }
        }
        bytes
    }

    /// Presses a board key a second (right, left, ...): each key's latency to its frame, its
    /// bytes (the frame and what follows it within the second), then the bytes of idle seconds.
    async fn press_keys(mut self, offset: Duration) -> (Vec<f64>, Vec<usize>, usize) {
        tokio::time::sleep(offset).await;
        let (mut latencies, mut bytes) = (Vec::new(), Vec::new());
        let start = Instant::now();
        for round in 0..ROUNDS {
            let key: &[u8] = if round % 2 == 0 { b"l" } else { b"h" };
            let sent = Instant::now();
            self.channel.data(key).await.unwrap();
            let frame = self.frame().await;
            latencies.push(sent.elapsed().as_secs_f64());
            let next = start + Duration::from_secs(round as u64 + 1);
            let rest = next.saturating_duration_since(Instant::now());
            bytes.push(frame + self.quiet(rest.max(Duration::from_millis(1))).await);
        }
        // Under load the last key's bank answer can come a second or two late: that is the
        // key's frame, not idle traffic.
        self.quiet(SETTLED).await;
        let idle = self.quiet(IDLE).await;
        (latencies, bytes, idle)
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn rss_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

/// User and system time of `pid`, in seconds (clock ticks of 1/100 s).
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // After the name: state is field 0, utime 11, stime 12.
    (ticks(11) + ticks(12)) / 100.0
}

/// The RSS of one `puls` full screen on `db`, in a pseudo-terminal, after its first frame.
fn separate_process_rss(dir: &Path, db: &Path) -> f64 {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut command = CommandBuilder::new(BIN);
    command.arg("--db");
    command.arg(db);
    command.env("HOME", dir);
    command.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(command).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut seen = Vec::new();
    let mut buffer = [0u8; 8192];
    while !contains(&seen, FRAME_END) {
        let n = reader.read(&mut buffer).unwrap();
        seen.extend_from_slice(&buffer[..n]);
    }
    std::thread::spawn(move || while reader.read(&mut buffer).is_ok_and(|n| n > 0) {});
    std::thread::sleep(Duration::from_secs(1));
    let rss = rss_mb(child.process_id().unwrap());
    let _ = child.kill();
    rss
}
