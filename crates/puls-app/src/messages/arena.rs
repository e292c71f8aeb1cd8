//! The board, the arena form and detail, stages and moves.

use chrono::{DateTime, NaiveDate, Utc};

use super::local_time;
use puls_domain::arena::{Arena, Refusal, Stage};
use puls_domain::calendar::DateProblem;

texts! {
    app_name => "puls", "puls";
    board_title => "Arenas", "Arenor";
    no_coordinator => "no coordinator", "ingen koordinator";
    late => "LATE", "SEN";
    no_arenas =>
        "No arenas yet. Press n to record the first signal, or run: puls signal \"what you saw\"",
        "Inga arenor än. Tryck n för att registrera den första signalen, eller kör: puls signal \"det du såg\"";
    no_matches => "No arena matches the filter. Esc clears it.",
        "Ingen arena matchar filtret. Esc rensar det.";
    too_small => "Terminal too small for puls: make it at least 40x12.",
        "Terminalen är för liten för puls: gör den minst 40x12.";
    help_title => "Keys", "Tangenter";
    help_footer => "Esc closes · j/k scroll", "Esc stänger · j/k rullar";
    form_new_title => "New signal", "Ny signal";
    form_hint => "Tab next field · Ctrl-S save · Esc cancel",
        "Tab nästa fält · Ctrl-S sparar · Esc avbryter";
    mission_hint => "←/→ to choose", "←/→ för att välja";
    form_has_errors => "Not saved: fix the marked fields. Your text is kept.",
        "Inte sparat: rätta de markerade fälten. Din text finns kvar.";
    form_discard_warning => "Unsaved changes. Esc again discards them, Ctrl-S saves.",
        "Osparade ändringar. Esc igen kastar dem, Ctrl-S sparar.";
    filters_cleared => "Filters cleared.", "Filtren är rensade.";
    title_empty => "A title is needed.", "En titel behövs.";
    decline_prompt => "Why is the signal declined?", "Varför avböjs signalen?";
    decline_reason_empty => "A reason is needed to decline a signal.",
        "Ett skäl behövs för att avböja en signal.";
    prompt_hint => "Enter confirms · Esc cancels", "Enter bekräftar · Esc avbryter";
    nothing_to_undo => "Nothing of yours to undo in this session.",
        "Inget av ditt att ångra i den här sessionen.";
    detail_history => "History", "Historik";
    detail_hint => "j/k scroll · h history · Esc close", "j/k rullar · h historik · Esc stänger";
    declined_shown => "declined shown", "avböjda visas";
    name_empty => "A name is needed.", "Ett namn behövs.";
    theirs => "theirs:", "deras:";
    read_hint => "j/k scroll · Esc close", "j/k rullar · Esc stänger";
    history_title => "History", "Historik";
    field_empty => "This cannot be empty.", "Det här får inte vara tomt.";
    zoomed => "[zoom]", "[zoom]";
    label_title => "Title", "Titel";
    label_stage => "Stage", "Fas";
    label_mission => "Mission", "Huvuduppdrag";
    label_coordinator => "Coordinator", "Koordinator";
    label_target => "Target date", "Måldatum";
    label_signal => "Signal", "Signal";
    label_signalled_by => "Signalled by", "Signalerad av";
    label_need => "Need", "Behov";
    label_mandate => "Mandate", "Mandat";
    label_team => "Team", "Team";
    label_name => "Name", "Namn";
    label_unit => "Unit", "Enhet";
    label_role => "Role", "Roll";
    label_contact => "Contact", "Kontakt";
    label_capacity => "Capacity %", "Kapacitet %";
    label_is_coordinator => "Coordinator?", "Koordinator?";
    label_competences => "Competences", "Kompetenser";
    label_category => "Category", "Kategori";
    yes => "yes", "ja";
    no => "no", "nej";
}

pub fn stage_label(stage: Stage) -> &'static str {
    match stage {
        Stage::Signal => "Signal",
        Stage::Commissioned => tr!("Commissioned", "Etablerad"),
        Stage::Staffing => tr!("Staffing", "Bemanning"),
        Stage::Active => tr!("Active", "Aktiv"),
        Stage::Returning => tr!("Returning knowledge", "Återför kunskap"),
        Stage::Closed => tr!("Closed", "Avslutad"),
        Stage::Declined => tr!("Declined", "Avböjd"),
    }
}

