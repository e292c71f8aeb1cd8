//! The user's settings as the app uses them, read from a config text: what each setting is,
//! its default, and what is wrong with a text. Where the file lives and reading it are the
//! binary's (`puls::config`).

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::messages;
use puls_domain::decision::{self, Body, BodyKind};
use puls_domain::language::{self, Language};
use puls_domain::mission::Mission;

/// The user's settings. A config file names only what it changes; the rest keeps its default.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// An arena becomes active only with at least one evaluation criterion.
    pub criteria_before_active: bool,
    /// Finding staff asks the person's line manager, who approves or declines; false allocates
    /// directly, for small teams.
    pub staffing_approval: bool,
    /// The bodies that commission and decline arenas, and their members' OS accounts
    /// (DOMAIN.md: organisations change their minds about who decides).
    pub bodies: Vec<Body>,
    /// The main missions, in board order.
    pub missions: Vec<Mission>,
    /// The database when `--db` and `PULS_DB` name none: a file, or a PostgreSQL URL
    /// (`postgres://user@host/name`).
    pub db: Option<String>,
    /// The team's group on a shared server: a new database is made `0660` and given to it.
    pub group: Option<String>,
    /// How long each arena's turn in a stand-up lasts.
    pub standup_minutes: u32,
    /// The coaching questions a stand-up rotates through.
    pub coaching_questions: Vec<String>,
    /// Words that mark health data in free text: saving them asks first (whole words, any case).
    pub health_terms: Vec<String>,
    /// `"sv"` or `"en"`; when not set, the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) decides.
    pub language: Option<Language>,
    /// Where days are counted and times shown (`"Europe/Stockholm"`); when not set, the
    /// machine's zone (`TZ`, else the system's).
    pub time_zone: Option<chrono_tz::Tz>,
    /// `[keys.<mode>]`: keys the user binds, over the default keymap (see `app::keymap`).
    #[serde(skip_serializing)]
    pub keys: KeyTables,
    /// Colours by meaning: "ansi16", "high-contrast", "mono" or "truecolor". `NO_COLOR` means mono.
    pub theme: ThemeName,
    /// Borders and marks in ASCII only, for old terminals and fonts.
    pub ascii: bool,
    /// For screen readers: no box drawing, one item per line, the focused item in the status line.
    pub plain: bool,
    /// Clicks and the wheel; while off, the terminal's own text selection works.
    pub mouse: bool,
    /// The retention decision's rules; `contacts-365` when the file names none.
    pub retention: Vec<puls_domain::retention::RetentionRule>,
    /// `puls serve`: seconds without a key before a session is closed.
    pub idle_timeout: u64,
    /// `puls serve`: sessions open at once, at most.
    pub max_sessions: usize,
    /// Connections to a PostgreSQL database this process keeps open at most, shared by all its
    /// sessions; when not set, four more than the machine's cores.
    pub pool_size: Option<usize>,
    /// `puls serve`: refused logins from one address in ten minutes before it is refused
    /// outright until they pass.
    pub failed_logins: u32,
    /// `[review_rhythm]`: days between an arena's sponsor reviews, citizen reviews and case
    /// discussions; 0 for a kind that is not expected.
    pub review_rhythm: puls_domain::review::ReviewRhythm,
}

/// The colour themes a user can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, clap::ValueEnum)]
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
            bodies: default_bodies(),
            criteria_before_active: true,
            staffing_approval: true,
            missions: default_missions(),
            db: None,
            group: None,
            standup_minutes: 2,
            coaching_questions: messages::default_coaching_questions()
                .iter()
                .map(|q| (*q).to_owned())
                .collect(),
            health_terms: DEFAULT_HEALTH_TERMS
                .iter()
                .map(|t| (*t).to_owned())
                .collect(),
            language: None,
            time_zone: None,
            keys: KeyTables::default(),
            theme: ThemeName::default(),
            ascii: false,
            plain: false,
            mouse: false,
            retention: puls_domain::retention::default_rules(),
            idle_timeout: 30 * 60,
            max_sessions: 100,
            pool_size: None,
            failed_logins: 10,
            review_rhythm: puls_domain::review::ReviewRhythm::default(),
        }
    }
}

