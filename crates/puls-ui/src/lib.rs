//! Pure drawing: `draw(frame, &App, &Theme)` reads the app and changes nothing.

mod announce;
mod bank;
mod board;
mod figures;
mod form;
pub mod glyphs;
mod maturity;
mod palette;
mod plan;
mod popup;
mod reviews;
mod roster;
mod staff;
mod standup;
pub mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use puls_app::keymap::Context;
use puls_app::layout::{self, Bands};
use puls_app::messages;
use puls_app::popup::Popup;
use puls_app::{App, Pane, StatusKind};
pub use theme::Theme;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    // In the screen's own session: its language, its time zone.
    app.session().enter(|| draw_screen(frame, app, theme));
    // The modes work on the finished frame, so no pane or popup can slip past them.
    if app.config.plain {
        glyphs::to_plain(frame.buffer_mut());
    }
    if app.config.ascii {
        glyphs::to_ascii(frame.buffer_mut());
    }
}

fn draw_screen(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if layout::too_small(area) {
        let p = Paragraph::new(messages::too_small()).wrap(Wrap { trim: true });
        frame.render_widget(p, area);
        return;
    }
    let Bands { top, main, status } = layout::bands(app, area);
    draw_top_bar(frame, top, app, theme);
    let panes = match &app.standup {
        Some(standup) => {
            standup::draw(frame, main, app, theme, standup);
            Vec::new()
        }
        None => layout::panes(app, main),
    };
    for (pane, rect) in panes {
        match pane {
            Pane::Board => board::draw(frame, rect, app, theme, app.focus == Pane::Board),
            Pane::Roster => roster::draw(frame, rect, app, theme, app.focus == Pane::Roster),
            Pane::Plan => plan::draw(frame, rect, app, theme, app.focus == Pane::Plan),
            Pane::Bank => bank::draw(frame, rect, app, theme, app.focus == Pane::Bank),
        }
    }
    draw_status(frame, status, app, theme);
    // A screen reader reads whole rows: a popup in plain mode has the rows to itself.
    if app.popup.is_some() && app.config.plain {
        frame.render_widget(Clear, main);
    }
    match &app.popup {
        Some(Popup::Help { scroll }) => popup::help(frame, main, app, theme, *scroll),
        Some(Popup::History(h)) => popup::history(frame, main, theme, h),
        Some(Popup::Reading(r)) => popup::reading(frame, main, theme, r),
        Some(Popup::Figures(f, scroll)) => {
            let shown = figures::Shown {
                figures: f,
                maturity: &app.maturity_figures,
                capital: &app.knowledge_capital,
            };
            figures::draw(frame, main, theme, &shown, *scroll, app.config.plain)
        }
        Some(Popup::Maturity(chart)) => maturity::draw(frame, main, theme, chart),
        Some(Popup::Detail(detail)) => popup::detail(frame, main, app, theme, detail),
        Some(Popup::Form(f)) => form::draw(frame, main, app, theme, f),
        Some(Popup::Prompt(p)) => popup::prompt(frame, main, theme, p),
        Some(Popup::FindStaff(s)) => staff::draw(frame, main, theme, s, app.config.plain),
        Some(Popup::Palette(p)) => palette::draw(frame, main, theme, p),
        None => {}
    }
}

fn pane_label(pane: Pane) -> &'static str {
    match pane {
        Pane::Board => messages::board_title(),
        Pane::Roster => messages::roster_title(),
        Pane::Plan => messages::plan_title(),
        Pane::Bank => messages::bank_title(),
    }
}

fn draw_top_bar(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut spans = vec![Span::styled(
        format!(" {} ", messages::app_name()),
        theme.title,
    )];
    for (i, pane) in Pane::PRESENT.iter().enumerate() {
        let label = format!(" {} {} ", i + 1, pane_label(*pane));
        let style = if *pane == app.focus {
            theme.heading_selected
        } else {
            theme.muted
        };
        spans.push(Span::styled(label, style));
    }
    if app.zoomed {
        spans.push(Span::styled(
            format!(" {} ", messages::zoomed()),
            theme.muted,
        ));
    }
    let who = format!("{} ", text::fit(app.who(), 24));
    let used: usize = spans.iter().map(Span::width).sum();
    let gap = usize::from(area.width).saturating_sub(used + who.chars().count());
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(who, theme.muted));
    frame.render_widget(Line::from(spans), area);
}

/// The status line: a message when there is one, else the keys that matter here.
fn draw_status(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = usize::from(area.width);
    let line = match &app.status {
        Some(status) => {
            let style = match status.kind {
                StatusKind::Info => theme.info,
                StatusKind::Error => theme.error,
            };
            let mark = match status.kind {
                StatusKind::Info => "",
                StatusKind::Error => "! ",
            };
            let text = format!("{mark}{}", status.text);
            if app.config.plain {
                return draw_wrapped(frame, area, &text, style);
            }
            Line::from(Span::styled(text::fit(&text, width), style))
        }
        None if app.config.plain => match announce::focus(app) {
            Some(text) => return draw_wrapped(frame, area, &text, theme.base),
            None => hints(app, theme, width),
        },
        None => hints(app, theme, width),
    };
    frame.render_widget(line, area);
}

/// Plain mode's status text, over as many rows as the status line has.
fn draw_wrapped(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    let room = usize::from(area.width) * usize::from(area.height);
    let text = text::fit(text, room.saturating_sub(usize::from(area.width) / 2));
    let p = Paragraph::new(text).style(style).wrap(Wrap { trim: true });
    frame.render_widget(p, area);
}

fn hints(app: &App, theme: &Theme, width: usize) -> Line<'static> {
    let context = app.context();
    let mut spans = Vec::new();
    let mut used = 0;
    for command in context.hints() {
        let mut keys = app.keymap.keys_for(context, command);
        if keys.is_empty() {
            keys = app.keymap.keys_for(Context::Global, command);
        }
        let Some(keys) = keys.first().map(|k| k.to_string()) else {
            continue;
        };
        let label = messages::command_hint(command);
        let w = keys.chars().count() + label.chars().count() + 3;
        if used + w > width {
            break;
        }
        used += w;
        spans.push(Span::styled(format!(" {keys}"), theme.key));
        spans.push(Span::styled(format!(" {label} "), theme.muted));
    }
    Line::from(spans)
}

/// A rectangle of at most `width` x `height`, centred in `area`.
pub(crate) fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
