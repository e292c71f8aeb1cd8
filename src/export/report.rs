//! `puls report`: the key figures and the arenas of a period, as a Markdown document for the
//! strategic coordination group or a council committee, and the arena list as a spreadsheet.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::config::Config;
use crate::domain::figures::{ArenaLine, Figures, Spread};
use crate::domain::text;
use crate::messages;

use super::arena_md::{cell, table};

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "–".to_owned(), |d| d.to_string())
}

fn spread_row(label: &str, spread: &Spread) -> Vec<String> {
    let days = |d: Option<f64>| d.map_or_else(|| "–".to_owned(), messages::fig_days);
    vec![
        label.to_owned(),
        spread.count.to_string(),
        days(spread.median_days),
        days(spread.p90_days),
    ]
}

fn arena_cell(a: &ArenaLine) -> String {
    format!("#{} {}", a.id, cell(&a.title))
}

fn arena_table(
    out: &mut String,
    arenas: &[ArenaLine],
    extra: &[&str],
    more: impl Fn(&ArenaLine) -> Vec<String>,
) {
    if arenas.is_empty() {
        let _ = writeln!(out, "{}\n", messages::fig_none());
        return;
    }
    let mut headings = vec![messages::fig_arena()];
    headings.extend_from_slice(extra);
    table(
        out,
        &headings,
        arenas.iter().map(|a| {
            let mut row = vec![arena_cell(a)];
            row.extend(more(a));
            row
        }),
    );
}

/// The whole report as Markdown: headings and small tables that print well.
pub fn report_markdown(figures: &Figures, config: &Config) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}: {}\n\n*{}.*\n",
        messages::fig_title(),
        messages::fig_period(figures.from, figures.to),
        messages::fig_as_of(figures.today, figures.arenas.len())
    );
    if let Some(share) = &figures.mission {
        let name = cell(config.mission_name(&share.code));
        let _ = writeln!(
            out,
            "{}\n",
            messages::mission_share(&name, &share.code, share.lead, share.participating)
        );
    }

    let _ = writeln!(out, "## {}\n", messages::fig_by_stage());
    table(
        &mut out,
        &[messages::label_stage(), messages::fig_count()],
        figures
            .by_stage
            .iter()
            .map(|(s, n)| vec![messages::stage_label(*s).to_owned(), n.to_string()]),
    );
    let _ = writeln!(out, "## {}\n", messages::fig_by_mission());
    table(
        &mut out,
        &[messages::label_mission(), messages::fig_count()],
        figures
            .by_mission
            .iter()
            .map(|(m, n)| vec![mission_cell(config, m), n.to_string()]),
    );

    let _ = writeln!(out, "## {}\n", messages::fig_durations());
    table(
        &mut out,
        &[
            "",
            messages::fig_count(),
            messages::fig_median(),
            messages::fig_p90(),
        ],
        [
            spread_row(
                messages::fig_signal_to_commission(),
                &figures.signal_to_commission,
            ),
            spread_row(
                messages::fig_commission_to_close(),
                &figures.commission_to_close,
            ),
        ],
    );

    let _ = writeln!(
        out,
        "## {} ({})\n",
        messages::fig_late(),
        figures.late.len()
    );
    arena_table(
        &mut out,
        &figures.late,
        &[messages::label_coordinator(), messages::label_target()],
        |a| vec![coordinator(a), date(a.target)],
    );

    evaluation(&mut out, figures);
    knowledge(&mut out, figures);
    staffing(&mut out, figures);

    let _ = writeln!(out, "## {}\n", messages::fig_arenas());
    arena_table(
        &mut out,
        &figures.arenas,
        &[
            messages::label_stage(),
            messages::label_mission(),
            messages::label_coordinator(),
            messages::fig_signalled(),
            messages::fig_commissioned(),
            messages::fig_closed(),
            messages::label_target(),
            messages::fig_puls(),
            messages::label_registration(),
        ],
        |a| {
            let late = if a.late {
                format!(" {}", messages::late())
            } else {
                String::new()
            };
            vec![
                messages::stage_label(a.stage).to_owned(),
                cell(&a.mission),
                coordinator(a),
                a.signalled.to_string(),
                date(a.commissioned),
                date(a.closed),
                format!("{}{late}", date(a.target)),
                messages::plan_marks(&a.plan),
                cell(&a.registration),
            ]
        },
    );
    let _ = writeln!(out, "*{}*", messages::fig_written(figures.today));
    out
}

/// A mission's name with the code the arena list uses: `Learning & family (LF)`.
fn mission_cell(config: &Config, code: &str) -> String {
    match config.mission_name(code) {
        name if name == code => cell(code),
        name => cell(&format!("{name} ({code})")),
    }
}

fn coordinator(a: &ArenaLine) -> String {
    cell(
        a.coordinator
            .as_deref()
            .unwrap_or(messages::no_coordinator()),
    )
}

