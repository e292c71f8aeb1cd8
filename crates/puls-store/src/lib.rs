//! SQLite storage, and the SQL every store runs: each aggregate is written once here, over
//! [`sql::Db`], for SQLite's `Store` and PostgreSQL's `PgStore` alike (see [`sql`]).
//!
//! One connection per process, WAL so readers never block the writer, a busy timeout so a
//! colleague's save makes us wait instead of fail, and every write in a `BEGIN IMMEDIATE`
//! transaction together with its audit row.

mod access;
mod account_keys;
mod account_settings;
mod agenda;
mod arenas;
mod backup;
mod bank;
pub mod bulk;
mod courses;
mod decisions;
mod drawn_up;
mod error;
mod extract;
mod figures;
mod files;
mod history;
mod knowledge;
mod knowledge_search;
mod learning;
mod maturity;
mod open;
mod output;
mod plan;
mod privacy;
mod purposes;
#[cfg(test)]
mod query_plan;
mod reader;
mod registration;
mod reload;
mod requests;
mod restricted;
mod retention;
mod reviews;
mod roster;
pub mod roster_csv;
mod roster_import;
#[cfg(test)]
mod screening;
pub mod sql;
mod staffing;
mod time;
mod transfer;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};

use puls_domain::session::Session;
use rusqlite::{Connection, Transaction, TransactionBehavior};
use rusqlite_migration::M;
use sql::Stamp;

pub use access::{AccountRow, Granted};
pub use account_keys::AccountKey;
pub use account_settings::AccountSettings;
pub use arenas::{ArenaCard, ArenaEdit, NewSignal};
pub use backup::{CheckReport, Dangling, Restored, check, restore};
pub use bank::{
    BANK_FORMAT, BankImport, BankProblem, BankProblemKind, BankRecord, EntryRecord, parse_bank,
};
pub use courses::{Course, CourseSession};
pub use drawn_up::{DrawnUp, DrawnUpEntry, DrawnUpRecord};
pub use error::StoreError;
pub use extract::{
    MeetingPart, PurposeNotePart, RatingPart, RestrictedPart, SubjectArena, SubjectExtract,
    with_meetings,
};
pub use files::{StoreOptions, Warning, default_pool_size};
pub use history::AuditRow;
pub use knowledge::{Entry, EntryEdit, EntryFilter, EntryHit};
pub use learning::{CompetenceCapital, Learning};
pub use maturity::RatingEdit;
pub use output::write_for_people;
pub use plan::{
    ActivityEdit, ContactEdit, CriterionEdit, Plan, PlanActivity, PlanContact, PlanCriterion,
    Proactivity,
};
pub use purposes::{NoteKind, Purpose, PurposeNote};
pub use reader::Interrupt;
pub use restricted::{ReadLogRow, RestrictedEdit, RestrictedRecord};
pub use retention::{Anonymised, RetentionChange, anonymised_note};
pub use reviews::ReviewEdit;
pub use roster::{CompetenceRow, PersonEdit, PersonRow, RosterGlance, Unit};
pub use roster_import::{ImportRow, ImportSummary};
pub use staffing::{NeedRow, NewAllocation, TeamMember};
pub use transfer::{
    ActivityRecord, ArenaRecord, Checked, DatePlace, DecisionRecord, NeedRecord, RECORD_FORMAT,
    RecordProblem, check as check_record, record_from, record_problems,
};

pub use access::AccessStore;
pub use account_keys::AccountKeyStore;
pub use account_settings::AccountSettingsStore;
pub use agenda::{AgendaItem, AgendaStore};
pub use arenas::ArenaStore;
pub use bank::BankStore;
pub use courses::CourseStore;
pub use decisions::DecisionStore;
pub use drawn_up::DrawnUpStore;
pub use extract::ExtractStore;
pub use figures::FiguresStore;
pub use history::HistoryStore;
pub use knowledge::{KnowledgeStore, share_action};
pub use knowledge_search::SearchStore;
pub use learning::LearningStore;
pub use maturity::MaturityStore;
pub use plan::PlanStore;
pub use privacy::PersonalDataStore;
pub use purposes::PurposeStore;
pub use registration::RegistrationStore;
pub use reload::{Reload, ReloadStore, RosterAnswer, RosterRead};
pub use requests::RequestStore;
pub use restricted::RestrictedStore;
pub use retention::RetentionStore;
pub use reviews::ReviewStore;
pub use roster::RosterStore;
pub use roster_import::RosterImportStore;
pub use staffing::StaffingStore;
pub use transfer::TransferStore;

