//! The key figures as terminal text: small tables and bar charts, what `puls figures` prints.

use std::fmt::Write;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::config::Config;
use crate::domain::figures::{ArenaLine, Figures};
use crate::domain::text;
use crate::messages;

/// The longest bar, in cells.
const BAR_WIDTH: u32 = 30;

/// A bar of `█` for `value`, scaled so `widest` fills [`BAR_WIDTH`]; any value above zero
/// shows at least one block.
pub fn bar(value: u32, widest: u32) -> String {
    if value == 0 || widest == 0 {
        return String::new();
    }
    let cells =
        (u64::from(value) * u64::from(BAR_WIDTH) + u64::from(widest) / 2) / u64::from(widest);
    "█".repeat(usize::try_from(cells.max(1)).unwrap_or(1))
}

/// `text` padded with spaces to `width` terminal cells.
fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(fill))
}

/// Labelled counts as a bar chart: label, count, bar; one line each.
fn bars(out: &mut String, heading: &str, rows: &[(String, u32)]) {
    let _ = writeln!(out, "{heading}");
    if rows.is_empty() {
        let _ = writeln!(out, "  {}", messages::fig_none());
    }
    let label_width = rows.iter().map(|(l, _)| l.width()).max().unwrap_or(0);
    let widest = rows.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let number_width = widest.to_string().len();
    for (label, n) in rows {
        let line = format!(
            "  {}  {n:>number_width$} {}",
            pad(label, label_width),
            bar(*n, widest)
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out.push('\n');
}

/// The widest a title may be in a list, in terminal cells; the report has the full titles.
const TITLE_WIDTH: usize = 44;

/// `text` cut to `width` terminal cells, with `…` where it was cut.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        used += c.width().unwrap_or(0);
        if used + 1 > width {
            break;
        }
        cut.push(c);
    }
    cut.push('…');
    cut
}

