//! Arenas and the knowledge bank written out for people and other programs.

mod arena_md;
mod bank_md;
mod extract;
mod figures_text;
mod report;

pub use arena_md::arena_markdown;
pub use bank_md::bank_markdown;
pub use extract::{public_markdown, public_record, subject_markdown};
pub use figures_text::{bar, figures_text};
pub use report::{CsvStyle, report_csv, report_markdown};

use crate::config::Config;
use crate::domain::arena::Arena;
use crate::domain::text;
use crate::messages;

/// One arena as plain text: what `puls show` prints. Every field is made terminal-safe.
/// `registration` is its registration number (diarienummer), shown when not empty.
pub fn arena_text(arena: &Arena, config: &Config, registration: Option<&str>) -> String {
    let safe = |s: &str| text::one_line(s).into_owned();
    let mut out = format!("#{} {}\n", arena.id, safe(&arena.title));
    out.push_str(&format!(
        "{}\n",
        messages::in_stage_since(arena.stage, arena.stage_since)
    ));
    out.push_str(&format!(
        "{}: {}\n",
        messages::label_mission(),
        config.mission_name(&arena.mission)
    ));
    out.push_str(&format!(
        "{}: {}\n",
        messages::label_coordinator(),
        safe(
            arena
                .coordinator
                .as_deref()
                .unwrap_or(messages::no_coordinator())
        )
    ));
    if let Some(number) = registration.map(str::trim).filter(|n| !n.is_empty()) {
        out.push_str(&format!(
            "{}: {}\n",
            messages::label_registration(),
            safe(number)
        ));
    }
    if let Some(target) = arena.target_date {
        out.push_str(&format!("{}: {target}\n", messages::label_target()));
    }
    out.push_str(&format!(
        "{}\n",
        messages::signalled(&safe(&arena.signalled_by), arena.signalled_at)
    ));
    if let Some(reason) = &arena.decline_reason {
        out.push_str(&format!("{}\n", messages::declined_because(&safe(reason))));
    }
    for (heading, body) in [
        (messages::label_need(), &arena.need),
        (messages::label_mandate(), &arena.mandate),
    ] {
        if !body.trim().is_empty() {
            out.push_str(&format!("\n{heading}:\n{}\n", text::multi_line(body)));
        }
    }
    out
}