/// Declares `Backend` as every aggregate's trait together, and gives it to every type that
/// implements them all: the list of aggregates is written once.
macro_rules! backend {
    ($first:ident $(+ $rest:ident)*) => {
        /// The store interface: every aggregate's trait, which any backend implements (SQLite's
        /// `Store` today). The app, the command line, the exports and the demo speak to a store
        /// only through these, so a second backend needs no change above it.
        pub trait Backend: $first $(+ $rest)* {}

        impl<T: $first $(+ $rest)*> Backend for T {}
    };
}

backend!(
    SessionStore
        + ArenaStore
        + DecisionStore
        + AgendaStore
        + RegistrationStore
        + DrawnUpStore
        + TransferStore
        + RosterStore
        + StaffingStore
        + RequestStore
        + RosterImportStore
        + PlanStore
        + KnowledgeStore
        + SearchStore
        + BankStore
        + HistoryStore
        + AccessStore
        + AccountKeyStore
        + AccountSettingsStore
        + RestrictedStore
        + PersonalDataStore
        + RetentionStore
        + ExtractStore
        + FiguresStore
        + ReviewStore
        + MaturityStore
        + PurposeStore
        + LearningStore
        + CourseStore
        + ReloadStore
);

/// What PostgreSQL's own parts (the search: its SQL is its own; the region's role map) write
/// with, as this crate's do.
#[doc(hidden)]
pub mod shared {
    pub mod history {
        pub use crate::history::record;
    }
    pub mod time {
        pub use crate::time::*;
    }
}

/// Every trait of the interface, for `use puls_store::prelude::*`: a store's methods are
/// called through them.
pub mod prelude {
    pub use super::{
        AccessStore, AccountKeyStore, AccountSettingsStore, AgendaStore, ArenaStore, Backend,
        BankStore, CourseStore, DecisionStore, DrawnUpStore, ExtractStore, FiguresStore,
        HistoryStore, KnowledgeStore, LearningStore, MaturityStore, PersonalDataStore, PlanStore,
        PurposeStore, RegistrationStore, ReloadStore, RequestStore, RestrictedStore,
        RetentionStore, ReviewStore, RosterImportStore, RosterStore, SearchStore, SessionStore,
        StaffingStore, TransferStore,
    };
}

use puls_domain::clock::Clock;

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("migrations/001_foundation.sql")),
    M::up(include_str!("migrations/002_roster.sql")),
    M::up(include_str!("migrations/003_plan.sql")),
    M::up(include_str!("migrations/004_knowledge.sql")),
    M::up(include_str!("migrations/005_verdict.sql")),
    M::up(include_str!("migrations/006_registration.sql")),
    M::up(include_str!("migrations/007_restricted.sql")),
    M::up(include_str!("migrations/008_drawn_up.sql")),
    M::up(include_str!("migrations/009_ssh_keys.sql")),
    M::up(include_str!("migrations/010_governance.sql")),
    M::up(include_str!("migrations/011_reviews.sql")),
    M::up(include_str!("migrations/012_staffing_requests.sql")),
    M::up(include_str!("migrations/013_shared_entries.sql")),
    M::up(include_str!("migrations/014_partnership_maturity.sql")),
    M::up(include_str!("migrations/015_board_counts.sql")),
];

pub type Result<T> = std::result::Result<T, StoreError>;

/// An open puls database, acting for one person.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    who: String,
    clock: Arc<dyn Clock>,
    warnings: Vec<Warning>,
    /// Masked in every audit row, with personal identity numbers: see `history::record`.
    health_terms: Vec<String>,
    /// Whose days "today" counts and whose order names sort in: the session the store serves.
    session: Session,
    /// The data version last seen by [`Store::others_changed`].
    seen_version: i64,
    /// The team's group, given the files this store writes (see `output`).
    group: Option<files::Group>,
    /// The flow's rules the organisation chose.
    rules: puls_domain::arena::Rules,
}

/// The session a store serves and the questions about the whole database: who writes, what
/// day it is, and whether another session changed anything. Part of the store interface.
pub trait SessionStore {
    /// What the user should hear about the database, though it opened (anyone may read it).
    fn warnings(&self) -> &[Warning];

    /// Serves `session` from now on: its time zone decides "today", its language the order
    /// names sort in. A new store serves English and UTC until told.
    fn set_session(&mut self, session: Session);

    fn session(&self) -> Session;

    /// The person this store writes as.
    fn who(&self) -> &str;

    /// Writes as `who` from now on. For the demo, so that each of its history rows names the
    /// person who did it; a person's session is given its account where its store opens (the
    /// OS account, the SSH key's) and nothing that serves a person calls this.
    fn act_as(&mut self, who: &str) -> Result<()>;

