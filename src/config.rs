//! Where things live (XDG folders), the user's config file, and who the user is: the edge
//! around the settings the app reads (`puls_app::config`, re-exported here).

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

pub use puls_app::config::*;

use crate::domain::language::Language;

/// The `language` the config file at `path` names, read alone before the command line is
/// parsed (for the language of `puls --help`). A file missing or wrong names none here: the
/// full read reports what is wrong with it.
pub fn language_in(path: &Path) -> Option<Language> {
    let text = crate::input::read_text(path, crate::input::CONFIG).ok()?;
    toml::from_str::<LanguageOnly>(&text).ok()?.language
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// `--config` or `PULS_CONFIG` names a file that is not there.
    #[error("{}", crate::messages::config_missing(.0))]
    Missing(PathBuf),
    #[error("{path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", crate::messages::config_invalid(path, *at, detail))]
    Invalid {
        path: PathBuf,
        /// Line and column, from 1, where the file is wrong (when known).
        at: Option<(usize, usize)>,
        detail: String,
    },
}

/// A config text's problem as reported: the file, the line and column where it is wrong.
pub fn in_file(problem: Problem, path: &Path, text: &str) -> ConfigError {
    ConfigError::Invalid {
        path: path.to_owned(),
        at: problem.span.map(|span| line_and_column(text, span.start)),
        detail: problem.detail,
    }
}

/// The text of the config file at `path`; `None` when there is none (the defaults then).
pub fn read(path: &Path) -> Result<Option<String>, ConfigError> {
    match crate::input::read_text(path, crate::input::CONFIG) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(ConfigError::Read {
            path: path.to_owned(),
            source,
        }),
    }
}

/// Who this user is: the OS account of the real uid, as the password database names it. Not
/// `$USER` nor a config setting, which anyone can set: the audit log, the read log and the
/// roles rest on this name. An account the password database does not know (a container
/// without /etc/passwd) is named by its number, `uid 1000`.
pub fn os_account() -> String {
    let uid = nix::unistd::getuid();
    match nix::unistd::User::from_uid(uid) {
        Ok(Some(user)) => user.name,
        _ => format!("uid {uid}"),
    }
}

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "puls")
}

/// `~/.local/share/puls/puls.db` on Linux: the user's own database.
pub fn default_db_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().join("puls.db"))
}

/// The demo's own file beside the user's, never the user's database itself.
pub fn demo_db_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().join("demo.db"))
}

/// `~/.config/puls/config.toml` on Linux.
pub fn config_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_os_account_is_the_real_uid_whatever_user_says() {
        let expected = std::process::Command::new("id")
            .arg("-un")
            .output()
            .unwrap();
        let expected = String::from_utf8(expected.stdout).unwrap();
        assert_eq!(os_account(), expected.trim());
    }

    #[test]
    fn refuses_unknown_settings_with_the_file_line_and_column() {
        let text = "\ncolour = \"red\"\n";
        let problem = Config::from_toml(text).unwrap_err();
        let message = in_file(problem, Path::new("/x/config.toml"), text).to_string();
        assert!(message.starts_with("/x/config.toml:2:1: "), "{message}");
        assert!(message.contains("colour"), "{message}");
    }

    #[test]
    fn a_missing_file_means_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(&dir.path().join("config.toml")).unwrap(), None);
    }
}
