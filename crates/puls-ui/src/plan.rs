//! The PULS plan pane: the selected arena's four steps, each with its mark and what it lacks.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::Theme;
use super::text::{fill, fit};
use puls_app::App;
use puls_app::command::Command;
use puls_app::keymap::Context;
use puls_app::messages;
use puls_app::plan::PlanItem;
use puls_domain::puls::{ActivityStatus, Step};
use puls_domain::read::Plan;
use puls_domain::roster::NeedStatus;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, focused: bool) {
    let pane = &app.plan;
    let mut title = vec![Span::styled(
        format!(" {} ", messages::plan_title()),
        theme.title,
    )];
    if let Some(plan) = &pane.plan {
        title.push(Span::styled(
            format!("{} ", messages::plan_marks(&plan.summary())),
            theme.key,
        ));
    }
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.pane_border(focused))
        .title(Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(plan) = &pane.plan else {
        frame.render_widget(
            Paragraph::new(messages::plan_no_arena())
                .style(theme.muted)
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    };
    let width = usize::from(inner.width);
    // The arena's name stays on top while the steps scroll beneath it, with whether it is
    // drawn up and whether it keeps a restricted record (never what that holds).
    let mut head_lines = vec![Line::from(Span::styled(
        fit(&format!("#{} {}", plan.arena, pane.title), width),
        theme.title,
    ))];
    if let Some(lock) = &plan.drawn_up {
        head_lines.push(Line::from(Span::styled(
            fit(&messages::drawn_up_line(lock.at, &lock.by), width),
            theme.heading,
        )));
    }
    if plan.restricted {
        let key = app
            .keymap
            .keys_for(Context::Plan, Command::RestrictedRecord)
            .first()
            .map(|k| k.to_string())
            .unwrap_or_default();
        head_lines.push(Line::from(Span::styled(
            fit(&messages::restricted_exists(&key), width),
            theme.muted,
        )));
    }
    let [head, inner] = Layout::vertical([
        Constraint::Length(head_lines.len() as u16),
        Constraint::Min(0),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(head_lines), head);
    let mut lines = Vec::new();
    let (mut cursor_line, mut cursor_heading) = (0, 0);
    let mut last_step = None;
    for (index, item) in pane.items.iter().enumerate() {
        if last_step != Some(item.step()) {
            last_step = Some(item.step());
            lines.push(step_heading(plan, item.step(), theme, width));
        }
        let selected = focused && index == pane.cursor;
        if selected {
            cursor_line = lines.len();
            cursor_heading = lines.len()
                - 1
                - pane.items[..index]
                    .iter()
                    .rev()
                    .take_while(|i| i.step() == item.step())
                    .count();
        }
        lines.push(item_line(app, plan, *item, theme, width, selected));
    }
    // Scroll only when the cursor would leave the pane, and then show its step from the heading.
    let height = usize::from(inner.height);
    let offset = if cursor_line < height {
        0
    } else {
        (cursor_line + 1 - height).max(cursor_heading)
    };
    frame.render_widget(Paragraph::new(lines).scroll((offset as u16, 0)), inner);
}

/// `P Proactivity ✓` and, when incomplete, why.
fn step_heading(plan: &Plan, step: Step, theme: &Theme, width: usize) -> Line<'static> {
    let summary = plan.summary();
    let mark = summary.mark(step);
    let mut spans = vec![Span::styled(
        format!(
            "{} {} {}",
            step.letter(),
            messages::step_name(step),
            messages::plan_mark(&mark)
        ),
        theme.heading,
    )];
    let gaps = summary.gaps(step);
    if !gaps.is_empty() {
        let why = gaps
            .into_iter()
            .map(messages::plan_gap)
            .collect::<Vec<_>>()
            .join(", ");
        spans.push(Span::styled(format!("  {why}"), theme.gap));
    }
    let used: usize = spans.iter().map(Span::width).sum();
    if used > width {
        return Line::from(Span::styled(
            fit(
                &spans.iter().map(|s| s.content.as_ref()).collect::<String>(),
                width,
            ),
            theme.heading,
        ));
    }
    Line::from(spans)
}

fn item_line(
    app: &App,
    plan: &Plan,
    item: PlanItem,
    theme: &Theme,
    width: usize,
    selected: bool,
) -> Line<'static> {
    let today = app.today();
    let marker = if selected { "▶" } else { " " };
    // The text says what is wrong in words; the style only adds to it.
    let (text, alert) = match item {
        PlanItem::Proactivity => {
            let p = &plan.proactivity;
            let next = plan.next_contact();
            let late = next.is_some_and(|d| d < today);
            let mut text = format!(
                "{} · {} {} · {}",
                if p.recipient.is_empty() {
                    "-"
                } else {
                    p.recipient.as_str()
                },
                messages::lead_word(),
                p.lead.as_deref().unwrap_or("-"),
                messages::rhythm(p.rhythm_days)
            );
            if let Some(next) = next {
                text.push_str(&format!(" · {}", messages::next_contact(next, late)));
            }
            (text, late.then_some(theme.late))
        }
        PlanItem::Contact(i) => {
            let c = &plan.contacts[i];
            (
                format!("  {} {}: {} ({})", c.on, c.channel, c.summary, c.by),
                None,
            )
        }
        PlanItem::Need(i) => {
            let n = &plan.needs[i];
            let who = n
                .person
                .as_deref()
                .map(|p| format!(" · {p}"))
                .unwrap_or_default();
            let mark = if n.status.is_gap() {
                "!"
            } else if n.status == NeedStatus::Filled {
                "✓"
            } else {
                "-"
            };
            (
                format!(
                    "  {mark} {}{who} ({}){}",
                    n.competence,
                    messages::need_status(n.status),
                    if n.reason.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", n.reason)
                    }
                ),
                n.status.is_gap().then_some(theme.gap),
            )
        }
        PlanItem::Criterion(i) => {
            let c = &plan.criteria[i];
            let verdict = match c.met {
                Some(true) => format!(" [{}]", messages::verdict_met()),
                Some(false) => format!(" [{}]", messages::verdict_not_met()),
                None => String::new(),
            };
            let outcome = if !c.result.is_empty() {
                format!(" → {}", c.result)
            } else if !c.no_result_reason.is_empty() {
                format!(" → ({})", c.no_result_reason)
            } else {
                String::new()
            };
            let changed = if c.changed_after_start {
                format!(" [{}]", messages::changed_after_start())
            } else {
                String::new()
            };
            (
                format!(
                    "  {} · {} · {}{outcome}{verdict}{changed}",
                    c.text, c.measure, c.target
                ),
                c.changed_after_start.then_some(theme.late),
            )
        }
        PlanItem::Activity(i) => {
            let a = &plan.activities[i];
            let late = a.status != ActivityStatus::Done && a.due.is_some_and(|d| d < today);
            let due = a
                .due
                .map(|d| {
                    format!(
                        " · {d}{}",
                        if late {
                            format!(" {}", messages::late())
                        } else {
                            String::new()
                        }
                    )
                })
                .unwrap_or_default();
            let reason = if a.status == ActivityStatus::Blocked {
                format!(": {}", a.blocked_reason)
            } else {
                String::new()
            };
            let owner = if a.owner.is_empty() {
                String::new()
            } else {
                format!(" · {}", a.owner)
            };
            (
                format!(
                    "  {}. [{}{reason}] {}{owner}{due}",
                    i + 1,
                    messages::activity_status(a.status),
                    a.text
                ),
                if a.status == ActivityStatus::Blocked {
                    Some(theme.blocked)
                } else {
                    late.then_some(theme.late)
                },
            )
        }
        PlanItem::Empty(_) => (format!("  ({})", messages::plan_empty_step()), None),
    };
    let style = if selected {
        theme.selected
    } else if let Some(alert) = alert {
        alert
    } else if matches!(item, PlanItem::Empty(_)) {
        theme.muted
    } else {
        theme.base
    };
    let text = format!("{marker}{text}");
    Line::from(Span::styled(
        if selected {
            fill(&text, width)
        } else {
            fit(&text, width)
        },
        style,
    ))
}
