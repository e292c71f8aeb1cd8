//! The arena board: one column per stage, one card per arena.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::text::{fill, fit};
use puls_app::App;
use puls_app::board::Column;
use puls_app::layout::{self, ColumnArea};
use puls_app::messages;
use puls_domain::arena::{self, Stage};
use puls_domain::read::ArenaCard;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, focused: bool) {
    let board = &app.board;
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.pane_border(focused))
        .title(Line::from(title(app, theme)));
    // Cards cut long titles; the selected arena's full title runs along the bottom border.
    let block = match board.selected() {
        // Plain mode's list has room for the title, and a reader need not hear it twice.
        Some(_) if app.config.plain => block,
        Some(card) => {
            let full = fit(
                &format!(" #{} {} ", card.id, card.title),
                usize::from(area.width.saturating_sub(4)),
            );
            block.title_bottom(Span::styled(full, theme.title))
        }
        None => block,
    };
    let inner = layout::pane_inner(area);
    frame.render_widget(block, area);
    if board.all_cards().is_empty() || board.columns.iter().all(|c| c.cards.is_empty()) {
        let hint = if board.all_cards().is_empty() {
            messages::no_arenas()
        } else {
            messages::no_matches()
        };
        let rect = Rect::new(
            inner.x,
            inner.y + inner.height / 2,
            inner.width,
            inner.height.min(2),
        );
        frame.render_widget(
            Paragraph::new(hint)
                .style(theme.muted)
                .wrap(Wrap { trim: true }),
            rect,
        );
        if board.all_cards().is_empty() {
            return;
        }
    }
    if app.config.plain {
        draw_list(frame, inner, app, theme);
        return;
    }
    for column in layout::board_columns(board, inner) {
        draw_column(frame, app, theme, &column);
    }
}

/// The pane title: counts per stage and how many are late, so one glance tells the state.
fn title(app: &App, theme: &Theme) -> Vec<Span<'static>> {
    let late = app.late_count();
    let mut spans = vec![Span::styled(
        format!(" {} ", messages::board_title()),
        theme.title,
    )];
    if late.arenas > 0 {
        spans.push(Span::styled(
            format!("{} {} ", late.arenas, messages::late()),
            theme.late,
        ));
    }
    // Narrow columns cut the card's own word, so the title counts late meetings too.
    if late.meetings > 0 {
        spans.push(Span::styled(
            format!("{} ", messages::meetings_late(late.meetings)),
            theme.late,
        ));
    }
    if let Some(m) = &app.board.mission_filter {
        spans.push(Span::styled(
            format!("[{}] ", app.config.mission_name(m)),
            theme.key,
        ));
    }
    if !app.board.text_filter.trim().is_empty() {
        spans.push(Span::styled(
            format!("[/{}] ", fit(&app.board.text_filter, 20)),
            theme.key,
        ));
    }
    if app.board.show_declined {
        spans.push(Span::styled(
            format!("[{}] ", messages::declined_shown()),
            theme.muted,
        ));
    }
    spans
}

fn draw_column(frame: &mut Frame, app: &App, theme: &Theme, area: &ColumnArea) {
    let column = &app.board.columns[area.index];
    let selected_column = area.index == app.board.column;
    // The pane's own border closes the last column.
    let borders = if area.last {
        Borders::NONE
    } else {
        Borders::RIGHT
    };
    frame.render_widget(
        Block::new().borders(borders).border_style(theme.border),
        area.area,
    );
    frame.render_widget(
        heading(
            column,
            theme,
            selected_column,
            area.edge,
            usize::from(area.head.width),
        ),
        area.head,
    );
    let width = usize::from(area.body.width);
    for (row, rect) in layout::card_rects(column, area.body) {
        let is_selected = selected_column && row == column.selected;
        let card = app.board.card(column.cards[row]);
        let lines = card_lines(app, theme, card, width, is_selected);
        frame.render_widget(Paragraph::new(lines), rect);
    }
}

