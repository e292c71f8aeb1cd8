//! Every sentence a user reads, in one place, ready for a Swedish translation (issue 10).

use chrono::{DateTime, Local, NaiveDate, Utc};

use crate::app::command::Command;
use crate::domain::arena::{Arena, Refusal, Stage};
use crate::store::StoreError;

pub const APP_NAME: &str = "puls";
pub const BOARD_TITLE: &str = "Arenas";
pub const NO_COORDINATOR: &str = "no coordinator";
pub const LATE: &str = "LATE";
pub const NO_ARENAS: &str =
    "No arenas yet. Press n to record the first signal, or run: puls signal \"what you saw\"";
pub const NO_MATCHES: &str = "No arena matches the filter. Esc clears it.";
pub const EMPTY_COLUMN: &str = "(none)";
pub const TOO_SMALL: &str = "Terminal too small for puls: make it at least 40x12.";
pub const HELP_TITLE: &str = "Keys";
pub const HELP_FOOTER: &str = "Esc closes · j/k scroll";
pub const FORM_NEW_TITLE: &str = "New signal";
pub const FORM_HINT: &str = "Tab next field · Ctrl-S save · Esc cancel";
pub const MISSION_HINT: &str = "←/→ to choose";
pub const FORM_HAS_ERRORS: &str = "Not saved: fix the marked fields. Your text is kept.";
pub const FORM_DISCARD_WARNING: &str = "Unsaved changes. Esc again discards them, Ctrl-S saves.";
pub const FILTERS_CLEARED: &str = "Filters cleared.";
pub const TITLE_EMPTY: &str = "A title is needed.";
pub const DECLINE_PROMPT: &str = "Why is the signal declined?";
pub const DECLINE_REASON_EMPTY: &str = "A reason is needed to decline a signal.";
pub const FILTER_PROMPT: &str = "Filter (title, #number, coordinator)";
pub const PROMPT_HINT: &str = "Enter confirms · Esc cancels";
pub const NOTHING_TO_UNDO: &str = "Nothing of yours to undo in this session.";
pub const DETAIL_HISTORY: &str = "History";
pub const DETAIL_HINT: &str = "j/k scroll · h history · Esc close";
pub const DECLINED_SHOWN: &str = "declined shown";
pub const NAME_EMPTY: &str = "A name is needed.";
pub const THEIRS: &str = "theirs:";
pub const BANK_TITLE: &str = "Knowledge bank";
pub const BANK_RELATED: &str = "Related";
pub const BANK_SEARCH: &str = "Search";
pub const BANK_EMPTY_RELATED: &str = "Nothing in the bank seems related yet. / searches all.";
pub const BANK_EMPTY_SEARCH: &str = "No entry matches. Esc clears the search; n writes one.";
pub const ENTRY_BODY_HINT: &str = "What happened, what worked, what you would do again";
pub const ARENA_REF_INVALID: &str = "An arena number, like 12 or #12, or nothing.";
pub const ENTRY_OFFER: &str =
    "The arena returns its knowledge: here is a first entry to finish (Esc twice skips).";
pub const MAY_HAVE_MET: &str = "We may have met this before";
pub const READ_HINT: &str = "j/k scroll · Esc close";

pub fn entry_kind(kind: crate::domain::knowledge::EntryKind) -> &'static str {
    use crate::domain::knowledge::EntryKind;
    match kind {
        EntryKind::Lesson => "lesson",
        EntryKind::Method => "method",
        EntryKind::CaseSummary => "case summary",
        EntryKind::Contact => "contact",
        EntryKind::Course => "course offered",
    }
}

pub fn entry_saved(title: &str) -> String {
    format!("Entry \"{title}\" saved in the knowledge bank.")
}

pub fn entry_draft_title(arena_title: &str) -> String {
    format!("What we learned: {arena_title}")
}

pub fn entry_draft_body(mandate: &str, results: &[String]) -> String {
    let mut body = format!("Mandate: {mandate}\n\nResults:\n");
    body.push_str(&results.join("\n"));
    body.push_str("\n\nWhat worked, and what we would do differently:\n");
    body
}

pub fn entry_byline(author: &str, updated: chrono::DateTime<chrono::Utc>) -> String {
    format!("by {author}, {}", local_time(updated))
}

pub fn related_count(count: usize) -> String {
    format!("{MAY_HAVE_MET}: {count} related entries in the bank (4).")
}
pub const VERDICT_UNKNOWN: &str = "not yet";
pub const VERDICT_MET: &str = "met";
pub const VERDICT_NOT_MET: &str = "not met";
pub const DEFAULT_COACHING_QUESTIONS: [&str; 4] = [
    "What is our current statement of the problem?",
    "What surprised us most since last time?",
    "Is the team okay?",
    "How are we keeping the citizen informed?",
];
pub const STANDUP_TITLE: &str = "Stand-up";
pub const STANDUP_SINCE_FIRST: &str = "First stand-up for this arena: everything is new.";
pub const STANDUP_NOTHING_CHANGED: &str = "Nothing changed since the last stand-up.";
pub const STANDUP_OVERDUE: &str = "Overdue";
pub const STANDUP_THIS_WEEK: &str = "Due this week";
pub const STANDUP_BLOCKED: &str = "Blocked";
pub const STANDUP_UNFILLED: &str = "Still missing";
pub const STANDUP_OVER: &str = "Over capacity in this team";
pub const STANDUP_ASK: &str = "Ask";
pub const STANDUP_NONE: &str = "none";
pub const STANDUP_TIME_UP: &str = "TIME";
pub const STANDUP_NO_ARENAS: &str = "No open arena to hold a stand-up about.";

pub fn standup_position(index: usize, of: usize) -> String {
    format!("arena {} of {of}", index + 1)
}

pub fn standup_changes(since: chrono::DateTime<chrono::Utc>, count: usize) -> String {
    format!(
        "Since the last stand-up ({}): {count} changes",
        local_time(since)
    )
}

pub fn clock(seconds: i64) -> String {
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}
pub const HISTORY_TITLE: &str = "History";
pub const FIELD_EMPTY: &str = "This cannot be empty.";
pub const RHYTHM_INVALID: &str = "The rhythm is a number of days, 1 to 365.";
pub const CAPACITY_INVALID: &str = "Capacity is a whole number of percent, 0 to 100.";
pub const PERCENT_INVALID: &str = "Write a share of the week from 1 to 100 (percent).";
pub const EDIT_FROM_PEOPLE: &str = "Pick a person in the People view (v) to edit them.";
pub const NO_OPEN_NEEDS: &str = "No unfilled needs: n adds the competence the arena needs.";
pub const ROSTER_TITLE: &str = "Roster";
pub const VIEW_TEAM: &str = "Team";
pub const VIEW_PEOPLE: &str = "People";
pub const VIEW_COMPETENCES: &str = "Competences";
pub const NO_ARENA_SELECTED: &str = "Select an arena on the board to see its team.";
pub const NO_PEOPLE: &str = "Nobody on the roster matches. n adds a person; Esc clears filters.";
pub const NO_COMPETENCES: &str = "No competences yet. n adds one.";
pub const UNFILLED: &str = "Unfilled";
pub const NO_MEMBERS: &str = " Nobody allocated yet: a finds staff.";
pub const OVER: &str = "OVER";
pub const INACTIVE: &str = "inactive";
pub const EXTERNAL: &str = "ext";
pub const FIND_STAFF_TITLE: &str = "Find staff";
pub const FIND_STAFF_HINT: &str = "j/k move · Tab switch · Enter allocate · n add need · Esc close";
pub const NEEDS_HEADING: &str = "Unfilled needs";
pub const CANDIDATES_HEADING: &str = "Best fit first";
pub const NO_CANDIDATES: &str = "Nobody active holds this competence.";
pub const IN_TEAM: &str = "in team";
pub const ADD_NEED_PROMPT: &str = "Which competence does the arena need? (name: reason)";
pub const LABEL_TEAM: &str = "Team";
pub const LABEL_NAME: &str = "Name";
pub const LABEL_UNIT: &str = "Unit";
pub const LABEL_ROLE: &str = "Role";
pub const LABEL_CONTACT: &str = "Contact";
pub const LABEL_CAPACITY: &str = "Capacity %";
pub const LABEL_IS_COORDINATOR: &str = "Coordinator?";
pub const LABEL_COMPETENCES: &str = "Competences";
pub const LABEL_CATEGORY: &str = "Category";
pub const COMPETENCES_HINT: &str =
    "one a line: name: level (1 aware, 2 practising, 3 experienced, 4 teaches)";
