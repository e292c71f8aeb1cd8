//! One full-screen session over SSH: its own App over its own session on the shared database,
//! driven by the same loop as the terminal (`tui::run_app`), its frames written by the same
//! backend (`tui::wire`) into the SSH channel.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use color_eyre::Result;
use crossterm::cursor::Show;
use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, Event};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use futures_util::Stream;
use ratatui::Terminal;
use ratatui::backend::Backend as _;
use ratatui::layout::Size;
use tokio::sync::mpsc::UnboundedReceiver;

use super::outbox::{Outbox, OutboxWriter};
use super::server::Shared;
use crate::app::App;
use crate::app::bank_query::BankQueries;
use crate::database::{self, Location};
use crate::domain::clock::SystemClock;
use crate::domain::session::Session;
use crate::messages;
use crate::store::StoreOptions;
use crate::tui::{self, wire::Wire};
use crate::ui::Theme;
use crate::ui::theme::ColorEnv;

/// What the client's pty request and environment said about its terminal.
pub struct Pty {
    pub width: u16,
    pub height: u16,
    pub colours: ColorEnv,
}

/// Why a session ended, besides the user quitting or hanging up.
enum End {
    Done,
    Stopping,
    Idle,
}

/// When the user last sent anything: the idle timeout counts from here.
pub type LastKey = Arc<Mutex<Instant>>;

/// Runs the session until the user quits, hangs up, goes idle or the server stops; then the
/// client's terminal is given back as it was, with a word why when it was not the user's doing.
pub async fn run(
    shared: Arc<Shared>,
    account: String,
    session: Session,
    terminal: Pty,
    events: UnboundedReceiver<Event>,
    last_key: LastKey,
    outbox: Outbox,
) -> Result<()> {
    let mut screen = Terminal::new(Wire::remote(
        outbox.writer(false),
        Size::new(terminal.width, terminal.height),
    ))?;
    execute!(
        screen.backend_mut(),
        EnterAlternateScreen,
        EnableBracketedPaste
    )?;
    let theme = Theme::choose(shared.settings.config.theme, &terminal.colours);
    let (background, mut answers) = match &shared.bank {
        Some(pool) => {
            let (desk, answers) = pool.desk();
            (Some(desk), Some(answers))
        }
        None => (None, None),
    };
    let mut app = open(&shared, &account, session, &terminal, background)?;
    app.follow_when_settled();
    let mut events = received(events);
    let mut nearby = shared.commits.join();
    let mut stopping = shared.stopping.clone();
    let work = async {
        let mut captured = false;
        loop {
            tui::run_app(
                &mut app,
                &mut events,
                &mut answers,
                Some(&mut nearby),
                |app| {
                    let size = Size::new(app.width, app.height);
                    if screen.backend().size()? != size {
                        screen.backend_mut().set_size(size);
                    }
                    tui::frame(&mut screen, app, &theme, &mut captured)
                },
            )
            .await?;
            // No editor runs on the server for someone at the far end of a connection.
            if app.take_editor_request().is_none() {
                return Ok::<_, color_eyre::Report>(End::Done);
            }
            let refusal = session.enter(messages::editor_not_over_ssh);
            app.editor_finished(Err(refusal.to_owned()));
        }
    };
    let idle = idle(&last_key, shared.idle_timeout);
    let end = tokio::select! {
        end = work => end?,
        _ = stopping.wait_for(|stop| *stop) => End::Stopping,
        () = idle => End::Idle,
    };
    give_back(screen.backend_mut(), session, &end)?;
    outbox.exit(0);
    Ok(())
}

/// The client's terminal as it was before the full screen, and a word why it ended when that
/// was not the user's doing.
fn give_back(backend: &mut Wire<OutboxWriter>, session: Session, end: &End) -> Result<()> {
    execute!(
        backend,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    )?;
    let why = match end {
        End::Done => return Ok(()),
        End::Stopping => session.enter(messages::serve_goodbye),
        End::Idle => session.enter(messages::serve_idle),
    };
    say(backend, why)
}

/// Each screen's own SQLite page cache, in KiB (SQLite's default is 2 MiB). The file's pages
/// stay in the system's cache once for every screen; a screen reads a few pages a key, and
/// with a hundred screens the default would be most of the server's memory.
const SCREEN_PAGE_CACHE_KIB: u32 = 256;

/// The App for `account`: its own connection, the server's settings in the session's language
/// and zone.
fn open(
    shared: &Shared,
    account: &str,
    session: Session,
    terminal: &Pty,
    background: Option<Box<dyn BankQueries>>,
) -> Result<App> {
    let options = StoreOptions {
        page_cache_kib: Some(SCREEN_PAGE_CACHE_KIB),
        ..shared.settings.config.store_options()
    };
    let location = Location::of(&shared.db);
    let store = database::open(&location, account, Arc::new(SystemClock), &options)?;
    let mut config = shared.settings.config.clone();
    config.language = Some(session.language);
    config.time_zone = Some(session.zone);
    let keymap = shared.settings.keymap.clone();
    let (width, height) = (terminal.width, terminal.height);
    Ok(session.enter(|| {
        App::on_store(
            database::backend(store),
            config,
            keymap,
            width,
            height,
            background,
        )
    })?)
}

/// A line on the client's own screen, after the full screen has gone.
fn say(backend: &mut Wire<OutboxWriter>, text: &str) -> Result<()> {
    use std::io::Write;
    let line = format!("{}\r\n", crate::domain::text::printable(text));
    backend.write_all(line.as_bytes())?;
    Write::flush(backend)?;
    Ok(())
}

/// The events the connection's handler parsed, as the stream `run_app` reads.
fn received(
    mut events: UnboundedReceiver<Event>,
) -> impl Stream<Item = std::result::Result<Event, std::io::Error>> + Unpin {
    futures_util::stream::poll_fn(move |cx| events.poll_recv(cx).map(|e| e.map(Ok)))
}

/// Ends when nothing came from the user for `timeout`.
async fn idle(last_key: &LastKey, timeout: Duration) {
    loop {
        let last = *last_key.lock().unwrap_or_else(|p| p.into_inner());
        let due = last + timeout;
        if Instant::now() >= due {
            return;
        }
        tokio::time::sleep_until(due.into()).await;
    }
}
