//! The stand-up screen: large, plain and readable on a projector or at 80x24. Every alert says
//! what it is in words; colour only helps.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::Theme;
use super::text::fit;
use puls_app::App;
use puls_app::messages;
use puls_app::standup::{Standup, StandupView};
use puls_domain::text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, standup: &Standup) {
    let Some(view) = &standup.view else { return };
    let clock = standup.timer.map(|t| {
        let left = t.left(app.now());
        if left == 0 {
            messages::standup_time_up().to_owned()
        } else {
            messages::clock(left)
        }
    });
    let position = messages::standup_position(standup.index, standup.arenas.len());
    let width = usize::from(area.width.saturating_sub(2));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(
            format!(" {} · {position} ", messages::standup_title()),
            theme.title,
        ))
        .title(
            Line::from(Span::styled(
                clock.map(|c| format!(" ⏱ {c} ")).unwrap_or_default(),
                theme.heading_selected,
            ))
            .right_aligned(),
        );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [head, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
    let title = fit(&format!("#{} {}", view.arena.id, view.arena.title), width);
    let marks = format!(
        "{} · {} · {}",
        messages::stage_label(view.arena.stage),
        view.arena
            .coordinator
            .as_deref()
            .unwrap_or(messages::no_coordinator()),
        messages::plan_marks(&view.plan.summary())
    );
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(title, theme.title)),
            Line::from(Span::styled(fit(&marks, width), theme.muted)),
        ]),
        head,
    );
    let lines = body_lines(app, theme, view, width, usize::from(body.height));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
}

fn heading(theme: &Theme, text: String) -> Line<'static> {
    Line::from(Span::styled(text, theme.heading))
}

/// What changed first, in as many lines as the rest leaves room for (at least two, at most six).
fn body_lines(
    app: &App,
    theme: &Theme,
    view: &StandupView,
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let rest = later_lines(app, theme, view, width);
    let room = height.saturating_sub(rest.len() + 1).clamp(2, 6);
    let mut lines = change_lines(theme, view, width, room);
    lines.extend(rest);
    lines
}

fn change_lines(
    theme: &Theme,
    view: &StandupView,
    width: usize,
    room: usize,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    lines.push(heading(
        theme,
        match view.since {
            Some(since) => messages::standup_changes(since, view.changes.len()),
            None => messages::standup_since_first().to_owned(),
        },
    ));
    if view.changes.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", messages::standup_nothing_changed()),
            theme.muted,
        )));
    }
    for row in view.changes.iter().rev().take(room.saturating_sub(1)) {
        let text = format!(
            "  {} {} {}: {}",
            messages::local_time(row.at),
            row.who,
            row.action,
            row.detail
        );
        lines.push(Line::raw(fit(&text, width)));
    }
    lines
}

fn later_lines(app: &App, theme: &Theme, view: &StandupView, width: usize) -> Vec<Line<'static>> {
    let today = app.today();
    let mut lines = vec![Line::raw("")];
    let activity = |a: &puls_domain::read::PlanActivity| {
        let selected = view.selected_activity().is_some_and(|s| s.id == a.id);
        let marker = if selected { "▶ " } else { "  " };
        let due = a.due.map(|d| format!(" · {d}")).unwrap_or_default();
        let reason = if a.blocked_reason.is_empty() {
            String::new()
        } else {
            format!(": {}", a.blocked_reason)
        };
        (
            format!("{marker}{}{} · {}{due}", a.text, reason, a.owner),
            selected,
        )
    };
    for (label, items, alert) in [
        (
            messages::standup_overdue().to_owned(),
            view.overdue(today),
            Some(theme.late),
        ),
        (
            messages::due_this_week(today),
            view.due_this_week(today),
            None,
        ),
        (
            messages::standup_blocked().to_owned(),
            view.blocked(),
            Some(theme.blocked),
        ),
    ] {
        lines.push(heading(theme, format!("{label} ({})", items.len())));
        for a in items {
            let (text, selected) = activity(a);
            let style = if selected {
                theme.selected
            } else {
                alert.unwrap_or(theme.base)
            };
            lines.push(Line::from(Span::styled(fit(&text, width), style)));
        }
    }
    lines.push(Line::raw(""));
    let gaps: Vec<String> = view
        .plan
        .needs
        .iter()
        .filter(|n| n.status.is_gap())
        .map(|n| n.competence.clone())
        .collect();
    let over: Vec<String> = view
        .team
        .iter()
        .filter(|m| m.load.is_over())
        .map(|m| format!("{} {}", m.name, messages::load(m.load)))
        .collect();
    for (label, items, alert) in [
        (messages::standup_unfilled(), gaps, theme.gap),
        (messages::standup_over(), over, theme.over),
    ] {
        let text = if items.is_empty() {
            messages::standup_none().to_owned()
        } else {
            items.join(", ")
        };
        let style = if items.is_empty() { theme.base } else { alert };
        lines.push(Line::from(vec![
            Span::styled(format!("{label}: "), theme.heading),
            Span::styled(text::one_line(&text).into_owned(), style),
        ]));
    }
    let p = &view.plan.proactivity;
    if let Some(next) = view.plan.next_contact() {
        let late = next < today;
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", messages::md_next_contact()), theme.heading),
            Span::styled(
                format!(
                    "{next}{} · {}",
                    if late {
                        format!(" {}", messages::late())
                    } else {
                        String::new()
                    },
                    p.recipient
                ),
                if late { theme.late } else { theme.base },
            ),
        ]));
    }
    lines.extend(super::reviews::due_line(app, view.arena.id, theme));
    lines.push(Line::raw(""));
    let questions = &app.config.coaching_questions;
    if !questions.is_empty() {
        // The question moves on with each arena, so a round of stand-ups asks them all.
        let turn = usize::try_from(view.arena.id).unwrap_or(0);
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", messages::standup_ask()), theme.key),
            Span::styled(
                text::one_line(&questions[turn % questions.len()]).into_owned(),
                theme.title,
            ),
        ]));
    }
    lines
}
