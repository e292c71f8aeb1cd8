//! The PULS plan and the stand-up.

use chrono::{DateTime, NaiveDate, Utc};

use super::{late, local_time, week};

texts! {
    plan_title => "PULS plan", "PULS-plan";
    lead_word => "lead", "komm.ansvarig";
    plan_no_arena => "Select an arena on the board to see its PULS program.",
        "Välj en arena på tavlan för att se dess PULS-program.";
    plan_empty_step => "nothing yet: a adds", "inget än: a lägger till";
    block_prompt => "Why is the activity blocked?", "Varför är aktiviteten blockerad?";
    block_reason_empty => "A blocked activity needs its reason.",
        "En blockerad aktivitet behöver sitt skäl.";
    need_reason_prompt => "Why does the arena need this competence?",
        "Varför behöver arenan den här kompetensen?";
    need_filled_by_allocation => "A need is filled by allocating someone: a finds staff.",
        "Ett behov fylls genom att någon bemannar det: a hittar bemanning.";
    rhythm_invalid => "The rhythm is a number of days, 1 to 365.",
        "Rytmen är ett antal dagar, 1 till 365.";
    verdict_unknown => "not yet", "inte än";
    verdict_met => "met", "uppfyllt";
    verdict_not_met => "not met", "inte uppfyllt";
    standup_title => "Stand-up", "Stand-up";
    standup_since_first => "First stand-up for this arena: everything is new.",
        "Arenans första stand-up: allt är nytt.";
    standup_nothing_changed => "Nothing changed since the last stand-up.",
        "Inget har ändrats sedan förra stand-upen.";
    standup_overdue => "Overdue", "Försenat";
    standup_this_week => "Due this week", "Klart denna vecka";
    standup_blocked => "Blocked", "Blockerat";
    standup_unfilled => "Still missing", "Saknas fortfarande";
    standup_over => "Over capacity in this team", "Över sin kapacitet i teamet";
    standup_ask => "Ask", "Fråga";
    standup_none => "none", "inga";
    standup_time_up => "TIME", "TID";
    standup_no_arenas => "No open arena to hold a stand-up about.",
        "Ingen öppen arena att hålla stand-up om.";
}

/// The coaching questions a stand-up rotates through when the config names none.
pub fn default_coaching_questions() -> [&'static str; 4] {
    tr!(
        [
            "What is our current statement of the problem?",
            "What surprised us most since last time?",
            "Is the team okay?",
            "How are we keeping the citizen informed?",
        ],
        [
            "Hur formulerar vi problemet just nu?",
            "Vad har överraskat oss mest sedan sist?",
            "Mår teamet bra?",
            "Hur håller vi medborgaren informerad?",
        ]
    )
}

/// The heading of what is due this week, with the week's number where people count weeks.
pub fn due_this_week(today: NaiveDate) -> String {
    tr!(
        standup_this_week().to_owned(),
        format!("{}, {}", standup_this_week(), week(today))
    )
}

pub fn standup_position(index: usize, of: usize) -> String {
    let n = index + 1;
    tr!(format!("arena {n} of {of}"), format!("arena {n} av {of}"))
}

pub fn standup_changes(since: DateTime<Utc>, count: usize) -> String {
    let since = local_time(since);
    tr!(
        format!("Since the last stand-up ({since}): {count} changes"),
        format!("Sedan förra stand-upen ({since}): {count} ändringar")
    )
}

pub fn step_name(step: puls_domain::puls::Step) -> &'static str {
    use puls_domain::puls::Step;
    match step {
        Step::Proactivity => tr!("Proactivity", "Proaktivitet"),
        Step::Development => tr!("Development", "Utveckling"),
        Step::Learning => tr!("Learning", "Lärande"),
        Step::Service => "Service",
    }
}

pub fn plan_form_title(kind: crate::form::FormKind) -> String {
    use crate::form::FormKind;
    let edit = |existing: Option<(i64, i64)>| existing.is_some();
    match kind {
        FormKind::Proactivity { arena, .. } => tr!(
            format!("#{arena} P: recipient and contact"),
            format!("#{arena} P: mottagare och kontakt")
        ),
        FormKind::Contact { arena, existing } => match edit(existing) {
            true => tr!(
                format!("#{arena} Edit contact"),
                format!("#{arena} Redigera kontakt")
            ),
            false => tr!(
                format!("#{arena} New contact"),
                format!("#{arena} Ny kontakt")
            ),
        },
        FormKind::Criterion { arena, existing } => match edit(existing) {
            true => tr!(
                format!("#{arena} Edit criterion"),
                format!("#{arena} Redigera kriterium")
            ),
            false => tr!(
                format!("#{arena} New criterion"),
                format!("#{arena} Nytt kriterium")
            ),
        },
        FormKind::Activity { arena, existing } => match edit(existing) {
            true => tr!(
                format!("#{arena} Edit activity"),
                format!("#{arena} Redigera aktivitet")
            ),
            false => tr!(
                format!("#{arena} New activity"),
                format!("#{arena} Ny aktivitet")
            ),
        },
        FormKind::NewEntry => tr!("New knowledge entry", "Ny post i kunskapsbanken").to_owned(),
        FormKind::EditEntry { .. } => {
            tr!("Edit knowledge entry", "Redigera post i kunskapsbanken").to_owned()
        }
        FormKind::Restricted { arena, .. } => super::restricted_form_title(arena),
        FormKind::Review { arena, existing } => super::review_form_title(arena, edit(existing)),
        FormKind::Rating { arena, existing } => super::rating_form_title(arena, edit(existing)),
        _ => String::new(),
    }
}

