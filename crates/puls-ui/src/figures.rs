//! The key figures: arenas by stage and mission as bar charts, and the management's other
//! questions as short tables. Every number is written out; the bars only help the eye.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{BarChart, Block, Borders, Clear, Paragraph, Wrap};

use super::Theme;
use super::text::fit;
use puls_app::messages;
use puls_domain::figures::Figures;
use puls_domain::learning::{self, CompetenceCapital};
use puls_domain::maturity::MaturityFigures;

/// What the key figures show: the arenas' own, and partnering maturity across them.
pub struct Shown<'a> {
    pub figures: &'a Figures,
    pub maturity: &'a MaturityFigures,
    pub capital: &'a [CompetenceCapital],
}

pub fn draw(frame: &mut Frame, area: Rect, theme: &Theme, shown: &Shown, scroll: u16, plain: bool) {
    let figures = shown.figures;
    frame.render_widget(Clear, area);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(
            format!(
                " {} · {} ",
                messages::fig_title(),
                messages::fig_as_of(figures.today, figures.arenas.len())
            ),
            theme.title,
        ))
        .title_bottom(Line::from(Span::styled(
            format!(" {} ", messages::read_hint()),
            theme.muted,
        )));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if plain {
        // For a screen reader: the charts' numbers as lines of words, then the rest.
        let mut lines = plain_counts(theme, figures);
        lines.extend(text_lines(theme, figures, usize::from(inner.width)));
        lines.extend(maturity_lines(
            theme,
            shown.maturity,
            usize::from(inner.width),
        ));
        lines.extend(capital_lines(
            theme,
            shown.capital,
            usize::from(inner.width),
        ));
        let p = Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0));
        frame.render_widget(p, inner);
        return;
    }
    let [charts, text] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(inner);
    let [stages, missions] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(charts);
    let stage_bars: Vec<(&str, u64)> = figures
        .by_stage
        .iter()
        .map(|(stage, n)| (messages::stage_short(*stage), u64::from(*n)))
        .collect();
    bar_chart(frame, stages, theme, messages::fig_by_stage(), &stage_bars);
    let mission_bars: Vec<(&str, u64)> = figures
        .by_mission
        .iter()
        .map(|(code, n)| (code.as_str(), u64::from(*n)))
        .collect();
    bar_chart(
        frame,
        missions,
        theme,
        messages::fig_by_mission(),
        &mission_bars,
    );
    let mut lines = text_lines(theme, figures, usize::from(text.width));
    lines.extend(maturity_lines(
        theme,
        shown.maturity,
        usize::from(text.width),
    ));
    lines.extend(capital_lines(theme, shown.capital, usize::from(text.width)));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        text,
    );
}

/// The arenas by stage and by mission, one count a line.
fn plain_counts(theme: &Theme, f: &Figures) -> Vec<Line<'static>> {
    let heading = |t: &str| Line::from(Span::styled(t.to_owned(), theme.heading));
    let mut lines = vec![heading(messages::fig_by_stage())];
    for (stage, n) in &f.by_stage {
        lines.push(Line::raw(format!(
            "  {}: {n}",
            messages::stage_label(*stage)
        )));
    }
    lines.push(heading(messages::fig_by_mission()));
    for (mission, n) in &f.by_mission {
        lines.push(Line::raw(format!("  {mission}: {n}")));
    }
    lines.push(Line::raw(""));
    lines
}

fn bar_chart(frame: &mut Frame, area: Rect, theme: &Theme, title: &str, bars: &[(&str, u64)]) {
    let width = (area.width.saturating_sub(2) / bars.len().max(1) as u16)
        .saturating_sub(1)
        .clamp(3, 9);
    let chart = BarChart::default()
        .block(Block::new().title(Span::styled(title.to_owned(), theme.heading)))
        .data(bars)
        .bar_width(width)
        .bar_gap(1)
        .bar_style(theme.key)
        .value_style(theme.selected)
        .label_style(theme.base);
    frame.render_widget(chart, area);
}

