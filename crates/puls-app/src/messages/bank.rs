//! The knowledge bank, on screen and as a file.

use chrono::{DateTime, NaiveDate, Utc};

use super::{local_time, plural};

texts! {
    bank_title => "Knowledge bank", "Kunskapsbank";
    bank_related => "Related", "Relaterat";
    bank_search => "Search", "Sök";
    bank_searching => "searching…", "söker…";
    bank_empty_related => "Nothing in the bank seems related yet. / searches all.",
        "Inget i banken verkar relaterat än. / söker i allt.";
    bank_empty_search => "No entry matches. Esc clears the search; n writes one.",
        "Ingen post matchar. Esc rensar sökningen; n skriver en.";
    entry_body_hint => "What happened, what worked, what you would do again",
        "Vad hände, vad fungerade, vad skulle ni göra igen";
    arena_ref_invalid => "An arena number, like 12 or #12, or nothing.",
        "Ett arenanummer, som 12 eller #12, eller inget.";
    entry_offer =>
        "The arena returns its knowledge: here is a first entry to finish (Esc twice skips).",
        "Arenan återför sin kunskap: här är en första post att göra klar (Esc två gånger hoppar över).";
    may_have_met => "We may have met this before", "Vi kan ha mött det här förut";
    bank_md_title => "Knowledge bank", "Kunskapsbank";
    bank_label_kind => "Kind", "Slag";
    bank_label_tags => "Tags", "Taggar";
    bank_label_competences => "Competences", "Kompetenser";
    bank_label_arena => "From arena", "Från arena";
    bank_label_written => "Written by", "Skriven av";
}

pub fn entry_kind(kind: puls_domain::knowledge::EntryKind) -> &'static str {
    use puls_domain::knowledge::EntryKind;
    match kind {
        EntryKind::Lesson => tr!("lesson", "lärdom"),
        EntryKind::Method => tr!("method", "metod"),
        EntryKind::CaseSummary => tr!("case summary", "ärendesammanfattning"),
        EntryKind::Contact => tr!("contact", "kontakt"),
        EntryKind::Course => tr!("course offered", "kurs som erbjuds"),
    }
}

/// An entry's kind as people read it.
pub fn bank_kind_label(kind: puls_domain::knowledge::EntryKind) -> &'static str {
    use puls_domain::knowledge::EntryKind;
    match kind {
        EntryKind::Lesson => tr!("Lesson", "Lärdom"),
        EntryKind::Method => tr!("Method", "Metod"),
        EntryKind::CaseSummary => tr!("Case summary", "Ärendesammanfattning"),
        EntryKind::Contact => tr!("Contact", "Kontakt"),
        EntryKind::Course => tr!("Course", "Kurs"),
    }
}

pub fn entry_saved(title: &str) -> String {
    tr!(
        format!("Entry \"{title}\" saved in the knowledge bank."),
        format!("Posten \"{title}\" är sparad i kunskapsbanken.")
    )
}

pub fn entry_draft_title(arena_title: &str) -> String {
    tr!(
        format!("What we learned: {arena_title}"),
        format!("Vad vi lärde oss: {arena_title}")
    )
}

/// The first entry of an arena moving to Returning: its mandate, its results, and the four
/// questions of collegial reflection for the team to answer.
pub fn entry_draft_body(mandate: &str, results: &[String]) -> String {
    let results = results.join("\n");
    tr!(
        format!(
            "Mandate: {mandate}\n\nResults:\n{results}\n\nWhat went well?\n\nWhat could be better?\n\nWhat do we need?\n\nHow can we use each other more?\n"
        ),
        format!(
            "Mandat: {mandate}\n\nResultat:\n{results}\n\nVad gick bra?\n\nVad kan bli bättre?\n\nVad behöver vi?\n\nHur kan vi använda varandra mer?\n"
        )
    )
}

/// How far an entry reaches in a region: none said for an entry kept at home.
pub fn entry_sharing(shared: bool, elsewhere: bool) -> Option<&'static str> {
    match (shared, elsewhere) {
        (_, true) => Some(entry_from_elsewhere()),
        (true, false) => Some(tr!("shared with the region", "delad med regionen")),
        (false, false) => None,
    }
}

/// The mark of another municipality's entry, shared with the region.
pub fn entry_from_elsewhere() -> &'static str {
    tr!("from another municipality", "från en annan kommun")
}

pub fn entry_byline(author: &str, updated: DateTime<Utc>) -> String {
    let at = local_time(updated);
    tr!(format!("by {author}, {at}"), format!("av {author}, {at}"))
}

