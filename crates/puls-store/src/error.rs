//! What can go wrong in the store, said so the user knows what to do.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use puls_domain::arena::Refusal;
use puls_domain::decision::DecisionProblem;
use puls_domain::request::{ApprovalProblem, RequestStatus};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0} is not a puls database (it is not SQLite, or it is damaged)")]
    NotADatabase(PathBuf),
    #[error(
        "{0} is another program's SQLite database, not puls's; puls leaves it as it is. Name a new file, or a puls database"
    )]
    ForeignDatabase(PathBuf),
    #[error("{0} is empty: it holds no puls database to restore")]
    EmptyBackup(PathBuf),
    #[error("{0} was written by a newer puls; update puls to open it")]
    TooNew(PathBuf),
    #[error("{0} can be written by anyone on this machine; run `chmod o-w` on it first")]
    WorldWritable(PathBuf),
    #[error(
        "the folder {0} can be written by anyone on this machine, who could replace the database or plant files beside it; keep the database in a folder of its own (`chmod o-w` on it)"
    )]
    FolderWorldWritable(PathBuf),
    #[error(
        "{0} is read-only for you; puls writes nothing to it. Ask its owner for write access, or open a copy"
    )]
    ReadOnly(PathBuf),
    #[error("no group is called \"{0}\" in /etc/group; fix `group` in config.toml")]
    UnknownGroup(String),
    #[error("could not give {path} to group {gid} ({source}); are you a member of that group?")]
    GroupRefused {
        path: PathBuf,
        gid: u32,
        source: std::io::Error,
    },
    #[error("{0} already exists; choose another name, or add --force to replace it")]
    FileExists(PathBuf),
    /// A file the command needs to read (a database, a backup) is not there: a typo, most often.
    #[error("{0} does not exist; check the name (puls creates a database only when it writes one)")]
    NoSuchFile(PathBuf),
    #[error(
        "{0} is not a regular file (a folder, a device or a pipe); puls writes and restores only regular files"
    )]
    NotAFile(PathBuf),
    #[error(
        "{0} is the database itself, or a file SQLite keeps beside it (-wal, -shm, -journal); backups and restores need another file"
    )]
    BackupOverDatabase(PathBuf),
    #[error("{path} failed its integrity check ({detail}); nothing was changed")]
    BackupDamaged { path: PathBuf, detail: String },
    #[error(
        "{0} is open in another puls or program; ask them to quit first, or add --force to replace it under them"
    )]
    InUse(PathBuf),
    #[error(
        "{target} holds {lost} change(s) newer than anything in {file}, up to {target_newest}; they would be lost. Add --force to restore anyway (the current database is kept beside it)"
    )]
    NewerChanges {
        lost: usize,
        target: PathBuf,
        target_newest: DateTime<Utc>,
        file: PathBuf,
        file_newest: Option<DateTime<Utc>>,
    },
    #[error("{0} cannot be read as a puls database; add --force to replace it anyway")]
    Unreadable(PathBuf),
    #[error(
        "the check found {0} problem(s); restore the latest good backup with `puls restore FILE`"
    )]
    CheckFailed(usize),
    #[error("the database stayed locked by another session; nothing was saved, try again")]
    Busy,
    #[error("could not update the schema of {path}: {detail}")]
    Migration { path: PathBuf, detail: String },
    #[error("arena #{0} does not exist")]
    ArenaNotFound(i64),
    #[error("{who} changed arena #{id} at {at}")]
    Conflict {
        id: i64,
        who: String,
        at: DateTime<Utc>,
    },
    #[error("{who} changed {what} at {at}")]
    Changed {
        what: String,
        who: String,
        at: DateTime<Utc>,
    },
    #[error("person {0} does not exist")]
    PersonNotFound(i64),
    #[error(
        "this person has allocations or coordinates an arena: deactivate them instead, so the history stays true"
    )]
    PersonHasAllocations(i64),
    #[error("no competence is called \"{0}\"; add it to the catalogue first")]
    UnknownCompetence(String),
    #[error("allocation {0} does not exist; someone may have removed it")]
    AllocationNotFound(i64),
    #[error("{0} was removed by someone else; nothing was saved")]
    Removed(String),
    #[error("the file was written by a newer puls (format {0}); update puls to read it")]
    RecordTooNew(u32),
    #[error("the file is not a puls arena: its {0} is not valid")]
    BadRecord(String),
    #[error("nobody on the roster is called \"{0}\"")]
    UnknownPerson(String),
    #[error("a name is needed")]
    NameMissing,
    #[error("\"{0}\" is twice in the import; each person once, please")]
    ImportNameTwice(String),
    #[error("entry {0} does not exist; someone may have deleted it")]
    EntryNotFound(i64),
    #[error("an entry needs a title of 1 to 200 characters")]
    EntryTitle,
    #[error(
        "entry {0} is another municipality's, shared with the region: you may read it, not change it"
    )]
    EntryElsewhere(i64),
    #[error(
        "{0} is neither a coordinator nor an administrator; only they share entries with the region"
    )]
    NotSharer(String),
    #[error(
        "review {0} is not a case discussion; only what a case discussion learned goes to the bank"
    )]
    NotACaseDiscussion(i64),
    #[error("review {review} is already in the bank as entry {entry}")]
    ReviewFiled { review: i64, entry: i64 },
    #[error("a rating needs every dimension once, each from 1 to 6 ({0})")]
    MaturityLevel(String),
    #[error("a partnership's rating needs the outside partner's name")]
    PartnerMissing,
    #[error("purpose {0} does not exist; `puls purpose list` shows them")]
    PurposeNotFound(i64),
    #[error("a note needs some text")]
    NoteMissing,
    #[error("entry {0} is not a course; only a course has a teacher and sessions")]
    NotACourse(i64),
    #[error("session {0} is full")]
    SessionFull(i64),
    #[error("{person} is not signed up for session {session}")]
    NotSignedUp { session: i64, person: String },
    #[error("{person} is already signed up for session {session}")]
    AlreadySignedUp { session: i64, person: String },
    #[error("a session needs at least one seat")]
    NoSeats,
    #[error("arena #{arena} was drawn up at {at} by {by}: it is locked")]
    DrawnUp {
        arena: i64,
        at: DateTime<Utc>,
        by: String,
    },
    #[error("the restricted record of arena #{0} is for its coordinator and communication lead")]
    Restricted(i64),
    #[error("{0} is not an administrator")]
    NotAdministrator(String),
    #[error("{who} may not change who coordinates arena #{arena} or is its communication lead")]
    NotAppointer { arena: i64, who: String },
    #[error("{who} is not a member of {body} and may not record its decisions")]
    NotInBody { body: String, who: String },
    #[error("{who} coordinates arena #{arena} and may not commission it")]
    OwnArena { arena: i64, who: String },
    #[error("the decision cannot be recorded as given")]
    DecisionRefused(Vec<DecisionProblem>),
    #[error("{0} is the last administrator")]
    LastAdministrator(String),
    #[error("the key {fingerprint} is already listed for {account}")]
    KeyListed {
        fingerprint: String,
        account: String,
    },
    #[error("the move is refused")]
    Refused(Vec<Refusal>),
    #[error(
        "{0} has no line manager on the roster: set their manager (e on the person), or an administrator allocates directly"
    )]
    NoManager(String),
    #[error("staffing request {0} does not exist; `puls requests` lists them")]
    RequestNotFound(i64),
    #[error("{who} is not the line manager of {person} and may not decide request {request}")]
    NotManager {
        request: i64,
        person: String,
        who: String,
    },
    #[error("{who} did not ask request {request} and may not withdraw it")]
    NotAsker { request: i64, who: String },
    #[error("staffing request {request} is already {}", status.code())]
    RequestClosed { request: i64, status: RequestStatus },
    #[error("the approval cannot be made as given")]
    ApprovalRefused(ApprovalProblem),
    #[error("a decline needs a reason")]
    ReasonMissing,
    /// A question stopped from another thread: a newer one took its place.
    #[error("the question was interrupted")]
    Interrupted,
    /// What the database itself said, in its own words. No backend's error type reaches past
    /// the store, so a second backend reports the same way and callers match on nothing of it.
    #[error("database error: {0}")]
    Backend(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Busy
            }
            Some(rusqlite::ErrorCode::OperationInterrupted) => StoreError::Interrupted,
            _ => StoreError::Backend(e.to_string()),
        }
    }
}

