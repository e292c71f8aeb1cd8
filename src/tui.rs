//! The terminal driver: raw mode and the alternate screen, restored on every exit path, and the
//! event loop. Idle means silent: nothing is drawn unless a key, a resize or another session's
//! commit changed what the screen shows.

pub mod bank_worker;
mod editor;
pub mod nearby;
pub mod wire;

use std::io::{Stdout, Write, stdout};
use std::task::Poll;
use std::time::Duration;

use color_eyre::Result;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    EventStream,
};
use crossterm::execute;
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen};
use futures_util::{Stream, StreamExt};
use ratatui::Terminal;
use ratatui::layout::Size;
use tokio::signal::unix::{Signal, SignalKind, signal};
use tokio::sync::mpsc::UnboundedReceiver;

use crate::app::App;
use crate::ui::{self, Theme};
use bank_worker::BankAnswer;
use nearby::Nearby;
use wire::Wire;

/// How often to ask SQLite whether another session committed: one cheap pragma.
const WATCH_INTERVAL: Duration = Duration::from_secs(1);
/// How long the board's selection rests before the panes that follow it catch up: longer
/// than a key repeat, short enough to feel immediate after a single step.
const SETTLE: Duration = Duration::from_millis(120);
/// How often a running stand-up clock is redrawn.
const CLOCK_INTERVAL: Duration = Duration::from_secs(1);

/// Runs puls full-screen until the user quits, the terminal closes or a signal asks us to stop.
/// `answers` brings the bank worker's answers, if the app asks one (see [`bank_worker`]).
pub fn run(mut app: App, answers: Option<Answers>, theme: Theme) -> Result<()> {
    app.follow_when_settled();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // Taken over before the terminal changes: a signal between the two would end puls with the
    // terminal left raw.
    let stops = {
        let _entered = runtime.enter();
        Stops::listen()?
    };
    install_panic_hook();
    let mut terminal = match init() {
        Ok(terminal) => terminal,
        Err(e) => {
            restore();
            return Err(e);
        }
    };
    let result = runtime.block_on(event_loop(&mut terminal, app, answers, theme, stops));
    restore();
    result
}

/// The screen puls draws on: the alternate screen in raw mode, written through a `Wire`.
type Screen = Terminal<Wire<Stdout>>;

/// What `ratatui::init` does, with bracketed paste, and the backend that spends fewer bytes per
/// frame.
fn init() -> Result<Screen> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    let (width, height) = crossterm::terminal::size()?;
    Ok(Terminal::new(Wire::new(
        stdout(),
        Size::new(width, height),
    ))?)
}

fn restore() {
    // Best effort: the terminal may already be gone (SIGHUP), and there is nobody to tell.
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
}

/// Restores the terminal before the panic report is printed, so the report is readable.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Where the bank worker's answers arrive.
pub type Answers = UnboundedReceiver<BankAnswer>;

/// The signals whose default action ends the process: each ends puls the way `q` does, so the
/// terminal is restored (SIGKILL and SIGSTOP cannot be caught; faults such as SIGSEGV are not
/// asked for, and a panic restores through its hook).
struct Stops(Vec<Signal>);

impl Stops {
    fn listen() -> Result<Stops> {
        let kinds = [
            SignalKind::terminate(),
            SignalKind::hangup(),
            SignalKind::interrupt(),
            SignalKind::quit(),
            SignalKind::alarm(),
            SignalKind::user_defined1(),
            SignalKind::user_defined2(),
            SignalKind::io(),
        ];
        let signals = kinds
            .into_iter()
            .map(signal)
            .collect::<std::io::Result<_>>()?;
        Ok(Stops(signals))
    }

    /// Waits for the first of them.
    async fn received(&mut self) {
        futures_util::future::select_all(self.0.iter_mut().map(|s| Box::pin(s.recv()))).await;
    }
}

/// Whether there is a terminal to take over: standard output is one, and the controlling
/// terminal (where keys come from) can be opened.
pub fn has_terminal() -> bool {
    std::io::IsTerminal::is_terminal(&stdout()) && std::fs::File::open("/dev/tty").is_ok()
}

async fn event_loop(
    terminal: &mut Screen,
    mut app: App,
    mut answers: Option<Answers>,
    theme: Theme,
    mut stops: Stops,
) -> Result<()> {
    let session = async {
        loop {
            // The terminal may have changed size while an editor had it.
            let size = terminal.size()?;
            app.resize(size.width, size.height);
            // A new stream each time: the old one is dropped before an editor runs, so that its
            // reader thread stops and cannot take the keys meant for the editor.
            let events = EventStream::new();
            // Handing the terminal to an editor released the mouse.
            let mut captured = false;
            run_app(&mut app, events, &mut answers, None, |app| {
                frame(terminal, app, &theme, &mut captured)
            })
            .await?;
            let Some(text) = app.take_editor_request() else {
                return Ok(());
            };
            let result = edit_outside(terminal, &text)?;
            app.editor_finished(result);
        }
    };
    tokio::select! {
        result = session => result,
        () = stops.received() => Ok(()),
    }
}

