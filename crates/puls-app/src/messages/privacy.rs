//! Citizen data: personal numbers, health terms, registration numbers, retention.

use super::plural;

texts! {
    label_registration => "Registration", "Diarienummer";
}

/// What a finding looks like, in a refusal or an audit row; never the number itself.
pub fn finding_kind(kind: puls_domain::privacy::FindingKind) -> &'static str {
    match kind {
        puls_domain::privacy::FindingKind::PersonalNumber => {
            tr!("personal identity number", "personnummer")
        }
        puls_domain::privacy::FindingKind::HealthTerm => tr!("health term", "hälsouppgift"),
    }
}

/// Why the command line refused text: every field and what it looks like, masked.
pub fn personal_data_refused(findings: &[puls_domain::privacy::Finding]) -> String {
    let lines: Vec<String> = findings
        .iter()
        .map(|f| {
            let (field, kind, found) = (&f.field, finding_kind(f.kind), &f.found);
            tr!(
                format!("{field}: looks like a {kind} ({found})"),
                format!("{field}: verkar innehålla {kind} ({found})")
            )
        })
        .collect();
    let lines = lines.join("\n");
    tr!(
        format!(
            "{lines}\nAn arena refers to its citizen by a case reference (like LF-2026-014). Remove it, or add --allow-personal-data to save it anyway (the decision is logged)."
        ),
        format!(
            "{lines}\nEn arena hänvisar till sin medborgare med en ärendereferens (som LF-2026-014). Ta bort uppgiften, eller lägg till --allow-personal-data för att ändå spara den (beslutet loggas)."
        )
    )
}

/// `puls register`: what the arena's registration number now is.
pub fn registration_set(arena: i64, number: &str) -> String {
    if number.is_empty() {
        tr!(
            format!("Arena #{arena} has no registration number now."),
            format!("Arena #{arena} har inget diarienummer nu.")
        )
    } else {
        tr!(
            format!("Arena #{arena} is registered as {number}."),
            format!("Arena #{arena} är diarieförd som {number}.")
        )
    }
}

/// A registration number longer than fits.
pub fn registration_too_long(chars: usize, max: usize) -> String {
    tr!(
        format!("the registration number has {chars} characters; at most {max} fit"),
        format!("diarienumret har {chars} tecken; högst {max} får plats")
    )
}

/// What retention anonymises, or has, in one arena: `the recipient`, `3 contact summaries`, ...
pub(super) fn anonymised_parts(a: &puls_store::Anonymised) -> Vec<String> {
    let mut what = Vec::new();
    if a.recipient {
        what.push(tr!("the recipient", "mottagaren").to_owned());
    }
    if a.contacts > 0 {
        what.push(tr!(
            plural(a.contacts, "contact summary", "contact summaries"),
            plural(a.contacts, "kontaktanteckning", "kontaktanteckningar")
        ));
    }
    if a.restricted {
        what.push(tr!("the restricted record", "de skyddade uppgifterna").to_owned());
    }
    if a.drawn_up > 0 {
        what.push(tr!(
            plural(a.drawn_up, "drawn-up version", "drawn-up versions"),
            plural(a.drawn_up, "upprättad version", "upprättade versioner")
        ));
    }
    what
}

/// One arena in `puls retention run`: what the rule anonymises, or would.
pub fn retention_line(change: &puls_store::RetentionChange) -> String {
    let mut what = anonymised_parts(&puls_store::Anonymised {
        recipient: change.recipient,
        contacts: change.contacts,
        restricted: change.restricted,
        drawn_up: change.drawn_up,
    });
    if change.history > 0 {
        what.push(tr!(
            format!(
                "the recipient in {}",
                plural(change.history, "history row", "history rows")
            ),
            format!(
                "mottagaren i {}",
                plural(change.history, "rad i historiken", "rader i historiken")
            )
        ));
    }
    if change.read_log > 0 {
        what.push(tr!(
            plural(change.read_log, "read-log row", "read-log rows"),
            plural(change.read_log, "rad i läsloggen", "rader i läsloggen")
        ));
    }
    let closed = change.closed_at.map(|at| super::local_day(at).to_string());
    let (arena, title) = (change.arena, puls_domain::text::one_line(&change.title));
    let what = what.join(tr!(" and ", " och "));
    let rule = &change.rule;
    match closed {
        Some(closed) => tr!(
            format!("#{arena} {title} (closed {closed}): {what} [{rule}]"),
            format!("#{arena} {title} (avslutad {closed}): {what} [{rule}]")
        ),
        None => format!("#{arena} {title}: {what} [{rule}]"),
    }
}

/// The last line of `puls retention run`.
pub fn retention_summary(arenas: usize, rule: &str, dry_run: bool) -> String {
    match (arenas, dry_run) {
        (0, _) => tr!(
            format!("Nothing to anonymise under rule {rule}."),
            format!("Inget att avidentifiera enligt regeln {rule}.")
        ),
        (n, true) => tr!(
            format!(
                "Dry run, nothing written. Would anonymise {} under rule {rule}.",
                plural(n, "arena", "arenas")
            ),
            format!(
                "Provkörning, inget skrivet. Skulle avidentifiera {} enligt regeln {rule}.",
                plural(n, "arena", "arenor")
            )
        ),
        (n, false) => tr!(
            format!(
                "Anonymised {} under rule {rule}, each noted in the history.",
                plural(n, "arena", "arenas")
            ),
            format!(
                "Avidentifierade {} enligt regeln {rule}, var och en noterad i historiken.",
                plural(n, "arena", "arenor")
            )
        ),
    }
}

/// Shown in a form when what was typed looks like personal data: the user decides.
pub fn personal_data_warning(findings: &[puls_domain::privacy::Finding]) -> String {
    let found = found_list(findings);
    tr!(
        format!(
            "Looks like personal data: {found}. Use a case reference instead, or Ctrl-S again to keep it (logged)."
        ),
        format!(
            "Ser ut som personuppgifter: {found}. Använd en ärendereferens i stället, eller Ctrl-S igen för att behålla (loggas)."
        )
    )
}

/// [`personal_data_warning`] in a one-line prompt, which Enter saves.
pub fn personal_data_prompt_warning(findings: &[puls_domain::privacy::Finding]) -> String {
    let found = found_list(findings);
    tr!(
        format!(
            "Looks like personal data: {found}. Change it, or Enter again to keep it (logged)."
        ),
        format!(
            "Ser ut som personuppgifter: {found}. Ändra, eller Enter igen för att behålla (loggas)."
        )
    )
}

fn found_list(findings: &[puls_domain::privacy::Finding]) -> String {
    let found: Vec<String> = findings
        .iter()
        .map(|f| format!("{}: {} ({})", f.field, finding_kind(f.kind), f.found))
        .collect();
    found.join("; ")
}
