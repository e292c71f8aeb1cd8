//! OS accounts, their roles and the roster person each one is. Only an administrator changes
//! them; on a database without one, the first account to grant becomes one (audited).

use crate::sql::{Db, OptionalExtension, SqlResult, SqlStore, params};

use super::{Result, Stamp, StoreError, history, time};
use puls_domain::access::{self, Role};
use puls_domain::decision::{self, Body};
use puls_domain::text;

/// One account as `puls users list` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRow {
    pub name: String,
    /// The roster person the account is, if linked.
    pub person: Option<String>,
    pub roles: Vec<Role>,
}

/// What a grant did besides the grant itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Granted {
    /// The database had no administrator: the granting account became its first.
    pub first_administrator: bool,
}

/// The account's row, added when new.
pub(super) fn account_id(tx: &dyn Db, name: &str) -> Result<i64> {
    tx.execute(
        tx.pick(
            "INSERT INTO accounts (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
            // Each municipality has its own accounts.
            "INSERT INTO accounts (name) VALUES (?1) ON CONFLICT (municipality, name) DO NOTHING",
        ),
        [name],
    )?;
    Ok(
        tx.query_row("SELECT id FROM accounts WHERE name = ?1", [name], |r| {
            r.get(0)
        })?,
    )
}

pub(super) fn roles_of(conn: &dyn Db, account: &str) -> Result<Vec<Role>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.role FROM account_roles r JOIN accounts a ON a.id = r.account_id
         WHERE a.name = ?1 ORDER BY r.role",
    )?;
    let codes = stmt
        .query_map([account], |r| r.get::<_, String>(0))?
        .collect::<SqlResult<Vec<_>>>()?;
    Ok(codes.iter().filter_map(|c| Role::from_code(c)).collect())
}

pub(super) fn administrators(conn: &dyn Db) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM account_roles WHERE role = 'administrator'")?
        .query_row(params![], |r| r.get(0))?)
}

/// Refuses unless the acting account is an administrator; on a database with none, makes it
/// the first (and says so in the audit log).
pub(super) fn act_as_administrator(tx: &dyn Db, stamp: &Stamp) -> Result<bool> {
    if administrators(tx)? == 0 {
        let id = account_id(tx, stamp.who)?;
        insert_role(tx, stamp, id, Role::Administrator)?;
        history::record(
            tx,
            stamp,
            "account",
            id,
            "grant",
            &format!("administrator to {}: the first on this database", stamp.who),
        )?;
        return Ok(true);
    }
    if roles_of(tx, stamp.who)?.contains(&Role::Administrator) {
        Ok(false)
    } else {
        Err(StoreError::NotAdministrator(stamp.who.to_owned()))
    }
}

fn insert_role(tx: &dyn Db, stamp: &Stamp, account: i64, role: Role) -> Result<bool> {
    let added = tx.execute(
        "INSERT INTO account_roles (account_id, role, granted_at, granted_by) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT DO NOTHING",
        params![account, role.code(), time::to_text(stamp.at), stamp.who],
    )?;
    Ok(added > 0)
}

/// The roster person the account is linked to.
pub(super) fn person_of(conn: &dyn Db, account: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT person_id FROM accounts WHERE name = ?1")?
        .query_row([account], |r| r.get(0))
        .optional()?
        .flatten())
}

/// Whether `account` may record a decision of `body`: a member, or an administrator (see
/// [`decision::may_record`]).
pub(super) fn may_record(conn: &dyn Db, account: &str, body: &Body) -> Result<bool> {
    let administrator = roles_of(conn, account)?.contains(&Role::Administrator);
    Ok(decision::may_record(
        body,
        account,
        administrator,
        administrators(conn)? > 0,
    ))
}