/// Hands the terminal to the user's editor and takes it back: the main screen in cooked mode
/// while it runs, then the alternate screen redrawn whole.
fn edit_outside(terminal: &mut Screen, text: &str) -> Result<std::result::Result<String, String>> {
    terminal.show_cursor()?;
    restore();
    let result = editor::edit(&editor::chosen(), text);
    // A new terminal over a fresh alternate screen draws the next frame whole, without asking
    // the terminal where its cursor is (as `Terminal::clear` would).
    *terminal = init()?;
    Ok(result)
}

/// The loop of any driver: events in, frames out. Draws once at the start and then only when
/// something changed: a key, a resize, another session's commit, an answer from the bank
/// worker, or a second of a running stand-up clock. Returns how many frames it drew, when the
/// app quits or asks the driver to run an editor. `nearby` links the screens one process
/// serves (`puls serve`): a commit by one of them wakes the others at once.
pub async fn run_app<S, E>(
    app: &mut App,
    mut events: S,
    answers: &mut Option<Answers>,
    mut nearby: Option<&mut Nearby>,
    mut draw: impl FnMut(&App) -> Result<()>,
) -> Result<u64>
where
    S: Stream<Item = std::result::Result<Event, E>> + Unpin,
    E: Into<color_eyre::Report>,
{
    let mut watch = tokio::time::interval(WATCH_INTERVAL);
    watch.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut clock = tokio::time::interval(CLOCK_INTERVAL);
    clock.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    draw(app)?;
    let mut frames = 1;
    loop {
        // Nothing to do until the next event: a pooled connection serves another screen.
        app.rest();
        let animating = app.animating();
        let mut dirty = tokio::select! {
            event = events.next() => match event {
                Some(Ok(event)) => app.handle_event(&event),
                Some(Err(e)) => return Err(e.into()),
                None => return Ok(frames),
            },
            Some((ticket, answer)) = next_answer(answers) => app.bank_answer(ticket, answer),
            // The panes that follow the board catch up once the keys have rested.
            _ = tokio::time::sleep(SETTLE), if app.unsettled() => app.settle(),
            _ = watch.tick() => app.poll_changes(),
            // Another screen of this process committed: no need to wait for the watch.
            () = nearby::news(&mut nearby) => app.poll_changes(),
            // The one periodic redraw: a stand-up clock that is running.
            _ = clock.tick(), if animating => app.tick(),
        };
        // A paste or a held key is many events: take all that are waiting, then draw once.
        // The poll uses this task's own waker: polling with a dummy one (`now_or_never`) leaves
        // crossterm's stream waking nobody, and the next key waited for the watch tick.
        while !app.should_quit() && !app.wants_editor() {
            match std::future::poll_fn(|cx| Poll::Ready(events.poll_next_unpin(cx))).await {
                Poll::Ready(Some(Ok(event))) => dirty |= app.handle_event(&event),
                Poll::Ready(Some(Err(e))) => return Err(e.into()),
                Poll::Ready(None) => return Ok(frames),
                Poll::Pending => break,
            }
        }
        if app.should_quit() || app.wants_editor() {
            return Ok(frames);
        }
        if dirty {
            if let Some(nearby) = nearby.as_deref() {
                nearby.stepped();
            }
            draw(app)?;
            frames += 1;
        }
    }
}

/// The next answer of the bank worker; never, without one.
async fn next_answer(answers: &mut Option<Answers>) -> Option<BankAnswer> {
    match answers {
        Some(answers) => answers.recv().await,
        None => std::future::pending().await,
    }
}

/// One frame, with the mouse captured while the user wants it: capturing takes the terminal's
/// own text selection away. Every switch redraws the status line, so the draw is where it is
/// noticed; `captured` is what the terminal was last told.
pub fn frame<W: Write>(
    terminal: &mut Terminal<Wire<W>>,
    app: &App,
    theme: &Theme,
    captured: &mut bool,
) -> Result<()> {
    if app.mouse() != *captured {
        *captured = app.mouse();
        if *captured {
            execute!(terminal.backend_mut(), EnableMouseCapture)?;
        } else {
            execute!(terminal.backend_mut(), DisableMouseCapture)?;
        }
    }
    draw(terminal, app, theme)
}

/// One frame inside a synchronized update, so a slow link never shows half of it.
fn draw<W: Write>(terminal: &mut Terminal<Wire<W>>, app: &App, theme: &Theme) -> Result<()> {
    execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| ui::draw(frame, app, theme))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    terminal.backend_mut().flush()?;
    Ok(())
}
