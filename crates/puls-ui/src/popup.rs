//! Popups over the panes: help, an arena's detail, and one-line prompts.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::text::fit;
use super::{Theme, centred};
use puls_app::App;
use puls_app::handled;
use puls_app::keymap::Context;
use puls_app::messages;
use puls_app::popup::{Detail, History, Prompt, PromptPurpose, Reading};
use puls_domain::text;

pub(super) fn frame_block<'a>(title: String, theme: &Theme, footer: &'a str) -> Block<'a> {
    Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(format!(" {title} "), theme.title))
        .title_bottom(Line::from(Span::styled(format!(" {footer} "), theme.muted)))
}

/// Every key of the keymap, grouped by where it works: generated, so it never goes stale.
pub fn help(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, scroll: u16) {
    let rect = centred(area, 72, area.height);
    let mut lines = Vec::new();
    for context in Context::ALL {
        let commands = handled::keyed(&app.keymap, context);
        if commands.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::from(Span::styled(
            messages::context_label(context),
            theme.heading,
        )));
        for command in commands {
            let keys = app.keymap.keys_for(context, command).join(" ");
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<16}"), theme.key),
                Span::raw(messages::command_description(command)),
            ]));
        }
    }
    frame.render_widget(Clear, rect);
    let block = frame_block(
        messages::help_title().to_owned(),
        theme,
        messages::help_footer(),
    );
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), rect);
}

pub fn detail(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, detail: &Detail) {
    let rect = centred(area, 90, area.height);
    let arena = &detail.arena;
    let label = |s: &'static str| Span::styled(format!("{s:<13}"), theme.muted);
    let mut lines = vec![
        Line::from(vec![
            label(messages::label_stage()),
            Span::raw(messages::in_stage_since(arena.stage, arena.stage_since)),
        ]),
        Line::from(vec![
            label(messages::label_mission()),
            Span::raw(app.config.mission_name(&arena.mission).to_owned()),
        ]),
        Line::from(vec![
            label(messages::label_coordinator()),
            Span::raw(
                text::one_line(
                    arena
                        .coordinator
                        .as_deref()
                        .unwrap_or(messages::no_coordinator()),
                )
                .into_owned(),
            ),
        ]),
    ];
    match (&arena.decided, &arena.commissioned_by) {
        (Some(decided), _) => {
            let body = text::one_line(app.config.body_name(&decided.body)).into_owned();
            lines.push(Line::from(vec![
                label(""),
                Span::raw(messages::decided_by(&body, decided.on)),
            ]));
            let authorities = messages::authorities(
                &text::one_line(&decided.budget),
                &text::one_line(&decided.may_ask),
                decided.until,
            );
            if !authorities.is_empty() {
                lines.push(Line::from(vec![
                    label(""),
                    Span::raw(authorities.join(" · ")),
                ]));
            }
        }
        (None, Some(by)) => lines.push(Line::from(vec![
            label(""),
            Span::raw(messages::commissioned_by(&text::one_line(by))),
        ])),
        (None, None) => {}
    }
    if let Some(target) = arena.target_date {
        let mut spans = vec![
            label(messages::label_target()),
            Span::raw(target.to_string()),
        ];
        if arena.is_late(app.today()) {
            spans.push(Span::styled(format!("  {}", messages::late()), theme.late));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(vec![
        label(messages::label_signal()),
        Span::raw(messages::signalled(
            &text::one_line(&arena.signalled_by),
            arena.signalled_at,
        )),
    ]));
    if !arena.manager.is_empty() {
        lines.push(Line::from(vec![
            label(""),
            Span::raw(messages::manager_took_it(&text::one_line(&arena.manager))),
        ]));
    }
    if let Some((body, meeting)) = arena
        .agenda
        .as_ref()
        .filter(|_| arena.stage == puls_domain::arena::Stage::Signal)
    {
        lines.push(Line::from(vec![
            label(""),
            Span::raw(messages::on_agenda(&text::one_line(body), *meeting)),
        ]));
    }
    if let Some(reason) = &arena.decline_reason {
        lines.push(Line::from(Span::styled(
            messages::declined_because(&text::one_line(reason)),
            theme.late,
        )));
    }
    for (heading, body) in [
        (messages::label_need(), &arena.need),
        (messages::label_mandate(), &arena.mandate),
    ] {
        if body.trim().is_empty() {
            continue;
        }
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(heading, theme.heading)));
        lines.extend(
            text::multi_line(body)
                .lines()
                .map(|l| Line::raw(l.to_owned())),
        );
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        format!("{} ({})", messages::label_team(), detail.team.len()),
        theme.heading,
    )));
    for member in &detail.team {
        lines.push(Line::raw(format!(
            "  {:<24} {}",
            fit(&member.name, 24),
            messages::allocation_line(member.competence.as_deref(), member.percent)
        )));
    }
    for need in detail.needs.iter().filter(|n| n.status.is_gap()) {
        lines.push(Line::from(Span::styled(
            format!(
                "  ! {}: {}",
                messages::unfilled(),
                text::one_line(&need.competence)
            ),
            theme.gap,
        )));
    }
    if !detail.related.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(
            messages::may_have_met(),
            theme.heading,
        )));
        for hit in &detail.related {
            let arena = hit.arena.map(|a| format!(" (#{a})")).unwrap_or_default();
            lines.push(Line::raw(format!(
                "  {}{arena}",
                text::one_line(&hit.title)
            )));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(
        messages::detail_history(),
        theme.heading,
    )));
    for row in &detail.history {
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", messages::local_time(row.at)), theme.muted),
            Span::raw(format!("{:<10} {:<8} ", fit(&row.who, 10), row.action)),
            Span::raw(text::one_line(&row.detail).into_owned()),
        ]));
    }
    // Last, so what the detail showed before meetings existed stays where it was.
    let before = lines.len();
    let (records, marked) = super::reviews::detail_lines(detail, theme);
    lines.extend(records);
    if detail.reveal_record {
        let marked = before + marked.start..before + marked.end;
        detail
            .scroll
            .set(scroll_to_show(&lines, marked, rect, detail.scroll.get()));
    }
    frame.render_widget(Clear, rect);
    let title = fit(
        &format!("#{} {}", arena.id, arena.title),
        usize::from(rect.width.saturating_sub(6)),
    );
    let block = frame_block(title, theme, messages::detail_hint());
    let p = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((detail.scroll.get(), 0));
    frame.render_widget(p, rect);
}

