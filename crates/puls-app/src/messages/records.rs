//! Public records and access: drawn-up arenas, the restricted record, roles, extracts and the
//! retention rules.

use chrono::{DateTime, Utc};

texts! {
    restricted_record_description => "open the recipient's restricted record",
        "öppna mottagarens skyddade uppgifter";
    note_label => "Note", "Anteckning";
    no_accounts => "No accounts have roles yet. The first to run `puls users grant` becomes administrator.",
        "Inga konton har roller än. Den första som kör `puls users grant` blir administratör.";
    extract_recipient => "Recipient", "Mottagare";
    extract_contacts => "Contacts", "Kontakter";
    extract_criteria => "Evaluation", "Utvärdering";
    extract_activities => "Activities", "Aktiviteter";
    extract_entries => "Knowledge entries", "Poster i kunskapsbanken";
    extract_restricted => "Restricted record", "Skyddade uppgifter";
    extract_history => "History", "Historik";
    extract_read_log => "Read log", "Läslogg";
    extract_none => "None.", "Inga.";
    extract_nothing_held => "No arena holds this case reference: not as its recipient, in its text, in a drawn-up version or in its history.",
        "Ingen arena har den här ärendereferensen: inte som mottagare, i sin text, i en upprättad version eller i sin historik.";
    extract_drawn_up => "Drawn-up versions", "Upprättade versioner";
    extract_purpose_notes => "Notes of purpose meetings", "Anteckningar från syftesmöten";
    /// What masked text reads in a public-records extract.
    extract_mask => "[masked]", "[maskerat]";
    public_extract_review =>
        "The recipient and what looks like personal data are masked; review the rest before release under the public-records law.",
        "Mottagaren och det som ser ut som personuppgifter är maskerat; granska resten innan det lämnas ut enligt offentlighetsprincipen.";
}

fn date(at: DateTime<Utc>) -> chrono::NaiveDate {
    super::local_day(at)
}

/// Why a drawn-up arena refuses an edit: when, by whom, and the way to a new version.
pub fn drawn_up_refused(arena: i64, at: DateTime<Utc>, by: &str) -> String {
    let on = date(at);
    tr!(
        format!(
            "Arena #{arena} was drawn up {on} by {by}: its program, evaluation and knowledge entries are locked. Move it back (<) to reopen it as a new version."
        ),
        format!(
            "Arena #{arena} upprättades {on} av {by}: dess program, utvärdering och kunskapsposter är låsta. Flytta tillbaka den (<) för att öppna den igen som en ny version."
        )
    )
}

/// The plan pane's line for a closed arena.
pub fn drawn_up_line(at: DateTime<Utc>, by: &str) -> String {
    let on = date(at);
    tr!(
        format!("drawn up {on} by {by} · locked"),
        format!("upprättad {on} av {by} · låst")
    )
}

/// Why a restricted record stays shut.
pub fn restricted_refused(arena: i64) -> String {
    tr!(
        format!(
            "Arena #{arena} has a restricted record; only its coordinator and communication lead may open it (their OS accounts linked with `puls users link`)."
        ),
        format!(
            "Arena #{arena} har skyddade uppgifter; bara dess koordinator och kommunikationsansvarig får öppna dem (deras konton kopplade med `puls users link`)."
        )
    )
}

pub fn not_administrator(who: &str) -> String {
    tr!(
        format!("Refused: {who} is not an administrator. Ask one to run `puls users grant`."),
        format!("Nekat: {who} är inte administratör. Be en administratör köra `puls users grant`.")
    )
}

/// A change of coordinator or communication lead by someone who is neither the arena's
/// coordinator nor an administrator.
pub fn not_appointer(arena: i64, who: &str) -> String {
    tr!(
        format!(
            "Refused: only the coordinator of arena #{arena} or an administrator may change who coordinates it or is its communication lead, and {who} is neither. Nothing was saved."
        ),
        format!(
            "Nekat: bara koordinatorn för arena #{arena} eller en administratör får ändra vem som koordinerar den eller är kommunikationsansvarig, och {who} är ingen av dem. Inget sparades."
        )
    )
}

pub fn last_administrator(who: &str) -> String {
    tr!(
        format!("Refused: {who} is the last administrator; grant the role to someone else first."),
        format!("Nekat: {who} är den sista administratören; ge rollen till någon annan först.")
    )
}

/// A configured retention rule set that cannot be applied.
pub fn retention_rule_problem(problem: &puls_domain::retention::RuleProblem) -> String {
    use puls_domain::retention::RuleProblem;
    match problem {
        RuleProblem::NoName(n) => tr!(
            format!("retention rule {n}: a name is needed"),
            format!("gallringsregel {n}: ett namn behövs")
        ),
        RuleProblem::DaysOutOfRange(name) => tr!(
            format!("retention rule {name}: days must be from 1 to 36525 (100 years)"),
            format!("gallringsregel {name}: days måste vara från 1 till 36525 (100 år)")
        ),
        RuleProblem::NamedTwice(name) => tr!(
            format!("retention rule {name} is named twice"),
            format!("gallringsregeln {name} finns två gånger")
        ),
    }
}