    fn now(&self) -> DateTime<Utc>;

    /// Today in the session's time zone: what "current" and "late" are measured against.
    fn today(&self) -> chrono::NaiveDate;

    /// Whether another session (another connection, process or server) committed since this
    /// store last asked, or since it opened: the live refresh's one question. SQLite answers it
    /// with `PRAGMA data_version`; a database server would answer with its notifications.
    fn others_changed(&mut self) -> Result<bool>;

    /// The session has handled its input and drawn, and waits for the next: what it holds of
    /// the database's goes back for others (a database server's connection to its pool). Never
    /// called inside a write. A SQLite store holds nothing another session could use.
    fn rest(&mut self) {}

    /// A question that may be interrupted begins (the bank worker's next): an interrupt asked
    /// before now was for the one before it. A store that keeps an interrupt for its next
    /// statement (a database server's, whose cancel may reach it before the question does)
    /// forgets it here; SQLite's interrupt stops only what runs, and keeps nothing.
    fn begin(&mut self) {}

    /// True when the database holds no arenas and no people: safe to fill with the demo.
    fn is_empty(&self) -> Result<bool>;

    fn meta(&self, key: &str) -> Result<Option<String>>;

    fn set_meta(&mut self, key: &str, value: &str) -> Result<()>;
}

impl SessionStore for Store {
    fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// Serves `session` from now on: its time zone decides "today", its language the order
    /// names sort in. A new store serves English and UTC until told.
    fn set_session(&mut self, session: Session) {
        self.session = session;
    }

    fn session(&self) -> Session {
        self.session
    }

    /// The person this store writes as.
    fn who(&self) -> &str {
        &self.who
    }

    fn act_as(&mut self, who: &str) -> Result<()> {
        who.clone_into(&mut self.who);
        Ok(())
    }

    fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Today in the session's time zone: what "current" and "late" are measured against.
    fn today(&self) -> chrono::NaiveDate {
        self.session.day(self.clock.now())
    }

    /// Whether another session (another connection, process or server) committed since this
    /// store last asked, or since it opened: the live refresh's one question. SQLite answers it
    /// with `PRAGMA data_version`; a database server would answer with its notifications.
    fn others_changed(&mut self) -> Result<bool> {
        let version = self.data_version()?;
        let changed = version != self.seen_version;
        self.seen_version = version;
        Ok(changed)
    }

    /// True when the database holds no arenas and no people: safe to fill with the demo.
    fn is_empty(&self) -> Result<bool> {
        sql::is_empty(&self.conn)
    }

    fn meta(&self, key: &str) -> Result<Option<String>> {
        sql::meta(&self.conn, key)
    }

    fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|tx, _| sql::set_meta(tx, key, value))
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path`, acting as `who`, with the default
    /// options: a new file is its owner's alone.
    pub fn open(path: &Path, who: &str, clock: Arc<dyn Clock>) -> Result<Store> {
        Store::open_with(path, who, clock, &StoreOptions::default())
    }

    /// Opens (creating if needed) the database at `path`, acting as `who`. A file puls refuses
    /// is left untouched; see [`Store::warnings`] for what the user should know about one it
    /// opened.
    pub fn open_with(
        path: &Path,
        who: &str,
        clock: Arc<dyn Clock>,
        options: &StoreOptions,
    ) -> Result<Store> {
        let (conn, warnings, group) = open::connect(path, options)?;
        let mut store = Store {
            conn,
            path: path.to_owned(),
            who: who.to_owned(),
            clock,
            warnings,
            health_terms: options.health_terms.clone(),
            session: Session::default(),
            seen_version: 0,
            group,
            rules: options.rules,
        };
        store.seen_version = store.data_version()?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Changes whenever another connection commits: SQLite's cheap "has anything changed?".
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Runs `f` in one immediate transaction: all of it lands, or none of it.
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&Transaction, &Stamp) -> Result<T>,
    ) -> Result<T> {
        let stamp = Stamp {
            rules: self.rules,
            who: &self.who,
            at: self.clock.now(),
            health_terms: &self.health_terms,
            session: self.session,
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx, &stamp)?;
        tx.commit()?;
        Ok(value)
    }
}

impl sql::SqlStore for Store {
    fn db(&self) -> &dyn sql::Db {
        &self.conn
    }

    fn write<T>(&mut self, f: impl FnOnce(&dyn sql::Db, &Stamp) -> Result<T>) -> Result<T> {
        Store::write(self, |tx, stamp| f(tx, stamp))
    }
}