pub const FORM_NEW_PERSON: &str = "New person";
pub const PLAN_TITLE: &str = "PULS plan";
pub const LEAD_WORD: &str = "lead";
pub const MD_INCOMPLETE: &str = "Incomplete";
pub const MD_SINCE: &str = "since";
pub const MD_COMMISSIONED_BY: &str = "Commissioned by";
pub const MD_PLAN: &str = "PULS program";
pub const MD_SHARE: &str = "Share of week";
pub const MD_RECIPIENT: &str = "Recipient";
pub const MD_LEAD: &str = "Communication lead";
pub const MD_RHYTHM: &str = "Feedback rhythm";
pub const MD_NEXT_CONTACT: &str = "Next contact";
pub const MD_DATE: &str = "Date";
pub const MD_CHANNEL: &str = "Channel";
pub const MD_SUMMARY: &str = "Summary";
pub const MD_BY: &str = "By";
pub const MD_REASON: &str = "Reason";
pub const MD_COMPETENCE: &str = "Competence";
pub const MD_STATUS: &str = "Status";
pub const MD_FILLED_BY: &str = "Filled by";
pub const MD_CRITERION: &str = "Criterion";
pub const MD_MEASURED_BY: &str = "Measured by";
pub const MD_TARGET: &str = "Target";
pub const MD_RESULT: &str = "Result";
pub const MD_ACTIVITY: &str = "Activity";
pub const MD_OWNER: &str = "Owner";
pub const MD_DUE: &str = "Due";
pub const MD_WRITTEN: &str = "Written by puls on";

pub fn cannot_write(path: &std::path::Path, e: &std::io::Error) -> String {
    format!("cannot write {}: {e}", path.display())
}

pub fn cannot_read_file(path: &std::path::Path, e: &std::io::Error) -> String {
    format!("cannot read {}: {e}", path.display())
}

pub fn not_an_arena_file(path: &std::path::Path, detail: &str) -> String {
    format!(
        "{} is not an arena written by puls export: {detail}",
        path.display()
    )
}

pub fn arena_imported(id: i64) -> String {
    format!("Imported as arena #{id}.")
}
pub const PLAN_NO_ARENA: &str = "Select an arena on the board to see its PULS program.";
pub const PLAN_EMPTY_STEP: &str = "nothing yet: a adds";
pub const BLOCK_PROMPT: &str = "Why is the activity blocked?";
pub const BLOCK_REASON_EMPTY: &str = "A blocked activity needs its reason.";
pub const NEED_REASON_PROMPT: &str = "Why does the arena need this competence?";
pub const NEED_FILLED_BY_ALLOCATION: &str =
    "A need is filled by allocating someone: a finds staff.";
pub const FORM_EDIT_PERSON: &str = "Edit person";
pub const FORM_NEW_COMPETENCE: &str = "New competence";
pub const FORM_EDIT_COMPETENCE: &str = "Edit competence";

pub fn step_name(step: crate::domain::puls::Step) -> &'static str {
    use crate::domain::puls::Step;
    match step {
        Step::Proactivity => "Proactivity",
        Step::Development => "Development",
        Step::Learning => "Learning",
        Step::Service => "Service",
    }
}

pub fn plan_form_title(kind: crate::app::form::FormKind) -> String {
    use crate::app::form::FormKind;
    let verb = |existing: Option<(i64, i64)>| if existing.is_some() { "Edit" } else { "New" };
    match kind {
        FormKind::Proactivity { arena, .. } => format!("#{arena} P: recipient and contact"),
        FormKind::Contact { arena, existing } => format!("#{arena} {} contact", verb(existing)),
        FormKind::Criterion { arena, existing } => format!("#{arena} {} criterion", verb(existing)),
        FormKind::Activity { arena, existing } => format!("#{arena} {} activity", verb(existing)),
        FormKind::NewEntry => "New knowledge entry".to_owned(),
        FormKind::EditEntry { .. } => "Edit knowledge entry".to_owned(),
        FormKind::Restricted { arena, .. } => restricted_form_title(arena),
        _ => String::new(),
    }
}

pub fn delete_prompt(label: &str) -> String {
    format!("Delete \"{label}\"? Enter deletes, Esc keeps it")
}

pub fn plan_saved(arena: i64) -> String {
    format!("#{arena}: PULS program saved.")
}

pub fn deleted(label: &str) -> String {
    format!("Deleted \"{label}\".")
}

pub fn next_contact(date: NaiveDate, late: bool) -> String {
    if late {
        format!("next contact {date} {LATE}")
    } else {
        format!("next contact {date}")
    }
}

pub fn rhythm(days: Option<u32>) -> String {
    match days {
        Some(d) => format!("every {d} days"),
        None => "no rhythm".to_owned(),
    }
}

pub fn activity_status(status: crate::domain::puls::ActivityStatus) -> &'static str {
    use crate::domain::puls::ActivityStatus;
    match status {
        ActivityStatus::Todo => "todo",
        ActivityStatus::Doing => "doing",
        ActivityStatus::Blocked => "BLOCKED",
        ActivityStatus::Done => "done",
    }
}

pub fn need_status(status: crate::domain::roster::NeedStatus) -> &'static str {
    use crate::domain::roster::NeedStatus;
    match status {
        NeedStatus::Needed => "needed",
        NeedStatus::Requested => "requested",
        NeedStatus::Filled => "filled",
        NeedStatus::Released => "released",
    }
}
pub const ZOOMED: &str = "[zoom]";
pub const LABEL_TITLE: &str = "Title";
pub const LABEL_STAGE: &str = "Stage";
pub const LABEL_MISSION: &str = "Mission";
pub const LABEL_COORDINATOR: &str = "Coordinator";
pub const LABEL_TARGET: &str = "Target date";
pub const LABEL_SIGNAL: &str = "Signal";
pub const LABEL_SIGNALLED_BY: &str = "Signalled by";
pub const LABEL_NEED: &str = "Need";
pub const LABEL_MANDATE: &str = "Mandate";

pub fn stage_label(stage: Stage) -> &'static str {
    match stage {
        Stage::Signal => "Signal",
        Stage::Commissioned => "Commissioned",
        Stage::Staffing => "Staffing",
        Stage::Active => "Active",
        Stage::Returning => "Returning knowledge",
        Stage::Closed => "Closed",
        Stage::Declined => "Declined",
    }
}

