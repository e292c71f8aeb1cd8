//! Courses colleagues give: the bank's course entries with their teacher from the roster, and
//! their sessions (a day, a place, seats) that people sign up for. Every change is audited on
//! the entry.

use crate::sql::{Db, OptionalExtension, SqlResult, SqlStore, params};
use chrono::NaiveDate;

use super::{Result, StoreError, history, time};
use puls_domain::text;

/// One session of a course, with who signed up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseSession {
    pub id: i64,
    pub on: NaiveDate,
    pub place: String,
    pub seats: u32,
    /// By name.
    pub signed_up: Vec<String>,
}

impl CourseSession {
    pub fn seats_left(&self) -> u32 {
        self.seats.saturating_sub(self.signed_up.len() as u32)
    }
}

/// A course entry of the bank, its teacher and its sessions, soonest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Course {
    pub entry: i64,
    pub title: String,
    pub teacher: Option<String>,
    pub sessions: Vec<CourseSession>,
}

/// Courses and their sessions. Part of the store interface (see [`crate::Backend`]).
pub trait CourseStore {
    /// Names the colleague who gives the course (a person on the roster, by name).
    fn set_teacher(&mut self, entry: i64, teacher: &str) -> Result<()>;

    /// Adds a session of the course; returns its id.
    fn add_session(&mut self, entry: i64, on: NaiveDate, place: &str, seats: u32) -> Result<i64>;

    /// Signs a person (by name) up for a session; refused when it is full.
    fn sign_up(&mut self, session: i64, person: &str) -> Result<()>;

    /// Takes a person (by name) off a session, freeing the seat; refused when they were not
    /// signed up for it.
    fn withdraw(&mut self, session: i64, person: &str) -> Result<()>;

    /// Every course entry of the bank, by title.
    fn courses(&self) -> Result<Vec<Course>>;

    /// The roster person (by name) of the account at the keyboard, whom the screen signs up;
    /// none while no administrator has linked the account to one.
    fn account_person(&self) -> Result<Option<String>>;
}

/// The active person of that name, whatever its case (PostgreSQL's `people.name` is citext).
fn person_id(conn: &dyn Db, name: &str) -> Result<i64> {
    conn.query_row(
        conn.pick(
            "SELECT id FROM people WHERE name = ?1 COLLATE NOCASE AND active = 1",
            "SELECT id FROM people WHERE name = ?1 AND active = 1",
        ),
        [name.trim()],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| StoreError::UnknownPerson(name.trim().to_owned()))
}

/// The entry exists and is a course.
fn course_entry(conn: &dyn Db, entry: i64) -> Result<()> {
    let kind: Option<String> = conn
        .query_row("SELECT kind FROM entries WHERE id = ?1", [entry], |r| {
            r.get(0)
        })
        .optional()?;
    match kind.as_deref() {
        Some("course") => Ok(()),
        Some(_) => Err(StoreError::NotACourse(entry)),
        None => Err(StoreError::EntryNotFound(entry)),
    }
}

fn sessions_of(conn: &dyn Db, entry: i64) -> Result<Vec<CourseSession>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, on_date, place, seats FROM course_sessions WHERE entry_id = ?1
         ORDER BY on_date, id",
    )?;
    let rows: Vec<(i64, Option<String>, String, u32)> = stmt
        .query_map([entry], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<SqlResult<_>>()?;
    let mut names = conn.prepare_cached(
        "SELECT p.name FROM course_signups s JOIN people p ON p.id = s.person_id
         WHERE s.session_id = ?1 ORDER BY s.signed_at, p.name",
    )?;
    let mut sessions = Vec::new();
    for (id, on, place, seats) in rows {
        let signed_up = names
            .query_map([id], |r| r.get(0))?
            .collect::<SqlResult<_>>()?;
        sessions.push(CourseSession {
            id,
            on: time::date_from_text(on).unwrap_or_default(),
            place,
            seats,
            signed_up,
        });
    }
    Ok(sessions)
}

