//! A PostgreSQL database of its own for a test, made on the server the tests are given and
//! dropped after: `PULS_TEST_POSTGRES` (a URL to a database the tests may create databases
//! from), else postgres://root@127.0.0.1:5432/postgres.
//!
//! Where no server answers, a test asks [`available`] first and passes with a line saying
//! why, except under `CI=true`, where a missing server fails the run.
//!
//! Included with `#[path = "shared/postgres.rs"] pub mod postgres;`.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

pub fn server() -> String {
    std::env::var("PULS_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://root@127.0.0.1:5432/postgres".to_owned())
}

/// Whether the tests have a server; asked once per test binary.
pub fn available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| match puls::store_postgres::reachable(&server()) {
        Ok(()) => true,
        Err(e) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("CI=true needs PostgreSQL for these tests: {e}")
        }
        Err(e) => {
            eprintln!("skipping the PostgreSQL tests: {e} (set PULS_TEST_POSTGRES)");
            false
        }
    })
}

/// A new empty database, dropped with this value (closing whatever sessions it still has).
pub struct TestDatabase {
    server: String,
    name: String,
    pub url: String,
}

impl Default for TestDatabase {
    fn default() -> TestDatabase {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let server = server();
        let name = format!("puls_test_{}_{n}", std::process::id());
        let url = puls::store_postgres::create_database(&server, &name).unwrap();
        TestDatabase { server, name, url }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let _ = puls::store_postgres::drop_database(&self.server, &self.name);
    }
}