/// Whether `account` may open the arena's restricted record: its coordinator or its
/// communication lead.
pub(super) fn may_open_restricted(conn: &dyn Db, account: &str, arena: i64) -> Result<bool> {
    let (coordinator, lead): (Option<i64>, Option<i64>) = conn
        .prepare_cached("SELECT coordinator_id, communication_lead_id FROM arenas WHERE id = ?1")?
        .query_row([arena], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or(StoreError::ArenaNotFound(arena))?;
    Ok(access::may_open_restricted(
        person_of(conn, account)?,
        &roles_of(conn, account)?,
        coordinator,
        lead,
    ))
}

/// The right by which the acting account changes the arena's coordinator or communication lead
/// (see [`access::appointer`]); refused otherwise. Call it before the change is written.
pub(super) fn appointer(conn: &dyn Db, who: &str, arena: i64) -> Result<access::Appointer> {
    let coordinator: Option<i64> = conn
        .prepare_cached("SELECT coordinator_id FROM arenas WHERE id = ?1")?
        .query_row([arena], |r| r.get(0))
        .optional()?
        .ok_or(StoreError::ArenaNotFound(arena))?;
    access::appointer(
        administrators(conn)? > 0,
        person_of(conn, who)?,
        &roles_of(conn, who)?,
        coordinator,
    )
    .ok_or_else(|| StoreError::NotAppointer {
        arena,
        who: who.to_owned(),
    })
}

/// Changes `place` (`coordinator_id` or `communication_lead_id`) of the arena to `person` when
/// it differs, if the acting account may (see [`appointer`]), with a history row saying who
/// appointed whom and by what right.
pub(super) fn appoint(
    tx: &dyn Db,
    stamp: &Stamp,
    arena: i64,
    place: Place,
    person: Option<i64>,
) -> Result<()> {
    let sql = format!("SELECT {} FROM arenas WHERE id = ?1", place.column());
    let current: Option<i64> = tx
        .query_row(&sql, [arena], |r| r.get(0))
        .optional()?
        .ok_or(StoreError::ArenaNotFound(arena))?;
    if current == person {
        return Ok(());
    }
    let right = match appointer(tx, stamp.who, arena)? {
        access::Appointer::Unguarded => "",
        access::Appointer::Administrator => " (as administrator)",
        access::Appointer::Coordinator => " (as its coordinator)",
    };
    write_place(tx, stamp, arena, place, current, person, right)
}

/// Appoints the coordinator a body's decision names: the decision is the right (its recorder
/// was checked against the body, see `decisions`).
pub(super) fn appoint_by_decision(
    tx: &dyn Db,
    stamp: &Stamp,
    arena: i64,
    person: i64,
    body: &str,
) -> Result<()> {
    let current: Option<i64> = tx
        .query_row(
            "SELECT coordinator_id FROM arenas WHERE id = ?1",
            [arena],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(StoreError::ArenaNotFound(arena))?;
    if current == Some(person) {
        return Ok(());
    }
    let right = format!(" (by decision of {body})");
    write_place(
        tx,
        stamp,
        arena,
        Place::Coordinator,
        current,
        Some(person),
        &right,
    )
}

/// Writes who holds `place` and its history row, the right already settled.
fn write_place(
    tx: &dyn Db,
    stamp: &Stamp,
    arena: i64,
    place: Place,
    current: Option<i64>,
    person: Option<i64>,
    right: &str,
) -> Result<()> {
    let name = |id: Option<i64>| -> Result<String> {
        Ok(match id {
            Some(id) => tx
                .prepare_cached("SELECT name FROM people WHERE id = ?1")?
                .query_row([id], |r| r.get(0))
                .optional()?
                .unwrap_or_else(|| "-".to_owned()),
            None => "-".to_owned(),
        })
    };
    tx.execute(
        &format!("UPDATE arenas SET {} = ?2 WHERE id = ?1", place.column()),
        params![arena, person],
    )?;
    let detail = format!(
        "{}: {} -> {}{right}",
        place.label(),
        name(current)?,
        name(person)?
    );
    history::record(tx, stamp, "arena", arena, "appoint", &detail)
}

/// The two places on an arena whose holder opens its restricted record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Coordinator,
    CommunicationLead,
}

impl Place {
    fn column(self) -> &'static str {
        match self {
            Place::Coordinator => "coordinator_id",
            Place::CommunicationLead => "communication_lead_id",
        }
    }

    /// As the history names it, in English.
    fn label(self) -> &'static str {
        match self {
            Place::Coordinator => "coordinator",
            Place::CommunicationLead => "communication lead",
        }
    }
}

/// Accounts, roles and who they are on the roster. Part of the store interface (see [`crate::Backend`]).
pub trait AccessStore {
    /// Every account puls knows, by name.
    fn accounts(&self) -> Result<Vec<AccountRow>>;

