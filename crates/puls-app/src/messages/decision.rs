//! Who decides: bodies, commissioning decisions, declines (issue 17).

use chrono::NaiveDate;

use puls_domain::arena::Arena;
use puls_domain::decision::{BodyKind, BodyProblem, DecisionProblem};

texts! {
    label_body => "Body", "Organ";
    label_decided_on => "Decided on", "Beslutsdatum";
    label_budget => "Budget", "Budget";
    label_may_ask => "May ask", "Får fråga";
    label_until => "Until", "Gäller till";
    label_manager => "Manager", "Närmaste chef";
    label_also_missions => "Also missions", "Även uppdrag";
    changed_after_start => "changed after start", "ändrat efter start";
    ranking_why => "Best fit first: level, then free time, then already in the team; over capacity last.",
        "Bäst lämpad först: nivå, sedan ledig tid, sedan redan i teamet; överbelastade sist.";
    config_no_bodies => "bodies: at least one [[bodies]] is needed to commission arenas",
        "bodies: minst ett [[bodies]] behövs för att beställa arenor";
    refusal_needs_decision => "a signal becomes an arena by a body's decision: > records it",
        "en signal blir en arena genom ett organs beslut: > registrerar det";
}

/// The strategic coordination group's code and name, when the config names no bodies.
pub fn default_body() -> (&'static str, &'static str) {
    tr!(
        ("SSG", "Strategic coordination group"),
        ("SSG", "Strategiska samordningsgruppen")
    )
}

pub fn body_kind(kind: BodyKind) -> &'static str {
    match kind {
        BodyKind::CoordinationGroup => tr!("coordination group", "samordningsgrupp"),
        BodyKind::ManagementGroup => tr!("management group", "ledningsgrupp"),
        BodyKind::CouncilCommittee => tr!("council committee", "fullmäktigeberedning"),
    }
}

pub fn body_problem(problem: &BodyProblem) -> String {
    match problem {
        BodyProblem::EmptyCode { index } => tr!(
            format!("bodies: body {index} needs a code"),
            format!("bodies: organ {index} behöver en kod")
        ),
        BodyProblem::EmptyName { code } => tr!(
            format!("bodies: {code} needs a name"),
            format!("bodies: {code} behöver ett namn")
        ),
        BodyProblem::CodeTwice { code } => tr!(
            format!("bodies: the code {code} is used twice; each body needs its own"),
            format!("bodies: koden {code} används två gånger; varje organ behöver en egen")
        ),
    }
}

pub fn unknown_body(wanted: &str, known: &str) -> String {
    tr!(
        format!("no body is called \"{wanted}\"; choose one of: {known}"),
        format!("inget organ heter \"{wanted}\"; välj ett av: {known}")
    )
}

pub fn decision_problem(problem: &DecisionProblem) -> &'static str {
    match problem {
        DecisionProblem::NoCoordinator => super::no_coordinator(),
        DecisionProblem::NoMandate => tr!("no mandate text", "ingen mandattext"),
        DecisionProblem::DateAhead => tr!(
            "the decision date is after today",
            "beslutsdatumet är efter i dag"
        ),
        DecisionProblem::UntilBeforeDecision => tr!(
            "the authorities end before the decision",
            "befogenheterna upphör före beslutet"
        ),
        DecisionProblem::OwnShare => tr!(
            "the coordinator's own share is 0 to 100 percent",
            "koordinatorns egna andel är 0 till 100 procent"
        ),
    }
}

pub fn decision_refused(problems: &[DecisionProblem]) -> String {
    let reasons: Vec<&str> = problems.iter().map(decision_problem).collect();
    let reasons = reasons.join(", ");
    tr!(
        format!("The decision was not recorded: {reasons}."),
        format!("Beslutet registrerades inte: {reasons}.")
    )
}

pub fn not_in_body(body: &str, who: &str) -> String {
    tr!(
        format!(
            "{who} is not a member of {body}: only its members (or an administrator) record its decisions."
        ),
        format!(
            "{who} är inte ledamot i {body}: bara dess ledamöter (eller en administratör) registrerar dess beslut."
        )
    )
}

pub fn own_arena(arena: i64, who: &str) -> String {
    tr!(
        format!(
            "{who} would coordinate arena #{arena}: a coordinator may not commission their own arena; another member of the body records the decision."
        ),
        format!(
            "{who} skulle vara koordinator för arena #{arena}: en koordinator får inte beställa sin egen arena; en annan ledamot i organet registrerar beslutet."
        )
    )
}

pub fn only_signals_commissioned(stage: &str) -> String {
    tr!(
        format!("only a signal can be commissioned, and this arena is {stage}"),
        format!("bara en signal kan beställas, och arenan är i fasen {stage}")
    )
}

pub fn decision_form_title(id: i64) -> String {
    tr!(
        format!("Decision: commission #{id}"),
        format!("Beslut: beställ #{id}")
    )
}

/// On the board's card: `SSG 2026-11-20`.
pub fn card_decision(body: &str, on: NaiveDate) -> String {
    format!("{body} {on}")
}

