//! The command line: the full screen by default, and the commands that need none.

pub mod admin;
pub mod bank;
pub mod config_file;
pub mod course;
pub mod decisions;
pub mod export;
pub mod extract;
pub mod figures;
pub mod help;
pub mod maturity;
pub mod migrate;
pub mod privacy;
pub mod purpose;
pub mod purpose_agenda;
pub mod region;
pub mod requests;
pub mod roster;
pub mod users;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use chrono_tz::Tz;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use color_eyre::Result;

use crate::app::App;
use crate::app::bank_query::BankQueries;
use crate::config::{self, Config};
use crate::database::{self, Database, Location};
use crate::demo;
use crate::domain::calendar;
use crate::domain::clock::{Clock, ManualClock, SystemClock};
use crate::domain::language::Language;
use crate::domain::session::{self, Session};
use crate::domain::{mission, text};
use crate::messages;
use crate::output;
use crate::settings::Settings;
use crate::store::{NewSignal, StoreError, StoreOptions};
use crate::tui::{self, bank_worker::BankWorker};
use crate::ui::Theme;
use crate::ui::theme::ColorEnv;
use admin::AdminCommand;
use decisions::DecisionCommand;
use export::ExportCommand;
use figures::FiguresCommand;
use privacy::{Field, PrivacyCommand};
use roster::RosterCommand;

