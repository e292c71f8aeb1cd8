//! The "find staff" popup: an arena's unfilled needs, and the best people for the chosen one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::text::{fill, fit};
use super::{Theme, centred};
use puls_app::messages;
use puls_app::popup::FindStaff;

pub fn draw(frame: &mut Frame, area: Rect, theme: &Theme, staff: &FindStaff, plain: bool) {
    let rect = centred(area, 100, 20.min(area.height));
    frame.render_widget(Clear, rect);
    let title = fit(
        &format!(
            "{}: #{} {}",
            messages::find_staff_title(),
            staff.arena,
            staff.title
        ),
        usize::from(rect.width.saturating_sub(4)),
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(format!(" {title} "), theme.title))
        .title_bottom(Line::from(Span::styled(
            format!(" {} ", messages::find_staff_hint()),
            theme.muted,
        )));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    // Plain mode puts the needs above the candidates: a reader hears one list at a time.
    let halves = [Constraint::Percentage(40), Constraint::Percentage(60)];
    let [left, right] = if plain {
        Layout::vertical(halves).areas(inner)
    } else {
        Layout::horizontal(halves).areas(inner)
    };

    let heading = |text: &str, active: bool| {
        Line::from(Span::styled(
            text.to_owned(),
            if active {
                theme.heading_selected
            } else {
                theme.heading
            },
        ))
    };
    let mut needs = vec![heading(messages::needs_heading(), !staff.on_candidates)];
    let width = usize::from(left.width.saturating_sub(1));
    for (i, need) in staff.needs.iter().enumerate() {
        let selected = i == staff.need;
        let marker = if selected { "▶" } else { " " };
        let style = if selected && !staff.on_candidates {
            theme.selected
        } else if selected {
            theme.title
        } else {
            theme.base
        };
        needs.push(Line::from(Span::styled(
            fill(&format!("{marker}{}", need.competence), width),
            style,
        )));
    }
    if staff.needs.is_empty() {
        needs.push(Line::from(Span::styled(
            messages::no_open_needs(),
            theme.muted,
        )));
    }
    if staff.selected_need().is_some() {
        // Collegial learning: a gap may be filled by teaching someone, not only by finding them.
        let learning = &staff.learning;
        needs.push(Line::raw(""));
        needs.push(heading(messages::can_teach_heading(), false));
        let teachers = if learning.teachers.is_empty() {
            messages::nobody_can_teach().to_owned()
        } else {
            learning.teachers.join(", ")
        };
        needs.push(Line::raw(format!(" {teachers}")));
        if !learning.courses.is_empty() {
            needs.push(heading(messages::courses_heading(), false));
            for (title, by) in &learning.courses {
                needs.push(Line::raw(format!(" {}", messages::course_line(title, by))));
            }
        }
    }
    frame.render_widget(
        Paragraph::new(needs).wrap(ratatui::widgets::Wrap { trim: true }),
        left,
    );

    let mut people = vec![
        heading(messages::candidates_heading(), staff.on_candidates),
        Line::from(Span::styled(
            fit(messages::ranking_why(), usize::from(right.width)),
            theme.muted,
        )),
    ];
    let width = usize::from(right.width);
    for (i, c) in staff
        .candidates
        .iter()
        .enumerate()
        .take(usize::from(right.height.saturating_sub(2)))
    {
        let selected = staff.on_candidates && i == staff.candidate;
        let style = if selected { theme.selected } else { theme.base };
        let marker = if selected { "▶" } else { " " };
        let team = if c.in_team {
            format!(" · {}", messages::in_team())
        } else {
            String::new()
        };
        let over = if c.load.is_over() {
            format!(" {}", messages::over())
        } else {
            String::new()
        };
        // Asked-for time counts in the reason line, so the ranking's "why" stays true.
        let asked = match staff.waiting_for(c.person_id) {
            Some(r) => messages::asked_waiting(&r.manager),
            None if c.asked > 0 => messages::asked_load(c.asked),
            None => String::new(),
        };
        let text = format!(
            "{marker}{:<22} {} · {}{over}{team}",
            fit(&c.name, 22),
            messages::level_mark(c.level.number()),
            messages::load(c.load)
        );
        people.push(Line::from(Span::styled(fill(&text, width), style)));
        if !asked.is_empty() {
            people.push(Line::from(Span::styled(
                fit(&format!("{:23}{asked}", ""), width),
                theme.muted,
            )));
        }
    }
    if staff.candidates.is_empty() && !staff.needs.is_empty() {
        people.push(Line::from(Span::styled(
            messages::no_candidates(),
            theme.muted,
        )));
    }
    frame.render_widget(Paragraph::new(people), right);
}