fn text_lines(theme: &Theme, f: &Figures, width: usize) -> Vec<Line<'static>> {
    let heading = |t: &str| Line::from(Span::styled(t.to_owned(), theme.heading));
    let mut lines = vec![heading(messages::fig_durations())];
    lines.push(Line::raw(format!(
        "  {}: {}",
        messages::fig_signal_to_commission(),
        messages::fig_spread(&f.signal_to_commission, messages::fig_arenas_word())
    )));
    lines.push(Line::raw(format!(
        "  {}: {}",
        messages::fig_commission_to_close(),
        messages::fig_spread(&f.commission_to_close, messages::fig_arenas_word())
    )));
    lines.push(Line::raw(""));
    lines.push(heading(&format!(
        "{} ({})",
        messages::fig_late(),
        f.late.len()
    )));
    for a in &f.late {
        let target = a.target.map(messages::fig_target).unwrap_or_default();
        lines.push(Line::from(Span::styled(
            fit(&format!("  #{} {} · {target}", a.id, a.title), width),
            theme.late,
        )));
    }
    lines.push(Line::raw(""));
    lines.push(heading(messages::fig_evaluation()));
    lines.push(Line::raw(format!(
        "  {}",
        messages::fig_verdicts(f.criteria_met, f.criteria_not_met, f.criteria_no_result)
    )));
    lines.push(Line::raw(""));
    lines.push(heading(messages::fig_knowledge()));
    lines.push(Line::raw(format!(
        "  {}: {}",
        messages::fig_entries_per_closed(),
        messages::fig_spread(&f.entries_per_closed, messages::fig_arenas_word())
    )));
    if !f.closed_without_entries.is_empty() {
        let ids: Vec<String> = f
            .closed_without_entries
            .iter()
            .map(|a| format!("#{}", a.id))
            .collect();
        lines.push(Line::from(Span::styled(
            format!(
                "  {}: {}",
                messages::fig_closed_without_entries(),
                ids.join(" ")
            ),
            theme.late,
        )));
    }
    lines.push(Line::raw(""));
    lines.push(heading(messages::fig_staffing()));
    for (competence, n) in f.unfilled_by_competence.iter().take(6) {
        lines.push(Line::raw(fit(&format!("  {n:>3} · {competence}"), width)));
    }
    for (name, load) in &f.over_allocated {
        lines.push(Line::from(Span::styled(
            fit(
                &format!(
                    "  {} {}: {}",
                    messages::over(),
                    name,
                    messages::fig_load(*load)
                ),
                width,
            ),
            theme.over,
        )));
    }
    lines
}

/// Partnering maturity across arenas and partnerships: how many stand at each level of each dimension in their
/// latest rating, and the mean change from their baseline. Last, so the rest stays in place.
fn maturity_lines(theme: &Theme, m: &MaturityFigures, width: usize) -> Vec<Line<'static>> {
    if m.arenas == 0 && m.partnerships == 0 {
        return Vec::new();
    }
    let mut lines = vec![
        Line::raw(""),
        Line::from(Span::styled(
            messages::fig_maturity().to_owned(),
            theme.heading,
        )),
        Line::raw(fit(
            &messages::fig_maturity_arenas(m.arenas, m.partnerships),
            width,
        )),
        Line::from(Span::styled(
            fit(
                &format!("  {:<14} 1 2 3 4 5 6", messages::fig_maturity_levels()),
                width,
            ),
            theme.muted,
        )),
    ];
    for d in &m.dimensions {
        lines.push(Line::raw(fit(
            &messages::fig_maturity_line(
                messages::dimension(d.dimension),
                &d.at_level,
                d.mean_change,
            ),
            width,
        )));
    }
    lines
}

/// The knowledge capital: per competence, how many hold it at each level (4: can teach
/// others), then the competences nobody can teach, in words.
fn capital_lines(theme: &Theme, capital: &[CompetenceCapital], width: usize) -> Vec<Line<'static>> {
    if capital.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![
        Line::raw(""),
        Line::from(Span::styled(
            fit(messages::fig_capital(), width),
            theme.heading,
        )),
    ];
    for c in capital {
        let name = fit(&c.competence, 24);
        let line = fit(&messages::fig_capital_line(&name, &c.at_level), width);
        let style = if c.teachers() == 0 {
            theme.gap
        } else {
            theme.base
        };
        lines.push(Line::from(Span::styled(line, style)));
    }
    let nobody = learning::nobody_teaches(capital);
    if !nobody.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(format!("  {}: ", messages::fig_nobody_teaches()), theme.gap),
            Span::raw(nobody.join(", ")),
        ]));
    }
    lines
}
