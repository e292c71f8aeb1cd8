//! The database file on disk: who may read and write it, and the files SQLite keeps beside it.
//!
//! A new database is its owner's alone (`0600`), or its team's (`0660` and the configured group)
//! when a group is set. A database, or a folder, that anyone on the machine may write is refused:
//! whoever can write the folder can swap the database or plant a `-wal` file that SQLite would
//! replay into it. A database anyone may read is opened, with a warning.

use std::fs::{self, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{Result, StoreError};

/// How long a write waits for another session's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// How a database is opened, beyond its path and who writes.
#[derive(Debug, Clone, PartialEq)]
pub struct StoreOptions {
    /// The team's group: a new database (and a new folder for it) is made `0660` and given to it.
    pub group: Option<String>,
    /// How long a write waits for another session; tests shorten it.
    pub busy_timeout: Duration,
    /// The health terms masked, with personal identity numbers, in every history row.
    pub health_terms: Vec<String>,
    /// The flow's rules the organisation chose (config).
    pub rules: puls_domain::arena::Rules,
    /// SQLite's page cache for this connection, in KiB; None keeps SQLite's own (2 MiB). A
    /// server holding a hundred screens gives each a smaller one.
    pub page_cache_kib: Option<u32>,
    /// A database server's connections this process keeps open at most, shared by all its
    /// sessions on one database (SQLite has one file and needs none).
    pub pool_size: usize,
}

/// The pool's size when the config names none: a few more connections than the machine has
/// cores, as the server runs at most one question a core at a time and a few wait on the
/// network.
pub fn default_pool_size() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get) + 4
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            group: None,
            busy_timeout: BUSY_TIMEOUT,
            rules: puls_domain::arena::Rules::default(),
            page_cache_kib: None,
            pool_size: default_pool_size(),
            health_terms: puls_domain::privacy::DEFAULT_HEALTH_TERMS
                .iter()
                .map(|t| (*t).to_owned())
                .collect(),
        }
    }
}

/// Something about the database file the user should know, though it opened.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// Anyone on the machine can read the arenas, the people and the history.
    WorldReadable(PathBuf),
}

/// A group resolved to its number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Group {
    pub gid: u32,
}

const WORLD_WRITE: u32 = 0o002;
const WORLD_READ: u32 = 0o004;

/// Resolves a configured group, by name from `/etc/group` or as a number.
pub(crate) fn group(name: &str) -> Result<Group> {
    let name = name.trim();
    if let Ok(gid) = name.parse::<u32>() {
        return Ok(Group { gid });
    }
    let table =
        fs::read_to_string("/etc/group").map_err(|e| StoreError::io(Path::new("/etc/group"), e))?;
    group_in(&table, name)
        .map(|gid| Group { gid })
        .ok_or_else(|| StoreError::UnknownGroup(name.to_owned()))
}

/// The number of the group called `name` in a `/etc/group` text (`name:x:gid:members`).
fn group_in(table: &str, name: &str) -> Option<u32> {
    table
        .lines()
        .filter(|line| !line.starts_with('#'))
        .find_map(|line| {
            let mut fields = line.split(':');
            let found = fields.next()? == name;
            let gid = fields.nth(1)?.trim().parse().ok()?;
            found.then_some(gid)
        })
}

/// The folder a database path lives in; `.` for a bare file name.
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Makes sure `path` may be opened: creates a new database (and its folder) with safe
/// permissions, refuses one anyone may write, that is read-only or not a regular file, and warns
/// when anyone may read it. Never writes to an existing file.
pub(crate) fn prepare(path: &Path, group: Option<Group>) -> Result<Vec<Warning>> {
    let folder = folder_of(path);
    if !folder.exists() {
        create_folder(folder, group)?;
    }
    let folder_mode = mode_of(folder)?;
    if folder_mode & WORLD_WRITE != 0 {
        let shown = fs::canonicalize(folder).unwrap_or_else(|_| folder.to_owned());
        return Err(StoreError::FolderWorldWritable(shown));
    }
    if create(path, group)? {
        return Ok(Vec::new());
    }
    let meta = fs::metadata(path).map_err(|e| StoreError::io(path, e))?;
    // A folder, a device or a pipe is no database, whatever SQLite would make of it.
    if !meta.is_file() {
        return Err(StoreError::NotAFile(path.to_owned()));
    }
    let mode = meta.permissions().mode();
    if mode & WORLD_WRITE != 0 {
        return Err(StoreError::WorldWritable(path.to_owned()));
    }
    // No write bit for anyone: its owner made it read-only, even if we could write it anyway.
    if mode & 0o222 == 0 {
        return Err(StoreError::ReadOnly(path.to_owned()));
    }
    let mut warnings = Vec::new();
    if mode & WORLD_READ != 0 {
        warnings.push(Warning::WorldReadable(path.to_owned()));
    }
    Ok(warnings)
}

/// Creates `path` empty, `0600`, or `0660` in `group`. False when it already exists.
pub(crate) fn create(path: &Path, group: Option<Group>) -> Result<bool> {
    match create_new(path, group) {
        Ok(_) => Ok(true),
        Err(StoreError::FileExists(_)) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Creates the file `path`, which must not exist: `O_EXCL` and `O_NOFOLLOW`, so neither a file
/// nor a symlink someone planted there is borrowed. Its mode is set exactly, whatever the umask:
/// `0600`, or `0660` and `group` when the team's group is configured. Every file puls makes
/// (databases, backups, exports, extracts, reports) is made here.
pub(crate) fn create_new(path: &Path, group: Option<Group>) -> Result<fs::File> {
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .custom_flags(nix::fcntl::OFlag::O_NOFOLLOW.bits())
        .mode(0o600)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => StoreError::FileExists(path.to_owned()),
            _ => StoreError::io(path, e),
        })?;
    if let Err(e) = set_access(&file, path, group) {
        // A file in the wrong group or mode helps nobody: leave no trace of the attempt.
        let _ = fs::remove_file(path);
        return Err(e);
    }
    Ok(file)
}