/// A short stage label for narrow columns.
pub fn stage_short(stage: Stage) -> &'static str {
    match stage {
        Stage::Signal => "Signal",
        Stage::Commissioned => "Commiss.",
        Stage::Staffing => "Staffing",
        Stage::Active => "Active",
        Stage::Returning => "Returning",
        Stage::Closed => "Closed",
        Stage::Declined => "Declined",
    }
}

pub fn field_label(field: crate::app::form::FieldId) -> &'static str {
    use crate::app::form::FieldId;
    match field {
        FieldId::Title => LABEL_TITLE,
        FieldId::Need => LABEL_NEED,
        FieldId::Mission => LABEL_MISSION,
        FieldId::From => LABEL_SIGNALLED_BY,
        FieldId::Coordinator => LABEL_COORDINATOR,
        FieldId::Mandate => LABEL_MANDATE,
        FieldId::Target => LABEL_TARGET,
        FieldId::Name => LABEL_NAME,
        FieldId::Unit => LABEL_UNIT,
        FieldId::Role => LABEL_ROLE,
        FieldId::Contact => LABEL_CONTACT,
        FieldId::Capacity => LABEL_CAPACITY,
        FieldId::IsCoordinator => LABEL_IS_COORDINATOR,
        FieldId::Competences => LABEL_COMPETENCES,
        FieldId::Category => LABEL_CATEGORY,
        FieldId::Recipient => "Recipient",
        FieldId::Lead => "Comm. lead",
        FieldId::Rhythm => "Every N days",
        FieldId::Date => "Date",
        FieldId::Channel => "Channel",
        FieldId::Summary => "Summary",
        FieldId::By => "By",
        FieldId::Criterion => "Criterion",
        FieldId::Measure => "Measured by",
        FieldId::Goal => "Target",
        FieldId::Result => "Result",
        FieldId::NoResultReason => "Why no result",
        FieldId::Met => "Verdict",
        FieldId::Kind => "Kind",
        FieldId::Tags => "Tags",
        FieldId::EntryCompetences => "Competences",
        FieldId::ArenaRef => "Arena",
        FieldId::Body => "Text",
        FieldId::Activity => "Activity",
        FieldId::Owner => "Owner",
        FieldId::Due => "Due date",
        FieldId::Note => note_label(),
    }
}

pub fn level_invalid(line: &str) -> String {
    format!("\"{line}\": the level is 1, 2, 3 or 4.")
}

pub fn competence_unknown(name: &str) -> String {
    format!("\"{name}\" is not in the catalogue: add it in the Competences view first.")
}

pub fn competence_suggestions(typed: &str, like: &[&str]) -> String {
    if like.is_empty() {
        format!("No competence is called \"{typed}\".")
    } else {
        format!(
            "Not exact. Did you mean: {}?",
            like.iter().take(4).copied().collect::<Vec<_>>().join(", ")
        )
    }
}

pub fn person_unknown(name: &str) -> String {
    format!("Nobody on the roster is called \"{name}\".")
}

pub fn person_saved(name: &str) -> String {
    format!("{name} saved.")
}

pub fn competence_saved(name: &str) -> String {
    format!("Competence \"{name}\" saved.")
}

pub fn activity_changed(name: &str, active: bool) -> String {
    if active {
        format!("{name} is active again.")
    } else {
        format!(
            "{name} is inactive: kept in history, no longer offered as staff. d again restores."
        )
    }
}

pub fn person_deleted(name: &str) -> String {
    format!("{name} deleted.")
}

pub fn allocated(name: &str, arena: i64, percent: u32) -> String {
    format!("{name} allocated to #{arena}, {percent}% of the week.")
}

pub fn need_added(competence: &str, arena: i64) -> String {
    format!("#{arena} now needs: {competence}.")
}

pub fn released(name: &str, arena: i64) -> String {
    format!("{name} released from #{arena}.")
}

pub fn allocate_prompt(name: &str, arena: i64, now: crate::domain::roster::Load) -> String {
    let over = if now.is_over() {
        format!(" {OVER}")
    } else {
        String::new()
    };
    format!(
        "How much of {name}'s week goes to #{arena}? % (now {}{over})",
        load(now)
    )
}

pub fn release_prompt(name: &str, arena: i64) -> String {
    format!("Release {name} from #{arena}? Enter releases")
}

pub fn load(load: crate::domain::roster::Load) -> String {
    format!("{}/{}%", load.allocated, load.capacity)
}

pub fn holders(count: u32, by_level: [u32; 4], free: u32) -> String {
    format!(
        "{count} hold it ({}·{}·{}·{}), {free} with time",
        by_level[0], by_level[1], by_level[2], by_level[3]
    )
}

pub fn sort_label(sort: crate::app::roster::PeopleSort) -> &'static str {
    use crate::app::roster::PeopleSort;
    match sort {
        PeopleSort::Name => "by name",
        PeopleSort::Unit => "by unit",
        PeopleSort::Free => "most free first",
    }
}

pub fn side_label(side: crate::app::roster::Side) -> Option<&'static str> {
    use crate::app::roster::Side;
    match side {
        Side::All => None,
        Side::Internal => Some("internal"),
        Side::External => Some("external"),
    }
}

pub const FREE_ONLY: &str = "with time";

pub fn filter_prompt(target: crate::app::popup::FilterTarget) -> &'static str {
    use crate::app::popup::FilterTarget;
    match target {
        FilterTarget::Board => FILTER_PROMPT,
        FilterTarget::RosterSearch => "Search names, roles and competences",
        FilterTarget::RosterCompetence => "Only people holding a competence like",
        FilterTarget::RosterUnit => "Only people in a unit like",
        FilterTarget::Bank => "Search the knowledge bank",
        FilterTarget::BankTag => "Only entries tagged",
        FilterTarget::BankCompetence => "Only entries about a competence like",
    }
}

pub fn team_of(id: i64, title: &str) -> String {
    format!("#{id} {title}")
}

pub fn allocation_line(competence: Option<&str>, percent: u32) -> String {
    format!("{} · {percent}%", competence.unwrap_or("-"))
}

pub fn form_edit_title(id: i64) -> String {
    format!("Edit arena #{id}")
}

pub fn title_too_long(chars: usize, max: usize) -> String {
    format!("The title is {chars} characters; at most {max}.")
}

pub fn date_invalid(raw: &str) -> String {
    format!("\"{raw}\" is not a date: write it as YYYY-MM-DD.")
}

pub fn date_in_past(date: NaiveDate) -> String {
    format!("{date} has passed: a new arena's target must be today or later.")
}

pub fn mission_filter(name: Option<&str>) -> String {
    match name {
        Some(name) => format!("Showing {name} only. f for the next mission."),
        None => "Showing all missions.".to_owned(),
    }
}

pub fn age(days: i64) -> String {
    match days {
        d if d < 1 => "today".to_owned(),
        d => format!("{d}d"),
    }
}

pub fn team_size(people: u32) -> String {
    match people {
        0 => "no team".to_owned(),
        1 => "team 1".to_owned(),
        n => format!("team {n}"),
    }
}

/// Unfilled needs, marked with `!` so they stand out without colour.
pub fn gaps(count: u32) -> String {
    match count {
        1 => "!1 gap".to_owned(),
        n => format!("!{n} gaps"),
    }
}

pub fn due(date: NaiveDate) -> String {
    format!("due {date}")
}

