//! The SQL both stores run, over one small connection interface: each aggregate is written once
//! (`impl<S: SqlStore> PlanStore for S`), and only the statements the dialects really disagree
//! on are written twice, side by side, chosen by [`Db::dialect`].
//!
//! The calls are shaped like rusqlite's (`query_row`, `execute`, `prepare_cached`,
//! `optional`), so an aggregate reads as it did. SQL is written in SQLite's `?N` numbering;
//! PostgreSQL's connection renumbers it as `$N`. Values are loose as SQLite's are: a number
//! binds to whatever integer or boolean the server expects, and reads from any integer or
//! boolean column, so PostgreSQL's schema keeps SQLite's 0/1 flags.
//!
//! Rows are read through borrowed cells: reading a row allocates only the values the caller
//! keeps, as rusqlite does, on the hot paths (the board, the roster) as everywhere.

use chrono::{DateTime, Utc};
use puls_domain::session::Session;

use crate::{SessionStore, StoreError};

/// Which SQL a connection speaks, for the few statements written twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// What a question can end in besides its answer: `query_row` found no row (`optional` turns
/// that into `None`), or the store's own error (boxed: every value read from a row returns
/// through this, and a small error keeps that cheap).
#[derive(Debug)]
pub enum SqlError {
    NoRows,
    Store(Box<StoreError>),
}

pub type SqlResult<T> = std::result::Result<T, SqlError>;

impl From<StoreError> for SqlError {
    fn from(e: StoreError) -> Self {
        SqlError::Store(Box::new(e))
    }
}

impl From<SqlError> for StoreError {
    fn from(e: SqlError) -> Self {
        match e {
            // rusqlite's words for it, which SQLite's store has always said.
            SqlError::NoRows => StoreError::Backend("Query returned no rows".to_owned()),
            SqlError::Store(e) => *e,
        }
    }
}

impl From<rusqlite::Error> for SqlError {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::QueryReturnedNoRows => SqlError::NoRows,
            e => StoreError::from(e).into(),
        }
    }
}

fn value_error(what: String) -> SqlError {
    StoreError::Backend(what).into()
}

/// `rusqlite::OptionalExtension`, for the same calls.
pub trait OptionalExtension<T> {
    fn optional(self) -> SqlResult<Option<T>>;
}

impl<T> OptionalExtension<T> for SqlResult<T> {
    fn optional(self) -> SqlResult<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(SqlError::NoRows) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// A value to bind, borrowed from the caller's.
#[derive(Debug, Clone, Copy)]
pub enum Value<'a> {
    Null,
    Int(i64),
    Bool(bool),
    Real(f64),
    Text(&'a str),
}

pub trait ToValue {
    fn to_value(&self) -> Value<'_>;
}

macro_rules! int_value {
    ($($t:ty),*) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value<'_> {
                Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_value!(i64, i32, u32, u16, u8, usize, u64);

impl ToValue for bool {
    fn to_value(&self) -> Value<'_> {
        Value::Bool(*self)
    }
}

impl ToValue for f64 {
    fn to_value(&self) -> Value<'_> {
        Value::Real(*self)
    }
}

impl ToValue for str {
    fn to_value(&self) -> Value<'_> {
        Value::Text(self)
    }
}

impl ToValue for String {
    fn to_value(&self) -> Value<'_> {
        Value::Text(self)
    }
}

impl ToValue for std::borrow::Cow<'_, str> {
    fn to_value(&self) -> Value<'_> {
        Value::Text(self)
    }
}

impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value<'_> {
        (**self).to_value()
    }
}

impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value<'_> {
        self.as_ref().map_or(Value::Null, ToValue::to_value)
    }
}

impl rusqlite::ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match *self {
            Value::Null => ValueRef::Null,
            Value::Int(i) => ValueRef::Integer(i),
            Value::Bool(b) => ValueRef::Integer(i64::from(b)),
            Value::Real(f) => ValueRef::Real(f),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
        }))
    }
}

/// The values of one question, as `params!` and arrays give them.
pub trait Params {
    fn with_values<R>(&self, f: impl FnOnce(&[&dyn ToValue]) -> R) -> R;
}

impl<T: ToValue, const N: usize> Params for [T; N] {
    fn with_values<R>(&self, f: impl FnOnce(&[&dyn ToValue]) -> R) -> R {
        let values: [&dyn ToValue; N] = std::array::from_fn(|i| &self[i] as &dyn ToValue);
        f(&values)
    }
}