/// A short stage label for narrow columns.
pub fn stage_short(stage: Stage) -> &'static str {
    match stage {
        Stage::Signal => "Signal",
        Stage::Commissioned => tr!("Commiss.", "Etabl."),
        Stage::Staffing => tr!("Staffing", "Bemann."),
        Stage::Active => tr!("Active", "Aktiv"),
        Stage::Returning => tr!("Returning", "Återför"),
        Stage::Closed => tr!("Closed", "Avslutad"),
        Stage::Declined => tr!("Declined", "Avböjd"),
    }
}

pub fn field_label(field: crate::form::FieldId) -> &'static str {
    use crate::form::FieldId;
    match field {
        FieldId::Title => label_title(),
        FieldId::Need => label_need(),
        FieldId::Mission => label_mission(),
        FieldId::From => label_signalled_by(),
        FieldId::Coordinator => label_coordinator(),
        FieldId::Mandate => label_mandate(),
        FieldId::Target => label_target(),
        FieldId::Name => label_name(),
        FieldId::Unit => label_unit(),
        FieldId::Role => label_role(),
        FieldId::Contact => label_contact(),
        FieldId::Capacity => label_capacity(),
        FieldId::IsCoordinator => label_is_coordinator(),
        FieldId::Competences => label_competences(),
        FieldId::Category => label_category(),
        FieldId::Recipient => tr!("Recipient", "Mottagare"),
        FieldId::Lead => tr!("Comm. lead", "Komm.ansvarig"),
        FieldId::Rhythm => tr!("Every N days", "Var N:e dag"),
        FieldId::Date => tr!("Date", "Datum"),
        FieldId::Channel => tr!("Channel", "Kanal"),
        FieldId::Summary => tr!("Summary", "Innehåll"),
        FieldId::By => tr!("By", "Av"),
        FieldId::Criterion => tr!("Criterion", "Kriterium"),
        FieldId::Measure => tr!("Measured by", "Mäts genom"),
        FieldId::Goal => tr!("Target", "Mål"),
        FieldId::Result => tr!("Result", "Resultat"),
        FieldId::NoResultReason => tr!("Why no result", "Varför inget?"),
        FieldId::Met => tr!("Verdict", "Bedömning"),
        FieldId::Kind => tr!("Kind", "Slag"),
        FieldId::Tags => tr!("Tags", "Taggar"),
        FieldId::EntryCompetences => label_competences(),
        FieldId::ArenaRef => "Arena",
        FieldId::Body => "Text",
        FieldId::Activity => tr!("Activity", "Aktivitet"),
        FieldId::Owner => tr!("Owner", "Ansvarig"),
        FieldId::Due => tr!("Due date", "Klart senast"),
        FieldId::Note => super::note_label(),
        FieldId::ReviewKind => super::label_review_kind(),
        FieldId::HeldOn => super::label_held_on(),
        FieldId::LedBy => super::label_led_by(),
        FieldId::Light => super::label_light(),
        FieldId::Answer(question) => super::question_label(question),
        FieldId::Occasion => super::label_occasion(),
        FieldId::Partner => super::label_partner(),
        FieldId::Level(dimension) => super::dimension(dimension),
        FieldId::DecidingBody => super::label_body(),
        FieldId::DecidedOn => super::label_decided_on(),
        FieldId::Registration => super::label_registration(),
        FieldId::Budget => super::label_budget(),
        FieldId::MayAsk => super::label_may_ask(),
        FieldId::Until => super::label_until(),
        FieldId::Manager => super::label_manager(),
        FieldId::AlsoMissions => super::label_also_missions(),
        FieldId::LineManager => super::label_manager_account(),
        FieldId::OwnShare => super::label_own_share(),
        FieldId::Share => super::label_share(),
        FieldId::StartsOn => super::label_from(),
    }
}

pub fn form_edit_title(id: i64) -> String {
    tr!(format!("Edit arena #{id}"), format!("Redigera arena #{id}"))
}

pub fn title_too_long(chars: usize, max: usize) -> String {
    tr!(
        format!("The title is {chars} characters; at most {max}."),
        format!("Titeln är {chars} tecken; högst {max} får plats.")
    )
}