pub fn related_count(count: usize) -> String {
    tr!(
        format!(
            "{}: {count} related entries in the bank (4).",
            may_have_met()
        ),
        format!(
            "{}: {count} relaterade poster i banken (4).",
            may_have_met()
        )
    )
}

pub fn bank_md_intro(entries: usize, today: NaiveDate) -> String {
    tr!(
        format!(
            "{}, written by puls on {today}.",
            plural(entries, "entry", "entries")
        ),
        format!(
            "{}. Utskrift från puls {today}.",
            plural(entries, "post", "poster")
        )
    )
}

/// An arena an entry came from, by number and title; the title alone when the number is not
/// in this database.
pub fn bank_arena(id: Option<i64>, title: Option<&str>) -> String {
    match (id, title) {
        (Some(id), Some(title)) => format!("#{id} {title}"),
        (Some(id), None) => format!("#{id}"),
        (None, Some(title)) => title.to_owned(),
        (None, None) => String::new(),
    }
}

pub fn bank_written(author: &str, on: NaiveDate) -> String {
    if author.is_empty() {
        on.to_string()
    } else {
        format!("{author}, {on}")
    }
}

/// One problem in a bank file; the caller puts `FILE:` before it.
pub fn bank_problem(problem: &puls_store::BankProblem) -> String {
    use puls_store::BankProblemKind;
    let what = match &problem.kind {
        BankProblemKind::NotJson(detail) => {
            tr!(format!("not JSON: {detail}"), format!("inte JSON: {detail}"))
        }
        BankProblemKind::NotABank => tr!(
            "not a knowledge bank written by `puls bank export --format json` (no \"format\" and \"entries\")",
            "ingen kunskapsbank skriven av `puls bank export --format json` (inget \"format\" och inga \"entries\")"
        )
        .to_owned(),
        BankProblemKind::TooNew(format) => tr!(
            format!("written by a newer puls (format {format}); update puls to read it"),
            format!("skriven av en nyare puls (format {format}); uppdatera puls för att läsa den")
        ),
        BankProblemKind::NotAnEntry(detail) => tr!(
            format!("not an entry: {detail}"),
            format!("ingen post: {detail}")
        ),
        BankProblemKind::TitleEmpty => tr!("the title is empty", "titeln är tom").to_owned(),
        BankProblemKind::TitleTooLong { chars } => {
            let max = puls_domain::text::TITLE_MAX_CHARS;
            tr!(
                format!("the title has {chars} characters; at most {max} fit"),
                format!("titeln har {chars} tecken; högst {max} får plats")
            )
        }
        BankProblemKind::TimeOutOfRange(at) => {
            let at = at.format("%Y-%m-%d");
            tr!(
                format!("created {at}, outside the years puls keeps (1900 to 9999)"),
                format!("skapad {at}, utanför de år puls tar (1900 till 9999)")
            )
        }
    };
    match problem.entry {
        Some(n) => tr!(format!("entry {n}: {what}"), format!("post {n}: {what}")),
        None => what,
    }
}

/// What a bank import did, or with `dry_run` would do; new competences listed so a typo shows.
pub fn entry_shared(id: i64, shared: bool) -> String {
    match shared {
        true => tr!(
            format!("Entry {id} is shared with the region: its other municipalities read it."),
            format!("Post {id} delas med regionen: dess andra kommuner läser den.")
        ),
        false => tr!(
            format!("Entry {id} is this municipality's alone again."),
            format!("Post {id} är åter bara den här kommunens.")
        ),
    }
}

pub fn bank_import_summary(summary: &puls_store::BankImport, dry_run: bool) -> String {
    let counts = tr!(
        format!(
            "{} added, {} already in the bank",
            plural(summary.added, "entry", "entries"),
            summary.already
        ),
        format!(
            "{} tillagda, {} fanns redan i banken",
            plural(summary.added, "post", "poster"),
            summary.already
        )
    );
    let mut text = super::import_result(&counts, dry_run);
    if summary.unlinked > 0 {
        text.push_str(&tr!(
            format!(
                "\n{} from arenas not in this database: added without the link.",
                plural(summary.unlinked, "entry comes", "entries come")
            ),
            format!(
                "\n{} från arenor som inte finns i den här databasen: tillagda utan länken.",
                plural(summary.unlinked, "post kommer", "poster kommer")
            )
        ));
    }
    if !summary.new_competences.is_empty() {
        text.push_str(&super::new_competences(&summary.new_competences));
    }
    text
}
