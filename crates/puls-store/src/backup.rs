//! Backups, restores and checks: what an administrator of a shared database runs.
//!
//! Copies go through SQLite's online backup API, which reads one consistent snapshot while
//! others keep writing, and writes a restore through the database's own transaction, so every
//! session that has the file open sees either the old database or the restored one.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OptionalExtension};

use super::files::{self, BUSY_TIMEOUT, Group, StoreOptions, Warning};
use super::open::{Owner, existing, owner, read_only, schema_version};
use super::output::Draft;
use super::{MIGRATIONS, Result, Store, StoreError, time};

/// How long to wait between attempts when a copy finds the database busy.
const RETRY: Duration = Duration::from_millis(20);

/// What a restore did.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// Where the database that was replaced is kept; none when there was none.
    pub replaced: Option<PathBuf>,
    /// The newest change in the restored database.
    pub newest: Option<DateTime<Utc>>,
}

/// A row that points at a row that is not there (`PRAGMA foreign_key_check`).
#[derive(Debug, Clone, PartialEq)]
pub struct Dangling {
    pub table: String,
    pub row: Option<i64>,
    pub parent: String,
}

/// What `check` found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CheckReport {
    /// The schema version, and the newest this puls knows.
    pub schema: usize,
    pub known_schema: usize,
    /// What `PRAGMA integrity_check` reported, when it was not "ok".
    pub damage: Vec<String>,
    pub dangling: Vec<Dangling>,
    /// Anyone on the machine may write the file or its folder: puls refuses to open it.
    pub world_writable: Option<PathBuf>,
    pub warnings: Vec<Warning>,
}

impl CheckReport {
    /// The number of problems: each damage line, each dangling reference, unsafe permissions.
    pub fn problems(&self) -> usize {
        self.damage.len() + self.dangling.len() + usize::from(self.world_writable.is_some())
    }
}

/// Copies all of `from` into `to` in one step: one consistent snapshot of `from`. Waits, within
/// the busy timeout, while either database is locked.
fn copy(from: &Connection, to: &mut Connection) -> Result<()> {
    let backup = Backup::new(from, to)?;
    let start = Instant::now();
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::Busy | StepResult::Locked if start.elapsed() >= BUSY_TIMEOUT => {
                return Err(StoreError::Busy);
            }
            // More cannot come of a step of every page; like Busy, it means "step again".
            _ => {}
        }
        thread::sleep(RETRY);
    }
}

/// The problems `PRAGMA integrity_check` reports; empty when the database is sound.
fn integrity(conn: &Connection, path: &Path) -> Result<Vec<String>> {
    let mut stmt = conn
        .prepare("PRAGMA integrity_check")
        .map_err(|e| StoreError::open(path, e))?;
    let lines = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>());
    match lines {
        Ok(lines) if lines == ["ok"] => Ok(Vec::new()),
        Ok(lines) => Ok(lines),
        // A file damaged badly enough fails the check itself: that is the finding.
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            Ok(vec![e.to_string()])
        }
        Err(e) => Err(StoreError::open(path, e)),
    }
}