    /// The roles of the account this store acts as.
    fn my_roles(&self) -> Result<Vec<Role>>;

    /// Gives `account` a role. Only an administrator may; see [`act_as_administrator`].
    fn grant(&mut self, account: &str, role: Role) -> Result<Granted>;

    /// Takes a role from `account`; the last administrator keeps theirs.
    fn revoke(&mut self, account: &str, role: Role) -> Result<bool>;

    /// Says which roster person `account` is (empty `person`: nobody), so puls knows when the
    /// account at the keyboard is an arena's coordinator or communication lead.
    fn link_account(&mut self, account: &str, person: &str) -> Result<()>;
}

impl<S: SqlStore> AccessStore for S {
    fn accounts(&self) -> Result<Vec<AccountRow>> {
        let mut stmt = self.db().prepare_cached(
            "SELECT a.name, p.name FROM accounts a LEFT JOIN people p ON p.id = a.person_id
             ORDER BY a.name",
        )?;
        let rows = stmt
            .query_map(params![], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?
            .collect::<SqlResult<Vec<_>>>()?;
        rows.into_iter()
            .map(|(name, person)| {
                Ok(AccountRow {
                    roles: roles_of(self.db(), &name)?,
                    name,
                    person,
                })
            })
            .collect()
    }

    fn my_roles(&self) -> Result<Vec<Role>> {
        roles_of(self.db(), self.who())
    }

    fn grant(&mut self, account: &str, role: Role) -> Result<Granted> {
        let account = text::one_line(account.trim()).into_owned();
        if account.is_empty() {
            return Err(StoreError::NameMissing);
        }
        self.write(|tx, stamp| {
            let first_administrator = act_as_administrator(tx, stamp)?;
            let id = account_id(tx, &account)?;
            if insert_role(tx, stamp, id, role)? {
                let detail = format!("{} to {account}", role.code());
                history::record(tx, stamp, "account", id, "grant", &detail)?;
            }
            Ok(Granted {
                first_administrator,
            })
        })
    }

    fn revoke(&mut self, account: &str, role: Role) -> Result<bool> {
        let account = account.trim().to_owned();
        self.write(|tx, stamp| {
            act_as_administrator(tx, stamp)?;
            if role == Role::Administrator
                && administrators(tx)? == 1
                && roles_of(tx, &account)?.contains(&Role::Administrator)
            {
                return Err(StoreError::LastAdministrator(account.clone()));
            }
            let id: Option<i64> = tx
                .query_row("SELECT id FROM accounts WHERE name = ?1", [&account], |r| {
                    r.get(0)
                })
                .optional()?;
            let Some(id) = id else { return Ok(false) };
            let removed = tx.execute(
                "DELETE FROM account_roles WHERE account_id = ?1 AND role = ?2",
                params![id, role.code()],
            )?;
            if removed > 0 {
                let detail = format!("{} from {account}", role.code());
                history::record(tx, stamp, "account", id, "revoke", &detail)?;
            }
            Ok(removed > 0)
        })
    }

    fn link_account(&mut self, account: &str, person: &str) -> Result<()> {
        let account = text::one_line(account.trim()).into_owned();
        if account.is_empty() {
            return Err(StoreError::NameMissing);
        }
        let person = person.trim().to_owned();
        self.write(|tx, stamp| {
            act_as_administrator(tx, stamp)?;
            let person_id: Option<i64> = if person.is_empty() {
                None
            } else {
                Some(
                    tx.query_row("SELECT id FROM people WHERE name = ?1", [&person], |r| {
                        r.get(0)
                    })
                    .optional()?
                    .ok_or_else(|| StoreError::UnknownPerson(person.clone()))?,
                )
            };
            let id = account_id(tx, &account)?;
            // One account per person: a link moves from whoever had it.
            if let Some(p) = person_id {
                tx.execute(
                    "UPDATE accounts SET person_id = NULL WHERE person_id = ?1",
                    [p],
                )?;
            }
            tx.execute(
                "UPDATE accounts SET person_id = ?2 WHERE id = ?1",
                params![id, person_id],
            )?;
            let shown = if person.is_empty() { "-" } else { &person };
            history::record(
                tx,
                stamp,
                "account",
                id,
                "link",
                &format!("{account} is {shown}"),
            )
        })
    }
}
