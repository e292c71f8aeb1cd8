//! An arena's or a partnership's partnering maturity over time: a bar chart of the seven dimensions, one bar per
//! rating with its level written on it, and below it the levels in numbers with the change
//! from the baseline and the notes. The letters tie each bar to its rating, so it reads in
//! mono and ASCII as well as in colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Clear, Paragraph, Wrap};

use super::popup::frame_block;
use super::text::fit;
use super::{Theme, centred};
use puls_app::messages;
use puls_app::popup::{MaturityChart, MaturitySubject};
use puls_domain::maturity::{self, Dimension, HIGHEST, Rating};
use puls_domain::text;

/// The baseline and the latest two after it: what the chart compares.
fn shown(ratings: &[Rating]) -> Vec<&Rating> {
    let Some(base) = maturity::baseline(ratings) else {
        return Vec::new();
    };
    let later: Vec<&Rating> = ratings.iter().filter(|r| r.id != base.id).collect();
    let mut shown = vec![base];
    shown.extend(later.iter().skip(later.len().saturating_sub(2)));
    shown
}

fn letter(i: usize) -> char {
    char::from(b'A' + i as u8)
}

pub fn draw(frame: &mut Frame, area: Rect, theme: &Theme, chart: &MaturityChart) {
    let rect = centred(area, 100, area.height);
    frame.render_widget(Clear, rect);
    let title = match &chart.subject {
        MaturitySubject::Arena(arena) => {
            format!("{} {}", messages::maturity_chart_title(*arena), chart.title)
        }
        MaturitySubject::Partnership { partners, index } => {
            messages::partnership_chart_title(&chart.title, index + 1, partners.len())
        }
    };
    let title = fit(&title, usize::from(rect.width.saturating_sub(6)));
    let block = frame_block(title, theme, messages::read_hint());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let ratings = shown(&chart.ratings);
    if ratings.is_empty() {
        frame.render_widget(
            Paragraph::new(messages::maturity_none())
                .style(theme.muted)
                .wrap(Wrap { trim: false }),
            inner,
        );
        return;
    }
    // One row a level (two when there is room), so no bar ends in a part of a cell.
    let per_level = if inner.height >= 30 { 2 } else { 1 };
    let chart_rows = u16::from(HIGHEST) * per_level + 2;
    let [bars, table] =
        Layout::vertical([Constraint::Length(chart_rows), Constraint::Fill(1)]).areas(inner);
    draw_bars(frame, bars, theme, &ratings);
    let lines = table_lines(theme, &ratings, usize::from(table.width));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((chart.scroll, 0)),
        table,
    );
}

fn draw_bars(frame: &mut Frame, area: Rect, theme: &Theme, ratings: &[&Rating]) {
    let n = ratings.len() as u16;
    // The widest bars that let seven groups fit, two cells between groups. Each bar takes its
    // gap after it, the group's last one too, so a bar is its width and one cell.
    let width = (area.width.saturating_sub(12) / 7 / n.max(1)).saturating_sub(1);
    let width = width.clamp(1, 5);
    let mut chart = BarChart::default()
        .bar_width(width)
        .bar_gap(1)
        .group_gap(2)
        .max(u64::from(HIGHEST))
        .value_style(theme.selected)
        .label_style(theme.base);
    for dimension in Dimension::ALL {
        let bars: Vec<Bar> = ratings
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let level = r.level(dimension).unwrap_or(0);
                let style = if i + 1 == ratings.len() {
                    theme.key
                } else {
                    theme.muted
                };
                Bar::default()
                    .value(u64::from(level))
                    .text_value(level.to_string())
                    .label(Line::from(letter(i).to_string()))
                    .style(style)
            })
            .collect();
        chart = chart.data(
            BarGroup::default()
                .label(Line::from(messages::dimension_short(dimension)))
                .bars(&bars),
        );
    }
    frame.render_widget(chart, area);
}

/// The legend, then a line a dimension: the levels in order, the change, the latest note.
fn table_lines(theme: &Theme, ratings: &[&Rating], width: usize) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = ratings
        .iter()
        .enumerate()
        .map(|(i, r)| {
            // A partnership's chart names its partner in the title already.
            let partner = match r.arena {
                Some(_) => text::one_line(&r.partner).into_owned(),
                None => String::new(),
            };
            Line::from(Span::styled(
                messages::rating_legend(letter(i), r.occasion, r.on, &partner),
                if i + 1 == ratings.len() {
                    theme.title
                } else {
                    theme.muted
                },
            ))
        })
        .collect();
    lines.push(Line::from(Span::styled(
        messages::maturity_scale(),
        theme.muted,
    )));
    let first = ratings.first();
    let last = ratings.last();
    for dimension in Dimension::ALL {
        let levels: Vec<String> = ratings
            .iter()
            .map(|r| r.level(dimension).map_or("-".to_owned(), |l| l.to_string()))
            .collect();
        let change = match (
            first.and_then(|r| r.level(dimension)),
            last.and_then(|r| r.level(dimension)),
        ) {
            (Some(a), Some(b)) if ratings.len() > 1 => {
                messages::change(i32::from(b) - i32::from(a))
            }
            _ => String::new(),
        };
        let note = last
            .and_then(|r| r.scores.iter().find(|s| s.dimension == dimension))
            .map(|s| text::one_line(&s.note).into_owned())
            .unwrap_or_default();
        let mut spans = vec![
            Span::styled(
                format!("{:<14}", messages::dimension(dimension)),
                theme.heading,
            ),
            Span::raw(format!("{:<8}", levels.join(" "))),
            Span::styled(format!("{change:<22}"), theme.base),
        ];
        if !note.is_empty() {
            spans.push(Span::styled(note, theme.muted));
        }
        let used: usize = spans.iter().map(Span::width).sum();
        if used > width {
            let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
            lines.push(Line::raw(fit(&text, width)));
        } else {
            lines.push(Line::from(spans));
        }
    }
    lines
}
