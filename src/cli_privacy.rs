//! Citizen data on the command line: text that looks like personal data is refused unless
//! `--allow-personal-data` (and then logged), and `puls register` sets an arena's registration
//! number.

use clap::Subcommand;
use color_eyre::Result;

use crate::cli::{UserError, parse_arena_number};
use crate::config::Config;
use crate::domain::privacy::{self, Finding, REGISTRATION_MAX_CHARS};
use crate::messages;
use crate::store::{ArenaRecord, Store};

#[derive(Debug, Subcommand)]
pub(crate) enum PrivacyCommand {
    /// Set an arena's registration number (diarienummer): puls register 12 "KS 2026/0142"
    ///
    /// puls is not the municipality's registry, but points to it. An empty NUMBER clears it.
    Register {
        /// The arena's number, with or without #.
        #[arg(value_parser = parse_arena_number)]
        arena: i64,
        /// The number in the registry.
        number: String,
    },
    /// Apply the retention rules: puls retention run --dry-run
    Retention {
        #[command(subcommand)]
        command: RetentionCommand,
    },
    /// Extracts: puls extract subject LF-2026-014, puls extract public 12
    Extract {
        #[command(subcommand)]
        command: crate::cli_extract::ExtractCommand,
    },
    /// OS accounts, their roles and who they are on the roster: puls users list
    Users {
        #[command(subcommand)]
        command: crate::cli_users::UsersCommand,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum RetentionCommand {
    /// Apply the retention rules of config.toml, each arena noted in the history.
    ///
    /// The default rule contacts-365: the recipient, the contact summaries and the restricted
    /// record of arenas closed more than 365 days ago become
    /// "[anonymised YYYY-MM-DD under rule contacts-365]".
    Run {
        /// List what would change, and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

pub(crate) fn run(
    store: &mut Store,
    config: &Config,
    allow_personal_data: bool,
    command: PrivacyCommand,
) -> Result<()> {
    match command {
        PrivacyCommand::Register { arena, number } => {
            let number = number.trim();
            let chars = number.chars().count();
            if chars > REGISTRATION_MAX_CHARS {
                return Err(UserError(messages::registration_too_long(
                    chars,
                    REGISTRATION_MAX_CHARS,
                ))
                .into());
            }
            let allowed = screen(config, allow_personal_data, &[("registration", number)])?;
            let version = store.arena(arena)?.version;
            store.set_registration(arena, version, number)?;
            record_allowed(store, arena, &allowed)?;
            println!(
                "{}",
                messages::registration_set(arena, &store.registration(arena)?)
            );
            Ok(())
        }
        PrivacyCommand::Users { command } => crate::cli_users::run(store, command),
        PrivacyCommand::Extract { command } => crate::cli_extract::run(store, config, command),
        PrivacyCommand::Retention {
            command: RetentionCommand::Run { dry_run },
        } => {
            let rules = &config.retention;
            let changes = if dry_run {
                store.retention_due(rules)?
            } else {
                store.run_retention(rules)?
            };
            for change in &changes {
                println!("{}", messages::retention_line(change));
            }
            let names: Vec<&str> = rules.iter().map(|r| r.name.as_str()).collect();
            println!(
                "{}",
                messages::retention_summary(changes.len(), &names.join(", "), dry_run)
            );
            Ok(())
        }
    }
}

/// What the labelled fields hold that looks like personal data. Refused (exit code 2, every
/// field named) unless `allow`; when allowed, the findings to log once the text is saved.
pub(crate) fn screen(
    config: &Config,
    allow: bool,
    fields: &[(&str, &str)],
) -> Result<Vec<Finding>> {
    let found = privacy::findings(fields, &config.health_terms);
    if !found.is_empty() && !allow {
        return Err(UserError(messages::personal_data_refused(&found)).into());
    }
    Ok(found)
}

/// Refuses (exit code 2, every place named) personal identity numbers in an import file's
/// fields, labelled `FILE:LINE: field` or `FILE: entry N: field`, unless `allow`; when allowed
/// and `log` (not a dry run), logs each place once. Health terms are not looked for: a roster and a knowledge bank name
/// conditions as the competences and subjects they are ("Eating-disorder specialist").
pub(crate) fn screen_import(
    store: &mut Store,
    allow: bool,
    log: bool,
    fields: &[(String, &str)],
) -> Result<()> {
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(l, t)| (l.as_str(), *t)).collect();
    let found = privacy::findings(&borrowed, &[]);
    if found.is_empty() {
        return Ok(());
    }
    if !allow {
        return Err(UserError(messages::personal_data_refused(&found)).into());
    }
    if !log {
        return Ok(());
    }
    let mut places: Vec<&str> = found.iter().map(|f| f.field.as_str()).collect();
    places.dedup();
    for place in places {
        store.record_imported_personal_data(
            place,
            messages::finding_kind(privacy::FindingKind::PersonalNumber),
        )?;
    }
    Ok(())
}

/// [`screen`] over every text field of an arena record: `puls import`.
pub(crate) fn screen_record(
    config: &Config,
    allow: bool,
    record: &ArenaRecord,
) -> Result<Vec<Finding>> {
    let fields = record_fields(record);
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(label, text)| (label.as_str(), *text))
        .collect();
    screen(config, allow, &borrowed)
}

/// Every text field of a record that may be about the citizen, labelled as a person finds it:
/// `contact 2: summary`.
fn record_fields(record: &ArenaRecord) -> Vec<(String, &str)> {
    let mut fields: Vec<(String, &str)> = vec![
        ("title".into(), record.title.as_str()),
        ("need".into(), record.need.as_str()),
        ("mission".into(), record.mission.as_str()),
        ("coordinator".into(), opt(&record.coordinator)),
        ("mandate".into(), record.mandate.as_str()),
        ("commissioned by".into(), opt(&record.commissioned_by)),
        ("recipient".into(), record.recipient.as_str()),
        ("communication lead".into(), opt(&record.communication_lead)),
        ("registration".into(), record.registration.as_str()),
    ];
    for (i, c) in record.contacts.iter().enumerate() {
        let n = i + 1;
        fields.push((format!("contact {n}: channel"), &c.channel));
        fields.push((format!("contact {n}: summary"), &c.summary));
        fields.push((format!("contact {n}: by"), &c.by));
    }
    // A competence's name is the roster's vocabulary ("Addiction counsellor"), not about the
    // citizen; the reason it is needed may be.
    for (i, need) in record.needs.iter().enumerate() {
        fields.push((format!("need {}: reason", i + 1), &need.reason));
    }
    for (i, c) in record.criteria.iter().enumerate() {
        let n = i + 1;
        fields.push((format!("criterion {n}: text"), &c.text));
        fields.push((format!("criterion {n}: measure"), &c.measure));
        fields.push((format!("criterion {n}: target"), &c.target));
        fields.push((format!("criterion {n}: result"), &c.result));
        fields.push((
            format!("criterion {n}: no result because"),
            &c.no_result_reason,
        ));
    }
    for (i, a) in record.activities.iter().enumerate() {
        let n = i + 1;
        fields.push((format!("activity {n}: text"), &a.activity.text));
        fields.push((format!("activity {n}: owner"), &a.activity.owner));
        fields.push((format!("activity {n}: blocked because"), &a.blocked_reason));
    }
    fields
}

fn opt(text: &Option<String>) -> &str {
    text.as_deref().unwrap_or("")
}

/// Logs each field where personal data was allowed, once, with what it looked like; never the
/// text or number itself.
pub(crate) fn record_allowed(store: &mut Store, arena: i64, findings: &[Finding]) -> Result<()> {
    let mut fields: Vec<(&str, Vec<&str>)> = Vec::new();
    for f in findings {
        let kind = messages::finding_kind(f.kind);
        match fields.iter_mut().find(|(field, _)| *field == f.field) {
            Some((_, kinds)) if !kinds.contains(&kind) => kinds.push(kind),
            Some(_) => {}
            None => fields.push((&f.field, vec![kind])),
        }
    }
    for (field, kinds) in fields {
        store.record_personal_data(arena, field, &kinds.join(", "))?;
    }
    Ok(())
}
