//! One command over SSH (`ssh -p 2222 puls.example.kommun.se signal "text"`), run as the key's
//! account by the command line's own dispatch: the same checks, output, exit codes and
//! language, its output and errors sent back over the channel instead of the process's own.
//!
//! What works with files on the server (imports, `--out`, backups, the config) is not offered
//! over SSH: the files are the service's, not the caller's. Commands that administer (users,
//! retention, extracts, check) are for administrators.

use std::io::{Cursor, Read};
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use clap::{CommandFactory, FromArgMatches};
use color_eyre::Result;
use tracing::warn;

use super::outbox::Outbox;
use super::server::Shared;
use crate::cli::admin::AdminCommand;
use crate::cli::privacy::PrivacyCommand;
use crate::cli::roster::RosterCommand;
use crate::cli::users::{KeyCommand, UsersCommand};
use crate::cli::{self, Cli, Command, Invocation, help};
use crate::domain::access::Role;
use crate::domain::session::Session;
use crate::input;
use crate::messages;
use crate::output::{self, Sink};
use crate::settings::Settings;

/// Runs `line` for `account`, with what the client sends as its standard input, and ends the
/// channel with its exit code.
pub async fn run(
    shared: Arc<Shared>,
    account: String,
    session: Session,
    line: String,
    stdin: Receiver<Vec<u8>>,
    outbox: Outbox,
) -> Result<()> {
    let writers = outbox.clone();
    let commits = std::sync::Arc::clone(&shared.commits);
    // A command is synchronous work on the database: a thread of the pool, not the runtime's.
    let code = tokio::task::spawn_blocking(move || {
        let sink = Sink {
            out: Box::new(writers.writer(false)),
            err: Box::new(writers.writer(true)),
        };
        let stdin = Box::new(ChannelInput {
            chunks: stdin,
            current: Cursor::new(Vec::new()),
        });
        session.enter(|| {
            output::into(sink, || {
                input::from(stdin, || command(&shared, &account, &line))
            })
        })
    })
    .await?;
    // What the command committed reaches the open screens at once.
    commits.look();
    outbox.exit(u32::from(code));
    Ok(())
}

/// What the client sends, as a command's standard input: chunks until the client's end of
/// file (or the channel's close). Only a command told to read `-` waits for it.
struct ChannelInput {
    chunks: Receiver<Vec<u8>>,
    current: Cursor<Vec<u8>>,
}

impl Read for ChannelInput {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let n = self.current.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            match self.chunks.recv() {
                Ok(next) => self.current = Cursor::new(next),
                Err(_) => return Ok(0),
            }
        }
    }
}

/// The exit code of `line` run as `account`.
fn command(shared: &Shared, account: &str, line: &str) -> u8 {
    let Some(words) = shlex::split(line) else {
        output::error_line(format!("puls: {}", messages::serve_unbalanced_quotes()));
        return 2;
    };
    let mut clap_command = help::localised(Cli::command());
    let parsed = clap_command
        .try_get_matches_from_mut(std::iter::once("puls".to_owned()).chain(words.iter().cloned()))
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let text = e.render().to_string();
            if e.use_stderr() {
                output::error_line(text.trim_end());
            } else {
                let _ = output::print(&text);
            }
            return u8::try_from(e.exit_code()).unwrap_or(2);
        }
    };
    if let Some(refusal) = refusal(shared, account, &cli, &words) {
        warn!(%account, "command refused over SSH");
        output::error_line(format!("puls: {refusal}"));
        return 2;
    }
    let invocation = Invocation {
        who: account.to_owned(),
        path: shared.db.clone(),
        named: true,
        settings: Settings {
            config: shared.settings.config.clone(),
            keymap: shared.settings.keymap.clone(),
        },
    };
    cli::finish(cli::run_as(cli, invocation))
}

/// Why `cli` may not run over SSH for `account`, if it may not.
fn refusal(shared: &Shared, account: &str, cli: &Cli, words: &[String]) -> Option<String> {
    let options = words.iter().take_while(|w| *w != "--");
    for word in options {
        let name = word.split('=').next().unwrap_or(word);
        if ["--db", "--config", "--demo", "--out"].contains(&name) {
            return Some(messages::serve_not_remote(name));
        }
    }
    if let Some(Command::Privacy(PrivacyCommand::Users {
        command: UsersCommand::Key {
            command: KeyCommand::Add { file, .. },
        },
    })) = &cli.command
        && file.as_os_str() != "-"
    {
        return Some(messages::serve_key_from_stdin().to_owned());
    }
    let on_server_files = match &cli.command {
        None | Some(Command::Standup { .. }) => {
            return Some(messages::serve_needs_pty().to_owned());
        }
        Some(Command::Import { .. }) => Some("import"),
        Some(Command::Roster {
            command: RosterCommand::Import { .. },
        }) => Some("roster import"),
        Some(Command::Bank {
            command: crate::cli::bank::BankCommand::Import { .. },
        }) => Some("bank import"),
        Some(Command::Demo(_)) => Some("demo"),
        Some(Command::Config { .. }) => Some("config"),
        Some(Command::Serve(_)) => Some("serve"),
        Some(Command::Admin(AdminCommand::Backup { .. })) => Some("backup"),
        Some(Command::Admin(AdminCommand::Restore { .. })) => Some("restore"),
        _ => None,
    };
    if let Some(name) = on_server_files {
        return Some(messages::serve_not_remote(name));
    }
    let administers = match &cli.command {
        Some(Command::Privacy(PrivacyCommand::Users { .. })) => Some("users"),
        Some(Command::Privacy(PrivacyCommand::Retention { .. })) => Some("retention"),
        Some(Command::Privacy(PrivacyCommand::Extract { .. })) => Some("extract"),
        Some(Command::Admin(AdminCommand::Check)) => Some("check"),
        _ => None,
    };
    match administers {
        Some(name) if !administrator(shared, account) => Some(messages::serve_admin_only(name)),
        _ => None,
    }
}

fn administrator(shared: &Shared, account: &str) -> bool {
    shared
        .ask(|logins| logins.accounts())
        .is_ok_and(|accounts| {
            accounts
                .iter()
                .any(|a| a.name == account && a.roles.contains(&Role::Administrator))
        })
}
