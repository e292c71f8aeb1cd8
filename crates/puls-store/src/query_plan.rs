//! For tests that pin which index a statement reads: how SQLite runs it.

use crate::Store;

/// The detail column of `EXPLAIN QUERY PLAN` for `sql` with `params`, one step a line.
pub(crate) fn query_plan(store: &Store, sql: &str, params: impl rusqlite::Params) -> String {
    let mut stmt = store
        .conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .unwrap();
    let steps = stmt
        .query_map(params, |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    steps.join("\n")
}
