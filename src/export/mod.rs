//! Arenas and the knowledge bank written out for people and other programs.

mod agenda;
mod arena_md;
mod bank_md;
mod extract;
mod figures_text;
mod purpose_md;
mod report;

pub use agenda::{agenda_markdown, agenda_text};
pub use arena_md::arena_markdown;
pub use bank_md::bank_markdown;
pub use extract::{public_markdown, public_record, subject_markdown};
pub use figures_text::{bar, figures_text};
pub use purpose_md::{Agenda, AgendaArena, purpose_agenda_markdown};
pub use report::{CsvStyle, report_csv, report_markdown};

use crate::config::Config;
use crate::domain::arena::Arena;
use crate::domain::text;
use crate::messages;

/// `value` as pretty JSON and a final line break, safe on a terminal and whole: a character the
/// terminal would obey is written as its `\uXXXX` escape, which any JSON reader turns back into
/// the same text. (serde_json escapes only the controls below U+0020; the C1 controls, DEL and
/// the bidirectional overrides would pass raw.)
pub fn json(value: &impl serde::Serialize) -> serde_json::Result<String> {
    let raw = serde_json::to_string_pretty(value)?;
    let mut json = String::with_capacity(raw.len() + 1);
    // serde_json has escaped every control below U+0020 inside a string, so a line break here is
    // the layout's. Every other such character is inside a string (outside, JSON is ASCII
    // punctuation and spaces), where its escape means the character itself.
    for c in raw.chars() {
        if c != '\n' && text::is_unsafe(c) {
            json.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            json.push(c);
        }
    }
    json.push('\n');
    Ok(json)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_what_a_terminal_obeys_and_reads_back_the_same() {
        let hostile = "a\x1b[2J\u{7f}\u{9b}31m\u{202e}\u{2066}b\\\u{9b}\nÅsa";
        let json = json(&vec![hostile]).unwrap();
        assert!(
            !json.chars().any(|c| text::is_unsafe(c) && c != '\n'),
            "{json}"
        );
        assert!(json.contains(r"\u009b31m\u202e\u2066b\\\u009b"), "{json}");
        assert_eq!(
            serde_json::from_str::<Vec<String>>(&json).unwrap(),
            [hostile]
        );
    }
}
