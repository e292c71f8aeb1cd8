//! The roster pane: the selected arena's team, everyone on the roster, or the competences.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::Theme;
use super::text::{fill, fit};
use puls_app::App;
use puls_app::messages;
use puls_app::roster::{Roster, RosterView};
use puls_domain::read::{CompetenceRow, PersonRow};
use puls_domain::request::StaffingRequest;
use puls_domain::roster::Load;

const LOAD_BAR: usize = 5;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, focused: bool) {
    let roster = &app.roster;
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.pane_border(focused))
        .title(Line::from(title(roster, theme)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [head, body, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(view_tabs(roster, theme), head);
    let width = usize::from(body.width);
    let rows = usize::from(body.height);
    match roster.view {
        RosterView::Team => draw_team(frame, body, roster, theme, focused),
        RosterView::People => {
            if roster.visible_people.is_empty() {
                frame.render_widget(
                    Paragraph::new(messages::no_people())
                        .style(theme.muted)
                        .wrap(Wrap { trim: true }),
                    body,
                );
            }
            let lines: Vec<Line> = roster
                .visible_people
                .iter()
                .enumerate()
                .skip(roster.scroll())
                .take(rows)
                .map(|(row, &i)| {
                    person_line(
                        &roster.people()[i],
                        theme,
                        width,
                        focused && row == roster.selected(),
                    )
                })
                .collect();
            frame.render_widget(Paragraph::new(lines), body);
            if let Some(person) = roster.selected_person() {
                frame.render_widget(person_footer(person, theme, usize::from(foot.width)), foot);
            }
        }
        RosterView::Requests => draw_requests(frame, body, roster, theme, focused),
        RosterView::Competences => {
            if roster.visible_competences.is_empty() {
                frame.render_widget(
                    Paragraph::new(messages::no_competences()).style(theme.muted),
                    body,
                );
            }
            let lines: Vec<Line> = roster
                .visible_competences
                .iter()
                .enumerate()
                .skip(roster.scroll())
                .take(rows)
                .map(|(row, &i)| {
                    competence_line(
                        &roster.competences[i],
                        theme,
                        width,
                        focused && row == roster.selected(),
                    )
                })
                .collect();
            frame.render_widget(Paragraph::new(lines), body);
            if let Some(c) = roster.selected_competence() {
                frame.render_widget(competence_footer(c, theme, usize::from(foot.width)), foot);
            }
        }
    }
}

fn title(roster: &Roster, theme: &Theme) -> Vec<Span<'static>> {
    let over = roster.over_count();
    let mut spans = vec![Span::styled(
        format!(" {} ", messages::roster_title()),
        theme.title,
    )];
    if over > 0 {
        spans.push(Span::styled(
            format!("{over} {} ", messages::over()),
            theme.over,
        ));
    }
    let mut filters: Vec<String> = Vec::new();
    if roster.view == RosterView::People {
        filters.push(messages::sort_label(roster.sort).to_owned());
    }
    for (mark, value) in [
        ("/", &roster.search),
        ("c:", &roster.competence_filter),
        ("o:", &roster.unit_filter),
    ] {
        if !value.trim().is_empty() {
            filters.push(format!("{mark}{}", fit(value, 16)));
        }
    }
    if let Some(side) = messages::side_label(roster.side) {
        filters.push(side.to_owned());
    }
    if roster.free_only {
        filters.push(messages::free_only().to_owned());
    }
    if !filters.is_empty() {
        spans.push(Span::styled(
            format!("[{}] ", filters.join(" · ")),
            theme.key,
        ));
    }
    spans
}

fn view_tabs(roster: &Roster, theme: &Theme) -> Line<'static> {
    // "Requests to me" open stands alone: `v` or Esc goes back to the other views.
    if roster.view == RosterView::Requests {
        let label = format!(" {} {} ", messages::requests_title(), roster.requests.len());
        return Line::from(Span::styled(label, theme.heading_selected));
    }
    let mut spans = Vec::new();
    for view in RosterView::ALL {
        // "Requests to me" shows only when something waits.
        if view == RosterView::Requests && roster.requests.is_empty() {
            continue;
        }
        let (label, count) = match view {
            RosterView::Requests => (messages::view_requests(), roster.requests.len()),
            RosterView::Team => (messages::view_team(), roster.team.members.len()),
            RosterView::People => (messages::view_people(), roster.people_count()),
            RosterView::Competences => (messages::view_competences(), roster.competence_count()),
        };
        let style = if view == roster.view {
            theme.heading_selected
        } else {
            theme.muted
        };
        spans.push(Span::styled(format!(" {label} {count} "), style));
    }
    Line::from(spans)
}