/// Arenas one a line: number, title, and what matters about them here, in columns.
fn arena_list(out: &mut String, arenas: &[ArenaLine], about: impl Fn(&ArenaLine) -> String) {
    if arenas.is_empty() {
        let _ = writeln!(out, "  {}", messages::fig_none());
    }
    let titles: Vec<String> = arenas
        .iter()
        .map(|a| fit(&text::one_line(&a.title), TITLE_WIDTH))
        .collect();
    let title_width = titles.iter().map(|t| t.width()).max().unwrap_or(0);
    let number_width = arenas
        .iter()
        .map(|a| a.id.to_string().len() + 1)
        .max()
        .unwrap_or(0);
    for (a, title) in arenas.iter().zip(&titles) {
        let number = format!("#{}", a.id);
        let line = format!(
            "  {number:<number_width$}  {}  {}",
            pad(title, title_width),
            about(a)
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out.push('\n');
}

fn stage_rows(figures: &Figures) -> Vec<(String, u32)> {
    figures
        .by_stage
        .iter()
        .map(|(stage, n)| (messages::stage_label(*stage).to_owned(), *n))
        .collect()
}

fn mission_rows(figures: &Figures, config: &Config) -> Vec<(String, u32)> {
    figures
        .by_mission
        .iter()
        .map(|(code, n)| (text::one_line(config.mission_name(code)).into_owned(), *n))
        .collect()
}

/// Everything `puls figures` prints.
pub fn figures_text(figures: &Figures, config: &Config) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {}\n{}\n",
        messages::fig_title(),
        messages::fig_period(figures.from, figures.to),
        messages::fig_as_of(figures.today, figures.arenas.len())
    );
    if let Some(share) = &figures.mission {
        let name = text::one_line(config.mission_name(&share.code));
        let _ = writeln!(
            out,
            "{}\n",
            messages::mission_share(&name, &share.code, share.lead, share.participating)
        );
    }
    bars(&mut out, messages::fig_by_stage(), &stage_rows(figures));
    bars(
        &mut out,
        messages::fig_by_mission(),
        &mission_rows(figures, config),
    );

    let _ = writeln!(out, "{}", messages::fig_durations());
    let durations = [
        (
            messages::fig_signal_to_commission(),
            &figures.signal_to_commission,
        ),
        (
            messages::fig_commission_to_close(),
            &figures.commission_to_close,
        ),
    ];
    let width = durations.iter().map(|(l, _)| l.width()).max().unwrap_or(0);
    for (label, spread) in durations {
        let _ = writeln!(
            out,
            "  {}  {}",
            pad(label, width),
            messages::fig_spread(spread, messages::fig_arenas_word())
        );
    }
    out.push('\n');

    let _ = writeln!(out, "{} ({})", messages::fig_late(), figures.late.len());
    arena_list(&mut out, &figures.late, |a| {
        let target = a.target.map(messages::fig_target).unwrap_or_default();
        let coordinator = text::one_line(
            a.coordinator
                .as_deref()
                .unwrap_or(messages::no_coordinator()),
        );
        format!("{target} · {coordinator}")
    });

    let verdicts = [
        (messages::fig_met().to_owned(), figures.criteria_met),
        (messages::fig_not_met().to_owned(), figures.criteria_not_met),
        (
            messages::fig_no_result().to_owned(),
            figures.criteria_no_result,
        ),
    ];
    bars(&mut out, messages::fig_evaluation(), &verdicts);
    let judged: Vec<ArenaLine> = figures
        .arenas
        .iter()
        .filter(|a| a.criteria_met + a.criteria_not_met + a.criteria_no_result > 0)
        .cloned()
        .collect();
    if !judged.is_empty() {
        // Each arena's verdicts right under the bars of all of them.
        out.pop();
        arena_list(&mut out, &judged, |a| {
            messages::fig_verdicts(a.criteria_met, a.criteria_not_met, a.criteria_no_result)
        });
    }

    let _ = writeln!(
        out,
        "{}\n  {}: {}\n  {}: {}",
        messages::fig_knowledge(),
        messages::fig_entries_per_closed(),
        messages::fig_spread(&figures.entries_per_closed, messages::fig_arenas_word()),
        messages::fig_closed_without_entries(),
        figures.closed_without_entries.len()
    );
    if figures.closed_without_entries.is_empty() {
        out.push('\n');
    } else {
        arena_list(&mut out, &figures.closed_without_entries, |a| {
            a.closed.map(messages::fig_closed_on).unwrap_or_default()
        });
    }

    let unfilled: Vec<(String, u32)> = figures
        .unfilled_by_competence
        .iter()
        .map(|(c, n)| (text::one_line(c).into_owned(), *n))
        .collect();
    bars(&mut out, messages::fig_unfilled(), &unfilled);
    let _ = writeln!(out, "{}", messages::fig_over());
    if figures.over_allocated.is_empty() {
        let _ = writeln!(out, "  {}", messages::fig_none());
    }
    let width = figures
        .over_allocated
        .iter()
        .map(|(name, _)| text::one_line(name).width())
        .max()
        .unwrap_or(0);
    for (name, load) in &figures.over_allocated {
        let _ = writeln!(
            out,
            "  {}  {}",
            pad(&text::one_line(name), width),
            messages::fig_load(*load)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_widest_and_never_vanish() {
        assert_eq!(bar(10, 10).chars().count(), 30);
        assert_eq!(bar(5, 10).chars().count(), 15);
        assert_eq!(bar(1, 100).chars().count(), 1);
        assert_eq!(bar(0, 10), "");
    }

    #[test]
    fn a_long_title_is_cut_to_its_column_with_an_ellipsis() {
        assert_eq!(fit("Siblings absent", 9), "Siblings…");
        assert_eq!(fit("Åsa", 3), "Åsa");
        assert_eq!(fit("日本語の", 5), "日本…");
    }
}