/// The main missions of the municipality the model comes from, in the current language.
pub fn default_missions() -> Vec<Mission> {
    messages::default_mission_names()
        .iter()
        .map(|(code, name)| Mission::new(code, name))
        .collect()
}

/// The strategic coordination group of the model, in the current language, with no members
/// named: until the file names them, an administrator records its decisions (or anyone, on a
/// database nobody administers yet).
pub fn default_bodies() -> Vec<Body> {
    let (code, name) = messages::default_body();
    vec![Body {
        code: code.to_owned(),
        name: name.to_owned(),
        kind: BodyKind::CoordinationGroup,
        members: Vec::new(),
    }]
}

pub use puls_domain::privacy::DEFAULT_HEALTH_TERMS;

/// The one setting read before the others.
#[derive(Deserialize)]
pub struct LanguageOnly {
    pub language: Option<Language>,
}

/// Tables of keys, one per mode, in file order; every name keeps where it stands in the file so
/// that a wrong one is reported at its own line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeyTables(pub Vec<KeyTable>);

/// One `[keys.<mode>]` table: key (or two-key sequence) = command name.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyTable {
    pub mode: Spanned<String>,
    pub keys: Vec<(Spanned<String>, Spanned<String>)>,
}

/// A TOML table read as its pairs in file order, each name with its place.
struct Pairs<V>(Vec<(Spanned<String>, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Pairs<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PairVisitor<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for PairVisitor<V> {
            type Value = Pairs<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a table")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs<V>, A::Error> {
                let mut pairs = Vec::new();
                while let Some(name) = map.next_key::<Spanned<String>>()? {
                    pairs.push((name, map.next_value()?));
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_map(PairVisitor(std::marker::PhantomData))
    }
}

impl<'de> Deserialize<'de> for KeyTables {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tables = Pairs::<Pairs<Spanned<String>>>::deserialize(deserializer)?;
        Ok(KeyTables(
            tables
                .0
                .into_iter()
                .map(|(mode, keys)| KeyTable { mode, keys: keys.0 })
                .collect(),
        ))
    }
}

/// What is wrong in a config text, and where (a byte range), before the file's name is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub span: Option<std::ops::Range<usize>>,
    pub detail: String,
}

/// Line and column (from 1, the column counted in characters) of byte `offset` in `text`.
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The settings in the order `puls config --print-default` prints them. A test checks that it
/// names every field of `Config`.
pub const SETTINGS: &[&str] = &[
    "db",
    "group",
    "standup_minutes",
    "coaching_questions",
    "health_terms",
    "missions",
    "bodies",
    "criteria_before_active",
    "staffing_approval",
    "language",
    "time_zone",
    "theme",
    "ascii",
    "plain",
    "mouse",
    "retention",
    "idle_timeout",
    "max_sessions",
    "pool_size",
    "failed_logins",
    "review_rhythm",
];

impl Config {
    /// Reads a config text; the keys it binds are checked against the keymap by the caller.
    pub fn from_toml(text: &str) -> Result<Config, Problem> {
        let problem = |e: toml::de::Error| Problem {
            span: e.span(),
            detail: e.message().to_owned(),
        };
        // The defaults of what the file leaves out (missions, coaching questions) are in the
        // language it names, so that is read first.
        let named: LanguageOnly = toml::from_str(text).map_err(problem)?;
        let config: Config = language::with(named.language.unwrap_or(language::current()), || {
            toml::from_str(text)
        })
        .map_err(problem)?;
        if config.missions.is_empty() {
            return Err(Problem {
                span: None,
                detail: messages::config_no_missions().to_owned(),
            });
        }
        if config.bodies.is_empty() {
            return Err(Problem {
                span: None,
                detail: messages::config_no_bodies().to_owned(),
            });
        }
        if let Some(problem) = decision::problem(&config.bodies) {
            return Err(Problem {
                span: None,
                detail: messages::body_problem(&problem),
            });
        }
        if let Some(problem) = puls_domain::retention::problem(&config.retention) {
            return Err(Problem {
                span: None,
                detail: messages::retention_rule_problem(&problem),
            });
        }
        Ok(config)
    }