/// `▓▓▓░░ 30/40%`, and OVER in words when the load passes capacity.
fn load_spans(load: Load, theme: &Theme, base: Style) -> Vec<Span<'static>> {
    let filled = if load.capacity == 0 {
        usize::from(load.allocated > 0) * LOAD_BAR
    } else {
        (load.allocated as usize * LOAD_BAR)
            .div_ceil(load.capacity as usize)
            .min(LOAD_BAR)
    };
    let bar = format!(" {}{}", "▓".repeat(filled), "░".repeat(LOAD_BAR - filled));
    let text = format!(" {:>8}", messages::load(load));
    if load.is_over() {
        vec![
            Span::styled(bar, theme.over),
            Span::styled(text, theme.over),
            Span::styled(format!(" {}", messages::over()), theme.over),
        ]
    } else {
        vec![
            Span::styled(bar, base),
            Span::styled(format!("{text}     "), base),
        ]
    }
}

fn person_line(p: &PersonRow, theme: &Theme, width: usize, selected: bool) -> Line<'static> {
    let base = if selected {
        theme.selected
    } else if p.active {
        theme.base
    } else {
        theme.muted
    };
    let marker = if selected { "▶" } else { " " };
    let name_width = 20.min(width / 3);
    let mut spans = vec![Span::styled(
        fill(&format!("{marker}{}", p.name), name_width),
        base,
    )];
    // Outside partners are marked in their own column, so a cut unit name never hides it.
    let side = if p.external { messages::external() } else { "" };
    spans.push(Span::styled(format!(" {side:<3}"), base));
    let mut unit = p.unit.clone().unwrap_or_default();
    if !p.active {
        unit = format!("[{}] {unit}", messages::inactive());
    }
    let unit_width = 18.min(width.saturating_sub(name_width + 24) / 2);
    if unit_width > 4 {
        spans.push(Span::styled(fill(&format!(" {unit}"), unit_width), base));
    }
    spans.extend(load_spans(p.load, theme, base));
    let used: usize = spans.iter().map(Span::width).sum();
    let competences = p
        .competences
        .iter()
        .map(|(c, l)| format!("{c} {}", l.number()))
        .collect::<Vec<_>>()
        .join(", ");
    let rest = width.saturating_sub(used);
    if rest > 2 {
        let text = format!(" {competences}");
        spans.push(Span::styled(
            if selected {
                fill(&text, rest)
            } else {
                fit(&text, rest)
            },
            base,
        ));
    }
    Line::from(spans)
}

/// "Requests to me": two lines a request, oldest first.
fn draw_requests(frame: &mut Frame, list: Rect, roster: &Roster, theme: &Theme, focused: bool) {
    if roster.requests.is_empty() {
        frame.render_widget(
            Paragraph::new(messages::no_requests())
                .style(theme.muted)
                .wrap(Wrap { trim: true }),
            list,
        );
        return;
    }
    let width = usize::from(list.width);
    let shown = usize::from(list.height / 2).max(1);
    let first = roster.selected().saturating_sub(shown - 1);
    let lines: Vec<Line> = roster
        .requests
        .iter()
        .enumerate()
        .skip(first)
        .take(shown)
        .flat_map(|(row, r)| request_lines(r, theme, width, focused && row == roster.selected()))
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

fn request_lines(
    r: &StaffingRequest,
    theme: &Theme,
    width: usize,
    selected: bool,
) -> [Line<'static>; 2] {
    let style = if selected { theme.selected } else { theme.base };
    let marker = if selected { "▶" } else { " " };
    let head = format!(
        "{marker}{} {}% · #{} {}",
        r.person, r.percent, r.arena, r.arena_title
    );
    let tail = format!(
        "  {} · {}",
        messages::until(r.from, r.until),
        messages::asked_by(&r.asked_by, r.asked_at)
    );
    [
        Line::from(Span::styled(fill(&head, width), style)),
        Line::from(Span::styled(fit(&tail, width), theme.muted)),
    ]
}

fn person_footer(p: &PersonRow, theme: &Theme, width: usize) -> Line<'static> {
    let arenas = p
        .arenas
        .iter()
        .map(|(a, pct)| format!("#{a} {pct}%"))
        .collect::<Vec<_>>()
        .join(" · ");
    let text = format!(
        "{} · {} · {} {arenas}",
        p.role,
        p.contact,
        messages::load(p.load)
    );
    Line::from(Span::styled(fit(&text, width), theme.muted))
}