/// Plain mode: the selected column's heading, then its cards, one line each.
fn draw_list(frame: &mut Frame, inner: Rect, app: &App, theme: &Theme) {
    let board = &app.board;
    let Some(column) = board.columns.get(board.column) else {
        return;
    };
    let (head, list) = layout::board_list(inner);
    frame.render_widget(
        heading(column, theme, true, (false, false), usize::from(head.width)),
        head,
    );
    let width = usize::from(list.width);
    let lines: Vec<Line> = column
        .cards
        .iter()
        .enumerate()
        .skip(column.scroll)
        .take(usize::from(list.height))
        .map(|(row, &index)| {
            let selected = row == column.selected;
            card_line(app, theme, board.card(index), width, selected)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// One card on one line, every part in words: number and title, mission, coordinator, team and
/// gaps, the PULS marks, age and target date.
fn card_line(
    app: &App,
    theme: &Theme,
    card: &ArenaCard,
    width: usize,
    selected: bool,
) -> Line<'static> {
    let marker = if selected { "▶" } else { " " };
    let days = (app.now() - card.stage_since).num_days();
    let mut parts = vec![
        card.mission.clone(),
        card.coordinator
            .clone()
            .unwrap_or_else(|| messages::no_coordinator().to_owned()),
        messages::team_size(card.team),
    ];
    if card.gaps() > 0 {
        parts.push(messages::gaps(card.gaps()));
    }
    if super::reviews::any_late(app, card.id) {
        parts.push(messages::review_late().to_owned());
    }
    parts.push(messages::plan_marks(&card.plan));
    let timing: String = timing(app, theme, card, days, usize::MAX)
        .iter()
        .map(|s| s.content.as_ref())
        .collect();
    parts.push(timing.trim().to_owned());
    // The title gives way to the facts: the status line says it whole.
    let facts = parts.join(" · ");
    let number = format!("{marker}#{} ", card.id);
    let room = width.saturating_sub(number.width() + facts.width() + 3);
    let text = format!("{number}{} · {facts}", fit(&card.title, room.max(12)));
    let late = arena::is_late(card.stage, card.target_date, app.today());
    let style = if selected {
        theme.selected
    } else if late {
        theme.late
    } else if card.gaps() > 0 {
        theme.gap
    } else {
        theme.base
    };
    let text = if selected {
        fill(&text, width)
    } else {
        fit(&text, width)
    };
    Line::from(Span::styled(text, style))
}

fn heading(
    column: &Column,
    theme: &Theme,
    selected: bool,
    edge: (bool, bool),
    width: usize,
) -> Line<'static> {
    let style = if selected {
        theme.heading_selected
    } else {
        theme.heading
    };
    let text_with = |label: &str| {
        let mut text = format!(
            "{}{} {}",
            if edge.0 { "◀ " } else { "" },
            label,
            column.cards.len()
        );
        if column.scroll > 0 {
            text.push_str(&format!(" ↑{}", column.scroll));
        }
        if edge.1 {
            text.push_str(" ▶");
        }
        text
    };
    let long = text_with(messages::stage_label(column.stage));
    let text = if long.chars().count() <= width {
        long
    } else {
        text_with(messages::stage_short(column.stage))
    };
    Line::from(Span::styled(fill(&text, width), style))
}

/// Five lines: number and title; mission and coordinator; team and gaps; the PULS marks; age
/// and target date.
fn card_lines(
    app: &App,
    theme: &Theme,
    card: &ArenaCard,
    width: usize,
    selected: bool,
) -> Vec<Line<'static>> {
    let marker = if selected { "▶" } else { " " };
    let title = fill(&format!("{marker}#{} {}", card.id, card.title), width);
    let title_style = if selected {
        theme.selected
    } else {
        theme.title
    };
    let lines = [
        Line::from(Span::styled(title, title_style)),
        who_line(app, theme, card, width),
        staffing_line(app, theme, card, width),
        plan_line(theme, card, width),
        timing_line(app, theme, card, width),
    ];
    // The selection shows as the title bar and a bar down the card's left edge: moving it
    // repaints two title lines and a few cells, not two whole cards.
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            if selected && i > 0 {
                edge(line, theme)
            } else {
                line
            }
        })
        .collect()
}