pub fn local_time(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

pub fn refusal(refusal: &Refusal) -> String {
    match refusal {
        Refusal::NoCoordinator => "no coordinator".to_owned(),
        Refusal::NoMandate => "no mandate text".to_owned(),
        Refusal::NoTeam => "no team member yet".to_owned(),
        Refusal::NoDeclineReason => "a reason is needed".to_owned(),
        Refusal::OnlySignalsCanBeDeclined { stage } => {
            format!(
                "only a signal can be declined, and this arena is {}",
                stage_label(*stage)
            )
        }
        Refusal::AlreadyFirst => "Signal is the first stage".to_owned(),
        Refusal::AlreadyLast => "Closed is the last stage".to_owned(),
        Refusal::Plan(gap) => plan_gap(*gap),
        Refusal::DeclinedMustBeReconsidered => {
            "it was declined; < takes it back as a signal".to_owned()
        }
    }
}

/// One step's mark: ✓ complete, done/of when partly, ! when missing.
pub fn plan_mark(mark: &crate::domain::puls::Mark) -> String {
    use crate::domain::puls::Mark;
    match mark {
        Mark::Complete => "✓".to_owned(),
        Mark::Partly { done, of } => format!("{done}/{of}"),
        Mark::Missing => "!".to_owned(),
    }
}

/// The four marks in a row: `P✓ U2/3 L! S4/9`.
pub fn plan_marks(summary: &crate::domain::puls::PlanSummary) -> String {
    crate::domain::puls::Step::ALL
        .iter()
        .map(|step| format!("{}{}", step.letter(), plan_mark(&summary.mark(*step))))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Why a PULS step is incomplete, in a few words.
pub fn plan_gap(gap: crate::domain::puls::Gap) -> String {
    use crate::domain::puls::Gap;
    match gap {
        Gap::NoRecipient => "no recipient".to_owned(),
        Gap::NoLead => "no communication lead".to_owned(),
        Gap::NoRhythm => "no feedback rhythm".to_owned(),
        Gap::NoNeeds => "no needs in the recruitment plan".to_owned(),
        Gap::NeedsUnfilled(1) => "a need unfilled".to_owned(),
        Gap::NeedsUnfilled(n) => format!("{n} needs unfilled"),
        Gap::NoCriteria => "no evaluation criteria".to_owned(),
        Gap::CriteriaWithoutResult(1) => "a criterion without result or reason".to_owned(),
        Gap::CriteriaWithoutResult(n) => format!("{n} criteria without result or reason"),
        Gap::NoActivities => "no activities".to_owned(),
        Gap::NoEntries => "no knowledge-bank entry returned yet".to_owned(),
        Gap::ActivitiesOpen(n) => format!("{n} activities not done"),
    }
}

pub fn move_refused(id: i64, to: Option<Stage>, refusals: &[Refusal]) -> String {
    let reasons = refusals.iter().map(refusal).collect::<Vec<_>>().join(", ");
    let fixable = refusals
        .iter()
        .any(|r| matches!(r, Refusal::NoCoordinator | Refusal::NoMandate));
    let hint = if fixable { " e edits." } else { "" };
    match to {
        Some(to) => format!("#{id} cannot go to {}: {reasons}.{hint}", stage_label(to)),
        None => format!("#{id} stays: {reasons}."),
    }
}

pub fn moved(arena: &Arena) -> String {
    format!(
        "#{} moved to {}. u undoes.",
        arena.id,
        stage_label(arena.stage)
    )
}

pub fn declined(arena: &Arena) -> String {
    format!("#{} declined. u undoes.", arena.id)
}

pub fn saved(arena: &Arena, new: bool) -> String {
    if new {
        format!("Signal recorded as #{}. u undoes.", arena.id)
    } else {
        format!("#{} saved. u undoes.", arena.id)
    }
}

pub fn undone(id: i64) -> String {
    format!("Undone: your last change to #{id}.")
}

pub fn undo_conflict(id: i64, who: &str, at: DateTime<Utc>) -> String {
    format!(
        "Cannot undo: {who} changed #{id} after you, at {}. Their change stays.",
        local_time(at)
    )
}

pub fn edit_conflict(id: i64, who: &str, at: DateTime<Utc>) -> String {
    format!(
        "Not saved: {who} changed #{id} at {}. Your text is kept; theirs is shown under each field. Ctrl-S saves yours over it, Esc discards.",
        local_time(at)
    )
}

pub fn store_error(error: &StoreError) -> String {
    match error {
        StoreError::Conflict { id, who, at } => {
            format!(
                "{who} changed #{id} at {}; reload and try again.",
                local_time(*at)
            )
        }
        StoreError::DrawnUp { arena, at, by } => drawn_up_refused(*arena, *at, by),
        StoreError::Restricted(arena) => restricted_refused(*arena),
        StoreError::NotAdministrator(who) => not_administrator(who),
        StoreError::LastAdministrator(who) => last_administrator(who),
        StoreError::Refused(refusals) => {
            let reasons = refusals.iter().map(refusal).collect::<Vec<_>>().join("; ");
            format!("Refused: {reasons}.")
        }
        other => other.to_string(),
    }
}

pub fn column_heading(stage: Stage, count: usize) -> String {
    format!("{} ({count})", stage_label(stage))
}

pub fn more_below(count: usize) -> String {
    format!("↓ {count} more")
}

pub fn signalled(by: &str, at: DateTime<Utc>) -> String {
    format!("Signalled by {by}, {}", local_time(at))
}

pub fn in_stage_since(stage: Stage, at: DateTime<Utc>) -> String {
    format!("{} since {}", stage_label(stage), local_time(at))
}

pub fn commissioned_by(by: &str) -> String {
    format!("Commissioned by {by}")
}

pub fn declined_because(reason: &str) -> String {
    format!("Declined: {reason}")
}

pub fn signal_recorded(id: i64) -> String {
    format!("Signal recorded as arena #{id}.")
}

pub fn unknown_mission(wanted: &str, known: &str) -> String {
    format!("unknown mission \"{wanted}\"; choose one of: {known}")
}

pub fn demo_refused(path: &std::path::Path) -> String {
    format!(
        "{} already holds arenas that are not the demo; puls will not mix the demo into it. Choose a new file with --db.",
        path.display()
    )
}

pub fn demo_needs_db() -> &'static str {
    "the demo never goes into your own database; name a new file with --db"
}

pub fn demo_already_there(path: &std::path::Path) -> String {
    format!(
        "{} already holds this demo; open it with: puls --db {}",
        path.display(),
        path.display()
    )
}

pub fn demo_ready(path: &std::path::Path) -> String {
    format!(
        "The demo is in {}; open it with: puls --db {}",
        path.display(),
        path.display()
    )
}

/// What the large demo generated: `counts` as (what, how many).
pub fn large_demo_ready(
    path: &std::path::Path,
    counts: &[(&str, usize)],
    seed: u64,
    took: std::time::Duration,
) -> String {
    let counts = counts
        .iter()
        .map(|(what, n)| format!("{} {what}", thousands(*n)))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "Generated {counts} from seed {seed} in {:.1} s.\nOpen it with: puls --db {}",
        took.as_secs_f64(),
        path.display()
    )
}

/// 200000 as "200,000".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn no_data_folder() -> &'static str {
    "cannot find a data folder for puls (is HOME set?); choose a file with --db or PULS_DB"
}

