//! Staffing requests: the coordinator asks a person's line manager for a share of their time;
//! the manager approves (the allocation is made then, in the same transaction) or declines
//! with a reason, and the coordinator may withdraw a request still waiting.

use crate::sql::{Db, OptionalExtension, Row, SqlResult, SqlStore, params};

use super::staffing::{NewAllocation, insert_allocation};
use super::{Result, Stamp, StoreError, access, drawn_up, history, time};
use puls_domain::access::Role;
use puls_domain::request::{self, Approval, RequestStatus, StaffingRequest};
use puls_domain::text;

/// A request's columns as [`request_row`] reads them.
const REQUEST_COLUMNS: &str =
    "SELECT r.id, r.person_id, p.name, p.manager, r.arena_id, a.title, r.competence_id, r.percent,
            r.from_date, r.to_date, r.asked_by, r.asked_at, r.status, r.reason, r.decided_by,
            r.decided_at, r.version
     FROM staffing_requests r JOIN people p ON p.id = r.person_id JOIN arenas a ON a.id = r.arena_id";

/// The pending requests that `?1`, a line manager, decides: the oldest first.
pub(crate) fn to_decide() -> String {
    format!(
        "{REQUEST_COLUMNS} WHERE p.manager = ?1 AND r.status = 'pending'
         ORDER BY r.asked_at, r.id"
    )
}

fn request_row(r: &Row) -> SqlResult<StaffingRequest> {
    Ok(StaffingRequest {
        id: r.get(0)?,
        person_id: r.get(1)?,
        person: r.get(2)?,
        manager: r.get(3)?,
        arena: r.get(4)?,
        arena_title: r.get(5)?,
        competence_id: r.get(6)?,
        percent: r.get(7)?,
        from: time::date_from_text(r.get(8)?).unwrap_or_default(),
        until: time::date_from_text(r.get(9)?),
        asked_by: r.get(10)?,
        asked_at: time::from_text(r.text(11)?),
        status: RequestStatus::from_code(r.text(12)?).unwrap_or(RequestStatus::Pending),
        reason: r.get(13)?,
        decided_by: r.get(14)?,
        decided_at: r.get::<_, Option<String>>(15)?.map(|t| time::from_text(&t)),
        version: r.get(16)?,
    })
}

fn load(conn: &dyn Db, id: i64) -> Result<StaffingRequest> {
    conn.prepare_cached(&format!("{REQUEST_COLUMNS} WHERE r.id = ?1"))?
        .query_row([id], request_row)
        .optional()?
        .ok_or(StoreError::RequestNotFound(id))
}

/// The request, pending and at `expected_version`; refused otherwise.
fn load_pending(tx: &dyn Db, id: i64, expected_version: i64) -> Result<StaffingRequest> {
    let found = load(tx, id)?;
    if found.version != expected_version {
        let (who, at): (String, String) = tx.query_row(
            "SELECT updated_by, updated_at FROM staffing_requests WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        return Err(StoreError::Changed {
            what: format!("request {id}"),
            who,
            at: time::from_text(&at),
        });
    }
    if found.status != RequestStatus::Pending {
        return Err(StoreError::RequestClosed {
            request: id,
            status: found.status,
        });
    }
    Ok(found)
}

fn is_administrator(conn: &dyn Db, account: &str) -> Result<bool> {
    Ok(access::roles_of(conn, account)?.contains(&Role::Administrator))
}

/// Refuses unless the acting account is the person's line manager or an administrator.
fn ensure_decider(tx: &dyn Db, stamp: &Stamp, found: &StaffingRequest) -> Result<()> {
    if request::may_decide(&found.manager, stamp.who, is_administrator(tx, stamp.who)?) {
        Ok(())
    } else {
        Err(StoreError::NotManager {
            request: found.id,
            person: found.person.clone(),
            who: stamp.who.to_owned(),
        })
    }
}

fn close(
    tx: &dyn Db,
    stamp: &Stamp,
    id: i64,
    status: RequestStatus,
    reason: &str,
    allocation: Option<i64>,
) -> Result<()> {
    let now = time::to_text(stamp.at);
    tx.execute(
        "UPDATE staffing_requests SET status = ?2, reason = ?3, decided_by = ?4, decided_at = ?5,
                allocation_id = ?6, version = version + 1, updated_at = ?5, updated_by = ?4
         WHERE id = ?1",
        params![id, status.code(), reason, stamp.who, now, allocation],
    )?;
    Ok(())
}

/// The history's words for a request, in English like every history row.
fn describe(found: &StaffingRequest, percent: u32, until: Option<chrono::NaiveDate>) -> String {
    let until = until.map_or(String::new(), |u| format!(" until {u}"));
    format!("{}, {percent}%{until} (request {})", found.person, found.id)
}

/// Staffing requests to line managers. Part of the store interface (see [`crate::Backend`]).
pub trait RequestStore {
    /// Asks the person's line manager for `allocation`'s share of their time; nothing is
    /// allocated until the manager approves. Refused for a person without a line manager.
    fn request_staff(&mut self, allocation: &NewAllocation) -> Result<i64>;

    /// Pending requests for the people whose line manager is the acting account, oldest first;
    /// with `all`, every pending request (administrators only).
    fn requests_to_decide(&self, all: bool) -> Result<Vec<StaffingRequest>>;

    /// The arena's pending requests, oldest first.
    fn arena_requests(&self, arena: i64) -> Result<Vec<StaffingRequest>>;

    fn staffing_request(&self, id: i64) -> Result<StaffingRequest>;