fn competence_line(
    c: &CompetenceRow,
    theme: &Theme,
    width: usize,
    selected: bool,
) -> Line<'static> {
    let base = if selected {
        theme.selected
    } else if c.active {
        theme.base
    } else {
        theme.muted
    };
    let marker = if selected { "▶" } else { " " };
    let name_width = 30.min(width / 2);
    // Retired competences say so, not only by their muted colour.
    let name = if c.active {
        c.name.clone()
    } else {
        format!("[{}] {}", messages::inactive(), c.name)
    };
    let mut spans = vec![
        Span::styled(fill(&format!("{marker}{name}"), name_width), base),
        Span::styled(messages::held_and_free(c.holders(), c.with_free), base),
    ];
    if !c.gaps.is_empty() {
        let arenas = c
            .gaps
            .iter()
            .map(|(a, _)| format!("#{a}"))
            .collect::<Vec<_>>()
            .join(" ");
        spans.push(Span::styled(
            messages::competence_gaps(c.gaps.len(), &arenas),
            theme.gap,
        ));
    }
    let used: usize = spans.iter().map(Span::width).sum();
    if selected && used < width {
        spans.push(Span::styled(" ".repeat(width - used), base));
    }
    Line::from(spans)
}

fn competence_footer(c: &CompetenceRow, theme: &Theme, width: usize) -> Line<'static> {
    let text = format!(
        "{} · {}",
        c.category,
        messages::holders(c.holders(), c.by_level, c.with_free)
    );
    Line::from(Span::styled(fit(&text, width), theme.muted))
}

fn draw_team(frame: &mut Frame, area: Rect, roster: &Roster, theme: &Theme, focused: bool) {
    let team = &roster.team;
    let Some((id, title)) = &team.arena else {
        frame.render_widget(
            Paragraph::new(messages::no_arena_selected()).style(theme.muted),
            area,
        );
        return;
    };
    let width = usize::from(area.width);
    let mut lines = vec![Line::from(Span::styled(
        fit(&messages::team_of(*id, title), width),
        theme.title,
    ))];
    let mut row = 0;
    for member in &team.members {
        let selected = focused && row == roster.selected();
        let base = if selected { theme.selected } else { theme.base };
        let marker = if selected { "▶" } else { " " };
        let name_width = 20.min(width / 3);
        let mut spans = vec![Span::styled(
            fill(&format!("{marker}{}", member.name), name_width),
            base,
        )];
        spans.push(Span::styled(
            fill(
                &format!(
                    " {}",
                    messages::allocation_line(member.competence.as_deref(), member.percent)
                ),
                26.min(width.saturating_sub(name_width + 20)),
            ),
            base,
        ));
        spans.extend(load_spans(member.load, theme, base));
        lines.push(Line::from(spans));
        row += 1;
    }
    if team.members.is_empty() {
        lines.push(Line::from(Span::styled(
            messages::no_members(),
            theme.muted,
        )));
    }
    for need in team.gaps() {
        let selected = focused && row == roster.selected();
        let style = if selected { theme.selected } else { theme.gap };
        lines.push(Line::from(Span::styled(
            fit(
                &format!(" ! {}: {}", messages::unfilled(), need.competence),
                width,
            ),
            style,
        )));
        row += 1;
    }
    let skip = roster.scroll();
    let visible: Vec<Line> = lines
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i == 0 || *i > skip)
        .map(|(_, l)| l)
        .collect();
    frame.render_widget(Paragraph::new(visible), area);
}