/// The one line that explains a command, for help and hints.
pub fn command_description(command: Command) -> &'static str {
    match command {
        Command::Quit => "quit puls",
        Command::Back => "close, clear the filter, or quit",
        Command::Help => "show every key",
        Command::NextPane => "focus the next pane",
        Command::PreviousPane => "focus the previous pane",
        Command::FocusBoard => "focus the board",
        Command::Zoom => "zoom the focused pane / back",
        Command::Undo => "undo your last change",
        Command::ColumnLeft => "previous stage column",
        Command::ColumnRight => "next stage column",
        Command::CardUp => "previous arena",
        Command::CardDown => "next arena",
        Command::FirstCard => "first arena in the column",
        Command::LastCard => "last arena in the column",
        Command::PageUp => "a page up",
        Command::PageDown => "a page down",
        Command::OpenDetail => "open the arena",
        Command::NewSignal => "record a new signal",
        Command::Edit => "edit the selected item",
        Command::NextStage => "move to the next stage",
        Command::PreviousStage => "move back a stage / reopen",
        Command::Decline => "decline a signal, with a reason",
        Command::FilterMission => "filter by mission (cycles)",
        Command::FilterText => "search / filter by text",
        Command::ToggleDeclined => "show / hide declined signals",
        Command::ScrollUp => "scroll up",
        Command::ScrollDown => "scroll down",
        Command::NextField => "next field",
        Command::PreviousField => "previous field",
        Command::Save => "save",
        Command::Confirm => "confirm",
        Command::FocusRoster => "focus the roster",
        Command::RowUp => "previous row",
        Command::RowDown => "next row",
        Command::FirstRow => "first row",
        Command::LastRow => "last row",
        Command::NextView => "team / people / competences",
        Command::CycleSort => "sort by name, unit or free time",
        Command::FilterCompetence => "filter by competence",
        Command::FilterUnit => "filter by unit",
        Command::CycleSide => "all / internal / external",
        Command::ToggleFree => "only people with free time",
        Command::ToggleInactive => "show / hide inactive",
        Command::NewEntry => "add a person, competence or need",
        Command::ToggleActive => "deactivate / reactivate",
        Command::Delete => "delete (a person only if never allocated)",
        Command::FindStaff => "find staff for the arena",
        Command::Release => "release a member from the arena",
        Command::SwitchList => "switch between needs and people",
        Command::FocusPlan => "focus the PULS plan",
        Command::PreviousStep => "previous step of the plan",
        Command::NextStep => "next step of the plan",
        Command::CycleStatus => "next status of an activity or need",
        Command::Block => "mark an activity blocked, with the reason",
        Command::MoveUp => "move an activity up",
        Command::MoveDown => "move an activity down",
        Command::History => "the arena's whole history",
        Command::Standup => "stand-up: this arena and the coordinator's others",
        Command::NextArena => "next arena in the stand-up",
        Command::PreviousArena => "previous arena in the stand-up",
        Command::Timer => "start / stop the stand-up clock",
        Command::Done => "mark the selected activity done",
        Command::AddActivity => "add an activity to the arena",
        Command::AddContact => "note a contact with the recipient",
        Command::FocusBank => "focus the knowledge bank",
        Command::CycleKind => "filter by kind (cycles)",
        Command::FilterTag => "filter by tag",
        Command::Figures => "key figures for the management",
        Command::RestrictedRecord => restricted_record_description(),
    }
}

/// The one or two words a command gets in the status bar's hints.
pub fn command_hint(command: Command) -> &'static str {
    match command {
        Command::NewSignal => "new",
        Command::OpenDetail => "open",
        Command::Edit => "edit",
        Command::NextStage => "next stage",
        Command::PreviousStage => "back",
        Command::Decline => "decline",
        Command::FilterText => "filter",
        Command::FilterMission => "mission",
        Command::Undo => "undo",
        Command::Help => "help",
        Command::ScrollDown => "scroll",
        Command::NextField => "next field",
        Command::Save => "save",
        Command::Back => "close",
        Command::Confirm => "ok",
        Command::NextView => "view",
        Command::CycleSort => "sort",
        Command::FilterCompetence => "competence",
        Command::FilterUnit => "unit",
        Command::CycleSide => "int/ext",
        Command::ToggleFree => "free",
        Command::NewEntry => "add",
        Command::ToggleActive => "(de)activate",
        Command::FindStaff => "staff",
        Command::Release => "release",
        Command::SwitchList => "switch",
        Command::NextStep => "step",
        Command::CycleStatus => "status",
        Command::Block => "block",
        Command::MoveDown => "move",
        Command::Delete => "delete",
        Command::NextArena => "next",
        Command::Timer => "clock",
        Command::Done => "done",
        Command::AddActivity => "activity",
        Command::AddContact => "contact",
        Command::CycleKind => "kind",
        Command::FilterTag => "tag",
        other => command_description(other),
    }
}

pub fn context_label(context: crate::app::keymap::Context) -> &'static str {
    use crate::app::keymap::Context;
    match context {
        Context::Global => "Everywhere",
        Context::Board => "Board",
        Context::Roster => "Roster",
        Context::Plan => "PULS plan",
        Context::Bank => "Knowledge bank",
        Context::Detail => "Arena detail",
        Context::Staff => "Find staff",
        Context::Standup => "Stand-up",
        Context::Help => "Help",
        Context::Form => "Forms",
        Context::Prompt => "Questions",
    }
}

/// The roster spreadsheet's format, shown by `puls roster import --help` and `export --help`.
pub const ROSTER_FORMAT: &str = "\
The file: UTF-8 CSV (in Excel: Save as \"CSV UTF-8\"), comma-separated, with this header row:

  name,unit,external,role,contact,capacity,coordinator,competences

  name         required; a name already on the roster (in any case) updates that person
  unit         the person's unit or partner organisation; a new one is created
  external     yes/no: a new unit is an outside partner (existing units keep their mark)
  role         title, free text
  contact      phone or e-mail, free text
  capacity     percent of a full-time week free for arenas, 0-100 (empty: 20)
  coordinator  yes/no: can coordinate an arena
  competences  Name:level separated by ; with level 1 aware, 2 practising, 3 experienced,
               4 can teach others (no level: 2). A new name is added to the catalogue.

yes/no also reads ja/nej, true/false, sant/falskt and 1/0; empty is no. A file saved
with semicolons between the columns (Excel with Swedish settings) is read too.
Every row is checked first: if one is wrong, each problem is listed as FILE:LINE
(the header is line 1) and nothing is written.";

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub fn cannot_read(path: &std::path::Path, error: &std::io::Error) -> String {
    format!("{}: cannot read the file: {error}", path.display())
}

/// One problem in a roster spreadsheet; the caller puts `FILE:LINE:` before it.
pub fn csv_problem(problem: &crate::roster_csv::ProblemKind) -> String {
    use crate::roster_csv::{COLUMNS, ProblemKind};
    match problem {
        ProblemKind::NotUtf8 => {
            "not UTF-8 text from this line on: in Excel, save as \"CSV UTF-8\" so å, ä and ö survive"
                .to_owned()
        }
        ProblemKind::Empty => format!(
            "the file is empty: its first line is the header {}",
            COLUMNS.join(",")
        ),
        ProblemKind::Header { found } => format!(
            "the header is \"{found}\"; it must be {}",
            COLUMNS.join(",")
        ),
        ProblemKind::Columns { found } => format!(
            "{} where the header has {}; a cell holding a comma needs \"double quotes\"",
            plural(*found, "column", "columns"),
            COLUMNS.len()
        ),
        ProblemKind::NameEmpty => "the name is empty".to_owned(),
        ProblemKind::Capacity(found) => format!(
            "capacity \"{found}\" is not a number from 0 to 100 (percent of a full-time week)"
        ),
        ProblemKind::YesNo { column, found } => {
            format!("{column} is \"{found}\"; write yes or no")
        }
        ProblemKind::Level { competence, found } => {
            format!("\"{competence}\": the level \"{found}\" is not 1, 2, 3 or 4")
        }
        ProblemKind::CompetenceNameEmpty => {
            "a competence without a name (a stray colon or level?)".to_owned()
        }
        ProblemKind::CompetenceTwice(name) => {
            format!("\"{name}\" is listed twice among the competences")
        }
        ProblemKind::NameTwice { first } => {
            format!("this person is already on line {first}; each person once")
        }
        ProblemKind::UnitSide { unit, first } => format!(
            "\"{unit}\" is marked external differently on line {first}; mark a unit the same on every row"
        ),
        ProblemKind::Unreadable(detail) => format!("cannot read the CSV: {detail}"),
    }
}