pub fn date_invalid(raw: &str, problem: DateProblem) -> String {
    match problem {
        DateProblem::NotADate => tr!(
            format!("\"{raw}\" is not a date: write it as YYYY-MM-DD."),
            format!("\"{raw}\" är inget datum: skriv det som ÅÅÅÅ-MM-DD.")
        ),
        DateProblem::OutOfRange => tr!(
            format!("{raw} is too far away: puls keeps dates from 1900 to 9999."),
            format!("{raw} ligger för långt bort: puls tar datum från 1900 till 9999.")
        ),
    }
}

pub fn date_in_past(date: NaiveDate) -> String {
    tr!(
        format!("{date} has passed: a new arena's target must be today or later."),
        format!("{date} har redan varit: en ny arenas måldatum måste vara i dag eller senare.")
    )
}

pub fn mission_filter(name: Option<&str>) -> String {
    match name {
        Some(name) => tr!(
            format!("Showing {name} only. f for the next mission."),
            format!("Visar bara {name}. f för nästa huvuduppdrag.")
        ),
        None => tr!("Showing all missions.", "Visar alla huvuduppdrag.").to_owned(),
    }
}

/// How long an arena has been in its stage: `today`, `12d`.
pub fn age(days: i64) -> String {
    match days {
        d if d < 1 => tr!("today", "i dag").to_owned(),
        d => tr!(format!("{d}d"), format!("{d} d")),
    }
}

pub fn team_size(people: u32) -> String {
    match people {
        0 => tr!("no team", "inget team").to_owned(),
        n => format!("team {n}"),
    }
}

/// Unfilled needs, marked with `!` so they stand out without colour.
pub fn gaps(count: u32) -> String {
    match count {
        1 => tr!("!1 gap", "!1 lucka").to_owned(),
        n => tr!(format!("!{n} gaps"), format!("!{n} luckor")),
    }
}

pub fn due(date: NaiveDate) -> String {
    tr!(format!("due {date}"), format!("senast {date}"))
}

pub fn refusal(refusal: &Refusal) -> String {
    match refusal {
        Refusal::NoCoordinator => no_coordinator().to_owned(),
        Refusal::NoMandate => tr!("no mandate text", "ingen mandattext").to_owned(),
        Refusal::NoTeam => tr!("no team member yet", "ingen i teamet än").to_owned(),
        Refusal::NoDeclineReason => tr!("a reason is needed", "ett skäl behövs").to_owned(),
        Refusal::OnlySignalsCanBeDeclined { stage } => tr!(
            format!(
                "only a signal can be declined, and this arena is {}",
                stage_label(*stage)
            ),
            format!(
                "bara en signal kan avböjas, och arenan är i fasen {}",
                stage_label(*stage)
            )
        ),
        Refusal::AlreadyFirst => {
            tr!("Signal is the first stage", "Signal är den första fasen").to_owned()
        }
        Refusal::AlreadyLast => {
            tr!("Closed is the last stage", "Avslutad är den sista fasen").to_owned()
        }
        Refusal::Plan(gap) => super::plan_gap(*gap),
        Refusal::NeedsDecision => super::refusal_needs_decision().to_owned(),
        Refusal::OnlySignalsCanBeCommissioned { stage } => {
            super::only_signals_commissioned(stage_label(*stage))
        }
        Refusal::OnlySignalsCanBeForwarded { stage } => {
            super::only_signals_forwarded(stage_label(*stage))
        }
        Refusal::DeclinedMustBeReconsidered => tr!(
            "it was declined; < takes it back as a signal",
            "den är avböjd; < tar tillbaka den som signal"
        )
        .to_owned(),
    }
}

pub fn move_refused(id: i64, to: Option<Stage>, refusals: &[Refusal]) -> String {
    let reasons = refusals.iter().map(refusal).collect::<Vec<_>>().join(", ");
    let fixable = refusals
        .iter()
        .any(|r| matches!(r, Refusal::NoCoordinator | Refusal::NoMandate));
    let hint = if fixable {
        tr!(" e edits.", " e redigerar.")
    } else {
        ""
    };
    match to {
        Some(to) => tr!(
            format!("#{id} cannot go to {}: {reasons}.{hint}", stage_label(to)),
            format!(
                "#{id} kan inte gå till {}: {reasons}.{hint}",
                stage_label(to)
            )
        ),
        None => tr!(
            format!("#{id} stays: {reasons}."),
            format!("#{id} stannar: {reasons}.")
        ),
    }
}