fn dangling(conn: &Connection) -> Result<Vec<Dangling>> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = stmt.query_map([], |r| {
        Ok(Dangling {
            table: r.get(0)?,
            row: r.get(1)?,
            parent: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The newest audit row: its time and number. An error when the file holds no history table.
fn newest_change(conn: &Connection, path: &Path) -> Result<Option<(String, i64)>> {
    conn.query_row(
        "SELECT at, id FROM audit ORDER BY at DESC, id DESC LIMIT 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
    .map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            StoreError::from(e)
        }
        Some(rusqlite::ErrorCode::NotADatabase) | None => StoreError::NotADatabase(path.to_owned()),
        _ => StoreError::open(path, e),
    })
}

/// The changes in `conn` after `newest` (all of them when there is none), and the time of the
/// last: what a restore would lose. Times have whole seconds; within the same second, the row
/// number tells (a backup of this very database shares its numbers).
fn changes_after(
    conn: &Connection,
    newest: Option<&(String, i64)>,
) -> Result<(usize, Option<String>)> {
    let (at, id) = newest.cloned().unwrap_or_default();
    let (count, last): (i64, Option<String>) = conn.query_row(
        "SELECT count(*), max(at) FROM audit WHERE (at, id) > (?1, ?2)",
        rusqlite::params![at, id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok((usize::try_from(count).unwrap_or(usize::MAX), last))
}

impl Store {
    /// Copies the database to `to` while others keep working: written as a new file (see
    /// `output`), checked with `integrity_check`, and put in place only when whole. An existing
    /// `to` is replaced only when `overwrite` says so, and never when it is the database or a
    /// file SQLite keeps beside it, or not a regular file.
    pub fn backup(&self, to: &Path, overwrite: bool) -> Result<()> {
        if files::is_database_file(to, &self.path) {
            return Err(StoreError::BackupOverDatabase(to.to_owned()));
        }
        let draft = Draft::begin(to, self.group, overwrite)?;
        let mut copy_conn = existing(draft.path())?;
        copy(&self.conn, &mut copy_conn)?;
        // The copy stands alone: one file, no -wal beside it.
        let _mode: String =
            copy_conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
        let damage = integrity(&copy_conn, draft.path())?;
        if !damage.is_empty() {
            return Err(StoreError::BackupDamaged {
                path: self.path.clone(),
                detail: damage.join("; "),
            });
        }
        drop(copy_conn);
        draft.finish()
    }
}

/// Where a replaced database is kept: `NAME.replaced-YYYYmmddHHMMSS` (UTC, the same on every
/// account whatever its time zone) beside it, with `-2`, `-3`
/// after it when a restore in the same second already took that name.
fn replaced_name(target: &Path, now: DateTime<Utc>) -> PathBuf {
    let stamp = now.format("%Y%m%d%H%M%S");
    let first = files::beside(target, &format!(".replaced-{stamp}"));
    let taken = |p: &Path| p.exists() || files::beside(p, "-wal").exists();
    if !taken(&first) {
        return first;
    }
    (2..)
        .map(|n| files::beside(&first, &format!("-{n}")))
        .find(|p| !taken(p))
        .unwrap_or(first)
}

/// A backup to restore: a regular file, puls's SQLite, a schema this puls knows, sound, with a
/// history.
fn open_source(file: &Path) -> Result<(Connection, Option<(String, i64)>)> {
    let metadata = fs::metadata(file).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::NoSuchFile(file.to_owned()),
        _ => StoreError::io(file, e),
    })?;
    if !metadata.is_file() {
        return Err(StoreError::NotAFile(file.to_owned()));
    }
    // Only read: a backup is evidence, and restoring must not change it or leave files by it.
    let conn = read_only(file)?;
    match owner(&conn, file)? {
        Owner::Puls { .. } => {}
        Owner::Nobody => return Err(StoreError::EmptyBackup(file.to_owned())),
        Owner::Other => return Err(StoreError::ForeignDatabase(file.to_owned())),
    }
    if schema_version(&conn, file)? > MIGRATIONS.len() {
        return Err(StoreError::TooNew(file.to_owned()));
    }
    let damage = integrity(&conn, file)?;
    if !damage.is_empty() {
        return Err(StoreError::BackupDamaged {
            path: file.to_owned(),
            detail: damage.join("; "),
        });
    }
    let newest = newest_change(&conn, file)?;
    Ok((conn, newest))
}

/// Replaces the database at `target` with the backup `file`. Refuses, unless `force`, when
/// another session has `target` open, when `target` holds changes newer than any in `file`, or
/// when `target` cannot be read. The replaced database is kept beside it as
/// `NAME.replaced-YYYYmmddHHMMSS`.
pub fn restore(
    target: &Path,
    file: &Path,
    force: bool,
    options: &StoreOptions,
    now: DateTime<Utc>,
) -> Result<Restored> {
    if files::is_database_file(file, target) {
        return Err(StoreError::BackupOverDatabase(file.to_owned()));
    }
    let (source, newest) = open_source(file)?;
    let newest_at = newest.as_ref().map(|(at, _)| time::from_text(at));
    let group = options.group.as_deref().map(files::group).transpose()?;
    if !target.exists() {
        files::prepare(target, group)?;
        let mut conn = existing(target)?;
        copy(&source, &mut conn)?;
        return Ok(Restored {
            replaced: None,
            newest: newest_at,
        });
    }
    files::prepare(target, group)?;
    let replaced = replaced_name(target, now);
    let mut conn = existing(target)?;
    let readable = schema_version(&conn, target).and_then(|_| {
        if force {
            conn.busy_timeout(options.busy_timeout)?;
        } else {
            lock_alone(&conn, target)?;
        }
        newest_change(&conn, target)?;
        changes_after(&conn, newest.as_ref())
    });
    let (lost, target_newest) = match readable {
        Ok(at) => at,
        Err(e @ (StoreError::InUse(_) | StoreError::Busy)) => return Err(e),
        Err(_) if force => {
            drop(conn);
            return replace_unreadable(target, &source, &replaced, group, newest_at);
        }
        Err(_) => return Err(StoreError::Unreadable(target.to_owned())),
    };
    if let Some(target_newest) = target_newest.filter(|_| !force && lost > 0) {
        return Err(StoreError::NewerChanges {
            lost,
            target: target.to_owned(),
            target_newest: time::from_text(&target_newest),
            file: file.to_owned(),
            file_newest: newest_at,
        });
    }
    keep_copy(&conn, target, &replaced)?;
    copy(&source, &mut conn)?;
    drop(conn);
    files::follow_database(target)?;
    Ok(Restored {
        replaced: Some(replaced),
        newest: newest_at,
    })
}

/// Takes `target` for this connection alone, or says who is in the way. In WAL mode an
/// exclusive transaction still lets readers in; exclusive locking mode does not, and keeps the
/// lock until the connection closes, so nobody opens the file between the check and the restore.
fn lock_alone(conn: &Connection, target: &Path) -> Result<()> {
    conn.busy_timeout(Duration::ZERO)?;
    let _mode: String = conn.query_row("PRAGMA locking_mode = EXCLUSIVE", [], |r| r.get(0))?;
    conn.execute_batch("BEGIN EXCLUSIVE; SELECT count(*) FROM sqlite_master; COMMIT;")
        .map_err(|e| match StoreError::from(e) {
            StoreError::Busy => StoreError::InUse(target.to_owned()),
            other => other,
        })?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(())
}

/// Copies the database about to be replaced to `replaced`: its team's when the database is
/// (group access and a group this user may give files to), else its owner's alone.
fn keep_copy(conn: &Connection, target: &Path, replaced: &Path) -> Result<()> {
    let meta = fs::metadata(target).map_err(|e| StoreError::io(target, e))?;
    let team = (meta.mode() & 0o060 != 0).then_some(Group { gid: meta.gid() });
    let draft = match Draft::begin(replaced, team, false) {
        Err(StoreError::GroupRefused { .. }) => Draft::begin(replaced, None, false)?,
        draft => draft?,
    };
    let mut kept = existing(draft.path())?;
    copy(conn, &mut kept)?;
    let _mode: String = kept.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    drop(kept);
    draft.finish()
}

/// With --force, a target SQLite cannot read is moved aside (with its -wal and -shm, which
/// belong to it) and the backup copied to a new file in its place.
fn replace_unreadable(
    target: &Path,
    source: &Connection,
    replaced: &Path,
    group: Option<Group>,
    newest: Option<DateTime<Utc>>,
) -> Result<Restored> {
    for suffix in files::DATABASE_FILES {
        let from = files::beside(target, suffix);
        if from.exists() {
            let to = files::beside(replaced, suffix);
            fs::rename(&from, &to).map_err(|e| StoreError::io(&from, e))?;
        }
    }
    files::prepare(target, group)?;
    let mut conn = existing(target)?;
    copy(source, &mut conn)?;
    Ok(Restored {
        replaced: Some(replaced.to_owned()),
        newest,
    })
}

/// Checks the database at `path` without changing it: its pages and indexes
/// (`integrity_check`), its references (`foreign_key_check`) and who may write it.
pub fn check(path: &Path) -> Result<CheckReport> {
    use std::os::unix::fs::PermissionsExt;
    let meta = fs::metadata(path).map_err(|e| StoreError::io(path, e))?;
    if !meta.is_file() {
        return Err(StoreError::NotAFile(path.to_owned()));
    }
    let mut report = CheckReport {
        known_schema: MIGRATIONS.len(),
        ..CheckReport::default()
    };
    let folder = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let folder_mode = fs::metadata(folder)
        .map_err(|e| StoreError::io(folder, e))?
        .permissions()
        .mode();
    let mode = meta.permissions().mode();
    if mode & 0o002 != 0 {
        report.world_writable = Some(path.to_owned());
    } else if folder_mode & 0o002 != 0 {
        report.world_writable = Some(folder.to_owned());
    }
    if mode & 0o004 != 0 {
        report
            .warnings
            .push(Warning::WorldReadable(path.to_owned()));
    }
    let conn = for_check(path, &meta, folder)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if owner(&conn, path)? == Owner::Other {
        return Err(StoreError::ForeignDatabase(path.to_owned()));
    }
    report.schema = schema_version(&conn, path)?;
    report.damage = integrity(&conn, path)?;
    report.dangling = dangling(&conn)?;
    Ok(report)
}

/// A connection for `check` that writes nothing and leaves nothing behind. A database this user
/// may write is opened as every session opens it (SQLite removes the `-wal` and `-shm` files
/// when the last connection closes). One they may not write (no write bit, or a file or folder
/// not writable for them) is only read (see `read_only`): a plain read-only connection would
/// leave a `-wal` and `-shm` behind, with the database's read-only mode, that break every write.
fn for_check(path: &Path, meta: &fs::Metadata, folder: &Path) -> Result<Connection> {
    use nix::unistd::{AccessFlags, access};
    use std::os::unix::fs::PermissionsExt;
    let writable = meta.permissions().mode() & 0o222 != 0
        && access(path, AccessFlags::W_OK).is_ok()
        && access(folder, AccessFlags::W_OK).is_ok();
    if writable {
        let conn = existing(path)?;
        schema_version(&conn, path)?;
        files::follow_database(path)?;
        return Ok(conn);
    }
    read_only(path)
}