/// The first row to show so that `marked` (lines of `lines`, wrapped in the bordered `rect`)
/// is in view: `scroll` when it already is, else the least move that shows it, its first row
/// first when it is taller than the view.
fn scroll_to_show(lines: &[Line], marked: Range<usize>, rect: Rect, scroll: u16) -> u16 {
    let rows = |end: usize| {
        let lines = lines.get(..end).unwrap_or(lines).to_vec();
        let rows = Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .line_count(rect.width.saturating_sub(2));
        u16::try_from(rows).unwrap_or(u16::MAX)
    };
    let (top, bottom) = (rows(marked.start), rows(marked.end));
    let view = rect.height.saturating_sub(2);
    if top < scroll {
        top
    } else if bottom > scroll.saturating_add(view) {
        bottom.saturating_sub(view).min(top)
    } else {
        scroll
    }
}

/// Every change to one arena, newest first: who, when, what.
pub fn history(frame: &mut Frame, area: Rect, theme: &Theme, history: &History) {
    let rect = centred(area, 100, area.height);
    let width = usize::from(rect.width.saturating_sub(2));
    let lines: Vec<Line> = history
        .rows
        .iter()
        .map(|row| {
            Line::from(vec![
                Span::styled(format!("{} ", messages::local_time(row.at)), theme.muted),
                Span::raw(format!(
                    "{:<10} {:<10} ",
                    fit(&row.who, 10),
                    fit(&row.action, 10)
                )),
                Span::raw(fit(&row.detail, width.saturating_sub(39))),
            ])
        })
        .collect();
    frame.render_widget(Clear, rect);
    let title = fit(
        &format!(
            "{} #{} {}",
            messages::history_title(),
            history.arena,
            history.title
        ),
        width.saturating_sub(4),
    );
    let block = frame_block(title, theme, messages::help_footer());
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((history.scroll, 0)),
        rect,
    );
}