impl<S: SqlStore> CourseStore for S {
    fn set_teacher(&mut self, entry: i64, teacher: &str) -> Result<()> {
        self.write(|tx, stamp| {
            course_entry(tx, entry)?;
            let person = person_id(tx, teacher)?;
            tx.execute(
                "INSERT INTO courses (entry_id, teacher_id) VALUES (?1, ?2)
                 ON CONFLICT (entry_id) DO UPDATE SET teacher_id = excluded.teacher_id",
                params![entry, person],
            )?;
            history::record(tx, stamp, "entry", entry, "teacher", teacher.trim())
        })
    }

    fn add_session(&mut self, entry: i64, on: NaiveDate, place: &str, seats: u32) -> Result<i64> {
        if seats == 0 {
            return Err(StoreError::NoSeats);
        }
        self.write(|tx, stamp| {
            course_entry(tx, entry)?;
            let place = text::one_line(place.trim()).into_owned();
            tx.execute(
                "INSERT INTO course_sessions (entry_id, on_date, place, seats, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    entry,
                    time::date_to_text(Some(on)),
                    place,
                    seats,
                    time::to_text(stamp.at),
                    stamp.who
                ],
            )?;
            let id = tx.last_insert_rowid();
            history::record(tx, stamp, "entry", entry, "session", &format!("{on} {place} {seats}"))?;
            Ok(id)
        })
    }

    fn sign_up(&mut self, session: i64, person: &str) -> Result<()> {
        self.write(|tx, stamp| {
            let (entry, seats): (i64, u32) = tx
                .query_row(
                    "SELECT entry_id, seats FROM course_sessions WHERE id = ?1",
                    [session],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or_else(|| StoreError::Removed(format!("session {session}")))?;
            let who = person_id(tx, person)?;
            // Counted under the write lock, so two sessions cannot both take the last seat.
            let (taken, mine): (u32, u32) = tx.query_row(
                "SELECT count(*), count(*) FILTER (WHERE person_id = ?2) FROM course_signups
                 WHERE session_id = ?1",
                params![session, who],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if mine > 0 {
                return Err(StoreError::AlreadySignedUp {
                    session,
                    person: person.trim().to_owned(),
                });
            }
            if taken >= seats {
                return Err(StoreError::SessionFull(session));
            }
            tx.execute(
                "INSERT INTO course_signups (session_id, person_id, signed_at)
                 VALUES (?1, ?2, ?3)",
                params![session, who, time::to_text(stamp.at)],
            )?;
            history::record(
                tx,
                stamp,
                "entry",
                entry,
                "sign-up",
                &format!("session {session}: {}", person.trim()),
            )
        })
    }

    fn withdraw(&mut self, session: i64, person: &str) -> Result<()> {
        self.write(|tx, stamp| {
            let entry: i64 = tx
                .query_row(
                    "SELECT entry_id FROM course_sessions WHERE id = ?1",
                    [session],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| StoreError::Removed(format!("session {session}")))?;
            let who = person_id(tx, person)?;
            let removed = tx.execute(
                "DELETE FROM course_signups WHERE session_id = ?1 AND person_id = ?2",
                params![session, who],
            )?;
            if removed == 0 {
                return Err(StoreError::NotSignedUp {
                    session,
                    person: person.trim().to_owned(),
                });
            }
            history::record(
                tx,
                stamp,
                "entry",
                entry,
                "withdraw",
                &format!("session {session}: {}", person.trim()),
            )
        })
    }

    fn courses(&self) -> Result<Vec<Course>> {
        let mut stmt = self.db().prepare_cached(
            "SELECT e.id, e.title, p.name FROM entries e
             LEFT JOIN courses c ON c.entry_id = e.id LEFT JOIN people p ON p.id = c.teacher_id
             WHERE e.kind = 'course' ORDER BY e.title, e.id",
        )?;
        let rows: Vec<(i64, String, Option<String>)> = stmt
            .query_map(params![], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<SqlResult<_>>()?;
        rows.into_iter()
            .map(|(entry, title, teacher)| {
                Ok(Course {
                    entry,
                    title,
                    teacher,
                    sessions: sessions_of(self.db(), entry)?,
                })
            })
            .collect()
    }

    fn account_person(&self) -> Result<Option<String>> {
        Ok(self
            .db()
            .prepare_cached(
                "SELECT p.name FROM accounts a JOIN people p ON p.id = a.person_id
                 WHERE a.name = ?1",
            )?
            .query_row([self.who()], |r| r.get(0))
            .optional()?)
    }
}