#[derive(Debug, Parser)]
#[command(
    name = "puls",
    version,
    about = "Agile arenas and their PULS programs, in the terminal"
)]
pub struct Cli {
    /// The database: a file (default: ~/.local/share/puls/puls.db), or a PostgreSQL URL
    /// (postgres://user@host/name).
    #[arg(long, env = "PULS_DB", global = true)]
    pub(crate) db: Option<PathBuf>,
    /// Open the demo municipality (its own file unless --db names a new or empty one).
    #[arg(long)]
    pub(crate) demo: bool,
    /// The config file (default: ~/.config/puls/config.toml).
    #[arg(long, env = "PULS_CONFIG", global = true)]
    pub(crate) config: Option<PathBuf>,
    /// Save text that looks like a personal identity number or health data; the decision is
    /// logged. Without it, such text is refused.
    #[arg(long, global = true)]
    allow_personal_data: bool,
    /// Colours by meaning (default: the config's `theme`, else ansi16). NO_COLOR means mono.
    #[arg(long, global = true, value_enum)]
    theme: Option<config::ThemeName>,
    /// Borders and marks in ASCII only, for old terminals and fonts.
    #[arg(long, global = true)]
    ascii: bool,
    /// For screen readers: no box drawing, one item per line, the focused item in the status line.
    #[arg(long, global = true)]
    plain: bool,
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Record a signal: a citizen need that takes more than one unit. Prints its number.
    Signal {
        /// What you saw, in one line: it becomes the arena's title.
        text: String,
        /// Who signals (default: you).
        #[arg(long)]
        from: Option<String>,
        /// The main mission it concerns, by code or name (default: the first configured).
        #[arg(long)]
        mission: Option<String>,
        /// More about the need.
        #[arg(long)]
        need: Option<String>,
        /// Your nearest manager, who takes the signal on.
        #[arg(long)]
        manager: Option<String>,
    },
    /// Print one arena: puls show 12
    Show {
        /// The arena's number, with or without #.
        #[arg(value_parser = parse_arena_number)]
        arena: i64,
    },
    /// The roster from and to a spreadsheet: puls roster import people.csv
    Roster {
        #[command(subcommand)]
        command: RosterCommand,
    },
    /// Fill the file named with --db with a demo: puls demo --size large --db big.db
    Demo(crate::demo_large::DemoArgs),
    /// Write an arena out: its PULS program as Markdown or JSON.
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// Open the full screen in a stand-up: one arena, then the coordinator's other open arenas.
    Standup {
        /// The arena to start with (default: the first open arena).
        #[arg(long, value_parser = parse_arena_number)]
        arena: Option<i64>,
    },
    /// The knowledge bank as a file: puls bank export --format json --out bank.json
    Bank {
        #[command(subcommand)]
        command: crate::cli::bank::BankCommand,
    },
    /// Read an arena written by `puls export arena ID --format json`; prints its new number.
    Import {
        /// The JSON file.
        file: PathBuf,
    },
    /// Copy a SQLite database whole into an empty PostgreSQL one: puls migrate --from FILE.db --to postgres://...
    Migrate {
        /// The SQLite database to copy.
        #[arg(long)]
        from: PathBuf,
        /// The empty PostgreSQL database to copy it into (postgres://user@host/name).
        #[arg(long)]
        to: String,
    },
    /// The settings file: where it is read from, or its defaults with a comment on each.
    Config {
        /// Print every setting and key with its default: puls config --print-default > FILE
        #[arg(long)]
        print_default: bool,
    },
    /// Print shell completions: puls completions bash > ~/.local/share/bash-completion/completions/puls
    Completions {
        /// bash, zsh, fish (also elvish, powershell).
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): puls man > ~/.local/share/man/man1/puls.1
    Man,
    /// Serve the full screen and the commands over SSH: puls serve --host-key /srv/puls/host_key
    Serve(crate::serve::ServeArgs),
    /// Purposes that arenas serve, and what purpose meetings record: puls purpose list
    Purpose {
        #[command(subcommand)]
        command: purpose::PurposeCommand,
    },
    /// A meeting's agenda: puls agenda purpose 1 --format md
    Agenda(purpose_agenda::AgendaArgs),
    /// Staffing requests waiting for your decision as line manager: puls requests
    ///
    /// Approve one with puls requests approve ID, or decline it with puls requests decline ID
    /// --reason "...". The allocation is made when the request is approved.
    Requests(requests::RequestsArgs),
    /// A region on PostgreSQL: which municipality each database role acts for: puls region add-role ROLE MUNICIPALITY
    Region {
        #[command(subcommand)]
        command: region::RegionCommand,
    },
    /// Courses colleagues give: teacher, sessions and sign-ups: puls course list
    Course {
        #[command(subcommand)]
        command: course::CourseCommand,
    },
    /// Partnering maturity of partnerships with outside partners: puls maturity partnerships
    Maturity {
        #[command(subcommand)]
        command: maturity::MaturityCommand,
    },
    #[command(flatten)]
    Decision(DecisionCommand),
    #[command(flatten)]
    Figures(FiguresCommand),
    #[command(flatten)]
    Admin(AdminCommand),
    #[command(flatten)]
    Privacy(PrivacyCommand),
}

pub(crate) fn parse_arena_number(raw: &str) -> std::result::Result<i64, String> {
    raw.trim()
        .trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| messages::not_an_arena_number(raw))
}

/// A day typed on the command line (`--from 2026-01-01`), within the years puls keeps.
pub(crate) fn parse_day(raw: &str) -> std::result::Result<chrono::NaiveDate, String> {
    calendar::parse_date(raw).map_err(|problem| messages::date_invalid(raw, problem))
}

/// A failure the user can act on: printed as one line on stderr, with exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct UserError(pub(crate) String);

/// Writes a file for people from `store` (an export, a report, an extract; see
/// `store::output`); a file that exists without `force`, or cannot be written, is the command's
/// problem (exit 2).
pub(crate) fn write_out(
    store: &dyn Database,
    path: &Path,
    bytes: &[u8],
    force: bool,
) -> Result<()> {
    store.write_file(path, bytes, force).map_err(|e| {
        let message = match &e {
            StoreError::Io { path, source } => messages::cannot_write(path, source),
            other => messages::store_error(other),
        };
        UserError(message).into()
    })
}

