//! Headings of an arena written out (Markdown, text) and the messages of export and import.

texts! {
    md_incomplete => "Incomplete", "Ofullständigt";
    md_since => "since", "sedan";
    md_commissioned_by => "Commissioned by", "Beställd av";
    md_plan => "PULS program", "PULS-program";
    md_share => "Share of week", "Andel av veckan";
    md_recipient => "Recipient", "Mottagare";
    md_lead => "Communication lead", "Kommunikationsansvarig";
    md_rhythm => "Feedback rhythm", "Rytm för återkoppling";
    md_next_contact => "Next contact", "Nästa kontakt";
    md_date => "Date", "Datum";
    md_channel => "Channel", "Kanal";
    md_summary => "Summary", "Innehåll";
    md_by => "By", "Av";
    md_reason => "Reason", "Skäl";
    md_competence => "Competence", "Kompetens";
    md_status => "Status", "Status";
    md_filled_by => "Filled by", "Tillsatt av";
    md_criterion => "Criterion", "Kriterium";
    md_measured_by => "Measured by", "Mäts genom";
    md_target => "Target", "Mål";
    md_result => "Result", "Resultat";
    md_activity => "Activity", "Aktivitet";
    md_owner => "Owner", "Ansvarig";
    md_due => "Due", "Klart senast";
    md_written => "Written by puls on", "Utskrift från puls";
    /// Why a file was not read: it is not UTF-8 text.
    file_not_utf8 => "the file is not UTF-8 text", "filen är inte UTF-8-text";
}

pub fn cannot_write(path: &std::path::Path, e: &std::io::Error) -> String {
    let path = path.display();
    tr!(
        format!("cannot write {path}: {e}"),
        format!("kan inte skriva {path}: {e}")
    )
}

pub fn cannot_read_file(path: &std::path::Path, e: &std::io::Error) -> String {
    let path = path.display();
    tr!(
        format!("cannot read {path}: {e}"),
        format!("kan inte läsa {path}: {e}")
    )
}

/// Why a file was not read: it is larger than puls reads (`limit` in MB).
pub fn file_too_large(limit_mb: u64) -> String {
    tr!(
        format!("the file is larger than {limit_mb} MB, the most puls reads from such a file"),
        format!("filen är större än {limit_mb} MB, det mesta puls läser från en sådan fil")
    )
}

pub fn not_an_arena_file(path: &std::path::Path, detail: &str) -> String {
    let path = path.display();
    tr!(
        format!("{path} is not an arena written by puls export: {detail}"),
        format!("{path} är ingen arena skriven av puls export: {detail}")
    )
}

pub fn arena_imported(id: i64) -> String {
    tr!(
        format!("Imported as arena #{id}."),
        format!("Importerad som arena #{id}.")
    )
}

/// One thing wrong with an arena file, and where in it; the caller puts `FILE: ` before it.
pub fn record_problem(problem: &puls_store::RecordProblem) -> String {
    use puls_domain::{arena::Stage, puls::ActivityStatus, roster::NeedStatus, text};
    use puls_store::{DatePlace, RecordProblem};
    let one_of = |codes: &[&str]| codes.join(", ");
    match problem {
        RecordProblem::TooNew(format) => tr!(
            format!("written by a newer puls (format {format}); update puls to read it"),
            format!("skriven av en nyare puls (format {format}); uppdatera puls för att läsa den")
        ),
        RecordProblem::Title(text::TitleProblem::Empty) => super::title_empty().to_owned(),
        RecordProblem::Title(text::TitleProblem::TooLong { chars }) => {
            super::title_too_long(*chars, text::TITLE_MAX_CHARS)
        }
        RecordProblem::Stage(found) => {
            let known: Vec<&str> = Stage::FLOW
                .iter()
                .chain(&[Stage::Declined])
                .map(|s| s.code())
                .collect();
            let known = one_of(&known);
            tr!(
                format!("stage \"{found}\" is not one of: {known}"),
                format!("fasen \"{found}\" är inte en av: {known}")
            )
        }
        RecordProblem::NeedStatus { need, found } => {
            let known = one_of(&NeedStatus::ALL.map(NeedStatus::code));
            tr!(
                format!("need {need}: status \"{found}\" is not one of: {known}"),
                format!("behov {need}: status \"{found}\" är inte en av: {known}")
            )
        }
        RecordProblem::ActivityStatus { activity, found } => {
            let known = one_of(&ActivityStatus::ALL.map(ActivityStatus::code));
            tr!(
                format!("activity {activity}: status \"{found}\" is not one of: {known}"),
                format!("aktivitet {activity}: status \"{found}\" är inte en av: {known}")
            )
        }
        RecordProblem::NeedCompetence { need } => tr!(
            format!("need {need}: the competence is empty"),
            format!("behov {need}: kompetensen är tom")
        ),
        RecordProblem::Date { place, date } => {
            let place = match place {
                DatePlace::Target => tr!("target date".to_owned(), "måldatum".to_owned()),
                DatePlace::Contact(n) => tr!(format!("contact {n}"), format!("kontakt {n}")),
                DatePlace::Activity(n) => tr!(format!("activity {n}"), format!("aktivitet {n}")),
                DatePlace::Decision => tr!("decision".to_owned(), "beslut".to_owned()),
            };
            tr!(
                format!("{place}: {date} is outside the years puls keeps (1900 to 9999)"),
                format!("{place}: {date} ligger utanför de år puls tar (1900 till 9999)")
            )
        }
        RecordProblem::Registration { chars } => {
            let max = puls_domain::privacy::REGISTRATION_MAX_CHARS;
            tr!(
                format!("the registration number has {chars} characters; at most {max}"),
                format!("diarienumret har {chars} tecken; högst {max}")
            )
        }
    }
}