pub fn nothing_imported(problems: usize) -> String {
    format!(
        "nothing imported: fix the {} above and run again",
        plural(problems, "problem", "problems")
    )
}

/// What an import did, or with `dry_run` would do; new names listed so a typo is caught.
pub fn import_summary(summary: &crate::store::ImportSummary, dry_run: bool) -> String {
    let counts = format!(
        "{} added, {} updated, {} unchanged; {}, {}",
        summary.added,
        summary.updated,
        summary.unchanged,
        plural(
            summary.new_competences.len(),
            "new competence",
            "new competences"
        ),
        plural(summary.new_units.len(), "new unit", "new units"),
    );
    let mut text = if dry_run {
        format!("Dry run, nothing written. Would be: {counts}.")
    } else {
        format!("Imported: {counts}.")
    };
    if !summary.new_competences.is_empty() {
        text.push_str(&format!(
            "\nNew competences: {}.",
            summary.new_competences.join(", ")
        ));
    }
    if !summary.new_units.is_empty() {
        text.push_str(&format!("\nNew units: {}.", summary.new_units.join(", ")));
    }
    text
}

pub fn competence_not_exportable(name: &str) -> String {
    format!(
        "the competence \"{name}\" holds a semicolon and will read back as two; rename it before importing this file"
    )
}

// Shared databases: history, backups, restores and checks on the command line.

/// What the user should know about a database that opened.
pub fn store_warning(warning: &crate::store::Warning) -> String {
    match warning {
        crate::store::Warning::WorldReadable(path) => format!(
            "anyone on this machine can read {}; `chmod o-r` on it keeps the arenas and people to your team",
            path.display()
        ),
    }
}

/// What an audit row is about: `arena #12`, `person 4`.
pub fn history_entity(entity: &str, id: i64) -> String {
    match entity {
        "arena" => format!("arena #{id}"),
        other => format!("{other} {id}"),
    }
}

pub fn history_empty(since: Option<DateTime<Utc>>, arena: Option<i64>) -> String {
    let of = arena.map_or(String::new(), |id| format!(" of arena #{id}"));
    match since {
        Some(at) => format!("No changes{of} since {}.", local_time(at)),
        None => format!("No changes{of} yet."),
    }
}

pub fn since_invalid(raw: &str) -> String {
    format!(
        "\"{raw}\" is not a time: write a date (2026-11-01), a date and time (2026-11-01T09:00) or a time ago (7d, 24h, 30m)"
    )
}

pub fn backup_written(file: &std::path::Path) -> String {
    format!(
        "Backup written to {} (readable by you only) and checked: sound.",
        file.display()
    )
}

pub fn restored(
    target: &std::path::Path,
    file: &std::path::Path,
    replaced: Option<&std::path::Path>,
    newest: Option<DateTime<Utc>>,
) -> String {
    let newest = newest.map_or(String::new(), |at| {
        format!(" Its newest change is from {}.", local_time(at))
    });
    let kept = replaced.map_or(String::new(), |p| {
        format!(" The database it replaced is kept as {}.", p.display())
    });
    format!(
        "Restored {} from {}.{newest}{kept}",
        target.display(),
        file.display()
    )
}

pub fn restore_would_lose(
    lost: usize,
    target: &std::path::Path,
    target_newest: DateTime<Utc>,
    file: &std::path::Path,
    file_newest: Option<DateTime<Utc>>,
) -> String {
    let local =
        |at: DateTime<Utc>, format: &str| at.with_timezone(&Local).format(format).to_string();
    let list = file_newest.map_or("puls history".to_owned(), |at| {
        format!("puls history --since {}", local(at, "%Y-%m-%dT%H:%M"))
    });
    format!(
        "{} holds {} that {} does not (the last at {}): restoring would lose them. `{list}` lists them; add --force to restore anyway (the current database is kept beside it).",
        target.display(),
        plural(lost, "change", "changes"),
        file.display(),
        local(target_newest, "%Y-%m-%d %H:%M:%S"),
    )
}

pub fn check_sound() -> &'static str {
    "The database is sound: every page, index and reference checks out."
}

pub fn check_damage(line: &str) -> String {
    format!("Damaged: {line}")
}

/// A row that points at one that is not there, in the domain's words where the table has one.
pub fn check_dangling(table: &str, row: Option<i64>, parent: &str) -> String {
    let noun = |table: &str| match table {
        "arenas" => "arena".to_owned(),
        "people" => "person".to_owned(),
        "units" => "unit".to_owned(),
        "competences" => "competence".to_owned(),
        "needs" => "need".to_owned(),
        "allocations" => "allocation".to_owned(),
        "holdings" => "competence holding".to_owned(),
        other => format!("row of {other}"),
    };
    let row = row.map_or(String::new(), |r| format!(" {r}"));
    format!(
        "The {}{row} refers to a {} that does not exist.",
        noun(table),
        noun(parent)
    )
}

pub fn check_schema(schema: usize, known: usize) -> Option<String> {
    if schema > known {
        Some(format!(
            "Written by a newer puls (schema {schema}; this puls knows {known}): update puls before opening it."
        ))
    } else if schema < known {
        Some(format!(
            "Schema {schema} of {known}: puls brings it up to date the next time it opens it."
        ))
    } else {
        None
    }
}

pub fn check_world_writable(path: &std::path::Path) -> String {
    format!(
        "Anyone on this machine can write {}: puls refuses to open the database until `chmod o-w` on it.",
        path.display()
    )
}

// Key figures and reports (`puls figures`, `puls report`).

pub const FIG_TITLE: &str = "Key figures";
pub const FIG_BY_STAGE: &str = "Arenas by stage";
pub const FIG_BY_MISSION: &str = "Arenas by mission";
pub const FIG_DURATIONS: &str = "Time, in days";
pub const FIG_SIGNAL_TO_COMMISSION: &str = "Signal to commission";
pub const FIG_COMMISSION_TO_CLOSE: &str = "Commission to close";
pub const FIG_LATE: &str = "Late against target date";
pub const FIG_EVALUATION: &str = "Effect against the criteria";
pub const FIG_MET: &str = "Met";
pub const FIG_NOT_MET: &str = "Not met";
pub const FIG_NO_RESULT: &str = "No result";
pub const FIG_KNOWLEDGE: &str = "Knowledge returned";
pub const FIG_ENTRIES_PER_CLOSED: &str = "Entries per closed arena";
pub const FIG_CLOSED_WITHOUT_ENTRIES: &str = "Closed without entries";
pub const FIG_STAFFING: &str = "Staffing today";
pub const FIG_UNFILLED: &str = "Unfilled needs by competence";
pub const FIG_OVER: &str = "Over-allocated people";
pub const FIG_ARENAS: &str = "Arenas";
pub const FIG_NONE: &str = "None.";
pub const FIG_COUNT: &str = "Arenas";
pub const FIG_NEEDS: &str = "Needs";
pub const FIG_MEDIAN: &str = "Median";
pub const FIG_P90: &str = "90th percentile";
pub const FIG_PERSON: &str = "Person";
pub const FIG_ALLOCATED: &str = "Allocated";
pub const FIG_CAPACITY: &str = "Capacity";
pub const FIG_ARENA: &str = "Arena";
pub const FIG_NUMBER: &str = "#";
pub const FIG_SIGNALLED: &str = "Signalled";
pub const FIG_COMMISSIONED: &str = "Commissioned";
pub const FIG_CLOSED: &str = "Closed";
pub const FIG_ENTRIES: &str = "Knowledge entries";
pub const FIG_PULS: &str = "PULS";
pub const FIG_LATE_COLUMN: &str = "Late";
pub const FIG_YES: &str = "yes";
pub const FIG_NO: &str = "no";
pub const FIG_FROM_AFTER_TO: &str = "--from is after --to: the period would hold no day.";

