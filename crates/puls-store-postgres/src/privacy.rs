//! Personal data decisions in the audit log: what was allowed, where, and by whom.

use puls_store::*;

use super::{PgStore, Result, history};

impl PersonalDataStore for PgStore {
    fn record_personal_data(&mut self, arena: i64, field: &str, what: &str) -> Result<()> {
        let detail = format!("allowed in {field}: {what}");
        self.write(|tx, stamp| {
            super::arenas::exists(tx, arena)?;
            history::record(tx, stamp, "arena", arena, "personal-data", &detail)
        })
    }

    fn record_imported_personal_data(&mut self, place: &str, what: &str) -> Result<()> {
        self.record_personal_data_in("import", place, what)
    }

    fn record_personal_data_in(&mut self, entity: &str, field: &str, what: &str) -> Result<()> {
        let detail = format!("allowed in {field}: {what}");
        self.write(|tx, stamp| history::record(tx, stamp, entity, 0, "personal-data", &detail))
    }
}