/// A knowledge entry, whole: its facts, then its text.
pub fn reading(frame: &mut Frame, area: Rect, theme: &Theme, reading: &Reading) {
    let rect = centred(area, 100, area.height);
    let entry = &reading.entry;
    let mut facts = vec![messages::entry_kind(entry.kind).to_owned()];
    if let Some(arena) = entry.arena.filter(|_| !entry.elsewhere) {
        facts.push(format!("#{arena}"));
    }
    if !entry.tags.is_empty() {
        facts.push(entry.tags.join(", "));
    }
    if !entry.competences.is_empty() {
        facts.push(entry.competences.join(", "));
    }
    let mut lines = vec![
        Line::from(Span::styled(
            text::one_line(&facts.join(" · ")).into_owned(),
            theme.key,
        )),
        Line::from(Span::styled(crate::bank::byline(entry), theme.muted)),
        Line::raw(""),
    ];
    lines.extend(
        text::multi_line(&entry.body)
            .lines()
            .map(|l| Line::raw(l.to_owned())),
    );
    let before = lines.len();
    let (course, marked) = course_lines(reading, theme);
    lines.extend(course);
    if let Some(marked) = marked.filter(|_| reading.reveal_session) {
        let marked = before + marked..before + marked + 1;
        let scroll = scroll_to_show(&lines, marked, rect, reading.scroll.get());
        reading.scroll.set(scroll);
    }
    frame.render_widget(Clear, rect);
    let title = fit(&entry.title, usize::from(rect.width.saturating_sub(6)));
    let hint = match &reading.course {
        Some(_) => messages::course_read_hint(),
        None => messages::read_hint(),
    };
    let block = frame_block(title, theme, hint);
    let p = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((reading.scroll.get(), 0));
    frame.render_widget(p, rect);
}

/// A course's teacher and sessions, under its text: when, where, and how many seats are left.
/// With them, which line is the marked session's.
fn course_lines(reading: &Reading, theme: &Theme) -> (Vec<Line<'static>>, Option<usize>) {
    let Some(course) = &reading.course else {
        return (Vec::new(), None);
    };
    let mut marked = None;
    let mut lines = vec![
        Line::raw(""),
        Line::from(Span::styled(
            messages::course_sessions_heading(),
            theme.heading,
        )),
    ];
    if let Some(teacher) = &course.teacher {
        let teacher = text::one_line(teacher);
        lines.push(Line::raw(messages::course_given_by(&teacher)));
    }
    if course.sessions.is_empty() {
        lines.push(Line::styled(messages::course_no_sessions(), theme.muted));
    }
    for (i, session) in course.sessions.iter().enumerate() {
        let mark = if i == reading.session {
            marked = Some(lines.len());
            "▶ "
        } else {
            "  "
        };
        let line = messages::course_session_line(
            &session.on.to_string(),
            &text::one_line(&session.place),
            session.seats_left(),
            session.seats,
            session.signed_up.len(),
        );
        let style = if session.seats_left() == 0 {
            theme.muted
        } else {
            Style::default()
        };
        let mut spans = vec![Span::styled(format!("{mark}{line}"), style)];
        if reading.signed_up(session) {
            spans.push(Span::styled(
                format!(" · {}", messages::course_you_are_signed_up()),
                theme.key,
            ));
        }
        lines.push(Line::from(spans));
    }
    (lines, marked)
}

pub fn prompt(frame: &mut Frame, area: Rect, theme: &Theme, prompt: &Prompt) {
    let title = match &prompt.purpose {
        PromptPurpose::Decline { id, body, .. } => {
            format!("#{id} ({body}): {}", messages::decline_prompt())
        }
        PromptPurpose::Filter { target, .. } => messages::filter_prompt(*target).to_owned(),
        PromptPurpose::Allocate {
            arena, name, load, ..
        } => messages::allocate_prompt(name, *arena, *load),
        PromptPurpose::AddNeed { arena } => format!("#{arena}: {}", messages::add_need_prompt()),
        PromptPurpose::Release { name, arena, .. } => messages::release_prompt(name, *arena),
        PromptPurpose::DeclineRequest { person, arena, .. } => {
            format!("{person}, #{arena}: {}", messages::decline_reason_title())
        }
        PromptPurpose::DeletePlanRow { label, .. } => messages::delete_prompt(label),
        PromptPurpose::Block { .. } => messages::block_prompt().to_owned(),
        PromptPurpose::DeleteEntry { title, .. } => messages::delete_prompt(title),
        PromptPurpose::NeedReason { .. } => messages::need_reason_prompt().to_owned(),
    };
    let rect = centred(area, 70, 4);
    frame.render_widget(Clear, rect);
    let block = frame_block(title, theme, messages::prompt_hint());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [input, error] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(&prompt.input, input);
    if let Some(e) = &prompt.error {
        frame.render_widget(Span::styled(e.clone(), theme.error), error);
    }
}
