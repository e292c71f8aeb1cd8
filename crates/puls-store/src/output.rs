//! Files puls writes for people: exports, reports, extracts and backups.
//!
//! Such a file is always new. It is written under a name of its own beside the one asked for
//! (made by [`files::create_new`]: `O_EXCL`, no symlink followed, `0600` or `0660` in the team's
//! group whatever the umask) and renamed into place when whole, so a reader sees no file, or an
//! empty one, or all of it, never half. Without `replace` the name asked for is claimed first,
//! the same way, so an existing file or symlink there is refused, never borrowed; with it, a
//! regular file or a symlink there is replaced (the symlink itself, not what it points to).
//! Folders, devices and pipes are never written over.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::files::{self, Group};
use super::{Result, Store, StoreError};

/// A file being written beside its final name; dropped unfinished, it is removed, with the
/// files SQLite may have kept beside it and the final name when this draft claimed it.
pub(crate) struct Draft {
    file: File,
    temp: PathBuf,
    target: PathBuf,
    claimed: bool,
    done: bool,
}

impl Draft {
    /// Starts a new file for `target`: refused when `target` exists, unless `replace`; and
    /// always when it is anything but a regular file or a symlink to one (or to nothing).
    pub(crate) fn begin(target: &Path, group: Option<Group>, replace: bool) -> Result<Draft> {
        let name = target
            .file_name()
            .ok_or_else(|| StoreError::NotAFile(target.to_owned()))?;
        match fs::symlink_metadata(target) {
            Ok(there) => {
                replaceable(target, &there)?;
                if !replace {
                    return Err(StoreError::FileExists(target.to_owned()));
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::io(target, e)),
        }
        let claimed = !replace;
        if claimed {
            files::create_new(target, group)?;
        }
        let made = create_temp(target, &name.to_string_lossy(), group);
        match made {
            Ok((file, temp)) => Ok(Draft {
                file,
                temp,
                target: target.to_owned(),
                claimed,
                done: false,
            }),
            Err(e) => {
                if claimed {
                    let _ = fs::remove_file(target);
                }
                Err(e)
            }
        }
    }

    /// Where the draft is written, for a writer that opens it by name (SQLite).
    pub(crate) fn path(&self) -> &Path {
        &self.temp
    }

    /// Puts the whole file in place of `target`, synced to disk first.
    pub(crate) fn finish(mut self) -> Result<()> {
        self.file
            .sync_all()
            .map_err(|e| StoreError::io(&self.target, e))?;
        fs::rename(&self.temp, &self.target).map_err(|e| StoreError::io(&self.target, e))?;
        self.done = true;
        Ok(())
    }
}

impl Drop for Draft {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        for suffix in files::DATABASE_FILES {
            let _ = fs::remove_file(files::beside(&self.temp, suffix));
        }
        if self.claimed {
            let _ = fs::remove_file(&self.target);
        }
    }
}

/// A new file beside `target` for its draft, hidden, named after it and this process.
fn create_temp(target: &Path, name: &str, group: Option<Group>) -> Result<(File, PathBuf)> {
    let mut n = 0;
    loop {
        let temp = target.with_file_name(format!(".{name}.partial-{}-{n}", std::process::id()));
        match files::create_new(&temp, group) {
            Ok(file) => return Ok((file, temp)),
            // Someone else's file by that name: take the next.
            Err(StoreError::FileExists(_)) if n < 100 => n += 1,
            Err(e) => return Err(e),
        }
    }
}

/// A regular file, or a symlink to one or to nothing, may be replaced; anything else not.
fn replaceable(target: &Path, there: &fs::Metadata) -> Result<()> {
    let file = there.is_file()
        || there.file_type().is_symlink()
            && match fs::metadata(target) {
                Ok(pointed) => pointed.is_file(),
                Err(e) => e.kind() == std::io::ErrorKind::NotFound,
            };
    if file {
        Ok(())
    } else {
        Err(StoreError::NotAFile(target.to_owned()))
    }
}

/// Writes a file for people from a database that is no file on this machine (a database
/// server's): the module's rules, in the team's group when `options` names one.
pub fn write_for_people(
    target: &Path,
    bytes: &[u8],
    options: &super::StoreOptions,
    replace: bool,
) -> Result<()> {
    let group = options.group.as_deref().map(files::group).transpose()?;
    write(target, bytes, group, replace)
}

/// Writes `bytes` as the new file `target` (see the module's rules).
pub(crate) fn write(
    target: &Path,
    bytes: &[u8],
    group: Option<Group>,
    replace: bool,
) -> Result<()> {
    let mut draft = Draft::begin(target, group, replace)?;
    draft
        .file
        .write_all(bytes)
        .map_err(|e| StoreError::io(target, e))?;
    draft.finish()
}

impl Store {
    /// Writes a file from this database for people (an export, a report, an extract): the
    /// module's rules, with the team's group when one is configured. Never over the database
    /// or a file SQLite keeps beside it, by whatever name, `replace` or not: `--force` on the
    /// wrong name would put a document where the data was.
    pub fn write_file(&self, target: &Path, bytes: &[u8], replace: bool) -> Result<()> {
        if files::is_database_file(target, &self.path) {
            return Err(StoreError::BackupOverDatabase(target.to_owned()));
        }
        write(target, bytes, self.group, replace)
    }

    /// True when the files this store writes are its team's (`0660` in the configured group).
    pub fn writes_for_team(&self) -> bool {
        self.group.is_some()
    }
}
