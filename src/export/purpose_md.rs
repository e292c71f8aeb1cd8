//! The purpose meeting's agenda as Markdown: for each arena under the purpose its stage, its
//! results against its criteria, and the dilemmas, wishes and decisions ahead its reviews
//! recorded; then what earlier purpose meetings recorded against the purpose.

use std::fmt::Write;

use chrono::NaiveDate;

use super::arena_md::{cell, table};
use crate::domain::read::{ArenaCard, PlanCriterion};
use crate::domain::review::{ProblemStatement, Question, Review, ReviewKind};
use crate::messages;
use crate::store::{NoteKind, Purpose, PurposeNote};

/// What the agenda says about one arena.
pub struct AgendaArena {
    pub card: ArenaCard,
    pub criteria: Vec<PlanCriterion>,
    /// Newest first, as the store gives them.
    pub reviews: Vec<Review>,
    pub statements: Vec<ProblemStatement>,
}

pub struct Agenda {
    pub purpose: Purpose,
    pub arenas: Vec<AgendaArena>,
    pub notes: Vec<PurposeNote>,
    pub today: NaiveDate,
}

fn verdict(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => messages::verdict_met(),
        Some(false) => messages::verdict_not_met(),
        None => messages::verdict_unknown(),
    }
}

/// Each answer to `question` in the arena's reviews, newest first, as a list item.
fn said(out: &mut String, heading: &str, reviews: &[Review], question: Question) {
    let items: Vec<String> = reviews
        .iter()
        .filter(|r| !r.answer(question).trim().is_empty())
        .map(|r| {
            messages::agenda_said(
                r.held_on,
                &messages::review_kind(r.kind).to_lowercase(),
                &cell(r.answer(question)),
            )
        })
        .collect();
    if items.is_empty() {
        let _ = writeln!(out, "**{heading}:** {}\n", messages::agenda_none());
        return;
    }
    let _ = writeln!(out, "**{heading}:**\n");
    for item in items {
        let _ = writeln!(out, "- {item}");
    }
    out.push('\n');
}

fn arena_section(out: &mut String, arena: &AgendaArena, config: &crate::config::Config) {
    let card = &arena.card;
    let _ = writeln!(
        out,
        "### {}\n",
        messages::agenda_arena(
            card.id,
            &cell(&card.title),
            messages::stage_label(card.stage),
            &cell(
                card.coordinator
                    .as_deref()
                    .unwrap_or(messages::no_coordinator())
            ),
        )
    );
    let _ = writeln!(out, "{}\n", config.mission_name(&card.mission));
    if let Some(statement) = arena.statements.last() {
        let _ = writeln!(
            out,
            "**{}** ({}): {}\n",
            messages::agenda_statement(),
            messages::statement_version(statement.number, statement.on),
            cell(&statement.text)
        );
    }
    if let Some(light) = arena
        .reviews
        .iter()
        .find(|r| r.kind == ReviewKind::Sponsor && r.light.is_some())
    {
        let _ = writeln!(
            out,
            "**{}:** {} ({})\n",
            messages::agenda_light(),
            messages::light(light.light),
            light.held_on
        );
    }
    let _ = writeln!(out, "**{}:**\n", messages::agenda_results());
    if arena.criteria.is_empty() {
        let _ = writeln!(out, "{}\n", messages::agenda_no_criteria());
    } else {
        table(
            out,
            &[
                messages::md_criterion(),
                messages::md_target(),
                messages::md_result(),
                messages::md_status(),
            ],
            arena.criteria.iter().map(|c| {
                vec![
                    cell(&c.text),
                    cell(&c.target),
                    cell(if c.result.trim().is_empty() {
                        &c.no_result_reason
                    } else {
                        &c.result
                    }),
                    verdict(c.met).to_owned(),
                ]
            }),
        );
    }
    said(
        out,
        messages::agenda_dilemmas(),
        &arena.reviews,
        Question::Challenged,
    );
    said(
        out,
        messages::agenda_wishes(),
        &arena.reviews,
        Question::Feedback,
    );
    said(
        out,
        messages::agenda_decisions_ahead(),
        &arena.reviews,
        Question::Scope,
    );
}

/// The whole agenda, ready to send with the meeting's invitation.
pub fn purpose_agenda_markdown(agenda: &Agenda, config: &crate::config::Config) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        messages::purpose_agenda_title(&cell(&agenda.purpose.name))
    );
    if !agenda.purpose.description.trim().is_empty() {
        let _ = writeln!(out, "{}\n", cell(&agenda.purpose.description));
    }
    let _ = writeln!(out, "_{} {}_\n", messages::md_written(), agenda.today);
    let _ = writeln!(
        out,
        "## {} ({})\n",
        messages::agenda_arenas(),
        agenda.arenas.len()
    );
    if agenda.arenas.is_empty() {
        let _ = writeln!(out, "{}\n", messages::agenda_no_arenas());
    }
    for arena in &agenda.arenas {
        arena_section(&mut out, arena, config);
    }
    let _ = writeln!(out, "## {}\n", messages::agenda_recorded());
    if agenda.notes.is_empty() {
        let _ = writeln!(out, "{}\n", messages::agenda_nothing_recorded());
    }
    for kind in [NoteKind::Dilemma, NoteKind::Decision, NoteKind::Note] {
        let notes: Vec<&PurposeNote> = agenda.notes.iter().filter(|n| n.kind == kind).collect();
        if notes.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {}\n", messages::note_kind(kind));
        for note in notes {
            let _ = writeln!(
                out,
                "- {} ({}): {}",
                note.on,
                cell(&note.by),
                cell(&note.text)
            );
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