    /// Approves a pending request with `approval`'s share and dates: the allocation is made
    /// in the same transaction. Only the person's line manager or an administrator decides.
    fn approve_request(
        &mut self,
        id: i64,
        expected_version: i64,
        approval: &Approval,
    ) -> Result<i64>;

    /// Declines a pending request with the manager's reason (required).
    fn decline_request(&mut self, id: i64, expected_version: i64, reason: &str) -> Result<()>;

    /// Withdraws a pending request: the account that asked, or an administrator.
    fn withdraw_request(&mut self, id: i64, expected_version: i64) -> Result<()>;
}

impl<S: SqlStore> RequestStore for S {
    fn request_staff(&mut self, allocation: &NewAllocation) -> Result<i64> {
        self.write(|tx, stamp| {
            drawn_up::ensure_open(tx, allocation.arena_id)?;
            let (name, manager): (String, String) = tx
                .query_row(
                    "SELECT name, manager FROM people WHERE id = ?1",
                    [allocation.person_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or(StoreError::PersonNotFound(allocation.person_id))?;
            if manager.is_empty() {
                return Err(StoreError::NoManager(name));
            }
            let now = time::to_text(stamp.at);
            tx.execute(
                "INSERT INTO staffing_requests (person_id, arena_id, competence_id, percent,
                     from_date, to_date, asked_by, asked_at, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?7)",
                params![
                    allocation.person_id,
                    allocation.arena_id,
                    allocation.competence_id,
                    allocation.percent,
                    time::date_to_text(Some(allocation.from)),
                    time::date_to_text(allocation.to),
                    stamp.who,
                    now
                ],
            )?;
            let id = tx.last_insert_rowid();
            let until = allocation
                .to
                .map_or(String::new(), |u| format!(" until {u}"));
            let detail = format!(
                "{name}, {}%{until}, asked of {manager} (request {id})",
                allocation.percent
            );
            history::record(tx, stamp, "arena", allocation.arena_id, "request", &detail)?;
            Ok(id)
        })
    }

    fn requests_to_decide(&self, all: bool) -> Result<Vec<StaffingRequest>> {
        if all && !is_administrator(self.db(), self.who())? {
            return Err(StoreError::NotAdministrator(self.who().to_owned()));
        }
        // Two statements: "or everyone" in one would keep the manager's from people_by_manager.
        let rows = if all {
            self.db()
                .prepare_cached(&format!(
                    "{REQUEST_COLUMNS} WHERE r.status = 'pending' ORDER BY r.asked_at, r.id"
                ))?
                .query_map(params![], request_row)?
                .collect::<SqlResult<_>>()?
        } else {
            self.db()
                .prepare_cached(&to_decide())?
                .query_map([self.who()], request_row)?
                .collect::<SqlResult<_>>()?
        };
        Ok(rows)
    }

    fn arena_requests(&self, arena: i64) -> Result<Vec<StaffingRequest>> {
        let mut stmt = self.db().prepare_cached(&format!(
            "{REQUEST_COLUMNS} WHERE r.arena_id = ?1 AND r.status = 'pending'
             ORDER BY r.asked_at, r.id"
        ))?;
        let rows = stmt.query_map([arena], request_row)?;
        Ok(rows.collect::<SqlResult<_>>()?)
    }

    fn staffing_request(&self, id: i64) -> Result<StaffingRequest> {
        load(self.db(), id)
    }

    fn approve_request(
        &mut self,
        id: i64,
        expected_version: i64,
        approval: &Approval,
    ) -> Result<i64> {
        self.write(|tx, stamp| {
            let found = load_pending(tx, id, expected_version)?;
            ensure_decider(tx, stamp, &found)?;
            if let Some(problem) = request::check(approval) {
                return Err(StoreError::ApprovalRefused(problem));
            }
            let allocation = insert_allocation(
                tx,
                stamp,
                &NewAllocation {
                    person_id: found.person_id,
                    arena_id: found.arena,
                    competence_id: found.competence_id,
                    percent: approval.percent,
                    from: approval.from,
                    to: approval.until,
                },
            )?;
            close(tx, stamp, id, RequestStatus::Approved, "", Some(allocation))?;
            let detail = describe(&found, approval.percent, approval.until);
            history::record(tx, stamp, "arena", found.arena, "approve", &detail)?;
            Ok(allocation)
        })
    }

    fn decline_request(&mut self, id: i64, expected_version: i64, reason: &str) -> Result<()> {
        self.write(|tx, stamp| {
            let found = load_pending(tx, id, expected_version)?;
            ensure_decider(tx, stamp, &found)?;
            let reason = text::multi_line(reason.trim());
            if reason.is_empty() {
                return Err(StoreError::ReasonMissing);
            }
            close(tx, stamp, id, RequestStatus::Declined, &reason, None)?;
            let detail = format!("{}: {reason}", describe(&found, found.percent, found.until));
            history::record(tx, stamp, "arena", found.arena, "refuse", &detail)
        })
    }

    fn withdraw_request(&mut self, id: i64, expected_version: i64) -> Result<()> {
        self.write(|tx, stamp| {
            let found = load_pending(tx, id, expected_version)?;
            if found.asked_by != stamp.who && !is_administrator(tx, stamp.who)? {
                return Err(StoreError::NotAsker {
                    request: id,
                    who: stamp.who.to_owned(),
                });
            }
            close(tx, stamp, id, RequestStatus::Withdrawn, "", None)?;
            let detail = describe(&found, found.percent, found.until);
            history::record(tx, stamp, "arena", found.arena, "withdraw", &detail)
        })
    }
}
