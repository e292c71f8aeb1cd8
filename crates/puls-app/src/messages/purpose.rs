//! Purposes and the purpose meeting's agenda.

use chrono::NaiveDate;

use puls_domain::purpose::NoteKind;

texts! {
    agenda_arenas => "Arenas under the purpose", "Arenor under syftet";
    agenda_no_arenas => "No arena serves this purpose yet: `puls purpose link` adds one.",
        "Ingen arena tjänar syftet än: `puls purpose link` lägger till en.";
    agenda_results => "Results against the criteria", "Resultat mot kriterierna";
    agenda_no_criteria => "No criteria set yet.", "Inga kriterier satta än.";
    agenda_statement => "Problem statement", "Problemformulering";
    agenda_light => "Sponsor's light", "Sponsorns signal";
    agenda_dilemmas => "Dilemmas raised in reviews", "Dilemman från genomgångarna";
    agenda_wishes => "Wishes of citizens and stakeholders", "Önskemål från medborgare och intressenter";
    agenda_decisions_ahead => "Decisions ahead", "Beslut som väntar";
    agenda_recorded => "Recorded against the purpose", "Antecknat mot syftet";
    agenda_nothing_recorded => "Nothing recorded yet.", "Inget antecknat än.";
    agenda_none => "none", "inga";
    no_purposes => "No purposes yet: `puls purpose add NAME` adds one.",
        "Inga syften än: `puls purpose add NAMN` lägger till ett.";
    agenda_purpose_id => "a purpose's number is needed: puls agenda purpose 1",
        "syftets nummer behövs: puls agenda purpose 1";
}

pub fn purpose_agenda_title(name: &str) -> String {
    tr!(
        format!("Purpose meeting: {name}"),
        format!("Syftesmöte: {name}")
    )
}

pub fn note_kind(kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::Note => tr!("Notes", "Anteckningar"),
        NoteKind::Dilemma => tr!("Dilemmas", "Dilemman"),
        NoteKind::Decision => tr!("Decisions", "Beslut"),
    }
}

/// `#3 A family stuck… · Active · Sofia Rahimi`.
pub fn agenda_arena(id: i64, title: &str, stage: &str, coordinator: &str) -> String {
    format!("#{id} {title} · {stage} · {coordinator}")
}

/// `2026-11-05 (citizen review): text`.
pub fn agenda_said(on: NaiveDate, kind: &str, text: &str) -> String {
    format!("{on} ({kind}): {text}")
}

pub fn purpose_added(id: i64) -> String {
    tr!(
        format!("Purpose {id} added."),
        format!("Syfte {id} tillagt.")
    )
}

pub fn purpose_linked(arena: i64, purpose: Option<i64>) -> String {
    match purpose {
        Some(p) => tr!(
            format!("Arena #{arena} now serves purpose {p}."),
            format!("Arena #{arena} tjänar nu syfte {p}.")
        ),
        None => tr!(
            format!("Arena #{arena} serves no purpose now."),
            format!("Arena #{arena} tjänar inget syfte nu.")
        ),
    }
}

pub fn purpose_note_added(purpose: i64, kind: NoteKind) -> String {
    let kind = note_kind(kind);
    tr!(
        format!("{kind}: recorded against purpose {purpose}."),
        format!("{kind}: antecknat mot syfte {purpose}.")
    )
}

/// `1  Every young person in work or school  (3 arenas)`.
pub fn purpose_line(id: i64, name: &str, arenas: usize) -> String {
    tr!(
        format!("{id:>3}  {name}  ({arenas} arenas)"),
        format!("{id:>3}  {name}  ({arenas} arenor)")
    )
}