/// The period a report covers, in words.
pub fn fig_period(from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
    match (from, to) {
        (None, None) => "all arenas".to_owned(),
        (Some(f), None) => format!("arenas alive from {f}"),
        (None, Some(t)) => format!("arenas signalled up to {t}"),
        (Some(f), Some(t)) => format!("arenas alive from {f} to {t}"),
    }
}

/// The line under the report's title.
pub fn fig_as_of(today: NaiveDate, arenas: usize) -> String {
    let arenas = match arenas {
        1 => "1 arena".to_owned(),
        n => format!("{n} arenas"),
    };
    format!("As of {today} · {arenas} in the period")
}

/// A number of days as people read it: whole days plain, else one decimal.
pub fn fig_days(days: f64) -> String {
    let text = format!("{days:.1}");
    text.strip_suffix(".0").unwrap_or(&text).to_owned()
}

/// A spread on one line: `7 arenas · median 12 days · 90th percentile 30.5`.
pub fn fig_spread(spread: &crate::domain::figures::Spread, what: &str) -> String {
    match (spread.median_days, spread.p90_days) {
        (Some(median), Some(p90)) => format!(
            "{} {what} · median {} · 90th percentile {}",
            spread.count,
            fig_days(median),
            fig_days(p90)
        ),
        _ => format!("no {what} in the period"),
    }
}

pub const FIG_ARENAS_WORD: &str = "arenas";

/// A person's load: `35% of 30%, 5 over`.
pub fn fig_load(load: crate::domain::roster::Load) -> String {
    format!(
        "{}% of {}%, {} over",
        load.allocated,
        load.capacity,
        -load.free()
    )
}

pub fn fig_target(target: NaiveDate) -> String {
    format!("target {target}")
}

/// An arena's verdicts: `met 2 · not met 1 · no result 0`.
pub fn fig_verdicts(met: u32, not_met: u32, no_result: u32) -> String {
    format!("met {met} · not met {not_met} · no result {no_result}")
}

pub fn fig_written(today: NaiveDate) -> String {
    format!("Written by puls on {today}.")
}

pub fn fig_closed_on(closed: NaiveDate) -> String {
    format!("closed {closed}")
}

// The knowledge bank on the command line: export, import and their problems.

/// An entry's kind as people read it.
pub fn bank_kind_label(kind: crate::domain::knowledge::EntryKind) -> &'static str {
    use crate::domain::knowledge::EntryKind;
    match kind {
        EntryKind::Lesson => "Lesson",
        EntryKind::Method => "Method",
        EntryKind::CaseSummary => "Case summary",
        EntryKind::Contact => "Contact",
        EntryKind::Course => "Course",
    }
}

pub const BANK_MD_TITLE: &str = "Knowledge bank";
pub const BANK_LABEL_KIND: &str = "Kind";
pub const BANK_LABEL_TAGS: &str = "Tags";
pub const BANK_LABEL_COMPETENCES: &str = "Competences";
pub const BANK_LABEL_ARENA: &str = "From arena";
pub const BANK_LABEL_WRITTEN: &str = "Written by";