fn evaluation(out: &mut String, figures: &Figures) {
    let _ = writeln!(out, "## {}\n", messages::fig_evaluation());
    table(
        out,
        &[
            messages::fig_met(),
            messages::fig_not_met(),
            messages::fig_no_result(),
        ],
        [vec![
            figures.criteria_met.to_string(),
            figures.criteria_not_met.to_string(),
            figures.criteria_no_result.to_string(),
        ]],
    );
    let judged: Vec<ArenaLine> = figures
        .arenas
        .iter()
        .filter(|a| a.criteria_met + a.criteria_not_met + a.criteria_no_result > 0)
        .cloned()
        .collect();
    if !judged.is_empty() {
        arena_table(
            out,
            &judged,
            &[
                messages::fig_met(),
                messages::fig_not_met(),
                messages::fig_no_result(),
            ],
            |a| {
                vec![
                    a.criteria_met.to_string(),
                    a.criteria_not_met.to_string(),
                    a.criteria_no_result.to_string(),
                ]
            },
        );
    }
}

fn knowledge(out: &mut String, figures: &Figures) {
    let _ = writeln!(
        out,
        "## {}\n\n{}: {}.\n\n### {} ({})\n",
        messages::fig_knowledge(),
        messages::fig_entries_per_closed(),
        messages::fig_spread(&figures.entries_per_closed, messages::fig_arenas_word()),
        messages::fig_closed_without_entries(),
        figures.closed_without_entries.len()
    );
    arena_table(
        out,
        &figures.closed_without_entries,
        &[messages::label_coordinator(), messages::fig_closed()],
        |a| vec![coordinator(a), date(a.closed)],
    );
}

fn staffing(out: &mut String, figures: &Figures) {
    let _ = writeln!(
        out,
        "## {}\n\n### {}\n",
        messages::fig_staffing(),
        messages::fig_unfilled()
    );
    if figures.unfilled_by_competence.is_empty() {
        let _ = writeln!(out, "{}\n", messages::fig_none());
    } else {
        table(
            out,
            &[messages::md_competence(), messages::fig_needs()],
            figures
                .unfilled_by_competence
                .iter()
                .map(|(c, n)| vec![cell(c), n.to_string()]),
        );
    }
    let _ = writeln!(out, "### {}\n", messages::fig_over());
    if figures.over_allocated.is_empty() {
        let _ = writeln!(out, "{}\n", messages::fig_none());
    } else {
        table(
            out,
            &[
                messages::fig_person(),
                messages::fig_allocated(),
                messages::fig_capacity(),
            ],
            figures.over_allocated.iter().map(|(name, load)| {
                vec![
                    cell(name),
                    format!("{}%", load.allocated),
                    format!("{}%", load.capacity),
                ]
            }),
        );
    }
}

/// How the spreadsheet is written: a byte-order mark for Excel, semicolons for Swedish Excel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvStyle {
    pub bom: bool,
    pub semicolon: bool,
}

fn csv_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The arenas of the period as a spreadsheet: a header row, then one row per arena. Only the
/// arena list; the summary figures are in the Markdown and JSON reports.
pub fn report_csv(
    mut out: impl Write,
    figures: &Figures,
    config: &Config,
    style: CsvStyle,
) -> io::Result<()> {
    if style.bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(if style.semicolon { b';' } else { b',' })
        .from_writer(out);
    writer
        .write_record([
            messages::fig_number(),
            messages::label_title(),
            messages::label_stage(),
            messages::label_mission(),
            messages::label_coordinator(),
            messages::fig_signalled(),
            messages::fig_commissioned(),
            messages::fig_closed(),
            messages::label_target(),
            messages::fig_late_column(),
            messages::fig_puls(),
            messages::fig_met(),
            messages::fig_not_met(),
            messages::fig_no_result(),
            messages::fig_entries(),
            messages::label_registration(),
        ])
        .map_err(csv_error)?;
    let optional = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for a in &figures.arenas {
        writer
            .write_record([
                a.id.to_string(),
                text::spreadsheet_cell(&a.title),
                messages::stage_label(a.stage).to_owned(),
                text::spreadsheet_cell(config.mission_name(&a.mission)),
                text::spreadsheet_cell(a.coordinator.as_deref().unwrap_or("")),
                a.signalled.to_string(),
                optional(a.commissioned),
                optional(a.closed),
                optional(a.target),
                if a.late {
                    messages::fig_yes()
                } else {
                    messages::fig_no()
                }
                .to_owned(),
                messages::plan_marks(&a.plan),
                a.criteria_met.to_string(),
                a.criteria_not_met.to_string(),
                a.criteria_no_result.to_string(),
                a.entries.to_string(),
                text::spreadsheet_cell(&a.registration),
            ])
            .map_err(csv_error)?;
    }
    writer.flush()
}
