//! Personal data decisions in the audit log: what was allowed, where, and by whom.

use super::{Result, history};
use crate::sql::SqlStore;

/// Decisions to keep personal data, in the history. Part of the store interface (see [`crate::Backend`]).
pub trait PersonalDataStore {
    /// Records that personal data was saved on purpose in the arena's `field`. `what` says what
    /// kind it looked like ("personal identity number"); never the text itself.
    fn record_personal_data(&mut self, arena: i64, field: &str, what: &str) -> Result<()>;

    /// Records that an import file's personal data was saved on purpose: `place` names the
    /// file and where (`people.csv:7: role`), `what` what it looked like; never the text itself.
    fn record_imported_personal_data(&mut self, place: &str, what: &str) -> Result<()>;

    /// Records that personal data was saved on purpose outside an arena: in `entity` (`roster`,
    /// `bank`, `import`), in `field`; never the text itself.
    fn record_personal_data_in(&mut self, entity: &str, field: &str, what: &str) -> Result<()>;
}

impl<S: SqlStore> PersonalDataStore for S {
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
