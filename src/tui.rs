//! The terminal driver: raw mode and the alternate screen, restored on every exit path, and the
//! event loop. Idle means silent: nothing is drawn unless a key, a resize or another session's
//! commit changed what the screen shows.

use std::io::{Write, stdout};
use std::task::Poll;
use std::time::Duration;

use color_eyre::Result;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, EventStream};
use crossterm::execute;
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use futures_util::StreamExt;
use ratatui::DefaultTerminal;
use tokio::signal::unix::{SignalKind, signal};

use crate::app::App;
use crate::ui::{self, Theme};

/// How often to ask SQLite whether another session committed: one cheap pragma.
const WATCH_INTERVAL: Duration = Duration::from_secs(1);

/// Runs puls full-screen until the user quits, the terminal closes or a signal asks us to stop.
pub fn run(app: App, theme: Theme) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    install_panic_hook();
    let mut terminal = ratatui::init();
    execute!(stdout(), EnableBracketedPaste)?;
    let result = runtime.block_on(event_loop(&mut terminal, app, theme));
    restore();
    result
}

fn restore() {
    // Best effort: the terminal may already be gone (SIGHUP), and there is nobody to tell.
    let _ = execute!(stdout(), DisableBracketedPaste);
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

async fn event_loop(terminal: &mut DefaultTerminal, mut app: App, theme: Theme) -> Result<()> {
    let mut events = EventStream::new();
    let mut watch = tokio::time::interval(WATCH_INTERVAL);
    watch.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut terminate = signal(SignalKind::terminate())?;
    let mut hangup = signal(SignalKind::hangup())?;
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    draw(terminal, &app, &theme)?;
    loop {
        let mut dirty = tokio::select! {
            event = events.next() => match event {
                Some(Ok(event)) => app.handle_event(&event),
                Some(Err(e)) => return Err(e.into()),
                None => return Ok(()),
            },
            _ = watch.tick() => app.poll_changes(),
            _ = terminate.recv() => return Ok(()),
            _ = hangup.recv() => return Ok(()),
        };
        // A paste or a held key is many events: take all that are waiting, then draw once.
        // The poll uses this task's own waker: polling with a dummy one (`now_or_never`) leaves
        // crossterm's stream waking nobody, and the next key waited for the watch tick.
        while !app.should_quit() {
            match std::future::poll_fn(|cx| Poll::Ready(events.poll_next_unpin(cx))).await {
                Poll::Ready(Some(Ok(event))) => dirty |= app.handle_event(&event),
                Poll::Ready(Some(Err(e))) => return Err(e.into()),
                Poll::Ready(None) => return Ok(()),
                Poll::Pending => break,
            }
        }
        if app.should_quit() {
            return Ok(());
        }
        if dirty {
            draw(terminal, &app, &theme)?;
        }
    }
}

/// One frame inside a synchronized update, so a slow link never shows half of it.
fn draw(terminal: &mut DefaultTerminal, app: &App, theme: &Theme) -> Result<()> {
    execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| ui::draw(frame, app, theme))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    terminal.backend_mut().flush()?;
    Ok(())
}
