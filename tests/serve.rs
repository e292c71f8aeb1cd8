//! `puls serve` as the real binary, reached with russh's own client in the test: who gets in,
//! what a screen shows, commands over exec, sessions seeing each other, and a clean stop.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use russh::ChannelMsg;
use russh::client::{self, AuthResult, Handle};
use russh::keys::{Algorithm, PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};

#[path = "shared/postgres.rs"]
pub mod postgres;
#[path = "shared/serve.rs"]
pub mod serve;
use serve::Served;

const DEADLINE: Duration = Duration::from_secs(20);

struct Trusting;

impl client::Handler for Trusting {
    type Error = russh::Error;

    async fn check_server_key(&mut self, _: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

fn new_key() -> PrivateKey {
    PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).unwrap()
}

fn public(key: &PrivateKey) -> String {
    key.public_key().to_openssh().unwrap()
}

async fn connect(served: &Served) -> Handle<Trusting> {
    let config = Arc::new(client::Config::default());
    client::connect(config, served.address.as_str(), Trusting)
        .await
        .unwrap()
}

async fn login(served: &Served, account: &str, key: &PrivateKey) -> (Handle<Trusting>, bool) {
    let mut handle = connect(served).await;
    let key = PrivateKeyWithHashAlg::new(Arc::new(key.clone()), None);
    let result = handle.authenticate_publickey(account, key).await.unwrap();
    (handle, matches!(result, AuthResult::Success))
}

/// Standard output, standard error and the exit status of `command` over exec.
async fn exec(handle: &Handle<Trusting>, command: &str) -> (String, String, Option<u32>) {
    exec_with_input(handle, command, b"").await
}

/// [`exec`], sending `input` as the command's standard input, then its end.
async fn exec_with_input(
    handle: &Handle<Trusting>,
    command: &str,
    input: &[u8],
) -> (String, String, Option<u32>) {
    let mut channel = handle.channel_open_session().await.unwrap();
    channel.exec(true, command).await.unwrap();
    channel.data(input).await.unwrap();
    channel.eof().await.unwrap();
    let (mut out, mut err, mut status) = (Vec::new(), Vec::new(), None);
    while let Some(message) = channel.wait().await {
        match message {
            ChannelMsg::Data { data } => out.extend_from_slice(&data),
            ChannelMsg::ExtendedData { data, ext: 1 } => err.extend_from_slice(&data),
            ChannelMsg::ExitStatus { exit_status } => status = Some(exit_status),
            _ => {}
        }
    }
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (text(out), text(err), status)
}

/// A full screen over a channel, read back through a terminal emulator.
struct Screen {
    parsed: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    channel: russh::ChannelWriteHalf<client::Msg>,
}

impl Screen {
    async fn open(handle: &Handle<Trusting>) -> Screen {
        let channel = handle.channel_open_session().await.unwrap();
        channel
            .request_pty(true, "xterm-256color", 100, 30, 0, 0, &[])
            .await
            .unwrap();
        channel.request_shell(true).await.unwrap();
        let (mut reader, writer) = channel.split();
        let nonzero = |n| std::num::NonZeroU16::new(n).unwrap();
        let parsed = Arc::new(Mutex::new(vt100::Parser::new(nonzero(30), nonzero(100), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (Arc::clone(&parsed), Arc::clone(&raw));
        tokio::spawn(async move {
            while let Some(message) = reader.wait().await {
                if let ChannelMsg::Data { data } = message {
                    p.lock().unwrap().process(&data);
                    r.lock().unwrap().extend_from_slice(&data);
                }
            }
        });
        Screen {
            parsed,
            raw,
            channel: writer,
        }
    }

    fn text(&self) -> String {
        self.parsed.lock().unwrap().screen().contents()
    }

    fn raw(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    async fn wait_for(&self, what: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + DEADLINE;
        loop {
            let text = self.text();
            if what(&text) {
                return text;
            }
            assert!(Instant::now() < deadline, "never came; the screen:\n{text}");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    async fn press(&self, keys: &str) {
        self.channel
            .data_bytes(keys.as_bytes().to_vec())
            .await
            .unwrap();
    }
}

/// The small demo's first arena, as the board shows its title.
const ON_THE_BOARD: &str = "Work, Swedish";

#[tokio::test(flavor = "multi_thread")]
async fn a_listed_key_logs_in_and_sees_the_board() {
    let served = Served::start("");
    let key = new_key();
    served.list_key("karin", &public(&key));
    let (handle, success) = login(&served, "anything", &key).await;
    assert!(success);
    let screen = Screen::open(&handle).await;
    screen.wait_for(|s| s.contains(ON_THE_BOARD)).await;
    let log = served.wait_for_log("screen opened");
    assert!(
        log.contains("login") && log.contains("account=karin"),
        "{log}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unknown_key_is_refused_and_logged() {
    let served = Served::start("");
    served.list_key("karin", &public(&new_key()));
    let stranger = new_key();
    let (_, success) = login(&served, "karin", &stranger).await;
    assert!(!success);
    let fingerprint = stranger
        .public_key()
        .fingerprint(Default::default())
        .to_string();
    let log = served.wait_for_log("key not listed");
    assert!(log.contains(&fingerprint), "{log}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_password_is_refused() {
    let served = Served::start("");
    let mut handle = connect(&served).await;
    let result = handle
        .authenticate_password("root", "secret")
        .await
        .unwrap();
    assert!(!matches!(result, AuthResult::Success));
    let mut handle = connect(&served).await;
    let result = handle.authenticate_none("root").await.unwrap();
    assert!(!matches!(result, AuthResult::Success));
}

#[tokio::test(flavor = "multi_thread")]
async fn signal_over_exec_records_an_arena_as_the_keys_account() {
    let served = Served::start("");
    let key = new_key();
    served.list_key("karin", &public(&key));
    let (handle, _) = login(&served, "karin", &key).await;
    let (out, err, status) = exec(&handle, "signal 'Lonely pensioner in the old mill'").await;
    assert_eq!(status, Some(0), "{err}");
    let number: String = out.chars().filter(char::is_ascii_digit).collect();
    assert!(out.starts_with("Signal recorded as arena #"), "{out}");
    let (shown, _, status) = exec(&handle, &format!("show {number}")).await;
    assert_eq!(status, Some(0));
    assert!(
        shown.contains("Lonely pensioner in the old mill"),
        "{shown}"
    );
    assert!(shown.contains("Signalled by karin"), "{shown}");
}

#[tokio::test(flavor = "multi_thread")]
async fn exec_gives_the_command_lines_exit_codes_and_language() {
    let served = Served::start("");
    let key = new_key();
    served.list_key("karin", &public(&key));
    let (handle, _) = login(&served, "karin", &key).await;
    let (_, err, status) = exec(&handle, "show 999").await;
    assert_eq!(status, Some(2), "{err}");
    let (_, err, status) = exec(&handle, "import /etc/passwd").await;
    assert_eq!(status, Some(2));
    assert!(err.contains("not available over SSH"), "{err}");
    let (_, err, status) = exec(&handle, "figures --out /tmp/x").await;
    assert_eq!(status, Some(2));
    assert!(err.contains("--out"), "{err}");
    // The client's language, when it sends one.
    let mut channel = handle.channel_open_session().await.unwrap();
    channel.set_env(true, "LANG", "sv_SE.UTF-8").await.unwrap();
    channel
        .exec(true, "signal 'Ny signal om en familj'")
        .await
        .unwrap();
    let mut out = Vec::new();
    while let Some(message) = channel.wait().await {
        if let ChannelMsg::Data { data } = message {
            out.extend_from_slice(&data);
        }
    }
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("arena #"), "{out}");
    assert!(!out.starts_with("Signal recorded"), "{out}");
}

#[tokio::test(flavor = "multi_thread")]
async fn administering_over_exec_is_for_administrators() {
    let served = Served::start("");
    let key = new_key();
    served.list_key("maja", &public(&key));
    let (handle, _) = login(&served, "maja", &key).await;
    let (_, err, status) = exec(&handle, "users list").await;
    assert_eq!(status, Some(2));
    assert!(err.contains("`users` is for administrators"), "{err}");
    let (_, _, status) = exec(&handle, "retention run --dry-run").await;
    assert_eq!(status, Some(2));
}

/// An administrator lists a colleague's key without a shell on the server: the key goes over
/// the connection as the command's standard input. A file named would be the server's.
#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_lists_a_key_sent_over_the_connection() {
    let served = Served::start("");
    let key = new_key();
    served.list_key("maja", &public(&key));
    let granted = served.run(&["users", "grant", "maja", "administrator"]);
    assert!(granted.status.success(), "{granted:?}");
    let (handle, _) = login(&served, "maja", &key).await;
    let jonas = new_key();
    let (_, refused) = login(&served, "jonas", &jonas).await;
    assert!(!refused, "not listed yet");
    let listing = format!("{}\n", public(&jonas));
    let (out, err, status) =
        exec_with_input(&handle, "users key add jonas -", listing.as_bytes()).await;
    assert_eq!(status, Some(0), "{out}{err}");
    let (_, logged_in) = login(&served, "jonas", &jonas).await;
    assert!(logged_in, "jonas's key listed: {out}");
    let (_, err, status) = exec(&handle, "users key add jonas /etc/ssh/key.pub").await;
    assert_eq!(status, Some(2));
    assert!(err.contains("users key add ACCOUNT - < key.pub"), "{err}");
    // Not an administrator: refused, whatever is sent.
    let (jonas_handle, _) = login(&served, "jonas", &jonas).await;
    let (_, err, status) =
        exec_with_input(&jonas_handle, "users key add jonas -", listing.as_bytes()).await;
    assert_eq!(status, Some(2));
    assert!(err.contains("for administrators"), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_change_made_by_one_session_reaches_the_others_screen() {
    let served = Served::start("");
    let started = Instant::now();
    signal_seen_on_another_screen(&served, &served).await;
    eprintln!("signalled and seen in {:?}", started.elapsed());
}

/// karin watches the board through `watching`; maja records a signal through `writing` (the
/// same server or another on the same database); karin's screen shows it. Returns karin's
/// screen.
async fn signal_seen_on_another_screen(watching: &Served, writing: &Served) -> Screen {
    let (karin, maja) = (new_key(), new_key());
    watching.list_key("karin", &public(&karin));
    watching.list_key("maja", &public(&maja));
    let (karins, _) = login(watching, "karin", &karin).await;
    let screen = Screen::open(&karins).await;
    let before = screen.wait_for(|s| s.contains(ON_THE_BOARD)).await;
    assert!(before.contains("Signal 3"), "{before}");
    let (majas, _) = login(writing, "maja", &maja).await;
    let (out, err, status) = exec(&majas, "signal 'Noise at the youth centre'").await;
    assert_eq!(status, Some(0), "{err}");
    let number = out
        .trim()
        .trim_end_matches('.')
        .rsplit('#')
        .next()
        .unwrap()
        .to_owned();
    let after = screen.wait_for(|s| s.contains("Signal 4")).await;
    assert!(after.contains(&format!("#{number} Noise")), "{after}");
    screen
}

#[tokio::test(flavor = "multi_thread")]
async fn sigterm_says_goodbye_to_every_session_and_exits_zero() {
    let mut served = Served::start("");
    let key = new_key();
    served.list_key("karin", &public(&key));
    let (one, _) = login(&served, "karin", &key).await;
    let (two, _) = login(&served, "karin", &key).await;
    let (first, second) = (Screen::open(&one).await, Screen::open(&two).await);
    first.wait_for(|s| s.contains(ON_THE_BOARD)).await;
    second.wait_for(|s| s.contains(ON_THE_BOARD)).await;
    let status = tokio::task::spawn_blocking(move || served.terminate())
        .await
        .unwrap();
    assert!(status.success(), "{status:?}");
    for screen in [&first, &second] {
        let deadline = Instant::now() + DEADLINE;
        while !screen.raw().contains("Goodbye") {
            assert!(Instant::now() < deadline, "no goodbye: {:?}", screen.raw());
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        // The client's terminal is given back: the alternate screen left.
        assert!(screen.raw().contains("\x1b[?1049l"));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_idle_session_is_closed_and_max_sessions_holds() {
    let served = Served::start("idle_timeout = 2\nmax_sessions = 1\n");
    let key = new_key();
    served.list_key("karin", &public(&key));
    let (one, _) = login(&served, "karin", &key).await;
    let screen = Screen::open(&one).await;
    screen.wait_for(|s| s.contains(ON_THE_BOARD)).await;
    let (two, _) = login(&served, "karin", &key).await;
    let (out, _, status) = exec(&two, "show 1").await;
    assert_eq!(status, Some(1));
    assert!(out.contains("as many sessions as it may"), "{out}");
    let deadline = Instant::now() + DEADLINE;
    while !screen.raw().contains("without keys") {
        assert!(Instant::now() < deadline, "not closed: {:?}", screen.raw());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn keys_move_the_selection_and_an_idle_screen_sends_nothing() {
    let served = Served::start("");
    let key = new_key();
    served.list_key("karin", &public(&key));
    let (handle, _) = login(&served, "karin", &key).await;
    let screen = Screen::open(&handle).await;
    let before = screen.wait_for(|s| s.contains(ON_THE_BOARD)).await;
    screen.press("\x1b[C").await;
    screen.wait_for(|s| s != before).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let settled = screen.raw().len();
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(screen.raw().len(), settled, "bytes sent while idle");
}

#[test]
fn serve_check_validates_the_host_key_the_database_and_the_port_without_serving() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), "").unwrap();
    let check = |key: &std::path::Path| {
        serve::run(
            dir.path(),
            &[
                "serve",
                "--check",
                "--listen",
                "127.0.0.1:0",
                "--host-key",
                key.to_str().unwrap(),
            ],
        )
    };
    let key = dir.path().join("host_key");
    let out = check(&key);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("host key"),
        "{out:?}"
    );
    assert!(!key.exists(), "--check wrote a host key");

    let private = new_key()
        .to_openssh(russh::keys::ssh_key::LineEnding::LF)
        .unwrap();
    std::fs::write(&key, private.as_bytes()).unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = check(&key);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("chmod 600"),
        "{out:?}"
    );

    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = check(&key);
    assert_eq!(out.status.code(), Some(2), "no database yet: {out:?}");
    assert!(serve::run(dir.path(), &["demo"]).status.success());
    let out = check(&key);
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        said.lines().filter(|l| l.starts_with("ok: ")).count(),
        3,
        "{said}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_accounts_own_language_outranks_the_clients() {
    let served = Served::start("");
    let key = new_key();
    served.list_key("karin", &public(&key));
    let set = served.run(&[
        "users",
        "settings",
        "karin",
        "--language",
        "sv",
        "--time-zone",
        "Europe/Stockholm",
    ]);
    assert!(set.status.success(), "{set:?}");
    let (handle, _) = login(&served, "karin", &key).await;
    let mut channel = handle.channel_open_session().await.unwrap();
    channel.set_env(true, "LANG", "en_GB.UTF-8").await.unwrap();
    channel.exec(true, "show 999").await.unwrap();
    let mut err = Vec::new();
    while let Some(message) = channel.wait().await {
        if let ChannelMsg::ExtendedData { data, .. } = message {
            err.extend_from_slice(&data);
        }
    }
    let err = String::from_utf8(err).unwrap();
    assert!(err.contains("finns inte"), "Swedish for karin: {err}");
    // An account without settings gets the server's English.
    let maja = new_key();
    served.list_key("maja", &public(&maja));
    let (_, err, _) = exec(&login(&served, "maja", &maja).await.0, "show 999").await;
    assert!(err.contains("does not exist"), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_bank_is_searched_by_the_shared_workers() {
    let served = Served::start("");
    let key = new_key();
    served.list_key("karin", &public(&key));
    let (handle, _) = login(&served, "karin", &key).await;
    let screen = Screen::open(&handle).await;
    screen.wait_for(|s| s.contains(ON_THE_BOARD)).await;
    screen.press("4").await;
    screen.press("/").await;
    screen.press("sports club").await;
    screen.wait_for(|s| s.contains("Ådalen sports club")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_restricted_record_opens_for_its_coordinator_and_not_for_another_account() {
    use puls::store::prelude::*;
    let served = Served::start("");
    let (maja, jonas) = (new_key(), new_key());
    served.list_key("maja", &public(&maja));
    served.list_key("jonas", &public(&jonas));
    let linked = served.run(&["users", "link", "maja", "Maja Lindqvist"]);
    assert!(linked.status.success(), "{linked:?}");
    let clock = Arc::new(puls::domain::clock::SystemClock);
    let mut store = puls::store::Store::open(&served.db(), "maja", clock).unwrap();
    let secret = puls::store::RestrictedEdit {
        name: "Ebba Zetterqvist-Olofsson".into(),
        contact: "070-000 00 00".into(),
        note: String::new(),
    };
    store.save_restricted(1, None, &secret).unwrap();
    for (account, key, opens) in [("jonas", &jonas, false), ("maja", &maja, true)] {
        let (handle, _) = login(&served, account, key).await;
        let screen = Screen::open(&handle).await;
        screen.wait_for(|s| s.contains(ON_THE_BOARD)).await;
        screen.press("/#1\r").await;
        screen.press("3").await;
        screen.press("r").await;
        let text = if opens {
            screen.wait_for(|s| s.contains("Zetterqvist")).await
        } else {
            screen
                .wait_for(|s| s.contains("only its coordinator"))
                .await
        };
        assert_eq!(text.contains("Zetterqvist"), opens, "{account}: {text}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_address_past_its_failed_logins_is_refused_even_a_listed_key() {
    let served = Served::start("failed_logins = 2\n");
    let key = new_key();
    served.list_key("karin", &public(&key));
    for _ in 0..2 {
        let (handle, success) = login(&served, "karin", &new_key()).await;
        assert!(!success);
        handle
            .disconnect(russh::Disconnect::ByApplication, "", "")
            .await
            .unwrap();
    }
    let deadline = Instant::now() + DEADLINE;
    while served.log().matches("disconnect").count() < 2 {
        assert!(Instant::now() < deadline, "{}", served.log());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let (_, success) = login(&served, "karin", &key).await;
    assert!(!success, "a listed key from a blocked address");
    assert!(
        served.log().contains("too many refusals"),
        "{}",
        served.log()
    );
}

/// A region runs more than one `puls serve` on one PostgreSQL database (behind a load
/// balancer): a screen on one server sees a signal recorded through the other.
#[tokio::test(flavor = "multi_thread")]
async fn two_servers_on_one_postgresql_database_see_each_others_changes() {
    if !postgres::available() {
        return;
    }
    let database = postgres::TestDatabase::default();
    let first = Served::start_on("", Some(&database.url), true);
    let second = Served::start_on("", Some(&database.url), false);
    let host_key = second.dir.path().join("host_key");
    let check = second.run(&[
        "serve",
        "--check",
        "--listen",
        "127.0.0.1:0",
        "--host-key",
        host_key.to_str().unwrap(),
    ]);
    assert!(check.status.success(), "{check:?}");
    let screen = signal_seen_on_another_screen(&first, &second).await;
    // The bank's shared workers read the same server.
    screen.press("4").await;
    screen.press("/").await;
    screen.press("sports club").await;
    screen.wait_for(|s| s.contains("Ådalen sports club")).await;
}

/// `puls serve` over PostgreSQL holds a few connections however many screens it serves: each
/// screen takes one of the pool's only while it answers a key.
#[tokio::test(flavor = "multi_thread")]
async fn more_screens_than_connections_all_answer_keys_over_postgresql() {
    if !postgres::available() {
        return;
    }
    // Given a server on PostgreSQL with a pool of three connections, and twelve screens
    let database = postgres::TestDatabase::default();
    let served = Served::start_on("pool_size = 3\n", Some(&database.url), true);
    let key = new_key();
    served.list_key("karin", &public(&key));
    let mut screens = Vec::new();
    for _ in 0..12 {
        let (handle, _) = login(&served, "karin", &key).await;
        let screen = Screen::open(&handle).await;
        screen.wait_for(|s| s.contains(ON_THE_BOARD)).await;
        screens.push((handle, screen));
    }

    // When each screen moves its selection
    for (_, screen) in &screens {
        let before = screen.text();
        screen.press("\x1b[C").await;
        screen.wait_for(|s| s != before).await;
    }

    // Then every one answered, over no more than the pool's connections and its listener
    // (The blocking client runs a runtime of its own: off this one.)
    let url = database.url.clone();
    let held: i64 = tokio::task::spawn_blocking(move || {
        let mut admin = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
        admin
            .query_one(
                "SELECT count(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND pid <> pg_backend_pid()",
                &[],
            )
            .unwrap()
            .get(0)
    })
    .await
    .unwrap();
    eprintln!("{held} connections for twelve screens");
    assert!((1..=3 + 1).contains(&held), "{held} connections");
}