impl Params for &[&dyn ToValue] {
    fn with_values<R>(&self, f: impl FnOnce(&[&dyn ToValue]) -> R) -> R {
        f(self)
    }
}

/// `rusqlite::params!`, for the same calls (`params!`, also from PostgreSQL's own search).
#[doc(hidden)]
#[macro_export]
macro_rules! __sql_params {
    () => { &[] as &[&dyn $crate::sql::ToValue] };
    ($($x:expr),+ $(,)?) => {
        &[$(&$x as &dyn $crate::sql::ToValue),+] as &[&dyn $crate::sql::ToValue]
    };
}
pub use crate::__sql_params as params;

/// One value of a row, borrowed from it.
#[derive(Debug, Clone, Copy)]
pub enum Cell<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
}

/// A row as each connection holds it.
pub trait Cells {
    fn cell(&self, i: usize) -> SqlResult<Cell<'_>>;
}

impl Cells for rusqlite::Row<'_> {
    fn cell(&self, i: usize) -> SqlResult<Cell<'_>> {
        use rusqlite::types::ValueRef;
        Ok(match self.get_ref(i)? {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(n) => Cell::Int(n),
            ValueRef::Real(f) => Cell::Real(f),
            ValueRef::Text(t) => Cell::Text(
                std::str::from_utf8(t).map_err(|e| value_error(format!("column {i}: {e}")))?,
            ),
            ValueRef::Blob(_) => return Err(value_error(format!("column {i} is a blob"))),
        })
    }
}

/// A value read from a cell, as loosely as SQLite reads.
pub trait FromCell: Sized {
    fn from_cell(cell: Cell<'_>) -> SqlResult<Self>;
}

impl FromCell for i64 {
    fn from_cell(cell: Cell<'_>) -> SqlResult<Self> {
        match cell {
            Cell::Int(n) => Ok(n),
            Cell::Text(t) => t
                .trim()
                .parse()
                .map_err(|_| value_error(format!("{t:?} is not a number"))),
            Cell::Real(f) => Err(value_error(format!("{f} read as an integer"))),
            Cell::Null => Err(value_error("NULL read as a number".to_owned())),
        }
    }
}

macro_rules! narrow_int {
    ($($t:ty),*) => {$(
        impl FromCell for $t {
            fn from_cell(cell: Cell<'_>) -> SqlResult<Self> {
                let v = i64::from_cell(cell)?;
                <$t>::try_from(v).map_err(|_| value_error(format!("{v} out of range")))
            }
        }
    )*};
}
narrow_int!(i32, u32, u16, u8, usize, u64);

impl FromCell for bool {
    fn from_cell(cell: Cell<'_>) -> SqlResult<Self> {
        Ok(i64::from_cell(cell)? != 0)
    }
}

impl FromCell for f64 {
    fn from_cell(cell: Cell<'_>) -> SqlResult<Self> {
        match cell {
            Cell::Real(f) => Ok(f),
            #[allow(clippy::cast_precision_loss)]
            other => Ok(i64::from_cell(other)? as f64),
        }
    }
}

impl FromCell for String {
    fn from_cell(cell: Cell<'_>) -> SqlResult<Self> {
        match cell {
            Cell::Text(t) => Ok(t.to_owned()),
            Cell::Int(n) => Ok(n.to_string()),
            Cell::Real(f) => Ok(f.to_string()),
            Cell::Null => Err(value_error("NULL read as text".to_owned())),
        }
    }
}

impl<T: FromCell> FromCell for Option<T> {
    fn from_cell(cell: Cell<'_>) -> SqlResult<Self> {
        match cell {
            Cell::Null => Ok(None),
            other => T::from_cell(other).map(Some),
        }
    }
}

/// A column's place in a row, as rusqlite's `get::<_, T>` names it.
pub trait RowIndex {
    fn index(self) -> usize;
}

impl RowIndex for usize {
    fn index(self) -> usize {
        self
    }
}

/// A value's error, saying which column it was read from.
#[cold]
fn in_column(i: usize, e: SqlError) -> SqlError {
    match e {
        SqlError::Store(e) => match *e {
            StoreError::Backend(what) => value_error(format!("column {i}: {what}")),
            other => other.into(),
        },
        e => e,
    }
}

/// One row of an answer.
pub struct Row<'a>(&'a dyn Cells);