impl StoreError {
    /// Whether the database cannot be used (exit code 1), rather than the command refused as
    /// given (exit code 2: a wrong number or name, a rule, a file that exists). No wildcard: a new
    /// error does not compile until it is placed.
    pub fn is_about_the_database(&self) -> bool {
        match self {
            StoreError::Io { .. }
            | StoreError::NotADatabase(_)
            | StoreError::ForeignDatabase(_)
            | StoreError::EmptyBackup(_)
            | StoreError::TooNew(_)
            | StoreError::WorldWritable(_)
            | StoreError::FolderWorldWritable(_)
            | StoreError::ReadOnly(_)
            | StoreError::GroupRefused { .. }
            | StoreError::BackupDamaged { .. }
            | StoreError::CheckFailed(_)
            | StoreError::Busy
            | StoreError::Migration { .. }
            | StoreError::Interrupted
            | StoreError::Backend(_) => true,
            StoreError::UnknownGroup(_)
            | StoreError::FileExists(_)
            | StoreError::NoSuchFile(_)
            | StoreError::NotAFile(_)
            | StoreError::BackupOverDatabase(_)
            | StoreError::InUse(_)
            | StoreError::NewerChanges { .. }
            | StoreError::Unreadable(_)
            | StoreError::ArenaNotFound(_)
            | StoreError::Conflict { .. }
            | StoreError::Changed { .. }
            | StoreError::PersonNotFound(_)
            | StoreError::PersonHasAllocations(_)
            | StoreError::UnknownCompetence(_)
            | StoreError::AllocationNotFound(_)
            | StoreError::Removed(_)
            | StoreError::RecordTooNew(_)
            | StoreError::BadRecord(_)
            | StoreError::UnknownPerson(_)
            | StoreError::NameMissing
            | StoreError::ImportNameTwice(_)
            | StoreError::EntryNotFound(_)
            | StoreError::EntryTitle
            | StoreError::EntryElsewhere(_)
            | StoreError::NotSharer(_)
            | StoreError::NotACaseDiscussion(_)
            | StoreError::ReviewFiled { .. }
            | StoreError::MaturityLevel(_)
            | StoreError::PartnerMissing
            | StoreError::PurposeNotFound(_)
            | StoreError::NoteMissing
            | StoreError::NotACourse(_)
            | StoreError::SessionFull(_)
            | StoreError::NotSignedUp { .. }
            | StoreError::AlreadySignedUp { .. }
            | StoreError::NoSeats
            | StoreError::DrawnUp { .. }
            | StoreError::Restricted(_)
            | StoreError::NotAdministrator(_)
            | StoreError::NotAppointer { .. }
            | StoreError::NotInBody { .. }
            | StoreError::OwnArena { .. }
            | StoreError::DecisionRefused(_)
            | StoreError::LastAdministrator(_)
            | StoreError::KeyListed { .. }
            | StoreError::Refused(_)
            | StoreError::NoManager(_)
            | StoreError::RequestNotFound(_)
            | StoreError::NotManager { .. }
            | StoreError::NotAsker { .. }
            | StoreError::RequestClosed { .. }
            | StoreError::ApprovalRefused(_)
            | StoreError::ReasonMissing => false,
        }
    }

    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.to_owned(),
            source,
        }
    }

    pub(crate) fn open(path: &Path, e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase(path.to_owned()),
            Some(rusqlite::ErrorCode::ReadOnly) => StoreError::ReadOnly(path.to_owned()),
            _ => StoreError::from(e),
        }
    }

    pub(crate) fn migration(path: &Path, e: rusqlite_migration::Error) -> Self {
        use rusqlite_migration::{Error, MigrationDefinitionError};
        match e {
            Error::MigrationDefinition(MigrationDefinitionError::DatabaseTooFarAhead) => {
                StoreError::TooNew(path.to_owned())
            }
            Error::RusqliteError { err, .. } => StoreError::open(path, err),
            other => StoreError::Migration {
                path: path.to_owned(),
                detail: other.to_string(),
            },
        }
    }
}