    /// How this user's databases are opened: a new one goes to the configured group.
    pub fn store_options(&self) -> puls_store::StoreOptions {
        puls_store::StoreOptions {
            group: self.group.clone().filter(|g| !g.trim().is_empty()),
            health_terms: self.health_terms.clone(),
            rules: self.rules(),
            pool_size: self.pool_size.unwrap_or_else(puls_store::default_pool_size),
            ..puls_store::StoreOptions::default()
        }
    }

    /// The flow's rules this config chooses.
    pub fn rules(&self) -> puls_domain::arena::Rules {
        puls_domain::arena::Rules {
            criteria_before_active: self.criteria_before_active,
        }
    }

    /// The body with this code or name (see [`decision::find`]).
    pub fn body(&self, wanted: &str) -> Option<&Body> {
        decision::find(&self.bodies, wanted)
    }

    /// The display name of a body's code; the code itself when the config no longer has it.
    pub fn body_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.bodies
            .iter()
            .find(|b| b.code == code)
            .map_or(code, |b| b.name.as_str())
    }

    /// The body `account` records decisions for by default: the first it is a member of,
    /// else the first configured.
    pub fn body_of(&self, account: &str) -> Option<&Body> {
        self.bodies
            .iter()
            .find(|b| b.members.iter().any(|m| m == account))
            .or_else(|| self.bodies.first())
    }

    /// The display name of a mission code; the code itself when the config no longer has it.
    pub fn mission_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.missions
            .iter()
            .find(|m| m.code == code)
            .map_or(code, |m| m.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_setting_is_refused_since_identity_is_the_os_account() {
        let problem = Config::from_toml("user = \"someone-else\"\n").unwrap_err();
        assert!(
            problem.detail.contains("unknown field `user`"),
            "{}",
            problem.detail
        );
    }

    #[test]
    fn the_pool_is_the_files_size_or_a_few_more_connections_than_cores() {
        let named = Config::from_toml("pool_size = 3\n").unwrap();
        assert_eq!(named.store_options().pool_size, 3);
        let unnamed = Config::from_toml("").unwrap();
        assert_eq!(
            unnamed.store_options().pool_size,
            puls_store::default_pool_size()
        );
        assert!(puls_store::default_pool_size() > 4);
    }

    #[test]
    fn a_file_that_names_one_setting_keeps_the_other_defaults() {
        let config = Config::from_toml("standup_minutes = 5\n").unwrap();
        assert_eq!(config.standup_minutes, 5);
        assert_eq!(config.missions, default_missions());
        assert_eq!(config.bodies, default_bodies());
    }

    #[test]
    fn bodies_come_from_the_file_with_their_kind_and_members() {
        let config = Config::from_toml(
            "[[bodies]]\ncode = \"SSG\"\nname = \"Strategiska samordningsgruppen\"\nkind = \"coordination-group\"\nmembers = [\"anna\", \"per\"]\n\n[[bodies]]\ncode = \"VN\"\nname = \"Välfärdsnämndens beredning\"\nkind = \"council-committee\"\n",
        )
        .unwrap();
        assert_eq!(config.bodies.len(), 2);
        assert_eq!(config.bodies[1].kind, BodyKind::CouncilCommittee);
        assert_eq!(config.body_of("per").map(|b| b.code.as_str()), Some("SSG"));
        assert_eq!(config.body("vn").map(|b| b.members.len()), Some(0));
        assert_eq!(config.body_name("VN"), "Välfärdsnämndens beredning");
    }

    #[test]
    fn bad_bodies_are_refused_with_what_is_wrong() {
        let kind =
            Config::from_toml("[[bodies]]\ncode = \"SSG\"\nname = \"S\"\nkind = \"board\"\n")
                .unwrap_err();
        assert!(
            kind.detail.contains("coordination-group"),
            "{}",
            kind.detail
        );
        let twice = Config::from_toml(
            "[[bodies]]\ncode = \"SSG\"\nname = \"S\"\nkind = \"coordination-group\"\n[[bodies]]\ncode = \"ssg\"\nname = \"T\"\nkind = \"management-group\"\n",
        )
        .unwrap_err();
        assert!(twice.detail.contains("ssg"), "{}", twice.detail);
        let none = Config::from_toml("bodies = []\n").unwrap_err();
        assert!(none.detail.contains("[[bodies]]"), "{}", none.detail);
    }

    #[test]
    fn lines_and_columns_count_from_one_and_columns_in_characters() {
        let text = "a = 1\nö = \"x\"";
        assert_eq!(line_and_column(text, 0), (1, 1));
        assert_eq!(line_and_column(text, 6), (2, 1));
        assert_eq!(line_and_column(text, text.find('=').unwrap()), (1, 3));
        assert_eq!(line_and_column(text, text.rfind('=').unwrap()), (2, 3));
    }

    #[test]
    fn a_team_group_reaches_the_store_options() {
        let config = Config::from_toml("group = \"arena-team\"\n").unwrap();
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
        let config = Config::from_toml("health_terms = [\"diabetes\", \"övervikt\"]\n").unwrap();
        assert_eq!(config.health_terms, vec!["diabetes", "övervikt"]);
    }

    #[test]
    fn retention_rules_come_from_the_file_and_are_checked() {
        use puls_domain::retention::{RetentionKind, RetentionRule};
        assert_eq!(Config::default().retention[0].name, "contacts-365");
        let config = Config::from_toml(
            "[[retention]]\nname = \"kontakter-2ar\"\nwhat = \"contacts\"\ndays = 730\n\n[[retention]]\nname = \"lasloggen\"\nwhat = \"read-log\"\ndays = 1095\n",
        )
        .unwrap();
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
        let problem =
            Config::from_toml("[[retention]]\nname = \"x\"\nwhat = \"contacts\"\ndays = 0\n")
                .unwrap_err();
        assert!(
            problem.detail.contains("days must be from 1 to 36525"),
            "{}",
            problem.detail
        );
    }

    #[test]
    fn screen_modes_come_from_the_file_and_default_to_off() {
        let config = Config::from_toml(
            "theme = \"high-contrast\"\nascii = true\nplain = true\nmouse = true\n",
        )
        .unwrap();
        assert_eq!(
            (config.theme, config.ascii, config.plain, config.mouse),
            (ThemeName::HighContrast, true, true, true)
        );
        let default = Config::default();
        assert_eq!(
            (default.theme, default.ascii, default.plain, default.mouse),
            (ThemeName::Ansi16, false, false, false)
        );
        let problem = Config::from_toml("theme = \"neon\"\n").unwrap_err();
        assert!(problem.detail.contains("neon"), "{}", problem.detail);
    }

    #[test]
    fn renamed_missions_come_from_the_file() {
        let config =
            Config::from_toml("[[missions]]\ncode = \"BU\"\nname = \"Barn och utbildning\"\n")
                .unwrap();
        assert_eq!(config.mission_name("BU"), "Barn och utbildning");
        assert_eq!(config.mission_name("LF"), "LF");
    }

    #[test]
    fn a_file_that_chooses_swedish_gets_its_defaults_in_swedish() {
        let config = Config::from_toml("language = \"sv\"\n").unwrap();
        assert_eq!(config.language, Some(Language::Swedish));
        assert_eq!(config.mission_name("CD"), "Samhällsutveckling");
        assert_eq!(config.bodies[0].name, "Strategiska samordningsgruppen");
        assert_eq!(
            language::current(),
            Language::English,
            "loading changes no language"
        );
    }

    #[test]
    fn refuses_a_language_puls_does_not_speak_with_the_line() {
        let text = "standup_minutes = 3\nlanguage = \"fr\"\n";
        let problem = Config::from_toml(text).unwrap_err();
        assert_eq!(line_and_column(text, problem.span.unwrap().start).0, 2);
        assert!(
            problem.detail.contains("`en`") && problem.detail.contains("`sv`"),
            "{}",
            problem.detail
        );
    }

    #[test]
    fn key_tables_keep_file_order_and_where_each_name_stands() {
        let text = "[keys.board]\n\"g g\" = \"first-card\"\n\"x\" = \"zoom\"\n";
        let config = Config::from_toml(text).unwrap();
        let table = &config.keys.0[0];
        assert_eq!(table.mode.get_ref(), "board");
        let names: Vec<&str> = table
            .keys
            .iter()
            .map(|(k, _)| k.get_ref().as_str())
            .collect();
        assert_eq!(names, ["g g", "x"]);
        let command = &table.keys[1].1;
        assert_eq!(line_and_column(text, command.span().start), (3, 7));
    }
}
