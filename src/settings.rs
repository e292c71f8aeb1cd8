//! The config file and the keys it binds, read and checked together at start: a wrong setting
//! or key is reported with the file, its line and column, before the terminal is touched.

use std::path::Path;

use crate::app::keymap::Keymap;
use crate::config::{self, Config, ConfigError, Problem};

/// What the user configured: the settings and the keymap with their keys over the defaults.
pub struct Settings {
    pub config: Config,
    pub keymap: Keymap,
}

impl Settings {
    pub fn defaults() -> Settings {
        Settings {
            config: Config::default(),
            keymap: Keymap::default_keys(),
        }
    }

    /// Reads `path`, the default place; a missing file means the defaults.
    pub fn load(path: &Path) -> Result<Settings, ConfigError> {
        Settings::read(path, false)
    }

    /// Reads `path`, which the user named (`--config`, `PULS_CONFIG`): a missing file is a
    /// mistyped name, not a wish for the defaults.
    pub fn load_named(path: &Path) -> Result<Settings, ConfigError> {
        Settings::read(path, true)
    }

    fn read(path: &Path, named: bool) -> Result<Settings, ConfigError> {
        match config::read(path)? {
            Some(text) => Settings::from_toml(&text).map_err(|p| config::in_file(p, path, &text)),
            None if named => Err(ConfigError::Missing(path.to_owned())),
            None => Ok(Settings::defaults()),
        }
    }

    /// Reads a config text; a problem keeps the place in `text` where it stands.
    pub fn from_toml(text: &str) -> Result<Settings, Problem> {
        let config = Config::from_toml(text)?;
        let keymap = Keymap::with_user_keys(&config.keys).map_err(|e| Problem {
            detail: e.to_string(),
            span: e.span,
        })?;
        Ok(Settings { config, keymap })
    }
}
