//! Where things live (XDG folders), the user's config file, and who the user is.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;
use serde::Deserialize;

use crate::domain::mission::{self, Mission};

/// The user's settings. A config file names only what it changes; the rest keeps its default.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Who decides to establish an arena (DOMAIN.md: organisations change their minds).
    pub commissioned_by: String,
    /// The main missions, in board order.
    pub missions: Vec<Mission>,
    /// The team's group on a shared server: a new database is made `0660` and given to it.
    pub group: Option<String>,
    /// How long each arena's turn in a stand-up lasts.
    pub standup_minutes: u32,
    /// The coaching questions a stand-up rotates through.
    pub coaching_questions: Vec<String>,
    /// Words that mark health data in free text: saving them asks first (whole words, any case).
    pub health_terms: Vec<String>,
    /// The retention decision's rules; `contacts-365` when the file names none.
    pub retention: Vec<crate::domain::retention::RetentionRule>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            commissioned_by: "Strategic coordination group".to_owned(),
            missions: mission::default_missions(),
            group: None,
            standup_minutes: 2,
            coaching_questions: crate::messages::DEFAULT_COACHING_QUESTIONS
                .iter()
                .map(|q| (*q).to_owned())
                .collect(),
            health_terms: DEFAULT_HEALTH_TERMS
                .iter()
                .map(|t| (*t).to_owned())
                .collect(),
            retention: crate::domain::retention::default_rules(),
        }
    }
}

/// Health conditions in Swedish (with their common forms) and English: a starting list a
/// municipality replaces with its own in `health_terms`.
pub const DEFAULT_HEALTH_TERMS: &[&str] = &[
    "diagnos",
    "diagnosen",
    "diagnoser",
    "depression",
    "deprimerad",
    "cancer",
    "missbruk",
    "missbrukare",
    "anorexi",
    "ätstörning",
    "psykos",
    "schizofreni",
    "bipolär",
    "självmordsförsök",
    "självskada",
    "hiv",
    "diabetes",
    "epilepsi",
    "adhd",
    "autism",
    "demens",
    "graviditet",
    "gravid",
    "diagnosis",
    "depressed",
    "addiction",
    "substance abuse",
    "anorexia",
    "eating disorder",
    "psychosis",
    "schizophrenia",
    "bipolar",
    "suicide attempt",
    "self-harm",
    "epilepsy",
    "dementia",
    "pregnant",
    "pregnancy",
];

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {detail}")]
    Invalid { path: PathBuf, detail: String },
}

impl Config {
    /// Reads `path`; a missing file means the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(source) => {
                return Err(ConfigError::Read {
                    path: path.to_owned(),
                    source,
                });
            }
        };
        let config: Config = toml::from_str(&text).map_err(|e| ConfigError::Invalid {
            path: path.to_owned(),
            detail: e.to_string(),
        })?;
        if config.missions.is_empty() {
            return Err(ConfigError::Invalid {
                path: path.to_owned(),
                detail: "missions: at least one mission is needed".to_owned(),
            });
        }
        if let Some(problem) = crate::domain::retention::problem(&config.retention) {
            return Err(ConfigError::Invalid {
                path: path.to_owned(),
                detail: crate::messages::retention_rule_problem(&problem),
            });
        }
        Ok(config)
    }

    /// How this user's databases are opened: a new one goes to the configured group.
    pub fn store_options(&self) -> crate::store::StoreOptions {
        crate::store::StoreOptions {
            group: self.group.clone().filter(|g| !g.trim().is_empty()),
            ..crate::store::StoreOptions::default()
        }
    }

    /// The display name of a mission code; the code itself when the config no longer has it.
    pub fn mission_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.missions
            .iter()
            .find(|m| m.code == code)
            .map_or(code, |m| m.name.as_str())
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
    fn a_user_setting_is_refused_since_identity_is_the_os_account() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "user = \"someone-else\"\n").unwrap();
        let message = Config::load(&path).unwrap_err().to_string();
        assert!(message.contains("user"), "{message}");
    }

    #[test]
    fn a_file_that_names_one_setting_keeps_the_other_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "commissioned_by = \"Council committee\"\n").unwrap();
        let config = Config::load(&path).unwrap();
        assert_eq!(config.commissioned_by, "Council committee");
        assert_eq!(config.missions, mission::default_missions());
    }

    #[test]
    fn refuses_unknown_settings_with_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "\ncolour = \"red\"\n").unwrap();
        let message = Config::load(&path).unwrap_err().to_string();
        assert!(message.contains("config.toml"), "{message}");
        assert!(message.contains("line 2"), "{message}");
        assert!(message.contains("colour"), "{message}");
    }

    #[test]
    fn a_team_group_reaches_the_store_options() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "group = \"arena-team\"\n").unwrap();
        let config = Config::load(&path).unwrap();
        assert_eq!(config.store_options().group.as_deref(), Some("arena-team"));
        assert_eq!(Config::default().store_options().group, None);
    }

    #[test]
    fn health_terms_have_a_default_that_a_file_replaces() {
        assert!(
            Config::default()
                .health_terms
                .contains(&"cancer".to_owned())
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "health_terms = [\"diabetes\", \"övervikt\"]\n").unwrap();
        let config = Config::load(&path).unwrap();
        assert_eq!(config.health_terms, vec!["diabetes", "övervikt"]);
    }

    #[test]
    fn retention_rules_come_from_the_file_and_are_checked() {
        use crate::domain::retention::{RetentionKind, RetentionRule};
        assert_eq!(Config::default().retention[0].name, "contacts-365");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "[[retention]]\nname = \"kontakter-2ar\"\nwhat = \"contacts\"\ndays = 730\n\n[[retention]]\nname = \"lasloggen\"\nwhat = \"read-log\"\ndays = 1095\n",
        )
        .unwrap();
        let config = Config::load(&path).unwrap();
        assert_eq!(
            config.retention,
            vec![
                RetentionRule {
                    name: "kontakter-2ar".into(),
                    what: RetentionKind::Contacts,
                    days: 730
                },
                RetentionRule {
                    name: "lasloggen".into(),
                    what: RetentionKind::ReadLog,
                    days: 1095
                }
            ]
        );
        std::fs::write(
            &path,
            "[[retention]]\nname = \"x\"\nwhat = \"contacts\"\ndays = 0\n",
        )
        .unwrap();
        let message = Config::load(&path).unwrap_err().to_string();
        assert!(message.contains("days must be 1 or more"), "{message}");
    }

    #[test]
    fn renamed_missions_come_from_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "[[missions]]\ncode = \"BU\"\nname = \"Barn och utbildning\"\n",
        )
        .unwrap();
        let config = Config::load(&path).unwrap();
        assert_eq!(config.mission_name("BU"), "Barn och utbildning");
        assert_eq!(config.mission_name("LF"), "LF");
    }
}
