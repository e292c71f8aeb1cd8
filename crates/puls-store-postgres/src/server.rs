//! Questions to the server rather than to one database: making and dropping a database, for
//! the conformance suite's fresh database per test and for setting up a region's.

use puls_store::sql::{Db, params};

use crate::db::Connection;
use crate::{Result, pool};
use puls_store::{StoreError, StoreOptions};

/// `url` with its database name replaced by `name`.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.find('?') {
        Some(q) => (&url[..q], &url[q..]),
        None => (url, ""),
    };
    let host_start = base.find("://").map_or(0, |i| i + 3);
    let base = match base[host_start..].find('/') {
        Some(slash) => &base[..host_start + slash],
        None => base,
    };
    format!("{base}/{name}{query}")
}

/// A database name as an SQL identifier: only letters, digits and `_` are taken.
fn identifier(name: &str) -> Result<String> {
    if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Ok(format!("\"{name}\""))
    } else {
        Err(StoreError::Backend(format!(
            "\"{name}\" is not a database name puls makes (letters, digits and _ only)"
        )))
    }
}

/// Makes an empty database `name` on the server `server_url` reaches; returns its URL.
pub fn create_database(server_url: &str, name: &str) -> Result<String> {
    let conn = administration(server_url)?;
    conn.execute_batch(&format!("CREATE DATABASE {}", identifier(name)?))?;
    Ok(with_database(server_url, name))
}

/// Drops the database `name`, closing whatever sessions it still has.
pub fn drop_database(server_url: &str, name: &str) -> Result<()> {
    let conn = administration(server_url)?;
    conn.execute_batch(&format!(
        "DROP DATABASE IF EXISTS {} WITH (FORCE)",
        identifier(name)?
    ))?;
    Ok(())
}

/// Whether the server answers at all.
pub fn reachable(server_url: &str) -> Result<()> {
    let conn = administration(server_url)?;
    (&conn as &dyn Db).query_row("SELECT 1", params![], |_| Ok(()))?;
    Ok(())
}

/// A session on the server's own database, for making and dropping others.
fn administration(server_url: &str) -> Result<Connection> {
    let options = StoreOptions::default();
    let pool = pool::of(server_url, options.pool_size)?;
    Ok(Connection::new(pool, "", options.busy_timeout))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_names_another_database_on_the_same_server() {
        assert_eq!(
            with_database("postgres://root@127.0.0.1:5432/postgres", "test_1"),
            "postgres://root@127.0.0.1:5432/test_1"
        );
        assert_eq!(
            with_database("postgres://root@host?sslmode=disable", "test_1"),
            "postgres://root@host/test_1?sslmode=disable"
        );
    }

    #[test]
    fn only_plain_names_become_databases() {
        assert!(identifier("puls_test_1").is_ok());
        assert!(identifier("x\"; DROP DATABASE postgres; --").is_err());
        assert!(identifier("").is_err());
    }
}
