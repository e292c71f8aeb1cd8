//! The SSH side: who may log in (a listed key, nothing else), and what each channel of a
//! connection asks for: the full screen (a pty and a shell) or one command (exec).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::Event;
use russh::keys::PublicKey;
use russh::server::{Auth, ChannelOpenHandle, Msg, Session};
use russh::{Channel, ChannelId, Pty as PtyMode};
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tracing::{error, info, warn};

use super::exec;
use super::guard::Guard;
use super::outbox::Outbox;
use super::public_key::{self, Identity};
use super::screen::{self, LastKey, Pty};
use super::supervisor::{Watch, supervise};
use super::terminal_input::TerminalInput;
use crate::database::Database;
use crate::domain::language::Language;
use crate::domain::session::Session as PulsSession;
use crate::messages;
use crate::settings::Settings;
use crate::store::AccountSettings;
use crate::tui::nearby::Commits;
use crate::ui::theme::ColorEnv;

/// What every connection shares.
pub struct Shared {
    pub db: PathBuf,
    pub settings: Settings,
    /// The server's session: the language and zone of a user whose client says none.
    pub ambient: PulsSession,
    /// The service's connection, for finding the account of a key at login.
    pub logins: Mutex<Box<dyn Database + Send>>,
    /// Answers every screen's bank questions; None, and each screen asks its own store.
    pub bank: Option<super::bank_pool::BankPool>,
    pub commits: Arc<Commits>,
    pub sessions: Arc<Semaphore>,
    pub guard: Guard,
    pub idle_timeout: Duration,
    /// True once the server is stopping: every session says goodbye.
    pub stopping: watch::Receiver<bool>,
}

impl Shared {
    /// A question for the process's own session; its connection, if pooled, is given back
    /// after, for the screens.
    pub fn ask<T>(&self, question: impl FnOnce(&(dyn Database + Send)) -> T) -> T {
        let mut logins = self.logins.lock().unwrap_or_else(|p| p.into_inner());
        let answer = question(logins.as_ref());
        logins.rest();
        answer
    }

    /// The account of `key`, if it is listed.
    fn account_of(&self, key: &PublicKey) -> Option<String> {
        let Identity {
            fingerprint,
            public_key,
        } = public_key::identity(key);
        match self.ask(|logins| logins.key_account(&fingerprint, &public_key)) {
            Ok(account) => account,
            Err(e) => {
                error!(error = %e, "the key list cannot be read");
                None
            }
        }
    }
}

impl Shared {
    /// What `account` chose for its sessions; nothing, when that cannot be read.
    fn settings_of(&self, account: &str) -> AccountSettings {
        self.ask(|logins| logins.account_settings(account))
            .unwrap_or_else(|e| {
                error!(error = %e, "an account's settings cannot be read");
                AccountSettings::default()
            })
    }
}

/// Makes a handler for each connection.
pub struct Server(pub Arc<Shared>);

impl russh::server::Server for Server {
    type Handler = Connection;

    fn new_client(&mut self, peer: Option<SocketAddr>) -> Connection {
        info!(peer = ?peer, "connect");
        Connection {
            shared: Arc::clone(&self.0),
            peer,
            account: None,
            refused: false,
            channels: HashMap::new(),
        }
    }
}

/// One client's connection.
pub struct Connection {
    shared: Arc<Shared>,
    peer: Option<SocketAddr>,
    account: Option<String>,
    /// A login was refused: if none succeeds, the address has one refusal more.
    refused: bool,
    channels: HashMap<ChannelId, Requests>,
}

/// What a channel asked for before its shell or command.
#[derive(Default)]
struct Requests {
    pty: Option<(u16, u16)>,
    term: Option<String>,
    env: Vec<(String, String)>,
    input: Option<Input>,
    /// A command's standard input: what the client sends, until its end of file.
    stdin: Option<StdinSender>,
}

/// Where a command's standard input goes, and how much has gone.
struct StdinSender {
    chunks: std::sync::mpsc::Sender<Vec<u8>>,
    sent: usize,
}

/// What a command may be sent as its standard input (a few keys; past this it is cut, and the
/// command finds its input too large).
const STDIN_LIMIT: usize = 16 * 1024 * 1024;