pub fn bank_md_intro(entries: usize, today: NaiveDate) -> String {
    format!(
        "{}, written by puls on {today}.",
        plural(entries, "entry", "entries")
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
pub fn bank_problem(problem: &crate::store::BankProblem) -> String {
    use crate::store::BankProblemKind;
    let what = match &problem.kind {
        BankProblemKind::NotJson(detail) => format!("not JSON: {detail}"),
        BankProblemKind::NotABank => {
            "not a knowledge bank written by `puls bank export --format json` (no \"format\" and \"entries\")"
                .to_owned()
        }
        BankProblemKind::TooNew(format) => format!(
            "written by a newer puls (format {format}); update puls to read it"
        ),
        BankProblemKind::NotAnEntry(detail) => format!("not an entry: {detail}"),
        BankProblemKind::TitleEmpty => "the title is empty".to_owned(),
        BankProblemKind::TitleTooLong { chars } => format!(
            "the title has {chars} characters; at most {} fit",
            crate::domain::text::TITLE_MAX_CHARS
        ),
    };
    match problem.entry {
        Some(n) => format!("entry {n}: {what}"),
        None => what,
    }
}

/// What a bank import did, or with `dry_run` would do; new competences listed so a typo shows.
pub fn bank_import_summary(summary: &crate::store::BankImport, dry_run: bool) -> String {
    let counts = format!(
        "{} added, {} already in the bank",
        plural(summary.added, "entry", "entries"),
        summary.already
    );
    let mut text = if dry_run {
        format!("Dry run, nothing written. Would be: {counts}.")
    } else {
        format!("Imported: {counts}.")
    };
    if summary.unlinked > 0 {
        text.push_str(&format!(
            "\n{} from arenas not in this database: added without the link.",
            plural(summary.unlinked, "entry comes", "entries come")
        ));
    }
    if !summary.new_competences.is_empty() {
        text.push_str(&format!(
            "\nNew competences: {}.",
            summary.new_competences.join(", ")
        ));
    }
    text
}

// Citizen data: personal numbers, health terms, registration numbers, retention.

pub const LABEL_REGISTRATION: &str = "Registration";

/// What a finding looks like, in a refusal or an audit row; never the number itself.
pub fn finding_kind(kind: crate::domain::privacy::FindingKind) -> &'static str {
    match kind {
        crate::domain::privacy::FindingKind::PersonalNumber => "personal identity number",
        crate::domain::privacy::FindingKind::HealthTerm => "health term",
    }
}

/// Why the command line refused text: every field and what it looks like, masked.
pub fn personal_data_refused(findings: &[crate::domain::privacy::Finding]) -> String {
    let lines: Vec<String> = findings
        .iter()
        .map(|f| {
            format!(
                "{}: looks like a {} ({})",
                f.field,
                finding_kind(f.kind),
                f.found
            )
        })
        .collect();
    format!(
        "{}\nAn arena refers to its citizen by a case reference (like LF-2026-014). Remove it, or add --allow-personal-data to save it anyway (the decision is logged).",
        lines.join("\n")
    )
}

/// `puls register`: what the arena's registration number now is.
pub fn registration_set(arena: i64, number: &str) -> String {
    if number.is_empty() {
        format!("Arena #{arena} has no registration number now.")
    } else {
        format!("Arena #{arena} is registered as {number}.")
    }
}

/// A registration number longer than fits.
pub fn registration_too_long(chars: usize, max: usize) -> String {
    format!("the registration number has {chars} characters; at most {max} fit")
}

/// One arena in `puls retention run`: what the rule anonymises, or would.
pub fn retention_line(change: &crate::store::RetentionChange) -> String {
    let mut what = Vec::new();
    if change.recipient {
        what.push("the recipient".to_owned());
    }
    if change.contacts > 0 {
        what.push(plural(
            change.contacts,
            "contact summary",
            "contact summaries",
        ));
    }
    if change.restricted {
        what.push("the restricted record".to_owned());
    }
    if change.read_log > 0 {
        what.push(plural(change.read_log, "read-log row", "read-log rows"));
    }
    let when = change
        .closed_at
        .map(|at| {
            format!(
                " (closed {})",
                at.with_timezone(&chrono::Local).date_naive()
            )
        })
        .unwrap_or_default();
    format!(
        "#{} {}{when}: {} [{}]",
        change.arena,
        crate::domain::text::one_line(&change.title),
        what.join(" and "),
        change.rule
    )
}

/// The last line of `puls retention run`.
pub fn retention_summary(arenas: usize, rule: &str, dry_run: bool) -> String {
    match (arenas, dry_run) {
        (0, _) => format!("Nothing to anonymise under rule {rule}."),
        (n, true) => format!(
            "Dry run, nothing written. Would anonymise {} under rule {rule}.",
            plural(n, "arena", "arenas")
        ),
        (n, false) => format!(
            "Anonymised {} under rule {rule}, each noted in the history.",
            plural(n, "arena", "arenas")
        ),
    }
}

/// Shown in a form when what was typed looks like personal data: the user decides.
pub fn personal_data_warning(findings: &[crate::domain::privacy::Finding]) -> String {
    let found: Vec<String> = findings
        .iter()
        .map(|f| format!("{}: {} ({})", f.field, finding_kind(f.kind), f.found))
        .collect();
    format!(
        "Looks like personal data: {}. Use a case reference instead, or Ctrl-S again to keep it (logged).",
        found.join("; ")
    )
}

// --- 9 ---

/// Why a drawn-up arena refuses an edit: when, by whom, and the way to a new version.
pub fn drawn_up_refused(arena: i64, at: DateTime<Utc>, by: &str) -> String {
    format!(
        "Arena #{arena} was drawn up {} by {by}: its program, evaluation and knowledge entries are locked. Move it back (<) to reopen it as a new version.",
        at.with_timezone(&chrono::Local).date_naive()
    )
}

/// The plan pane's line for a closed arena.
pub fn drawn_up_line(at: DateTime<Utc>, by: &str) -> String {
    format!(
        "drawn up {} by {by} · locked",
        at.with_timezone(&chrono::Local).date_naive()
    )
}

/// Why a restricted record stays shut.
pub fn restricted_refused(arena: i64) -> String {
    format!(
        "Arena #{arena} has a restricted record; only its coordinator and communication lead may open it (their OS accounts linked with `puls users link`)."
    )
}

pub fn not_administrator(who: &str) -> String {
    format!("Refused: {who} is not an administrator. Ask one to run `puls users grant`.")
}

pub fn last_administrator(who: &str) -> String {
    format!("Refused: {who} is the last administrator; grant the role to someone else first.")
}

/// A configured retention rule set that cannot be applied.
pub fn retention_rule_problem(problem: &crate::domain::retention::RuleProblem) -> String {
    use crate::domain::retention::RuleProblem;
    match problem {
        RuleProblem::NoName(n) => format!("retention rule {n}: a name is needed"),
        RuleProblem::NoDays(name) => format!("retention rule {name}: days must be 1 or more"),
        RuleProblem::NamedTwice(name) => format!("retention rule {name} is named twice"),
    }
}

pub fn restricted_record_description() -> &'static str {
    "open the recipient's restricted record"
}

pub fn note_label() -> &'static str {
    "Note"
}

pub fn restricted_form_title(arena: i64) -> String {
    format!("#{arena} restricted record (opening is logged)")
}

/// After the restricted record was saved, or erased with every field empty.
pub fn restricted_saved(arena: i64) -> String {
    format!("The restricted record of #{arena} is saved.")
}

/// The plan pane's line that says a restricted record exists, never what it holds.
pub fn restricted_exists(key: &str) -> String {
    format!("restricted record kept · {key} to open (coordinator and lead)")
}

pub fn unknown_role(code: &str) -> String {
    format!(
        "\"{code}\" is not a role; the roles are coordinator, member, external and administrator"
    )
}

pub fn no_accounts() -> &'static str {
    "No accounts have roles yet. The first to run `puls users grant` becomes administrator."
}

/// One line of `puls users list`: `karin  coordinator, administrator  (Karin Svensson)`.
pub fn account_line(account: &crate::store::AccountRow) -> String {
    let roles: Vec<&str> = account.roles.iter().map(|r| r.code()).collect();
    let roles = if roles.is_empty() {
        "no role".to_owned()
    } else {
        roles.join(", ")
    };
    match &account.person {
        Some(person) => format!("{}  {roles}  ({person})", account.name),
        None => format!("{}  {roles}", account.name),
    }
}

pub fn first_administrator(who: &str) -> String {
    format!("{who} is the first administrator of this database (noted in the history).")
}

pub fn role_granted(account: &str, role: crate::domain::access::Role) -> String {
    format!("{account} is {} now.", role.code())
}

pub fn role_revoked(account: &str, role: crate::domain::access::Role, removed: bool) -> String {
    if removed {
        format!("{account} is no longer {}.", role.code())
    } else {
        format!("{account} was not {}; nothing changed.", role.code())
    }
}

pub fn account_linked(account: &str, person: &str) -> String {
    if person.is_empty() {
        format!("{account} is linked to nobody on the roster now.")
    } else {
        format!("{account} is {person} on the roster.")
    }
}

pub fn extract_recipient() -> &'static str {
    "Recipient"
}

pub fn extract_contacts() -> &'static str {
    "Contacts"
}

pub fn extract_criteria() -> &'static str {
    "Evaluation"
}

pub fn extract_activities() -> &'static str {
    "Activities"
}

pub fn extract_entries() -> &'static str {
    "Knowledge entries"
}

pub fn extract_restricted() -> &'static str {
    "Restricted record"
}

pub fn extract_history() -> &'static str {
    "History"
}

pub fn extract_read_log() -> &'static str {
    "Read log"
}

pub fn extract_none() -> &'static str {
    "None."
}

pub fn extract_nothing_held() -> &'static str {
    "No arena has this case reference as its recipient."
}

/// What masked text reads in a public-records extract.
pub fn extract_mask() -> &'static str {
    "[masked]"
}

pub fn subject_extract_title(case_ref: &str) -> String {
    format!("Everything held about {case_ref} (GDPR art. 15)")
}

pub fn extract_written(at: &str, by: &str) -> String {
    format!("Written {at} by {by}. Times are UTC.")
}

pub fn public_extract_title(arena: i64, title: &str) -> String {
    format!("Arena #{arena} {title}: drawn-up records for review")
}

pub fn public_extract_version(version: i64, at: &str, by: &str) -> String {
    format!("Version {version}, drawn up {at} by {by}.")
}

pub fn public_extract_review() -> &'static str {
    "The recipient and what looks like personal data are masked; review the rest before release under the public-records law."
}

/// `puls extract public` on an arena that was never closed.
pub fn not_drawn_up(arena: i64) -> String {
    format!("arena #{arena} has never been closed, so it has no drawn-up records to release")
}
