//! A body's agenda: the signals waiting for its meeting, as lines on a terminal or as the
//! Markdown document the meeting reads.

use std::fmt::Write as _;

use super::arena_md::cell;
use crate::config::Config;
use crate::domain::decision::Body;
use crate::domain::read::AgendaItem;
use crate::domain::text;
use crate::messages;

/// One line a signal: number, meeting, mission, title; then who raised it.
pub fn agenda_text(body: &Body, items: &[AgendaItem], config: &Config) -> String {
    let mut out = format!("{}\n", messages::agenda_title(&body.code, &body.name));
    if items.is_empty() {
        let _ = writeln!(out, "{}", messages::agenda_empty(&body.code));
    }
    for item in items {
        let _ = writeln!(
            out,
            "#{:<5} {}  {:<24}  {}",
            item.id,
            item.meeting,
            config.mission_name(&item.mission),
            text::one_line(&item.title)
        );
        let _ = writeln!(
            out,
            "       {}",
            messages::agenda_raised(
                &text::one_line(&item.signalled_by),
                item.signalled_at.date_naive(),
                &text::one_line(&item.manager)
            )
        );
    }
    out
}

/// The meeting's document: a heading per meeting day, a section per signal with its need.
pub fn agenda_markdown(body: &Body, items: &[AgendaItem], config: &Config) -> String {
    let mut out = format!(
        "# {}\n\n",
        cell(&messages::agenda_title(&body.code, &body.name))
    );
    if items.is_empty() {
        let _ = writeln!(out, "{}", messages::agenda_empty(&body.code));
    }
    let mut meeting = None;
    for item in items {
        if meeting != Some(item.meeting) {
            meeting = Some(item.meeting);
            let _ = writeln!(out, "## {}\n", messages::agenda_meeting(item.meeting));
        }
        let _ = writeln!(out, "### #{} {}\n", item.id, cell(&item.title));
        let _ = writeln!(
            out,
            "{} · {}\n",
            cell(config.mission_name(&item.mission)),
            messages::agenda_raised(
                &cell(&item.signalled_by),
                item.signalled_at.date_naive(),
                &text::one_line(item.manager.trim())
            )
        );
        if !item.need.trim().is_empty() {
            let _ = writeln!(out, "{}\n", text::multi_line(item.need.trim()));
        }
    }
    out
}