/// Where a running screen's keys go.
struct Input {
    parser: TerminalInput,
    events: UnboundedSender<Event>,
    last_key: LastKey,
}

/// Client variables puls listens to: the language and colours. Nothing else is taken.
const ENV: &[&str] = &["LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR", "COLORTERM"];

impl Requests {
    fn var(&self, name: &str) -> Option<String> {
        self.env
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    }

    /// The account's own language and zone (`puls users settings`); else the client's
    /// language (`LANG` and the like, when it sends them); else the server's config; else the
    /// server's own.
    fn session(&self, shared: &Shared, account: &str) -> PulsSession {
        let own = shared.settings_of(account);
        let client = Language::from_env(|name| self.var(name));
        PulsSession {
            language: own
                .language
                .or(client)
                .or(shared.settings.config.language)
                .unwrap_or(shared.ambient.language),
            zone: own
                .zone
                .or(shared.settings.config.time_zone)
                .unwrap_or(shared.ambient.zone),
        }
    }
}

impl Connection {
    fn address(&self) -> Option<std::net::IpAddr> {
        self.peer.map(|p| p.ip())
    }

    fn blocked(&self) -> bool {
        self.address()
            .is_some_and(|ip| self.shared.guard.blocked(ip, Instant::now()))
    }

    fn refuse(&mut self, user: &str, method: &str) -> Auth {
        self.refused = true;
        warn!(peer = ?self.peer, user, method, "login refused");
        Auth::reject()
    }

    /// A place among the sessions, or the client is told the server is full and the channel ends.
    fn place(&self, outbox: &Outbox) -> Option<OwnedSemaphorePermit> {
        match Arc::clone(&self.shared.sessions).try_acquire_owned() {
            Ok(permit) => Some(permit),
            Err(_) => {
                warn!(peer = ?self.peer, "refused: max_sessions reached");
                outbox.out(format!("{}\r\n", messages::serve_full()).into_bytes());
                outbox.exit(1);
                None
            }
        }
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        if self.account.is_none() && self.refused {
            if let Some(ip) = self.address() {
                self.shared.guard.refused(ip, Instant::now());
            }
        }
        info!(peer = ?self.peer, account = self.account.as_deref(), "disconnect");
    }
}

impl russh::server::Handler for Connection {
    type Error = russh::Error;

