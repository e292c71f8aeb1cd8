//! Staffing through line managers: requests, "Requests to me", approvals and declines.

use chrono::NaiveDate;

use super::local_time;
use puls_domain::request::{ApprovalProblem, RequestStatus, StaffingRequest};
use puls_store::StoreError;

texts! {
    requests_title => "Requests to me", "Förfrågningar till mig";
    view_requests => "Requests", "Förfrågningar";
    requests_all_title => "Staffing requests waiting", "Bemanningsförfrågningar som väntar";
    no_requests => "No staffing requests wait for you.", "Inga bemanningsförfrågningar väntar på dig.";
    label_manager_account => "Line manager", "Linjechef";
    label_share => "Share %", "Andel %";
    label_from => "From", "Från";
    label_own_share => "Own share %", "Egen andel %";
    decline_reason_title => "Why is the request declined?", "Varför avslås förfrågan?";
    reason_needed => "A decline needs a reason.", "Ett avslag behöver ett skäl.";
    approve_title => "Approve staffing request", "Godkänn bemanningsförfrågan";
    no_request_selected => "No request is chosen.", "Ingen förfrågan är vald.";
}

/// "approved", "godkänd": a request's status in words.
pub fn request_status(status: RequestStatus) -> &'static str {
    match status {
        RequestStatus::Pending => tr!("waiting", "väntar"),
        RequestStatus::Approved => tr!("approved", "godkänd"),
        RequestStatus::Declined => tr!("declined", "avslagen"),
        RequestStatus::Withdrawn => tr!("withdrawn", "återkallad"),
    }
}

/// What went wrong with a staffing request, in both languages alike.
pub fn request_error(error: &StoreError) -> String {
    match error {
        StoreError::NoManager(person) => no_manager(person),
        StoreError::RequestNotFound(id) => request_not_found(*id),
        StoreError::NotManager {
            request,
            person,
            who,
        } => not_manager(*request, person, who),
        StoreError::NotAsker { request, who } => not_asker(*request, who),
        StoreError::RequestClosed { request, status } => request_closed(*request, *status),
        StoreError::ApprovalRefused(problem) => approval_problem(*problem).to_owned(),
        StoreError::ReasonMissing => reason_needed().to_owned(),
        other => other.to_string(),
    }
}

pub fn no_manager(person: &str) -> String {
    tr!(
        format!(
            "{person} has no line manager on the roster: set their manager (e on the person in the roster) to ask for their time; an administrator may allocate directly."
        ),
        format!(
            "{person} har ingen linjechef i kompetensregistret: ange personens chef (e på personen i registret) för att fråga efter tiden; en administratör får bemanna direkt."
        )
    )
}

pub fn request_not_found(id: i64) -> String {
    tr!(
        format!("Staffing request {id} does not exist; `puls requests` lists them."),
        format!("Bemanningsförfrågan {id} finns inte; `puls requests` listar dem.")
    )
}

pub fn not_manager(request: i64, person: &str, who: &str) -> String {
    tr!(
        format!(
            "{who} is not the line manager of {person}: only that manager (or an administrator) decides request {request}."
        ),
        format!(
            "{who} är inte linjechef för {person}: bara den chefen (eller en administratör) beslutar om förfrågan {request}."
        )
    )
}

pub fn not_asker(request: i64, who: &str) -> String {
    tr!(
        format!(
            "{who} did not ask request {request}: only who asked (or an administrator) withdraws it."
        ),
        format!(
            "{who} ställde inte förfrågan {request}: bara den som frågade (eller en administratör) återkallar den."
        )
    )
}

pub fn request_closed(request: i64, status: RequestStatus) -> String {
    let status = request_status(status);
    tr!(
        format!("Staffing request {request} is already {status}."),
        format!("Bemanningsförfrågan {request} är redan {status}.")
    )
}

pub fn approval_problem(problem: ApprovalProblem) -> &'static str {
    match problem {
        ApprovalProblem::Share => tr!(
            "A share is 1 to 100 percent of a week.",
            "En andel är 1 till 100 procent av en vecka."
        ),
        ApprovalProblem::EndsBeforeStart => tr!(
            "The end comes before the start.",
            "Slutet kommer före starten."
        ),
    }
}

/// "Karin 20% for arena #12, until 2027-03-01": what a request asks.
pub fn request_line(r: &StaffingRequest) -> String {
    let (person, percent, arena) = (&r.person, r.percent, r.arena);
    let until = until(r.from, r.until);
    tr!(
        format!(
            "{person} {percent}% for arena #{arena} {}, {until}",
            r.arena_title
        ),
        format!(
            "{person} {percent}% till arena #{arena} {}, {until}",
            r.arena_title
        )
    )
}

/// "from 2026-12-06 until 2027-03-01", or "from 2026-12-06, open-ended".
pub fn until(from: NaiveDate, until: Option<NaiveDate>) -> String {
    match until {
        Some(until) => tr!(
            format!("from {from} until {until}"),
            format!("från {from} till {until}")
        ),
        None => tr!(
            format!("from {from}, no end"),
            format!("från {from}, utan slut")
        ),
    }
}

/// Who asked and when, for the requests view.
pub fn asked_by(who: &str, at: chrono::DateTime<chrono::Utc>) -> String {
    let at = local_time(at);
    tr!(
        format!("asked by {who} {at}"),
        format!("frågat av {who} {at}")
    )
}

pub fn requested(person: &str, manager: &str, percent: u32, arena: i64) -> String {
    tr!(
        format!(
            "Asked {manager} for {percent}% of {person}'s time for arena #{arena}; it is allocated when {manager} approves."
        ),
        format!(
            "Frågade {manager} om {percent}% av {person}s tid till arena #{arena}; bemanningen görs när {manager} godkänner."
        )
    )
}

/// Find-staff's mark on a candidate asked of their manager for this arena.
pub fn asked_waiting(manager: &str) -> String {
    tr!(
        format!("asked, waiting for {manager}"),
        format!("tillfrågad, väntar på {manager}")
    )
}

/// The asked-for load in a candidate's line: "20% asked, waiting".
pub fn asked_load(percent: u32) -> String {
    tr!(
        format!("{percent}% asked, waiting"),
        format!("{percent}% tillfrågat, väntar")
    )
}

pub fn approved(person: &str, percent: u32, arena: i64) -> String {
    tr!(
        format!("Approved: {person} {percent}% for arena #{arena}."),
        format!("Godkänt: {person} {percent}% till arena #{arena}.")
    )
}

pub fn declined_request(person: &str, arena: i64) -> String {
    tr!(
        format!("Declined: {person} for arena #{arena}."),
        format!("Avslaget: {person} till arena #{arena}.")
    )
}

pub fn request_withdrawn(person: &str, arena: i64) -> String {
    tr!(
        format!("Withdrawn: the request for {person} to arena #{arena}."),
        format!("Återkallad: förfrågan om {person} till arena #{arena}.")
    )
}

/// A person without a line manager, allocated directly by an administrator.
pub fn allocated_without_manager(person: &str) -> String {
    tr!(
        format!(
            "{person} has no line manager on the roster: allocated directly, as an administrator may."
        ),
        format!(
            "{person} har ingen linjechef i kompetensregistret: bemannad direkt, som en administratör får."
        )
    )
}
