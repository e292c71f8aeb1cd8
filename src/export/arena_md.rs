//! An arena's PULS program as a Markdown document, for the strategic coordination group.

use std::fmt::Write;

use chrono::NaiveDate;

use crate::config::Config;
use crate::domain::arena::Arena;
use crate::domain::puls::Step;
use crate::domain::text;
use crate::messages;
use crate::store::{Plan, TeamMember};

/// A table cell: one line, with the characters Markdown tables use escaped.
pub(super) fn cell(raw: &str) -> String {
    let clean = text::one_line(raw.trim());
    if clean.is_empty() {
        "–".to_owned()
    } else {
        clean.replace('|', "\\|")
    }
}

pub(super) fn table(
    out: &mut String,
    headings: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) {
    let _ = writeln!(out, "| {} |", headings.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(headings.len()));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out.push('\n');
}

fn step_heading(out: &mut String, plan: &Plan, step: Step) {
    let summary = plan.summary();
    let mark = messages::plan_mark(&summary.mark(step));
    let _ = writeln!(
        out,
        "## {} — {} {mark}\n",
        step.letter(),
        messages::step_name(step)
    );
    let gaps: Vec<String> = summary
        .gaps(step)
        .into_iter()
        .map(messages::plan_gap)
        .collect();
    if !gaps.is_empty() {
        let _ = writeln!(
            out,
            "*{}: {}.*\n",
            messages::md_incomplete(),
            gaps.join("; ")
        );
    }
}

/// The whole document; `registration` is the arena's registration number, shown when not empty.
pub fn arena_markdown(
    arena: &Arena,
    plan: &Plan,
    team: &[TeamMember],
    config: &Config,
    today: NaiveDate,
    registration: Option<&str>,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# #{} {}\n", arena.id, cell(&arena.title));
    // The document goes to the body that decided: it opens with that decision.
    if let Some(decided) = &arena.decided {
        let body = cell(config.body_name(&decided.body));
        let declined = arena.stage == crate::domain::arena::Stage::Declined;
        let number = registration
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(cell)
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}",
            messages::md_decision(declined, &body, decided.on, &number)
        );
        // A table cell shows nothing as a dash; a phrase left out is not written at all.
        let phrase = |s: &str| match s.trim() {
            "" => String::new(),
            s => cell(s),
        };
        let authorities = messages::authorities(
            &phrase(&decided.budget),
            &phrase(&decided.may_ask),
            decided.until,
        );
        if !authorities.is_empty() {
            let _ = writeln!(out, "{}.", authorities.join("; "));
        }
        out.push('\n');
    }
    let mut facts = vec![
        (
            messages::label_stage(),
            format!(
                "{} ({} {})",
                messages::stage_label(arena.stage),
                messages::md_since(),
                arena.stage_since.date_naive()
            ),
        ),
        (
            messages::label_mission(),
            config.mission_name(&arena.mission).to_owned(),
        ),
        (
            messages::label_coordinator(),
            arena
                .coordinator
                .clone()
                .unwrap_or_else(|| messages::no_coordinator().to_owned()),
        ),
        (
            messages::label_signalled_by(),
            format!(
                "{}, {}",
                arena.signalled_by,
                arena.signalled_at.date_naive()
            ),
        ),
    ];
    if let Some(number) = registration.map(str::trim).filter(|n| !n.is_empty()) {
        facts.push((messages::label_registration(), number.to_owned()));
    }
    if let Some(by) = &arena.commissioned_by {
        facts.push((messages::md_commissioned_by(), by.clone()));
    }
    if let Some(target) = arena.target_date {
        let late = if arena.is_late(today) {
            format!(" ({})", messages::late())
        } else {
            String::new()
        };
        facts.push((messages::label_target(), format!("{target}{late}")));
    }
    facts.push((messages::md_plan(), messages::plan_marks(&plan.summary())));
    table(
        &mut out,
        &["", ""],
        facts.into_iter().map(|(k, v)| vec![k.to_owned(), cell(&v)]),
    );
    for (heading, body) in [
        (messages::label_need(), &arena.need),
        (messages::label_mandate(), &arena.mandate),
    ] {
        if !body.trim().is_empty() {
            let _ = writeln!(out, "## {heading}\n\n{}\n", text::multi_line(body.trim()));
        }
    }
    let _ = writeln!(out, "## {} ({})\n", messages::label_team(), team.len());
    table(
        &mut out,
        &[
            messages::label_name(),
            messages::md_competence(),
            messages::md_share(),
        ],
        team.iter().map(|m| {
            vec![
                cell(&m.name),
                cell(m.competence.as_deref().unwrap_or("")),
                format!("{}%", m.percent),
            ]
        }),
    );

    step_heading(&mut out, plan, Step::Proactivity);
    let p = &plan.proactivity;
    let next = plan.next_contact();
    let mut facts = vec![
        (messages::md_recipient(), cell(&p.recipient)),
        (messages::md_lead(), cell(p.lead.as_deref().unwrap_or(""))),
        (messages::md_rhythm(), messages::rhythm(p.rhythm_days)),
    ];
    if let Some(next) = next {
        let late = if next < today {
            format!(" ({})", messages::late())
        } else {
            String::new()
        };
        facts.push((messages::md_next_contact(), format!("{next}{late}")));
    }
    table(
        &mut out,
        &["", ""],
        facts.into_iter().map(|(k, v)| vec![k.to_owned(), v]),
    );
    table(
        &mut out,
        &[
            messages::md_date(),
            messages::md_channel(),
            messages::md_summary(),
            messages::md_by(),
        ],
        plan.contacts.iter().map(|c| {
            vec![
                c.on.to_string(),
                cell(&c.channel),
                cell(&c.summary),
                cell(&c.by),
            ]
        }),
    );

    step_heading(&mut out, plan, Step::Development);
    table(
        &mut out,
        &[
            messages::md_competence(),
            messages::md_reason(),
            messages::md_status(),
            messages::md_filled_by(),
        ],
        plan.needs.iter().map(|n| {
            vec![
                cell(&n.competence),
                cell(&n.reason),
                messages::need_status(n.status).to_owned(),
                cell(n.person.as_deref().unwrap_or("")),
            ]
        }),
    );

    step_heading(&mut out, plan, Step::Learning);
    table(
        &mut out,
        &[
            messages::md_criterion(),
            messages::md_measured_by(),
            messages::md_target(),
            messages::md_result(),
        ],
        plan.criteria.iter().map(|c| {
            let result = if c.result.trim().is_empty() && !c.no_result_reason.trim().is_empty() {
                format!("({})", c.no_result_reason)
            } else {
                c.result.clone()
            };
            let text = if c.changed_after_start {
                format!("{} ({})", c.text.trim(), messages::changed_after_start())
            } else {
                c.text.clone()
            };
            vec![
                cell(&text),
                cell(&c.measure),
                cell(&c.target),
                cell(&result),
            ]
        }),
    );

    step_heading(&mut out, plan, Step::Service);
    table(
        &mut out,
        &[
            "#",
            messages::md_activity(),
            messages::md_owner(),
            messages::md_due(),
            messages::md_status(),
        ],
        plan.activities.iter().enumerate().map(|(i, a)| {
            let mut status = messages::activity_status(a.status).to_owned();
            if !a.blocked_reason.is_empty() {
                status = format!("{status}: {}", a.blocked_reason);
            }
            vec![
                (i + 1).to_string(),
                cell(&a.text),
                cell(&a.owner),
                a.due
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "–".to_owned()),
                cell(&status),
            ]
        }),
    );
    let _ = writeln!(out, "*{} {today}.*", messages::md_written());
    out
}