impl<'a> Row<'a> {
    pub fn new(cells: &'a dyn Cells) -> Row<'a> {
        Row(cells)
    }

    pub fn get<I: RowIndex, T: FromCell>(&self, i: I) -> SqlResult<T> {
        let i = i.index();
        T::from_cell(self.0.cell(i)?).map_err(|e| in_column(i, e))
    }

    /// A text column without copying it, for what is parsed rather than kept (times, codes).
    pub fn text(&self, i: usize) -> SqlResult<&str> {
        match self.0.cell(i)? {
            Cell::Text(t) => Ok(t),
            _ => Err(value_error(format!("column {i} is not text"))),
        }
    }
}

/// One connection, as both stores' aggregates use it: for reads, or inside a write.
pub trait Db {
    fn dialect(&self) -> Dialect;

    /// Runs one statement; the count of rows it changed.
    fn run(&self, sql: &str, params: &[&dyn ToValue]) -> SqlResult<usize>;

    /// Hands each row to `f` as it comes, until `f` says stop (false).
    fn each(
        &self,
        sql: &str,
        params: &[&dyn ToValue],
        f: &mut dyn FnMut(&Row<'_>) -> SqlResult<bool>,
    ) -> SqlResult<()>;

    /// The id the last insert drew, as SQLite's `last_insert_rowid`.
    fn last_insert_rowid(&self) -> i64;

    /// Sends `questions` to the database at once, each answered when it is next asked, until
    /// `forget_ahead`: a database server answers them all in one round trip, where each would
    /// cost one. A database in the process (SQLite) answers each as it is asked. A question
    /// whose answer is already waiting is not asked again, so a reading asked ahead as a
    /// whole can be made of readings that ask ahead their own parts.
    fn ask_ahead(&self, _questions: &[Question<'_>]) {}

    /// As [`Db::ask_ahead`], `one` asked on this connection and `other` on a second one, so
    /// that a database server works on the two at once (on two of its cores) where one
    /// connection would have it answer them one after another. For questions that each cost
    /// the server milliseconds, shared out so that each half costs about the same; the second
    /// connection's are not interrupted.
    fn ask_ahead_side_by_side(&self, one: &[Question<'_>], other: &[Question<'_>]) {
        self.ask_ahead(&[one, other].concat());
    }

    /// Drops the answers to `questions` asked ahead and not yet read: none outlives the
    /// reading it was for, and the answers a whole asked for its other parts stay.
    fn forget_ahead(&self, _questions: &[Question<'_>]) {}
}

/// A statement and its values, as [`Db::ask_ahead`] takes them.
pub type Question<'q> = (&'q str, &'q [&'q dyn ToValue]);

impl<'c> dyn Db + 'c {
    pub fn execute(&self, sql: &str, params: impl Params) -> SqlResult<usize> {
        params.with_values(|values| self.run(sql, values))
    }

    pub fn query_row<T>(
        &self,
        sql: &str,
        params: impl Params,
        f: impl FnOnce(&Row<'_>) -> SqlResult<T>,
    ) -> SqlResult<T> {
        let mut f = Some(f);
        let mut answer = None;
        params.with_values(|values| {
            self.each(sql, values, &mut |row| {
                if let Some(f) = f.take() {
                    answer = Some(f(row)?);
                }
                Ok(false)
            })
        })?;
        answer.ok_or(SqlError::NoRows)
    }

    /// Every row, read by `f`, in order.
    pub fn query_map<T>(
        &self,
        sql: &str,
        params: impl Params,
        mut f: impl FnMut(&Row<'_>) -> SqlResult<T>,
    ) -> SqlResult<Vec<T>> {
        let mut answers = Vec::new();
        params.with_values(|values| {
            self.each(sql, values, &mut |row| {
                answers.push(f(row)?);
                Ok(true)
            })
        })?;
        Ok(answers)
    }

    /// Each row to `f`, kept by nobody: for folding rows into a map without a list between.
    pub fn for_each(
        &self,
        sql: &str,
        params: impl Params,
        mut f: impl FnMut(&Row<'_>) -> SqlResult<()>,
    ) -> SqlResult<()> {
        params.with_values(|values| {
            self.each(sql, values, &mut |row| {
                f(row)?;
                Ok(true)
            })
        })
    }

    /// Runs `read` with `questions` asked ahead (see [`Db::ask_ahead`]): for a reading that
    /// asks several questions none of which depends on another's answer.
    pub fn together<T>(&self, questions: &[Question<'_>], read: impl FnOnce() -> T) -> T {
        self.ask_ahead(questions);
        let answer = read();
        self.forget_ahead(questions);
        answer
    }

    /// [`Self::together`], `one` and `other` asked side by side (see
    /// [`Db::ask_ahead_side_by_side`]).
    pub fn side_by_side<T>(
        &self,
        one: &[Question<'_>],
        other: &[Question<'_>],
        read: impl FnOnce() -> T,
    ) -> T {
        self.ask_ahead_side_by_side(one, other);
        let answer = read();
        self.forget_ahead(one);
        self.forget_ahead(other);
        answer
    }

    /// The statement of this connection's dialect, where the two are written apart.
    pub fn pick<'s>(&self, sqlite: &'s str, postgres: &'s str) -> &'s str {
        match self.dialect() {
            Dialect::Sqlite => sqlite,
            Dialect::Postgres => postgres,
        }
    }

    /// `rusqlite::Connection::prepare_cached`: both connections cache every statement they run.
    pub fn prepare_cached(&self, sql: &str) -> SqlResult<Stmt<'_, 'c>> {
        Ok(Stmt {
            db: self,
            sql: sql.to_owned(),
        })
    }

    pub fn prepare(&self, sql: &str) -> SqlResult<Stmt<'_, 'c>> {
        self.prepare_cached(sql)
    }
}

/// A statement as `prepare_cached` gives it.
pub struct Stmt<'a, 'c> {
    db: &'a (dyn Db + 'c),
    sql: String,
}

impl Stmt<'_, '_> {
    /// Every row, read by `f`: rusqlite's shape, so `collect` reads as it did. The rows are
    /// read first, so the first error comes here rather than in the collect.
    #[allow(clippy::type_complexity)]
    pub fn query_map<T>(
        &mut self,
        params: impl Params,
        f: impl FnMut(&Row<'_>) -> SqlResult<T>,
    ) -> SqlResult<std::iter::Map<std::vec::IntoIter<T>, fn(T) -> SqlResult<T>>> {
        let answers = self.db.query_map(&self.sql, params, f)?;
        Ok(answers.into_iter().map(Ok))
    }

    pub fn query_row<T>(
        &mut self,
        params: impl Params,
        f: impl FnOnce(&Row<'_>) -> SqlResult<T>,
    ) -> SqlResult<T> {
        self.db.query_row(&self.sql, params, f)
    }

    pub fn for_each(
        &mut self,
        params: impl Params,
        f: impl FnMut(&Row<'_>) -> SqlResult<()>,
    ) -> SqlResult<()> {
        self.db.for_each(&self.sql, params, f)
    }

    pub fn exists(&mut self, params: impl Params) -> SqlResult<bool> {
        let mut found = false;
        params.with_values(|values| {
            self.db.each(&self.sql, values, &mut |_| {
                found = true;
                Ok(false)
            })
        })?;
        Ok(found)
    }
}

fn bind<'v>(values: &'v [&dyn ToValue]) -> impl Iterator<Item = Value<'v>> {
    values.iter().map(|v| v.to_value())
}

/// SQLite's connection, and a transaction on it (the same calls, through its `Deref`).
macro_rules! sqlite_db {
    ($($connection:ty),*) => {$(
        impl Db for $connection {
            fn dialect(&self) -> Dialect {
                Dialect::Sqlite
            }

            fn run(&self, sql: &str, params: &[&dyn ToValue]) -> SqlResult<usize> {
                let mut stmt = self.prepare_cached(sql)?;
                Ok(stmt.execute(rusqlite::params_from_iter(bind(params)))?)
            }

            fn each(
                &self,
                sql: &str,
                params: &[&dyn ToValue],
                f: &mut dyn FnMut(&Row<'_>) -> SqlResult<bool>,
            ) -> SqlResult<()> {
                let mut stmt = self.prepare_cached(sql)?;
                let mut rows = stmt.query(rusqlite::params_from_iter(bind(params)))?;
                while let Some(row) = rows.next()? {
                    if !f(&Row(row))? {
                        break;
                    }
                }
                Ok(())
            }

            fn last_insert_rowid(&self) -> i64 {
                rusqlite::Connection::last_insert_rowid(self)
            }
        }
    )*};
}
sqlite_db!(rusqlite::Connection, rusqlite::Transaction<'_>);

/// True when the database holds no arenas and no people: safe to fill with the demo.
pub fn is_empty(db: &dyn Db) -> crate::Result<bool> {
    let rows: i64 = db.query_row(
        "SELECT (SELECT count(*) FROM arenas) + (SELECT count(*) FROM people)",
        params![],
        |r| r.get(0),
    )?;
    Ok(rows == 0)
}

pub fn meta(db: &dyn Db, key: &str) -> crate::Result<Option<String>> {
    Ok(db
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

/// Sets `key`, inside a write.
pub fn set_meta(tx: &dyn Db, key: &str, value: &str) -> crate::Result<()> {
    tx.execute(
        tx.pick(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            // Each municipality has its own.
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (municipality, key) DO UPDATE SET value = excluded.value",
        ),
        [key, value],
    )?;
    Ok(())
}

/// Who and when, for the audit row of the write in progress.
pub struct Stamp<'a> {
    /// The flow's rules the organisation chose.
    pub rules: puls_domain::arena::Rules,
    pub who: &'a str,
    pub at: DateTime<Utc>,
    /// The health terms every audit row's text is masked for.
    pub health_terms: &'a [String],
    /// The session's, for the day a write falls on.
    pub session: Session,
}

impl Stamp<'_> {
    /// The day of the write in the session's time zone.
    pub fn today(&self) -> chrono::NaiveDate {
        self.session.day(self.at)
    }
}

/// A store whose aggregates are this crate's SQL: SQLite's `Store` and PostgreSQL's `PgStore`.
/// Each keeps what is its own (SQLite's immediate transactions, PostgreSQL's advisory write
/// lock and `NOTIFY`) inside `write`.
pub trait SqlStore: SessionStore {
    /// The connection for reads.
    fn db(&self) -> &dyn Db;

    /// Runs `f` in one transaction, alone among writers, with the audit stamp of the write:
    /// all of it lands, or none of it.
    fn write<T>(&mut self, f: impl FnOnce(&dyn Db, &Stamp) -> crate::Result<T>)
    -> crate::Result<T>;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> rusqlite::Connection {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (n INTEGER, flag INTEGER, note TEXT)")
            .unwrap();
        conn
    }

    #[test]
    fn values_bind_as_sqlite_stores_them_and_read_back_loosely() {
        // Given a row written with a flag, a missing number and borrowed text
        let conn = db();
        let db: &dyn Db = &conn;
        let note = String::from("hej");
        db.execute(
            "INSERT INTO t (n, flag, note) VALUES (?1, ?2, ?3)",
            params![None::<i64>, true, note],
        )
        .unwrap();
        // When it is read back
        let (n, flag, raw, text): (Option<u32>, bool, i64, String) = db
            .query_row("SELECT n, flag, flag, note FROM t", params![], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.text(3)?.to_owned()))
            })
            .unwrap();
        // Then the flag is SQLite's 1, and each reads as the type asked for
        assert_eq!((n, flag, raw, text.as_str()), (None, true, 1, "hej"));
    }

    #[test]
    fn a_missing_row_is_none_when_optional_and_an_error_otherwise() {
        let conn = db();
        let db: &dyn Db = &conn;
        let asked = || db.query_row("SELECT n FROM t", params![], |r| r.get::<_, i64>(0));
        assert!(matches!(asked().optional(), Ok(None)));
        assert!(matches!(
            StoreError::from(asked().unwrap_err()),
            StoreError::Backend(_)
        ));
    }

    #[test]
    fn a_value_out_of_its_range_is_an_error_naming_its_column() {
        let conn = db();
        let db: &dyn Db = &conn;
        db.execute("INSERT INTO t (n) VALUES (?1)", [-1_i64])
            .unwrap();
        let read = db.query_row("SELECT n FROM t", params![], |r| r.get::<_, u32>(0));
        let Err(e) = read else {
            panic!("-1 read as a u32");
        };
        assert_eq!(
            StoreError::from(e).to_string(),
            "database error: column 0: -1 out of range"
        );
    }

    #[test]
    fn the_statement_of_the_connections_dialect_is_chosen() {
        let conn = db();
        let db: &dyn Db = &conn;
        assert_eq!(db.pick("sqlite", "postgres"), "sqlite");
    }
}
