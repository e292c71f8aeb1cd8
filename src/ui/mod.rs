//! Pure drawing: `draw(frame, &App, &Theme)` reads the app and changes nothing.

mod bank;
mod board;
mod figures;
mod form;
mod palette;
mod plan;
mod popup;
mod roster;
mod staff;
mod standup;
pub mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::command::Command;
use crate::app::keymap::Context;
use crate::app::popup::Popup;
use crate::app::{App, Pane, StatusKind};
use crate::messages;
pub use theme::Theme;

/// Below this, puls says so instead of drawing a broken screen.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// From this size up, all panes are tiled; below it one pane shows at a time.
pub const TILE_WIDTH: u16 = 120;
pub const TILE_HEIGHT: u16 = 40;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let p = Paragraph::new(messages::too_small()).wrap(Wrap { trim: true });
        frame.render_widget(p, area);
        return;
    }
    // A long message takes a second line rather than losing its end.
    let status_rows = match &app.status {
        Some(s) if s.text.chars().count() + 2 > usize::from(area.width) => 2,
        _ => 1,
    };
    let [top, main, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(status_rows),
    ])
    .areas(area);
    draw_top_bar(frame, top, app, theme);
    let panes = match &app.standup {
        Some(standup) => {
            standup::draw(frame, main, app, theme, standup);
            Vec::new()
        }
        None => visible_panes(app, main),
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
    match &app.popup {
        Some(Popup::Help { scroll }) => popup::help(frame, main, app, theme, *scroll),
        Some(Popup::History(h)) => popup::history(frame, main, theme, h),
        Some(Popup::Reading(r)) => popup::reading(frame, main, theme, r),
        Some(Popup::Figures(f, scroll)) => figures::draw(frame, main, theme, f, *scroll),
        Some(Popup::Detail(detail)) => popup::detail(frame, main, app, theme, detail),
        Some(Popup::Form(f)) => form::draw(frame, main, app, theme, f),
        Some(Popup::Prompt(p)) => popup::prompt(frame, main, theme, p),
        Some(Popup::FindStaff(s)) => staff::draw(frame, main, theme, s),
        Some(Popup::Palette(p)) => palette::draw(frame, main, theme, p),
        None => {}
    }
}

/// Which panes show where: all tiled on a large screen, else the focused one alone.
fn visible_panes(app: &App, area: Rect) -> Vec<(Pane, Rect)> {
    let tiled = area.width >= TILE_WIDTH && area.height + 2 >= TILE_HEIGHT && !app.zoomed;
    if tiled {
        Pane::PRESENT
            .iter()
            .copied()
            .zip(tile(area, Pane::PRESENT.len()))
            .collect()
    } else {
        vec![(app.focus, area)]
    }
}

/// The board takes the left two thirds; the other panes share the right side, top to bottom.
pub fn tile(area: Rect, panes: usize) -> Vec<Rect> {
    if panes <= 1 {
        return vec![area];
    }
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(65), Constraint::Percentage(35)]).areas(area);
    let others = Layout::vertical(vec![Constraint::Fill(1); panes - 1]).split(right);
    std::iter::once(left)
        .chain(others.iter().copied())
        .collect()
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
            Line::from(Span::styled(
                text::fit(&format!("{mark}{}", status.text), width),
                style,
            ))
        }
        None => hints(app, theme, width),
    };
    frame.render_widget(line, area);
}

fn hints(app: &App, theme: &Theme, width: usize) -> Line<'static> {
    let context = app.context();
    let commands: &[Command] = match context {
        Context::Board => &[
            Command::Help,
            Command::NewSignal,
            Command::OpenDetail,
            Command::Edit,
            Command::NextStage,
            Command::PreviousStage,
            Command::FindStaff,
            Command::Decline,
            Command::FilterText,
            Command::FilterMission,
            Command::Undo,
        ],
        Context::Roster => &[
            Command::Help,
            Command::NextView,
            Command::FilterText,
            Command::FilterCompetence,
            Command::CycleSort,
            Command::ToggleFree,
            Command::FindStaff,
            Command::NewEntry,
            Command::Edit,
        ],
        Context::Plan => &[
            Command::Help,
            Command::NextStep,
            Command::NewEntry,
            Command::Edit,
            Command::CycleStatus,
            Command::Block,
            Command::MoveDown,
            Command::Delete,
        ],
        Context::Standup => &[
            Command::NextArena,
            Command::Timer,
            Command::Done,
            Command::Block,
            Command::AddContact,
            Command::AddActivity,
            Command::Back,
        ],
        Context::Bank => &[
            Command::Help,
            Command::FilterText,
            Command::NextView,
            Command::OpenDetail,
            Command::NewEntry,
            Command::Edit,
            Command::CycleKind,
            Command::FilterTag,
        ],
        Context::Staff => &[
            Command::SwitchList,
            Command::Confirm,
            Command::NewEntry,
            Command::Back,
        ],
        Context::Detail => &[
            Command::Edit,
            Command::NextStage,
            Command::PreviousStage,
            Command::Decline,
            Command::Back,
        ],
        Context::Help => &[Command::ScrollDown, Command::Back],
        Context::Form => &[
            Command::NextField,
            Command::Save,
            Command::Back,
            Command::OpenEditor,
        ],
        Context::Prompt | Context::Palette => &[Command::Confirm, Command::Back],
        Context::Global => &[],
    };
    let mut spans = Vec::new();
    let mut used = 0;
    for command in commands {
        let mut keys = app.keymap.keys_for(context, *command);
        if keys.is_empty() {
            keys = app.keymap.keys_for(Context::Global, *command);
        }
        let Some(keys) = keys.first().map(|k| k.to_string()) else {
            continue;
        };
        let label = messages::command_hint(*command);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pane_takes_the_whole_area() {
        let area = Rect::new(0, 0, 120, 40);
        assert_eq!(tile(area, 1), vec![area]);
    }

    #[test]
    fn the_board_is_largest_and_the_others_stack_beside_it() {
        let area = Rect::new(0, 0, 150, 45);
        let rects = tile(area, 4);
        assert_eq!(rects.len(), 4);
        assert_eq!(rects[0].height, 45);
        assert!(rects[0].width > rects[1].width);
        assert_eq!(rects[1].x, rects[2].x);
        assert_eq!(rects[1].height + rects[2].height + rects[3].height, 45);
    }
}