    async fn auth_password(&mut self, user: &str, _: &str) -> Result<Auth, Self::Error> {
        Ok(self.refuse(user, "password"))
    }

    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        user: &str,
        _: &str,
        _: Option<russh::server::Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        Ok(self.refuse(user, "keyboard-interactive"))
    }

    async fn auth_publickey_offered(
        &mut self,
        user: &str,
        key: &PublicKey,
    ) -> Result<Auth, Self::Error> {
        if self.blocked() {
            warn!(peer = ?self.peer, "login refused: too many refusals from this address");
            return Ok(Auth::reject());
        }
        if self.shared.account_of(key).is_some() {
            return Ok(Auth::Accept);
        }
        let fingerprint = public_key::identity(key).fingerprint;
        self.refused = true;
        warn!(peer = ?self.peer, user, %fingerprint, "login refused: key not listed");
        Ok(Auth::reject())
    }

    async fn auth_publickey(&mut self, user: &str, key: &PublicKey) -> Result<Auth, Self::Error> {
        if self.blocked() {
            return Ok(Auth::reject());
        }
        match self.shared.account_of(key) {
            Some(account) => {
                let fingerprint = public_key::identity(key).fingerprint;
                info!(peer = ?self.peer, %account, %fingerprint, "login");
                self.account = Some(account);
                Ok(Auth::Accept)
            }
            None => Ok(self.refuse(user, "publickey")),
        }
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        self.channels.insert(channel.id(), Requests::default());
        reply.accept().await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        width: u32,
        height: u32,
        _: u32,
        _: u32,
        _: &[(PtyMode, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(requests) = self.channels.get_mut(&channel) {
            requests.pty = Some((clamp(width), clamp(height)));
            requests.term = Some(term.to_owned());
        }
        session.channel_success(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        match self.channels.get_mut(&channel) {
            Some(requests) if ENV.contains(&name) => {
                requests.env.push((name.to_owned(), value.to_owned()));
                session.channel_success(channel)
            }
            _ => session.channel_failure(channel),
        }
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let (Some(account), Some(requests)) =
            (self.account.clone(), self.channels.get_mut(&channel))
        else {
            return session.channel_failure(channel);
        };
        session.channel_success(channel)?;
        let outbox = Outbox::open(session.handle(), channel);
        let puls_session = requests.session(&self.shared, &account);
        let Some((width, height)) = requests.pty else {
            let text = puls_session.enter(messages::serve_needs_pty);
            outbox.out(format!("{text}\r\n").into_bytes());
            outbox.exit(2);
            return Ok(());
        };
        let colours = ColorEnv {
            no_color: requests.var("NO_COLOR").is_some_and(|v| !v.is_empty()),
            colorterm: requests.var("COLORTERM"),
            term: requests.term.clone(),
        };
        let (events, received) = unbounded_channel();
        let last_key: LastKey = Arc::new(Mutex::new(Instant::now()));
        requests.input = Some(Input {
            parser: TerminalInput::default(),
            events,
            last_key: Arc::clone(&last_key),
        });
        let Some(permit) = puls_session.enter(|| self.place(&outbox)) else {
            return Ok(());
        };
        let pty = Pty {
            width,
            height,
            colours,
        };
        let shared = Arc::clone(&self.shared);
        info!(peer = ?self.peer, %account, "screen opened");
        let watch = Watch {
            account: account.clone(),
            session: puls_session,
            outbox: outbox.clone(),
        };
        tokio::spawn(supervise(watch, permit, async move {
            screen::run(
                shared,
                account,
                puls_session,
                pty,
                received,
                last_key,
                outbox,
            )
            .await
        }));
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let (Some(account), Some(requests)) =
            (self.account.clone(), self.channels.get_mut(&channel))
        else {
            return session.channel_failure(channel);
        };
        let (chunks, stdin) = std::sync::mpsc::channel();
        requests.stdin = Some(StdinSender { chunks, sent: 0 });
        let requests = &*requests;
        session.channel_success(channel)?;
        let outbox = Outbox::open(session.handle(), channel);
        let puls_session = requests.session(&self.shared, &account);
        let Some(permit) = puls_session.enter(|| self.place(&outbox)) else {
            return Ok(());
        };
        let command = String::from_utf8_lossy(data).into_owned();
        let shared = Arc::clone(&self.shared);
        // The command line's words are the user's to keep: the log names only the command.
        let name = command.split_whitespace().next().unwrap_or("").to_owned();
        info!(peer = ?self.peer, %account, command = %name, "exec");
        let watch = Watch {
            account: account.clone(),
            session: puls_session,
            outbox: outbox.clone(),
        };
        tokio::spawn(supervise(watch, permit, async move {
            exec::run(shared, account, puls_session, command, stdin, outbox).await
        }));
        Ok(())
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(stdin) = self
            .channels
            .get_mut(&channel)
            .and_then(|r| r.stdin.as_mut())
            .filter(|s| s.sent <= STDIN_LIMIT)
        {
            stdin.sent += data.len();
            // A command that never reads its input has ended: nobody waits for it.
            let _ = stdin.chunks.send(data.to_vec());
        }
        if let Some(input) = self
            .channels
            .get_mut(&channel)
            .and_then(|r| r.input.as_mut())
        {
            *input.last_key.lock().unwrap_or_else(|p| p.into_inner()) = Instant::now();
            for event in input.parser.feed(data) {
                // The screen has ended: its keys go nowhere.
                let _ = input.events.send(event);
            }
        }
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        width: u32,
        height: u32,
        _: u32,
        _: u32,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(input) = self.channels.get(&channel).and_then(|r| r.input.as_ref()) {
            let _ = input
                .events
                .send(Event::Resize(clamp(width), clamp(height)));
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        // No more keys: the screen's stream ends, and with it the screen; a command's standard
        // input ends.
        if let Some(requests) = self.channels.get_mut(&channel) {
            requests.input = None;
            requests.stdin = None;
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        _: &mut Session,
    ) -> Result<(), Self::Error> {
        self.channels.remove(&channel);
        Ok(())
    }
}

/// A terminal's size as the client tells it, within what a screen can be.
fn clamp(cells: u32) -> u16 {
    u16::try_from(cells).unwrap_or(u16::MAX).max(1)
}