/// The line with its first cell, a space, drawn as the selected card's edge.
fn edge(line: Line<'static>, theme: &Theme) -> Line<'static> {
    let mut spans = line.spans;
    if let Some(first) = spans.first_mut() {
        if let Some(rest) = first.content.strip_prefix(' ') {
            first.content = rest.to_owned().into();
        }
    }
    spans.insert(0, Span::styled(" ", theme.selected));
    Line::from(spans)
}

/// The mission and the coordinator, muted when there is none. Under a mission's filter an
/// arena that mission only takes part in says so, and which mission leads it.
fn who_line(app: &App, theme: &Theme, card: &ArenaCard, width: usize) -> Line<'static> {
    let coordinator = card
        .coordinator
        .as_deref()
        .unwrap_or(messages::no_coordinator());
    let mission = match &app.board.mission_filter {
        Some(filter) if *filter != card.mission => {
            messages::participating_under(filter, &card.mission)
        }
        _ => card.mission.clone(),
    };
    let who = fit(&format!(" {mission} · {coordinator}"), width);
    let style = if card.coordinator.is_none() {
        theme.muted
    } else {
        theme.base
    };
    Line::from(Span::styled(who, style))
}

/// Days in the stage and the target date; then the registration number when all of it fits
/// (a closed arena, which shows no target, has room for one at 80x24 and 120x40).
fn timing_line(app: &App, theme: &Theme, card: &ArenaCard, width: usize) -> Line<'static> {
    let days = (app.now() - card.stage_since).num_days();
    let mut spans = timing(app, theme, card, days, width);
    let used: usize = spans.iter().map(Span::width).sum();
    let registration = format!(" {}", card.registration);
    if !card.registration.is_empty() && used + Span::raw(registration.as_str()).width() <= width {
        spans.push(Span::styled(registration, theme.muted));
    }
    Line::from(spans)
}

/// The third line: time in the stage and the target date, shortened until it fits. A late date
/// says LATE in words, so it reads without colour.
fn timing(
    app: &App,
    theme: &Theme,
    card: &ArenaCard,
    days: i64,
    width: usize,
) -> Vec<Span<'static>> {
    let base = theme.base;
    let age = format!(" {}", messages::age(days));
    let Some(target) = card
        .target_date
        .filter(|_| !matches!(card.stage, Stage::Closed | Stage::Declined))
    else {
        return vec![Span::styled(age, base)];
    };
    let late = arena::is_late(card.stage, Some(target), app.today());
    let (style, choices) = if late {
        let short = format!("{} {}", messages::late(), target.format("%m-%d"));
        (
            theme.late,
            [format!("{} {target}", messages::late()), short],
        )
    } else {
        (base, [messages::due(target), target.to_string()])
    };
    for choice in &choices {
        if age.chars().count() + 3 + choice.chars().count() <= width {
            return vec![
                Span::styled(format!("{age} · "), base),
                Span::styled(choice.clone(), style),
            ];
        }
    }
    vec![Span::styled(format!(" {}", choices[1]), style)]
}

/// Team size and unfilled needs, then the body that decided on it and when, and a late meeting
/// (the board's title counts those too), as much of that as fits. Each says so in words, so
/// they read without colour.
fn staffing_line(app: &App, theme: &Theme, card: &ArenaCard, width: usize) -> Line<'static> {
    let mut spans = vec![Span::styled(
        format!(" {}", messages::team_size(card.team)),
        theme.base,
    )];
    if card.gaps() > 0 {
        spans.push(Span::styled(" · ".to_owned(), theme.base));
        spans.push(Span::styled(messages::gaps(card.gaps()), theme.gap));
    }
    if let Some((body, on)) = &card.decision {
        let used: usize = spans.iter().map(Span::width).sum();
        let body = puls_domain::text::one_line(body);
        let choices = [
            format!(" · {}", messages::card_decision(&body, *on)),
            format!(" · {body}"),
        ];
        if let Some(fits) = choices
            .into_iter()
            .find(|c| used + Span::raw(c.as_str()).width() <= width)
        {
            spans.push(Span::styled(fits, theme.muted));
        }
    }
    let used: usize = spans.iter().map(Span::width).sum();
    let late = format!(" · {}", messages::review_late());
    if super::reviews::any_late(app, card.id) && used + late.width() <= width {
        spans.push(Span::styled(late, theme.late));
    }
    Line::from(spans)
}

/// `P✓ U2/3 L! S4/9`: how far each step of the PULS program has come. A signal has no program
/// yet, so its marks are muted.
fn plan_line(theme: &Theme, card: &ArenaCard, width: usize) -> Line<'static> {
    let style = if card.stage == Stage::Signal {
        theme.muted
    } else {
        theme.base
    };
    let text = format!(" {}", messages::plan_marks(&card.plan));
    Line::from(Span::styled(fit(&text, width), style))
}