pub fn main() -> Result<ExitCode> {
    color_eyre::install()?;
    // The language of the help and of what parsing says: the config's, peeked at before the
    // command line is parsed, else the environment's. The whole file is read (and the language
    // set again) once the command line says where it is.
    let args: Vec<OsString> = std::env::args_os().collect();
    let peeked = config_named(&args).and_then(|path| config::language_in(&path));
    messages::set_language(Language::choose(peeked, env_language()));
    let mut command = help::localised(Cli::command());
    let parsed = command
        .try_get_matches_from_mut(args)
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return Ok(command_line_refused(e.format(&mut command))),
    };
    Ok(ExitCode::from(finish(run(cli))))
}

/// The exit code of a command's result, its failure said on standard error.
pub(crate) fn finish(result: Result<()>) -> u8 {
    match result {
        Ok(()) => 0,
        Err(e) => {
            output::error_line(format!("puls: {}", failure_message(&e)));
            exit_code(&e)
        }
    }
}

/// What clap says about the command line. Help and the version hold only puls's own text and
/// print as clap styles them; an error echoes what was typed, so it goes out as plain text,
/// made safe like every other line puls prints.
fn command_line_refused(e: clap::Error) -> ExitCode {
    if !e.use_stderr() {
        // Nothing to do when standard output is gone.
        let _ = e.print();
    } else {
        output::error_line(e.render().to_string().trim_end());
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// One line that says what failed, in the user's language where puls wrote it.
fn failure_message(e: &color_eyre::Report) -> String {
    match e.downcast_ref::<StoreError>() {
        Some(store) => messages::store_error(store),
        // The whole chain: "cannot write: No space left on device".
        None => format!("{e:#}"),
    }
}

/// README's table: 2 when the command was refused as given, 1 when the database cannot be used
/// (or `check` found a problem) and for failures that are nobody's input, such as a full disk.
fn exit_code(e: &color_eyre::Report) -> u8 {
    if e.downcast_ref::<UserError>().is_some() {
        return 2;
    }
    match e.downcast_ref::<StoreError>() {
        Some(store) if !store.is_about_the_database() => 2,
        _ => 1,
    }
}

/// The bank's worker for the full screen, when a second connection opens; without one the app
/// asks the store itself, only slower.
fn bank_worker(store: &dyn Database) -> (Option<Box<dyn BankQueries>>, Option<tui::Answers>) {
    match store.reader().and_then(BankWorker::start) {
        Some((worker, answers)) => (Some(Box::new(worker)), Some(answers)),
        None => (None, None),
    }
}

fn run(cli: Cli) -> Result<()> {
    let config_path = cli.config.clone().or_else(config::config_path);
    // These need neither the settings nor a database: they must work when the file is wrong.
    match &cli.command {
        Some(Command::Config { print_default }) => {
            return config_file::run(*print_default, config_path.as_deref());
        }
        Some(Command::Completions { shell }) => {
            let mut command = Cli::command();
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut command, "puls", &mut script);
            return Ok(output::print(&String::from_utf8_lossy(&script))?);
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            return Ok(output::print(&String::from_utf8_lossy(&page))?);
        }
        _ => {}
    }
    let Settings { mut config, keymap } = match &config_path {
        Some(path) if cli.config.is_some() => {
            Settings::load_named(path).map_err(|e| UserError(e.to_string()))?
        }
        Some(path) => Settings::load(path).map_err(|e| UserError(e.to_string()))?,
        None => Settings::defaults(),
    };
    // This process serves one person: their session, set once for every step it takes.
    session::set(Session {
        language: Language::choose(config.language, env_language()),
        zone: config.time_zone.unwrap_or_else(machine_zone),
    });
    // The command line outranks the file for this run.
    config.theme = cli.theme.unwrap_or(config.theme);
    config.ascii |= cli.ascii;
    config.plain |= cli.plain;
    let path = database_path(&cli, &config)?;
    let named = cli.db.is_some() || (!cli.demo && configured_db(&config).is_some());
    if let Some(Command::Serve(args)) = cli.command {
        return crate::serve::run(args, &path, Settings { config, keymap });
    }
    let invocation = Invocation {
        who: config::os_account(),
        path,
        named,
        settings: Settings { config, keymap },
    };
    run_as(cli, invocation)
}

/// Who runs a command, on which database, with which settings: the person at this terminal, or
/// the account of an SSH key (`puls serve`).
pub(crate) struct Invocation {
    pub(crate) who: String,
    pub(crate) path: PathBuf,
    /// The database was named (`--db`, `PULS_DB`, the server's): a command that only reads
    /// never creates it.
    pub(crate) named: bool,
    pub(crate) settings: Settings,
}

/// Runs the command of `cli` as `invocation` says, in the session this thread has entered.
pub(crate) fn run_as(cli: Cli, invocation: Invocation) -> Result<()> {
    let Invocation {
        who,
        path,
        named,
        settings: Settings { config, keymap },
    } = invocation;
    let allow_personal_data = cli.allow_personal_data;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let options = config.store_options();
    // A command that only reads what is there, or applies rules to it, answers from the database
    // named or not at all: a mistyped --db must not become a new, empty database that answers
    // "nothing to anonymise" or "no changes yet". (The default file is made on first use.)
    if let Some(Command::Figures(command)) = &cli.command {
        figures::check_arguments(command)?;
    }
    let location = Location::of(&path);
    if let Some(file) = location.file()
        && named
        && !cli.demo
        && reads_only(cli.command.as_ref())
        && !file.exists()
    {
        return Err(StoreError::NoSuchFile(path).into());
    }
    let command = match cli.command {
        // These open the database their own way: `check` and `restore` must read a damaged one.
        Some(Command::Admin(admin)) => return admin::run(admin, &location, &who, &config, clock),
        Some(Command::Migrate { from, to }) => {
            return migrate::run(&from, &to, &who, clock, &options);
        }
        Some(Command::Region { command }) => {
            return region::run(command, &location, &who, clock, &options);
        }
        other => other,
    };
    if cli.demo {
        prepare_demo(&location, &who, clock.as_ref(), &options)?;
    }
    if let Some(Command::Demo(args)) = &command {
        return match &location {
            Location::File(path) => crate::demo_large::run(path, &who, args, &options),
            Location::Server(url) => crate::demo_large::run_on_server(url, &who, args, &options),
        };
    }
    let mut store = database::open(&location, &who, clock, &options)?;
    store.set_session(session::current());
    for warning in store.warnings() {
        output::error_line(format!("puls: {}", messages::store_warning(warning)));
    }
    // The full screen and a stand-up need a terminal, and a stand-up its arena: both said
    // before the stand-up starts, since starting one writes its row ("since last" for everyone).
    if let Some(Command::Standup { arena: Some(id) }) = command {
        store.arena(id)?;
    }
    if matches!(command, None | Some(Command::Standup { .. })) && !tui::has_terminal() {
        return Err(UserError(messages::no_terminal().to_owned()).into());
    }
    match command {
        None => {
            let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
            let theme = Theme::choose(config.theme, &ColorEnv::from_env());
            let (background, answers) = bank_worker(&*store);
            let store = database::backend(store);
            let app = App::on_store(store, config, keymap, width, height, background)?;
            tui::run(app, answers, theme)
        }
        Some(Command::Standup { arena }) => {
            let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
            let theme = Theme::choose(config.theme, &ColorEnv::from_env());
            let (background, answers) = bank_worker(&*store);
            let store = database::backend(store);
            let mut app = App::on_store(store, config, keymap, width, height, background)?;
            let arena = arena.or_else(|| app.first_open_arena());
            app.open_standup(arena);
            tui::run(app, answers, theme)
        }
        Some(Command::Signal {
            text,
            from,
            mission,
            need,
            manager,
        }) => {
            let title = text::title(&text).map_err(|p| UserError(title_problem(p)))?;
            let mission = match mission {
                Some(wanted) => mission::find(&config.missions, &wanted).ok_or_else(|| {
                    UserError(messages::unknown_mission(&wanted, &mission_list(&config)))
                })?,
                None => config
                    .missions
                    .first()
                    .ok_or_else(|| UserError(mission_list(&config)))?,
            };
            let need = need.unwrap_or_default();
            let manager = manager.unwrap_or_default();
            let signalled_by = from.unwrap_or(who);
            let allowed = privacy::screen(
                &config,
                allow_personal_data,
                &[
                    Field::new("title", messages::field_title(), &title),
                    Field::new("need", messages::field_need(), &need),
                    Field::new("from", messages::field_from(), &signalled_by),
                    Field::new("manager", messages::label_manager(), &manager),
                ],
            )?;
            let arena = store.create_signal(&NewSignal {
                title,
                need,
                mission: mission.code.clone(),
                signalled_by,
                manager,
                target_date: None,
            })?;
            privacy::record_allowed(&mut *store, arena.id, &allowed)?;
            output::line(messages::signal_recorded(arena.id))?;
            Ok(())
        }
        Some(Command::Show { arena }) => {
            let registration = store.registration(arena)?;
            let arena = store.arena(arena)?;
            let text = crate::export::arena_text(&arena, &config, Some(&registration));
            Ok(output::print(&text)?)
        }
        Some(Command::Roster { command }) => roster::run(&mut *store, allow_personal_data, command),

        Some(Command::Export { command }) => export::export(&*store, &config, command),
        Some(Command::Import { file }) => {
            export::import(&mut *store, &config, &file, allow_personal_data)
        }
        Some(Command::Privacy(command)) => {
            privacy::run(&mut *store, &config, allow_personal_data, command)
        }
        Some(Command::Bank { command }) => {
            crate::cli::bank::run(&mut *store, allow_personal_data, command)
        }
        Some(Command::Figures(command)) => figures::run(&*store, &config, command),
        Some(Command::Purpose { command }) => {
            purpose::run(&mut *store, &config, allow_personal_data, command)
        }
        Some(Command::Agenda(args)) => purpose_agenda::run(&*store, &config, &args),
        Some(Command::Course { command }) => course::run(&mut *store, command),
        Some(Command::Maturity { command }) => maturity::run(&mut *store, command),
        Some(Command::Requests(args)) => {
            requests::run(&mut *store, &config, allow_personal_data, args)
        }
        Some(Command::Decision(command)) => {
            decisions::run(&mut *store, &config, allow_personal_data, command)
        }
        // Run above, before the database was opened.
        Some(
            Command::Admin(_)
            | Command::Demo(_)
            | Command::Migrate { .. }
            | Command::Region { .. }
            | Command::Config { .. }
            | Command::Completions { .. }
            | Command::Man
            | Command::Serve(_),
        ) => Ok(()),
    }
}

/// Whether a command only reads the database (or applies rules to what it holds): such a
/// command never creates one. The full screen, signals, imports, grants and restores may.
fn reads_only(command: Option<&Command>) -> bool {
    use crate::cli::privacy::RetentionCommand;
    use crate::cli::users::{KeyCommand, UsersCommand};
    match command {
        Some(
            Command::Show { .. }
            | Command::Export { .. }
            | Command::Figures(_)
            | Command::Agenda(_)
            | Command::Course {
                command: course::CourseCommand::List,
            }
            | Command::Maturity {
                command:
                    maturity::MaturityCommand::Partnerships | maturity::MaturityCommand::Show { .. },
            }
            | Command::Purpose {
                command: purpose::PurposeCommand::List,
            }
            | Command::Roster {
                command: RosterCommand::Export,
            }
            | Command::Bank {
                command: crate::cli::bank::BankCommand::Export { .. },
            }
            | Command::Admin(AdminCommand::History { .. } | AdminCommand::Backup { .. }),
        ) => true,
        Some(Command::Requests(args)) => requests::reads_only(args),
        Some(Command::Privacy(privacy)) => match privacy {
            PrivacyCommand::Register { .. } | PrivacyCommand::Extract { .. } => true,
            PrivacyCommand::Retention {
                command: RetentionCommand::Run { .. },
            } => true,
            PrivacyCommand::Users {
                command:
                    UsersCommand::List
                    | UsersCommand::Key {
                        command: KeyCommand::List { .. },
                    },
            } => true,
            PrivacyCommand::Users { .. } => false,
        },
        _ => false,
    }
}

/// The config file the command line names, found before clap parses it so that the help can
/// speak the file's language: `--config FILE` or `--config=FILE` (before any `--`), else
/// `PULS_CONFIG`, else the default place.
fn config_named(args: &[OsString]) -> Option<PathBuf> {
    let mut rest = args.iter().skip(1).take_while(|a| *a != "--");
    while let Some(arg) = rest.next() {
        if arg == "--config" {
            return rest.next().map(PathBuf::from);
        }
        if let Some(path) = arg.to_str().and_then(|a| a.strip_prefix("--config=")) {
            return Some(path.into());
        }
    }
    std::env::var_os("PULS_CONFIG")
        .filter(|path| !path.is_empty())
        .map(PathBuf::from)
        .or_else(config::config_path)
}

/// The language `LC_ALL`, `LC_MESSAGES` or `LANG` asks for.
fn env_language() -> Option<Language> {
    Language::from_env(|name| std::env::var(name).ok())
}

/// The machine's time zone, as the C library reads it: `TZ` when it names a zone
/// (`Europe/Stockholm`, `:Europe/Stockholm`), else the system's (`/etc/localtime`), else UTC.
fn machine_zone() -> Tz {
    let named = |name: &str| name.trim_start_matches(':').parse::<Tz>().ok();
    std::env::var("TZ")
        .ok()
        .and_then(|tz| named(&tz))
        .or_else(|| {
            iana_time_zone::get_timezone()
                .ok()
                .and_then(|tz| named(&tz))
        })
        .unwrap_or(Tz::UTC)
}

fn title_problem(problem: text::TitleProblem) -> String {
    match problem {
        text::TitleProblem::Empty => messages::title_empty().to_owned(),
        text::TitleProblem::TooLong { chars } => {
            messages::title_too_long(chars, text::TITLE_MAX_CHARS)
        }
    }
}

pub(crate) fn mission_list(config: &Config) -> String {
    config
        .missions
        .iter()
        .map(|m| format!("{} ({})", m.code, m.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `--db`/`PULS_DB` first; else the demo's own file for `--demo`; else the config's `db`, else
/// the user's database.
fn database_path(cli: &Cli, config: &Config) -> Result<PathBuf> {
    let default = if cli.demo {
        config::demo_db_path()
    } else {
        configured_db(config).or_else(config::default_db_path)
    };
    cli.db
        .clone()
        .or(default)
        .ok_or_else(|| UserError(messages::no_data_folder().to_owned()).into())
}

/// The config's `db`, when it names one.
fn configured_db(config: &Config) -> Option<PathBuf> {
    config
        .db
        .as_deref()
        .map(str::trim)
        .filter(|db| !db.is_empty())
        .map(PathBuf::from)
}

/// Fills the database with the demo when it is new or empty; opens it as it is when it already
/// holds the demo; refuses one that holds anything else.
fn prepare_demo(
    location: &Location,
    who: &str,
    clock: &dyn Clock,
    options: &StoreOptions,
) -> Result<()> {
    let filling = Arc::new(ManualClock::new(clock.now()));
    let mut store = database::open(location, who, filling.clone(), options)?;
    if store.meta(demo::DEMO_MARK)?.is_some() {
        return Ok(());
    }
    let shown = match location {
        Location::File(path) => path.clone(),
        Location::Server(url) => PathBuf::from(crate::store_postgres::shown(url)),
    };
    if !store.is_empty()? {
        return Err(UserError(messages::demo_refused(&shown)).into());
    }
    demo::fill_store(&mut *store, &filling, clock.now())?;
    Ok(())
}