/// Gives an open file to `group` and its exact mode, through the open file itself, so the
/// name cannot be swapped in between (the umask does not apply to chmod).
fn set_access(file: &fs::File, path: &Path, group: Option<Group>) -> Result<()> {
    let mode = match group {
        Some(group) => {
            std::os::unix::fs::fchown(file, None, Some(group.gid)).map_err(|source| {
                StoreError::GroupRefused {
                    path: path.to_owned(),
                    gid: group.gid,
                    source,
                }
            })?;
            0o660
        }
        None => 0o600,
    };
    file.set_permissions(fs::Permissions::from_mode(mode))
        .map_err(|e| StoreError::io(path, e))
}

/// A new folder for databases: `0700`, or `2770` in `group` so that every file made in it
/// (the `-wal` and `-shm` files too, whoever creates them) belongs to the team.
fn create_folder(folder: &Path, group: Option<Group>) -> Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(folder)
        .map_err(|e| StoreError::io(folder, e))?;
    match group {
        Some(group) => give_to(folder, group, 0o2770),
        None => Ok(()),
    }
}

/// Gives `path` to `group`, then sets `mode` exactly (the umask does not apply to chmod).
fn give_to(path: &Path, group: Group, mode: u32) -> Result<()> {
    std::os::unix::fs::chown(path, None, Some(group.gid)).map_err(|source| {
        StoreError::GroupRefused {
            path: path.to_owned(),
            gid: group.gid,
            source,
        }
    })?;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).map_err(|e| StoreError::io(path, e))
}

fn mode_of(path: &Path) -> Result<u32> {
    Ok(fs::metadata(path)
        .map_err(|e| StoreError::io(path, e))?
        .permissions()
        .mode())
}

/// The names of the database and of the files SQLite keeps beside it.
pub(crate) const DATABASE_FILES: [&str; 4] = ["", "-wal", "-shm", "-journal"];

/// True when `target` is the database `db` or a file SQLite keeps (or would keep) beside it,
/// by whatever name: the same file when it exists, else the same place once symlinks and `..`
/// are resolved.
pub(crate) fn is_database_file(target: &Path, db: &Path) -> bool {
    let place = |p: &Path| -> Option<PathBuf> {
        let folder = fs::canonicalize(folder_of(p)).ok()?;
        Some(folder.join(p.file_name()?))
    };
    let target_file = fs::metadata(target).ok();
    let target_place = fs::canonicalize(target).ok().or_else(|| place(target));
    let names = [Some(db.to_owned()), fs::canonicalize(db).ok()];
    DATABASE_FILES.iter().any(|suffix| {
        names.iter().flatten().any(|name| {
            let file = beside(name, suffix);
            let same_file = match (&target_file, fs::metadata(&file)) {
                (Some(t), Ok(f)) => t.dev() == f.dev() && t.ino() == f.ino(),
                _ => false,
            };
            same_file || target_place.is_some() && place(&file) == target_place
        })
    })
}

/// The file SQLite keeps beside `db` with `suffix` (`-wal`, `-shm`, `-journal`).
pub(crate) fn beside(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Gives the `-wal` and `-shm` files the database's mode and group, so that every member of the
/// team can open the database after whoever created them. Files another user owns are theirs to
/// change (the system says so): SQLite already gave them the database's mode when it made them.
pub(crate) fn follow_database(db: &Path) -> Result<()> {
    let meta = fs::metadata(db).map_err(|e| StoreError::io(db, e))?;
    let mode = meta.permissions().mode() & 0o777;
    for suffix in ["-wal", "-shm"] {
        let file = beside(db, suffix);
        let Ok(own) = fs::symlink_metadata(&file) else {
            continue;
        };
        if !own.is_file() {
            continue;
        }
        if own.gid() != meta.gid() {
            let given = std::os::unix::fs::chown(&file, None, Some(meta.gid()));
            not_ours_is_fine(&file, given)?;
        }
        if own.permissions().mode() & 0o777 != mode {
            let set = fs::set_permissions(&file, fs::Permissions::from_mode(mode));
            not_ours_is_fine(&file, set)?;
        }
    }
    Ok(())
}

fn not_ours_is_fine(file: &Path, result: std::io::Result<()>) -> Result<()> {
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::PermissionDenied => Err(StoreError::io(file, e)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str =
        "root:x:0:\n# a comment\nusers:x:100:ann,bo\narena-team:x:1042:maja,jonas\n";

    #[test]
    fn finds_a_group_by_name() {
        assert_eq!(group_in(TABLE, "arena-team"), Some(1042));
        assert_eq!(group_in(TABLE, "root"), Some(0));
    }

    #[test]
    fn an_unknown_group_is_none_not_another_group() {
        assert_eq!(group_in(TABLE, "arena"), None);
        assert_eq!(group_in(TABLE, "x"), None);
    }

    #[test]
    fn a_number_is_taken_as_the_group_itself() {
        assert_eq!(group("1042").unwrap(), Group { gid: 1042 });
    }

    #[test]
    fn the_files_beside_keep_the_whole_name() {
        assert_eq!(
            beside(Path::new("/srv/a.db"), "-wal"),
            PathBuf::from("/srv/a.db-wal")
        );
    }
}
