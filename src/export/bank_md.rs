//! The knowledge bank as a Markdown document: every entry under its title, newest last.

use std::fmt::Write;

use chrono::NaiveDate;

use crate::domain::text;
use crate::messages;
use crate::store::BankRecord;

/// The whole bank as Markdown. Titles and labels are one line; a body keeps its lines (it is
/// Markdown-ish already), with controls removed.
pub fn bank_markdown(bank: &BankRecord, today: NaiveDate) -> String {
    let line = |s: &str| text::one_line(s.trim()).into_owned();
    let mut out = format!(
        "# {}\n\n{}\n",
        messages::bank_md_title(),
        messages::bank_md_intro(bank.entries.len(), today)
    );
    for record in &bank.entries {
        let e = &record.entry;
        let _ = writeln!(out, "\n## {}\n", line(&e.title));
        let _ = writeln!(
            out,
            "- **{}:** {}",
            messages::bank_label_kind(),
            messages::bank_kind_label(e.kind)
        );
        let lists = [
            (messages::bank_label_tags(), &e.tags),
            (messages::bank_label_competences(), &e.competences),
        ];
        for (label, items) in lists {
            if !items.is_empty() {
                let items: Vec<String> = items.iter().map(|i| line(i)).collect();
                let _ = writeln!(out, "- **{label}:** {}", items.join(", "));
            }
        }
        let arena =
            messages::bank_arena(e.arena, record.arena_title.as_deref().map(line).as_deref());
        if !arena.is_empty() {
            let _ = writeln!(out, "- **{}:** {arena}", messages::bank_label_arena());
        }
        if let Some(created) = record.created_at {
            let _ = writeln!(
                out,
                "- **{}:** {}",
                messages::bank_label_written(),
                messages::bank_written(&line(&record.author), created.date_naive())
            );
        }
        let body = text::multi_line(e.body.trim());
        if !body.is_empty() {
            let _ = writeln!(out, "\n{body}");
        }
    }
    out
}