pub fn commissioned(arena: &Arena, body: &str) -> String {
    let id = arena.id;
    tr!(
        format!("#{id} commissioned by {body}. u undoes."),
        format!("#{id} beställd av {body}. u ångrar.")
    )
}

/// The detail's line of who decided, and when.
pub fn decided_by(body: &str, on: Option<NaiveDate>) -> String {
    let on = on.map(|d| d.to_string()).unwrap_or_else(|| "-".to_owned());
    tr!(
        format!("Decided by {body} on {on}"),
        format!("Beslutad av {body} {on}")
    )
}

/// The authorities a commission gave, one phrase each, leaving out what it did not name.
pub fn authorities(budget: &str, may_ask: &str, until: Option<NaiveDate>) -> Vec<String> {
    let mut out = Vec::new();
    if !budget.is_empty() {
        out.push(tr!(
            format!("Budget: {budget}"),
            format!("Budget: {budget}")
        ));
    }
    if !may_ask.is_empty() {
        out.push(tr!(
            format!("May ask: {may_ask}"),
            format!("Får fråga: {may_ask}")
        ));
    }
    if let Some(until) = until {
        out.push(tr!(
            format!("Authorities until {until}"),
            format!("Befogenheter till {until}")
        ));
    }
    out
}

/// The decline prompt's question: which body declines, on which day.
pub fn decline_for(body: &str, on: NaiveDate) -> String {
    tr!(
        format!("Declined by {body} on {on}. Reason:"),
        format!("Avböjd av {body} {on}. Skäl:")
    )
}

pub fn commission_recorded(id: i64, body: &str) -> String {
    tr!(
        format!("Arena #{id} commissioned by {body}."),
        format!("Arena #{id} beställd av {body}.")
    )
}

pub fn decline_recorded(id: i64, body: &str) -> String {
    tr!(
        format!("Signal #{id} declined by {body}."),
        format!("Signal #{id} avböjd av {body}.")
    )
}

/// The sentence an arena's document opens with: which body decided what, when, under which
/// registration number.
pub fn md_decision(
    declined: bool,
    body: &str,
    on: Option<NaiveDate>,
    registration: &str,
) -> String {
    let on = on.map(|d| d.to_string()).unwrap_or_else(|| "-".to_owned());
    let number = if registration.is_empty() {
        String::new()
    } else {
        format!(" ({registration})")
    };
    match declined {
        false => tr!(
            format!("**Decision:** commissioned by {body} on {on}{number}."),
            format!("**Beslut:** beställd av {body} {on}{number}.")
        ),
        true => tr!(
            format!("**Decision:** declined by {body} on {on}{number}."),
            format!("**Beslut:** avböjd av {body} {on}{number}.")
        ),
    }
}

pub fn only_signals_forwarded(stage: &str) -> String {
    tr!(
        format!("only a signal waits on an agenda, and this arena is {stage}"),
        format!("bara en signal väntar på en dagordning, och arenan är i fasen {stage}")
    )
}

/// "on the SSG agenda 2026-12-10"
pub fn on_agenda(body: &str, meeting: NaiveDate) -> String {
    tr!(
        format!("on the {body} agenda {meeting}"),
        format!("på {body}:s dagordning {meeting}")
    )
}

pub fn forwarded(id: i64, body: &str, meeting: NaiveDate) -> String {
    tr!(
        format!("Signal #{id} is on the {body} agenda {meeting}."),
        format!("Signal #{id} står på {body}:s dagordning {meeting}.")
    )
}

pub fn manager_took_it(manager: &str) -> String {
    tr!(format!("Manager: {manager}"), format!("Chef: {manager}"))
}

pub fn agenda_title(body: &str, name: &str) -> String {
    tr!(
        format!("Agenda of {name} ({body})"),
        format!("Dagordning för {name} ({body})")
    )
}

pub fn agenda_empty(body: &str) -> String {
    tr!(
        format!("No signals wait for {body}."),
        format!("Inga signaler väntar på {body}.")
    )
}

/// One agenda item's line of who raised it, when, and through which manager.
pub fn agenda_raised(by: &str, on: NaiveDate, manager: &str) -> String {
    match manager.is_empty() {
        true => tr!(
            format!("signalled by {by} on {on}"),
            format!("signalerad av {by} {on}")
        ),
        false => tr!(
            format!("signalled by {by} on {on}, taken on by {manager}"),
            format!("signalerad av {by} {on}, tagen vidare av {manager}")
        ),
    }
}

pub fn agenda_meeting(meeting: NaiveDate) -> String {
    tr!(format!("Meeting {meeting}"), format!("Möte {meeting}"))
}

/// A card under the filter of a mission that takes part in the arena: `HC, led by LF`.
pub fn participating_under(mission: &str, lead: &str) -> String {
    tr!(
        format!("{mission}, led by {lead}"),
        format!("{mission}, leds av {lead}")
    )
}

/// The head of one mission's figures: what it leads and what it takes part in.
pub fn mission_share(name: &str, code: &str, lead: u32, participating: u32) -> String {
    tr!(
        format!("{name} ({code}): leads {lead} arena(s), takes part in {participating} more."),
        format!("{name} ({code}): leder {lead} arena(or), deltar i {participating} till.")
    )
}
