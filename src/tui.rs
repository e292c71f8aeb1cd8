//! The terminal driver: raw mode and the alternate screen, restored on every exit path, and the
//! event loop. Idle means silent: nothing is drawn unless a key, a resize or another session's
//! commit changed what the screen shows.

mod wire;

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
use tokio::signal::unix::{SignalKind, signal};

use crate::app::App;
use crate::ui::{self, Theme};
use wire::Wire;

/// How often to ask SQLite whether another session committed: one cheap pragma.
const WATCH_INTERVAL: Duration = Duration::from_secs(1);
/// How often a running stand-up clock is redrawn.
const CLOCK_INTERVAL: Duration = Duration::from_secs(1);

/// Runs puls full-screen until the user quits, the terminal closes or a signal asks us to stop.
pub fn run(app: App, theme: Theme) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    install_panic_hook();
    let mut terminal = match init() {
        Ok(terminal) => terminal,
        Err(e) => {
            restore();
            return Err(e);
        }
    };
    execute!(stdout(), EnableBracketedPaste)?;
    let result = runtime.block_on(event_loop(&mut terminal, app, theme));
    restore();
    result
}

/// The screen puls draws on: the alternate screen in raw mode, written through a `Wire`.
type Screen = Terminal<Wire<Stdout>>;

/// What `ratatui::init` does, but with the backend that spends fewer bytes per frame.
fn init() -> Result<Screen> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)?;
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

async fn event_loop(terminal: &mut Screen, mut app: App, theme: Theme) -> Result<()> {
    let mut terminate = signal(SignalKind::terminate())?;
    let mut hangup = signal(SignalKind::hangup())?;
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    let events = EventStream::new();
    // Capture only while the user wants the mouse: capturing takes the terminal's own text
    // selection away. Every switch redraws the status line, so the draw is where it is noticed.
    let mut captured = false;
    let frames = run_app(&mut app, events, |app| {
        if app.mouse() != captured {
            captured = app.mouse();
            if captured {
                execute!(terminal.backend_mut(), EnableMouseCapture)?;
            } else {
                execute!(terminal.backend_mut(), DisableMouseCapture)?;
            }
        }
        draw(terminal, app, &theme)
    });
    tokio::select! {
        result = frames => result.map(|_| ()),
        _ = terminate.recv() => Ok(()),
        _ = hangup.recv() => Ok(()),
    }
}

/// The loop of any driver: events in, frames out. Draws once at the start and then only when
/// something changed: a key, a resize, another session's commit, or a second of a running
/// stand-up clock. Returns how many frames it drew.
pub async fn run_app<S, E>(
    app: &mut App,
    mut events: S,
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
        let animating = app.animating();
        let mut dirty = tokio::select! {
            event = events.next() => match event {
                Some(Ok(event)) => app.handle_event(&event),
                Some(Err(e)) => return Err(e.into()),
                None => return Ok(frames),
            },
            _ = watch.tick() => app.poll_changes(),
            // The one periodic redraw: a stand-up clock that is running.
            _ = clock.tick(), if animating => app.tick(),
        };
        // A paste or a held key is many events: take all that are waiting, then draw once.
        // The poll uses this task's own waker: polling with a dummy one (`now_or_never`) leaves
        // crossterm's stream waking nobody, and the next key waited for the watch tick.
        while !app.should_quit() {
            match std::future::poll_fn(|cx| Poll::Ready(events.poll_next_unpin(cx))).await {
                Poll::Ready(Some(Ok(event))) => dirty |= app.handle_event(&event),
                Poll::Ready(Some(Err(e))) => return Err(e.into()),
                Poll::Ready(None) => return Ok(frames),
                Poll::Pending => break,
            }
        }
        if app.should_quit() {
            return Ok(frames);
        }
        if dirty {
            draw(app)?;
            frames += 1;
        }
    }
}

/// One frame inside a synchronized update, so a slow link never shows half of it.
fn draw(terminal: &mut Screen, app: &App, theme: &Theme) -> Result<()> {
    execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| ui::draw(frame, app, theme))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    terminal.backend_mut().flush()?;
    Ok(())
}