pub fn restricted_form_title(arena: i64) -> String {
    tr!(
        format!("#{arena} restricted record (opening is logged)"),
        format!("#{arena} skyddade uppgifter (öppnandet loggas)")
    )
}

/// After the restricted record was saved, or erased with every field empty.
pub fn restricted_saved(arena: i64) -> String {
    tr!(
        format!("The restricted record of #{arena} is saved."),
        format!("De skyddade uppgifterna för #{arena} är sparade.")
    )
}

/// The plan pane's line that says a restricted record exists, never what it holds.
pub fn restricted_exists(key: &str) -> String {
    tr!(
        format!("restricted record kept · {key} to open (coordinator and lead)"),
        format!("skyddade uppgifter finns · {key} öppnar (koordinator och kommunikationsansvarig)")
    )
}

pub fn unknown_role(code: &str) -> String {
    tr!(
        format!(
            "\"{code}\" is not a role; the roles are coordinator, member, external and administrator"
        ),
        format!(
            "\"{code}\" är ingen roll; rollerna är coordinator, member, external och administrator"
        )
    )
}

/// One line of `puls users list`: `karin  coordinator, administrator  (Karin Svensson)`.
pub fn account_line(account: &puls_store::AccountRow) -> String {
    let roles: Vec<&str> = account.roles.iter().map(|r| r.code()).collect();
    let roles = if roles.is_empty() {
        tr!("no role", "ingen roll").to_owned()
    } else {
        roles.join(", ")
    };
    match &account.person {
        Some(person) => format!("{}  {roles}  ({person})", account.name),
        None => format!("{}  {roles}", account.name),
    }
}

pub fn first_administrator(who: &str) -> String {
    tr!(
        format!("{who} is the first administrator of this database (noted in the history)."),
        format!(
            "{who} är den första administratören för den här databasen (noterat i historiken)."
        )
    )
}

pub fn role_granted(account: &str, role: puls_domain::access::Role) -> String {
    let role = role.code();
    tr!(
        format!("{account} is {role} now."),
        format!("{account} har nu rollen {role}.")
    )
}

pub fn role_revoked(account: &str, role: puls_domain::access::Role, removed: bool) -> String {
    let role = role.code();
    match removed {
        true => tr!(
            format!("{account} is no longer {role}."),
            format!("{account} har inte längre rollen {role}.")
        ),
        false => tr!(
            format!("{account} was not {role}; nothing changed."),
            format!("{account} hade inte rollen {role}; inget ändrades.")
        ),
    }
}

pub fn account_linked(account: &str, person: &str) -> String {
    match person.is_empty() {
        true => tr!(
            format!("{account} is linked to nobody on the roster now."),
            format!("{account} är nu inte kopplat till någon i kompetenskartan.")
        ),
        false => tr!(
            format!("{account} is {person} on the roster."),
            format!("{account} är {person} i kompetenskartan.")
        ),
    }
}

pub fn subject_extract_title(case_ref: &str) -> String {
    tr!(
        format!("Everything held about {case_ref} (GDPR art. 15)"),
        format!("Allt som finns om {case_ref} (GDPR art. 15)")
    )
}

pub fn extract_written(at: &str, by: &str) -> String {
    tr!(
        format!("Written {at} by {by}. Times are UTC."),
        format!("Skrivet {at} av {by}. Tiderna är UTC.")
    )
}

pub fn public_extract_title(arena: i64, title: &str) -> String {
    tr!(
        format!("Arena #{arena} {title}: drawn-up records for review"),
        format!("Arena #{arena} {title}: upprättade handlingar för granskning")
    )
}

pub fn public_extract_version(version: i64, at: &str, by: &str) -> String {
    tr!(
        format!("Version {version}, drawn up {at} by {by}."),
        format!("Version {version}, upprättad {at} av {by}.")
    )
}

/// What a subject extract says of an arena the retention decision has anonymised in part.
pub fn extract_anonymised(a: &puls_store::Anonymised) -> String {
    let what = super::privacy::anonymised_parts(a);
    let what = what.join(", ");
    tr!(
        format!(
            "Anonymised under the retention decision: {what}. Such a field reads [anonymised DATE under rule NAME]; what it held is no longer kept."
        ),
        format!(
            "Avidentifierat enligt gallringsbeslutet: {what}. Ett sådant fält lyder [anonymised DATUM under rule NAMN]; det som stod där finns inte längre kvar."
        )
    )
}

/// `puls extract public` on an arena that was never closed.
pub fn not_drawn_up(arena: i64) -> String {
    tr!(
        format!("arena #{arena} has never been closed, so it has no drawn-up records to release"),
        format!(
            "arena #{arena} har aldrig avslutats, så den har inga upprättade handlingar att lämna ut"
        )
    )
}
