//! The language puls speaks: English or Swedish, from the config, else the locale, else English.
//!
//! The choice belongs to a session (`session::Session`): a command sets it once at start
//! (`set`), the full screen's `App` enters its own for each step. Tests run on threads of their
//! own, so each starts in English and one that switches to Swedish switches only itself.

use serde::{Deserialize, Serialize};

use super::session::{self, Session};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
pub enum Language {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "sv")]
    Swedish,
}

/// The language of the session this thread works for (see [`super::session`]).
pub fn current() -> Language {
    session::current().language
}

/// Makes `language` the language of this thread's session from now on.
pub fn set(language: Language) {
    session::set(Session {
        language,
        ..session::current()
    });
}

/// Runs `f` with `language` as the session's language, then puts the former one back.
pub fn with<T>(language: Language, f: impl FnOnce() -> T) -> T {
    Session {
        language,
        ..session::current()
    }
    .enter(f)
}

/// The variables POSIX reads for the language of messages, strongest first.
pub const LOCALE_VARIABLES: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

impl Language {
    /// The language a locale name asks for: `sv`, `sv_SE`, `sv_SE.UTF-8`, `sv_FI@euro` are
    /// Swedish; anything else (`C`, `POSIX`, `en_GB.UTF-8`, `de_DE`) is English, the language
    /// puls has for everyone it does not speak to in their own.
    pub fn from_locale(locale: &str) -> Language {
        let name = locale
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or_default();
        if name.eq_ignore_ascii_case("sv") {
            Language::Swedish
        } else {
            Language::English
        }
    }

    /// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set and not empty, as POSIX reads them; `None` when none is.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<Language> {
        LOCALE_VARIABLES
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty())
            .map(|value| Language::from_locale(&value))
    }

    /// The config's choice wins; else the environment's; else English.
    pub fn choose(config: Option<Language>, env: Option<Language>) -> Language {
        config.or(env).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Locale variables as (name, value).
    type Vars<'a> = &'a [(&'a str, &'a str)];

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn the_locale_variables_choose_the_language_in_posix_order() {
        use Language::{English, Swedish};
        let table: &[(Vars, Option<Language>)] = &[
            (&[], None),
            (&[("LANG", "sv_SE.UTF-8")], Some(Swedish)),
            (&[("LANG", "sv")], Some(Swedish)),
            (&[("LANG", "sv_FI@euro")], Some(Swedish)),
            (&[("LANG", "en_GB.UTF-8")], Some(English)),
            (&[("LANG", "de_DE.UTF-8")], Some(English)),
            (&[("LANG", "C")], Some(English)),
            (&[("LANG", "POSIX")], Some(English)),
            (&[("LANG", "C.UTF-8")], Some(English)),
            (
                &[("LC_ALL", "en_US.UTF-8"), ("LANG", "sv_SE.UTF-8")],
                Some(English),
            ),
            (
                &[("LC_ALL", "sv_SE.UTF-8"), ("LANG", "en_US.UTF-8")],
                Some(Swedish),
            ),
            (&[("LC_MESSAGES", "sv_SE"), ("LANG", "C")], Some(Swedish)),
            (&[("LC_ALL", "C"), ("LC_MESSAGES", "sv_SE")], Some(English)),
            (&[("LC_ALL", ""), ("LANG", "sv_SE.UTF-8")], Some(Swedish)),
            (&[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "")], None),
        ];
        for (vars, expected) in table {
            assert_eq!(Language::from_env(env(vars)), *expected, "{vars:?}");
        }
    }

    #[test]
    fn the_config_wins_over_the_environment_and_english_is_the_default() {
        use Language::{English, Swedish};
        assert_eq!(Language::choose(Some(English), Some(Swedish)), English);
        assert_eq!(Language::choose(Some(Swedish), Some(English)), Swedish);
        assert_eq!(Language::choose(None, Some(Swedish)), Swedish);
        assert_eq!(Language::choose(None, None), English);
    }

    #[test]
    fn a_thread_starts_in_english_and_with_puts_the_language_back() {
        assert_eq!(current(), Language::English);
        let inside = with(Language::Swedish, current);
        assert_eq!(inside, Language::Swedish);
        assert_eq!(current(), Language::English);
    }
}