pub fn moved(arena: &Arena) -> String {
    let stage = stage_label(arena.stage);
    tr!(
        format!("#{} moved to {stage}. u undoes.", arena.id),
        format!("#{} flyttad till {stage}. u ångrar.", arena.id)
    )
}

pub fn declined(arena: &Arena) -> String {
    tr!(
        format!("#{} declined. u undoes.", arena.id),
        format!("#{} avböjd. u ångrar.", arena.id)
    )
}

pub fn saved(arena: &Arena, new: bool) -> String {
    match new {
        true => tr!(
            format!("Signal recorded as #{}. u undoes.", arena.id),
            format!("Signalen är registrerad som #{}. u ångrar.", arena.id)
        ),
        false => tr!(
            format!("#{} saved. u undoes.", arena.id),
            format!("#{} sparad. u ångrar.", arena.id)
        ),
    }
}

pub fn undone(id: i64) -> String {
    tr!(
        format!("Undone: your last change to #{id}."),
        format!("Ångrat: din senaste ändring av #{id}.")
    )
}

pub fn undo_conflict(id: i64, who: &str, at: DateTime<Utc>) -> String {
    let at = local_time(at);
    tr!(
        format!("Cannot undo: {who} changed #{id} after you, at {at}. Their change stays."),
        format!("Kan inte ångra: {who} ändrade #{id} efter dig, {at}. Deras ändring står kvar.")
    )
}

pub fn edit_conflict(id: i64, who: &str, at: DateTime<Utc>) -> String {
    let at = local_time(at);
    tr!(
        format!(
            "Not saved: {who} changed #{id} at {at}. Your text is kept; theirs is shown under each field. Ctrl-S saves yours over it, Esc discards."
        ),
        format!(
            "Inte sparat: {who} ändrade #{id} {at}. Din text finns kvar; deras visas under varje fält. Ctrl-S sparar din över deras, Esc kastar din."
        )
    )
}

pub fn column_heading(stage: Stage, count: usize) -> String {
    format!("{} ({count})", stage_label(stage))
}

pub fn more_below(count: usize) -> String {
    tr!(format!("↓ {count} more"), format!("↓ {count} till"))
}

pub fn signalled(by: &str, at: DateTime<Utc>) -> String {
    let at = local_time(at);
    tr!(
        format!("Signalled by {by}, {at}"),
        format!("Signalerad av {by}, {at}")
    )
}

pub fn in_stage_since(stage: Stage, at: DateTime<Utc>) -> String {
    let (stage, at) = (stage_label(stage), local_time(at));
    tr!(format!("{stage} since {at}"), format!("{stage} sedan {at}"))
}

pub fn commissioned_by(by: &str) -> String {
    tr!(format!("Commissioned by {by}"), format!("Beställd av {by}"))
}

pub fn declined_because(reason: &str) -> String {
    tr!(format!("Declined: {reason}"), format!("Avböjd: {reason}"))
}

pub fn signal_recorded(id: i64) -> String {
    tr!(
        format!("Signal recorded as arena #{id}."),
        format!("Signalen är registrerad som arena #{id}.")
    )
}

pub fn unknown_mission(wanted: &str, known: &str) -> String {
    tr!(
        format!("unknown mission \"{wanted}\"; choose one of: {known}"),
        format!("okänt huvuduppdrag \"{wanted}\"; välj ett av: {known}")
    )
}

/// `puls show 12x`: what an arena number looks like.
pub fn not_an_arena_number(raw: &str) -> String {
    tr!(
        format!("\"{raw}\" is not an arena number (like 12 or #12)"),
        format!("\"{raw}\" är inget arenanummer (som 12 eller #12)")
    )
}

/// The main missions of the municipality the model comes from, by code, when the config
/// names none: (code, English, Swedish).
pub fn default_mission_names() -> [(&'static str, &'static str); 4] {
    tr!(
        [
            ("LF", "Learning & family"),
            ("HC", "Health & care"),
            ("CD", "Community development"),
            ("SS", "Service support"),
        ],
        [
            ("LF", "Lärande och familj"),
            ("HC", "Hälsa och omsorg"),
            ("CD", "Samhällsutveckling"),
            ("SS", "Servicestöd"),
        ]
    )
}
