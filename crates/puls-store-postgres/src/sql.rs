//! This store's connection as `puls_store::sql` asks for one, so each aggregate's SQL is
//! puls-store's, run here: `?N` renumbered as `$N`, the loose values bound as the server
//! expects, rows read as borrowed cells.

use std::borrow::Cow;

use puls_store::StoreError;
use puls_store::sql::{
    Cell, Cells, Db, Dialect, Question, Row, SqlError, SqlResult, ToValue, Value,
};
use tokio_postgres::types::Type;

use crate::db::{self, Connection, DbError};

impl From<DbError> for SqlError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::NoRows => SqlError::NoRows,
            e => StoreError::from(e).into(),
        }
    }
}

/// SQLite's `?N` as PostgreSQL's `$N`; a `?` not before a digit (none in puls's SQL) is left.
/// Done per question: a scan of a short string, next to the round trip to the server.
fn renumbered(sql: &str) -> Cow<'_, str> {
    let bytes = sql.as_bytes();
    let numbered = |i: usize| bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
    if !(0..bytes.len()).any(|i| bytes[i] == b'?' && numbered(i)) {
        return Cow::Borrowed(sql);
    }
    let mut out = String::with_capacity(sql.len());
    for (i, c) in sql.char_indices() {
        if c == '?' && numbered(i) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn values(params: &[&dyn ToValue]) -> Vec<db::Value> {
    params
        .iter()
        .map(|p| match p.to_value() {
            Value::Null => db::Value::Null,
            Value::Int(n) => db::Value::Int(n),
            Value::Bool(b) => db::Value::Bool(b),
            Value::Real(f) => db::Value::Real(f),
            Value::Text(t) => db::Value::Text(t.to_owned()),
        })
        .collect()
}

/// A value read from another store (`puls migrate`), bound as the interface's own.
impl ToValue for db::Value {
    fn to_value(&self) -> Value<'_> {
        match self {
            db::Value::Null => Value::Null,
            db::Value::Int(n) => Value::Int(*n),
            db::Value::Bool(b) => Value::Bool(*b),
            db::Value::Real(f) => Value::Real(*f),
            db::Value::Text(t) => Value::Text(t),
        }
    }
}

struct PgRow<'a>(&'a tokio_postgres::Row);

/// `text` as an SQL string literal, for a statement whose text must hold the value itself. An
/// escape string (`E'...'`) reads backslashes the same whatever `standard_conforming_strings`
/// says, so both they and quotes are doubled.
pub(crate) fn text_literal(text: &str) -> String {
    format!("E'{}'", text.replace('\\', "\\\\").replace('\'', "''"))
}

fn value_error(what: String) -> SqlError {
    StoreError::Backend(what).into()
}

impl Cells for PgRow<'_> {
    fn cell(&self, i: usize) -> SqlResult<Cell<'_>> {
        let row = self.0;
        let column = row
            .columns()
            .get(i)
            .ok_or_else(|| value_error(format!("no column {i}")))?;
        let read = |e: tokio_postgres::Error| SqlError::from(DbError::from(e));
        Ok(match *column.type_() {
            Type::INT8 => row
                .try_get::<_, Option<i64>>(i)
                .map_err(read)?
                .map(Cell::Int),
            Type::INT4 => row
                .try_get::<_, Option<i32>>(i)
                .map_err(read)?
                .map(|n| Cell::Int(n.into())),
            Type::INT2 => row
                .try_get::<_, Option<i16>>(i)
                .map_err(read)?
                .map(|n| Cell::Int(n.into())),
            Type::BOOL => row
                .try_get::<_, Option<bool>>(i)
                .map_err(read)?
                .map(|b| Cell::Int(b.into())),
            Type::FLOAT8 => row
                .try_get::<_, Option<f64>>(i)
                .map_err(read)?
                .map(Cell::Real),
            Type::FLOAT4 => row
                .try_get::<_, Option<f32>>(i)
                .map_err(read)?
                .map(|f| Cell::Real(f.into())),
            _ => row
                .try_get::<_, Option<&str>>(i)
                .map_err(read)?
                .map(Cell::Text),
        }
        .unwrap_or(Cell::Null))
    }
}

impl Db for Connection {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn run(&self, sql: &str, params: &[&dyn ToValue]) -> SqlResult<usize> {
        Ok(self.execute(&renumbered(sql), values(params))?)
    }

    fn each(
        &self,
        sql: &str,
        params: &[&dyn ToValue],
        f: &mut dyn FnMut(&Row<'_>) -> SqlResult<bool>,
    ) -> SqlResult<()> {
        for row in self.rows(&renumbered(sql), values(params))? {
            if !f(&Row::new(&PgRow(&row)))? {
                break;
            }
        }
        Ok(())
    }

    fn last_insert_rowid(&self) -> i64 {
        Connection::last_insert_rowid(self)
    }

    fn ask_ahead(&self, questions: &[Question<'_>]) {
        Connection::ask_ahead(self, asked(questions), Vec::new());
    }

    fn ask_ahead_side_by_side(&self, one: &[Question<'_>], other: &[Question<'_>]) {
        Connection::ask_ahead(self, asked(one), asked(other));
    }

    fn forget_ahead(&self, questions: &[Question<'_>]) {
        Connection::forget_answers(self, &asked(questions));
    }
}

/// Questions as the connection sends them: `$n` placeholders, owned values.
fn asked(questions: &[Question<'_>]) -> Vec<(String, Vec<db::Value>)> {
    questions
        .iter()
        .map(|(sql, params)| (renumbered(sql).into_owned(), values(params)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{renumbered, text_literal};

    #[test]
    fn a_literal_doubles_quotes_and_backslashes_in_an_escape_string() {
        assert_eq!(text_literal(r"O'Hara\by"), r"E'O''Hara\\by'");
        assert_eq!(text_literal("Norrby"), "E'Norrby'");
    }

    #[test]
    fn renumbers_sqlite_parameters_and_nothing_else() {
        assert_eq!(
            renumbered("SELECT a FROM t WHERE b = ?1 AND c = ?12 AND d ? 'k'"),
            "SELECT a FROM t WHERE b = $1 AND c = $12 AND d ? 'k'"
        );
    }
}
