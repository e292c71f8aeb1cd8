//! Where things live (XDG folders), the user's config file, and who the user is.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;
use serde::Deserialize;

use crate::domain::mission::{self, Mission};

/// The user's settings. A config file names only what it changes; the rest keeps its default.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The name written to the audit log; `$USER` when not set.
    pub user: Option<String>,
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
    // --- term: how the screen looks and listens (each with its default below) ---
    /// Colours by meaning: "ansi16", "high-contrast", "mono" or "truecolor". `NO_COLOR` means mono.
    pub theme: ThemeName,
    /// Borders and marks in ASCII only, for old terminals and fonts.
    pub ascii: bool,
    /// For screen readers: no box drawing, one item per line, the focused item in the status line.
    pub plain: bool,
    /// Clicks and the wheel; while off, the terminal's own text selection works.
    pub mouse: bool,
}

/// The colour themes a user can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    /// The 16 ANSI colours: thin clients and the Linux console.
    #[default]
    Ansi16,
    /// Bright on dark, bold and underlined: for low vision.
    HighContrast,
    /// No colour: bold, dim, reverse and underline carry the meaning.
    Mono,
    /// 24-bit colour, or the nearest of 256 where the terminal has no more.
    Truecolor,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            user: None,
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
            theme: ThemeName::default(),
            ascii: false,
            plain: false,
            mouse: false,
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
        Ok(config)
    }

    /// Who this user is in the audit log: the configured name, else `$USER`.
    pub fn identity(&self) -> String {
        self.user
            .clone()
            .filter(|u| !u.trim().is_empty())
            .or_else(|| std::env::var("USER").ok().filter(|u| !u.is_empty()))
            .unwrap_or_else(|| "unknown".to_owned())
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
    fn screen_modes_come_from_the_file_and_default_to_off() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "theme = \"high-contrast\"\nascii = true\nplain = true\nmouse = true\n",
        )
        .unwrap();
        let config = Config::load(&path).unwrap();
        assert_eq!(
            (config.theme, config.ascii, config.plain, config.mouse),
            (ThemeName::HighContrast, true, true, true)
        );
        let default = Config::default();
        assert_eq!(
            (default.theme, default.ascii, default.plain, default.mouse),
            (ThemeName::Ansi16, false, false, false)
        );
        std::fs::write(&path, "theme = \"neon\"\n").unwrap();
        let message = Config::load(&path).unwrap_err().to_string();
        assert!(message.contains("neon"), "{message}");
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