pub fn delete_prompt(label: &str) -> String {
    tr!(
        format!("Delete \"{label}\"? Enter deletes, Esc keeps it"),
        format!("Ta bort \"{label}\"? Enter tar bort, Esc behåller")
    )
}

pub fn plan_saved(arena: i64) -> String {
    tr!(
        format!("#{arena}: PULS program saved."),
        format!("#{arena}: PULS-programmet är sparat.")
    )
}

pub fn deleted(label: &str) -> String {
    tr!(
        format!("Deleted \"{label}\"."),
        format!("\"{label}\" är borttagen.")
    )
}

pub fn next_contact(date: NaiveDate, is_late: bool) -> String {
    let text = tr!(
        format!("next contact {date}"),
        format!("nästa kontakt {date}")
    );
    if is_late {
        format!("{text} {}", late())
    } else {
        text
    }
}

pub fn rhythm(days: Option<u32>) -> String {
    match days {
        Some(d) => tr!(format!("every {d} days"), format!("var {d}:e dag")),
        None => tr!("no rhythm", "ingen rytm").to_owned(),
    }
}

pub fn activity_status(status: puls_domain::puls::ActivityStatus) -> &'static str {
    use puls_domain::puls::ActivityStatus;
    match status {
        ActivityStatus::Todo => tr!("todo", "att göra"),
        ActivityStatus::Doing => tr!("doing", "pågår"),
        ActivityStatus::Blocked => tr!("BLOCKED", "BLOCKERAD"),
        ActivityStatus::Done => tr!("done", "klar"),
    }
}

pub fn need_status(status: puls_domain::roster::NeedStatus) -> &'static str {
    use puls_domain::roster::NeedStatus;
    match status {
        NeedStatus::Needed => tr!("needed", "behövs"),
        NeedStatus::Requested => tr!("requested", "efterfrågad"),
        NeedStatus::Filled => tr!("filled", "tillsatt"),
        NeedStatus::Released => tr!("released", "entledigad"),
    }
}

/// One step's mark: ✓ complete, done/of when partly, ! when missing.
pub fn plan_mark(mark: &puls_domain::puls::Mark) -> String {
    use puls_domain::puls::Mark;
    match mark {
        Mark::Complete => "✓".to_owned(),
        Mark::Partly { done, of } => format!("{done}/{of}"),
        Mark::Missing => "!".to_owned(),
    }
}

/// The four marks in a row: `P✓ U2/3 L! S4/9`. The letters are the program's own in both
/// languages: Proaktivitet, Utveckling, Lärande, Service.
pub fn plan_marks(summary: &puls_domain::puls::PlanSummary) -> String {
    puls_domain::puls::Step::ALL
        .iter()
        .map(|step| format!("{}{}", step.letter(), plan_mark(&summary.mark(*step))))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Why a PULS step is incomplete, in a few words.
pub fn plan_gap(gap: puls_domain::puls::Gap) -> String {
    use puls_domain::puls::Gap;
    match gap {
        Gap::NoRecipient => tr!("no recipient", "ingen mottagare").to_owned(),
        Gap::NoLead => tr!("no communication lead", "ingen kommunikationsansvarig").to_owned(),
        Gap::NoRhythm => tr!("no feedback rhythm", "ingen rytm för återkoppling").to_owned(),
        Gap::NoNeeds => tr!(
            "no needs in the recruitment plan",
            "inga behov i rekryteringsplanen"
        )
        .to_owned(),
        Gap::NeedsUnfilled(1) => tr!("a need unfilled", "ett behov otillsatt").to_owned(),
        Gap::NeedsUnfilled(n) => tr!(
            format!("{n} needs unfilled"),
            format!("{n} behov otillsatta")
        ),
        Gap::NoCriteria => tr!("no evaluation criteria", "inga utvärderingskriterier").to_owned(),
        Gap::CriteriaWithoutResult(1) => tr!(
            "a criterion without result or reason",
            "ett kriterium utan resultat eller skäl"
        )
        .to_owned(),
        Gap::CriteriaWithoutResult(n) => tr!(
            format!("{n} criteria without result or reason"),
            format!("{n} kriterier utan resultat eller skäl")
        ),
        Gap::NoActivities => tr!("no activities", "inga aktiviteter").to_owned(),
        Gap::NoEntries => tr!(
            "no knowledge-bank entry written yet (an untouched draft does not count)",
            "ingen post skriven till kunskapsbanken än (ett orört utkast räknas inte)"
        )
        .to_owned(),
        Gap::ActivitiesOpen(n) => tr!(
            format!("{n} activities not done"),
            format!("{n} aktiviteter inte klara")
        ),
    }
}
