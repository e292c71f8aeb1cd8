//! Citizen data on the command line: text that looks like personal data is refused unless
//! `--allow-personal-data` (and then logged), and `puls register` sets an arena's registration
//! number.

use crate::database::Database;
use clap::Subcommand;
use color_eyre::Result;

use crate::cli::{UserError, parse_arena_number};
use crate::config::Config;
use crate::domain::language::{self, Language};
use crate::domain::privacy::{self, Finding, REGISTRATION_MAX_CHARS, Screen};
use crate::messages;
use crate::output;
use crate::store::ArenaRecord;

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
        command: crate::cli::extract::ExtractCommand,
    },
    /// OS accounts, their roles and who they are on the roster: puls users list
    Users {
        #[command(subcommand)]
        command: crate::cli::users::UsersCommand,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum RetentionCommand {
    /// Apply the retention rules of config.toml, each arena noted in the history.
    ///
    /// The default rule contacts-365: the recipient, the contact summaries and the restricted
    /// record of arenas closed more than 365 days ago become
    /// "[anonymised YYYY-MM-DD under rule contacts-365]", in the drawn-up versions and where the
    /// history names the recipient too.
    Run {
        /// List what would change, and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

pub(crate) fn run(
    store: &mut dyn Database,
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
            let field = Field::new("registration", messages::field_registration(), number);
            let allowed = screen(config, allow_personal_data, &[field])?;
            let version = store.arena(arena)?.version;
            store.set_registration(arena, version, number)?;
            record_allowed(store, arena, &allowed)?;
            output::line(messages::registration_set(
                arena,
                &store.registration(arena)?,
            ))?;
            Ok(())
        }
        PrivacyCommand::Users { command } => {
            crate::cli::users::run(store, config, allow_personal_data, command)
        }
        PrivacyCommand::Extract { command } => crate::cli::extract::run(store, config, command),
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
                output::line(messages::retention_line(change))?;
            }
            let names: Vec<&str> = rules.iter().map(|r| r.name.as_str()).collect();
            output::line(messages::retention_summary(
                changes.len(),
                &names.join(", "),
                dry_run,
            ))?;
            Ok(())
        }
    }
}

/// A text field screened for personal data, labelled twice: as the audit log keeps it (in
/// English, as stored data keeps one language) and as the user reads it in a refusal.
pub(crate) struct Field<'a> {
    stored: String,
    shown: String,
    text: &'a str,
    screen: Screen,
}

impl<'a> Field<'a> {
    /// A field about the citizen or the arena: see [`Screen::Citizen`].
    pub(crate) fn new(stored: impl Into<String>, shown: impl Into<String>, text: &'a str) -> Self {
        Field {
            stored: stored.into(),
            shown: shown.into(),
            text,
            screen: Screen::Citizen,
        }
    }

    /// A word of the roster's vocabulary, a competence's name: see [`Screen::Vocabulary`].
    pub(crate) fn vocabulary(
        stored: impl Into<String>,
        shown: impl Into<String>,
        text: &'a str,
    ) -> Self {
        Field {
            screen: Screen::Vocabulary,
            ..Field::new(stored, shown, text)
        }
    }
}

/// What the labelled fields hold that looks like personal data, labelled as stored. Refused
/// (exit code 2, every field named as the user reads it) unless `allow`; when allowed, the
/// findings to log once the text is saved.
pub(crate) fn screen(config: &Config, allow: bool, fields: &[Field]) -> Result<Vec<Finding>> {
    let stored: Vec<(&str, &str, Screen)> = fields
        .iter()
        .map(|f| (f.stored.as_str(), f.text, f.screen))
        .collect();
    let found = privacy::screened(&stored, &config.health_terms);
    if !found.is_empty() && !allow {
        let shown: Vec<Finding> = found
            .iter()
            .map(|finding| Finding {
                field: fields
                    .iter()
                    .find(|f| f.stored == finding.field)
                    .map_or_else(|| finding.field.clone(), |f| f.shown.clone()),
                ..finding.clone()
            })
            .collect();
        return Err(UserError(messages::personal_data_refused(&shown)).into());
    }
    Ok(found)
}

/// Refuses (exit code 2, every place named) personal identity numbers in an import file's
/// fields, labelled `FILE:LINE: field` or `FILE: entry N: field`, unless `allow`; when allowed
/// and `log` (not a dry run), logs each place once. Health terms are not looked for: a roster and a knowledge bank name
/// conditions as the competences and subjects they are ("Eating-disorder specialist").
pub(crate) fn screen_import(
    store: &mut dyn Database,
    allow: bool,
    log: bool,
    fields: &[(String, &str)],
) -> Result<()> {
    let borrowed: Vec<(&str, &str, Screen)> = fields
        .iter()
        .map(|(l, t)| (l.as_str(), *t, Screen::Vocabulary))
        .collect();
    let found = privacy::screened(&borrowed, &[]);
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
    screen(config, allow, &record_fields(record))
}

/// Every text field of a record that may be about the citizen, labelled as a person finds it:
/// `contact 2: summary`.
fn record_fields(record: &ArenaRecord) -> Vec<Field<'_>> {
    use messages::{activity_field, contact_field, criterion_field, need_field};
    let mut fields = vec![
        Field::new("title", messages::field_title(), &record.title),
        Field::new("need", messages::field_need(), &record.need),
        Field::new("mission", messages::field_mission(), &record.mission),
        Field::new(
            "coordinator",
            messages::field_coordinator(),
            opt(&record.coordinator),
        ),
        Field::new("mandate", messages::field_mandate(), &record.mandate),
        Field::new(
            "commissioned by",
            messages::field_commissioned_by(),
            opt(&record.commissioned_by),
        ),
        Field::new("recipient", messages::field_recipient(), &record.recipient),
        Field::new(
            "communication lead",
            messages::field_communication_lead(),
            opt(&record.communication_lead),
        ),
        Field::new(
            "registration",
            messages::field_registration(),
            &record.registration,
        ),
    ];
    for (i, c) in record.contacts.iter().enumerate() {
        let n = i + 1;
        for (field, label, text) in [
            ("channel", messages::field_channel(), &c.channel),
            ("summary", messages::field_summary(), &c.summary),
            ("by", messages::field_by(), &c.by),
        ] {
            let stored = format!("contact {n}: {field}");
            fields.push(Field::new(stored, contact_field(n, label), text));
        }
    }
    // A competence's name is the roster's vocabulary ("Addiction counsellor"): it may name a
    // condition, never hold a personal number. The reason it is needed is about the citizen.
    for (i, need) in record.needs.iter().enumerate() {
        let n = i + 1;
        let shown = need_field(n, messages::field_competence());
        let competence =
            Field::vocabulary(format!("need {n}: competence"), shown, &need.competence);
        let shown = need_field(n, messages::field_reason());
        fields.push(competence);
        fields.push(Field::new(format!("need {n}: reason"), shown, &need.reason));
    }
    for (i, c) in record.criteria.iter().enumerate() {
        let n = i + 1;
        for (field, label, text) in [
            ("text", messages::field_text(), &c.text),
            ("measure", messages::field_measure(), &c.measure),
            ("target", messages::field_target(), &c.target),
            ("result", messages::field_result(), &c.result),
            (
                "no result because",
                messages::field_no_result_because(),
                &c.no_result_reason,
            ),
        ] {
            let stored = format!("criterion {n}: {field}");
            fields.push(Field::new(stored, criterion_field(n, label), text));
        }
    }
    for (i, a) in record.activities.iter().enumerate() {
        let n = i + 1;
        for (field, label, text) in [
            ("text", messages::field_text(), &a.activity.text),
            ("owner", messages::field_owner(), &a.activity.owner),
            (
                "blocked because",
                messages::field_blocked_because(),
                &a.blocked_reason,
            ),
        ] {
            let stored = format!("activity {n}: {field}");
            fields.push(Field::new(stored, activity_field(n, label), text));
        }
    }
    fields
}

fn opt(text: &Option<String>) -> &str {
    text.as_deref().unwrap_or("")
}

/// Logs each field where personal data was allowed, once, with what it looked like; never the
/// text or number itself.
pub(crate) fn record_allowed(
    store: &mut dyn Database,
    arena: i64,
    findings: &[Finding],
) -> Result<()> {
    let mut fields: Vec<(&str, Vec<&str>)> = Vec::new();
    for f in findings {
        // The history keeps one language, whatever language the user reads.
        let kind = language::with(Language::English, || messages::finding_kind(f.kind));
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::messages::Language;
    use crate::store::{
        ActivityEdit, ActivityRecord, ContactEdit, CriterionEdit, NeedRecord, RECORD_FORMAT,
    };

    /// A record with one of everything, a personal number in its first contact's summary.
    fn record() -> ArenaRecord {
        let text = |s: &str| s.to_owned();
        ArenaRecord {
            format: RECORD_FORMAT,
            title: text("Siblings absent from school"),
            need: text("Both stay home"),
            mission: text("LF"),
            stage: text("signal"),
            coordinator: Some(text("Karin")),
            mandate: text("Get them back"),
            commissioned_by: Some(text("The group")),
            target_date: None,
            recipient: text("LF-2026-014"),
            communication_lead: Some(text("Omar")),
            rhythm_days: None,
            contacts: vec![ContactEdit {
                on: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
                channel: text("phone"),
                summary: text("Met the mother, 19850709-9805"),
                by: text("Karin"),
            }],
            needs: vec![NeedRecord {
                competence: text("School nurse"),
                reason: text("Attendance"),
                status: text("open"),
            }],
            criteria: vec![CriterionEdit {
                text: text("Back in school"),
                measure: text("Attendance"),
                target: text("90%"),
                result: String::new(),
                no_result_reason: String::new(),
                met: None,
            }],
            activities: vec![ActivityRecord {
                activity: ActivityEdit {
                    text: text("Home visit"),
                    owner: text("Omar"),
                    due: None,
                },
                status: text("open"),
                blocked_reason: String::new(),
            }],
            registration: String::new(),
            manager: String::new(),
            participating: vec![],
            decision: None,
        }
    }

    #[test]
    fn in_english_every_field_is_shown_as_it_is_stored() {
        let record = record();
        let fields = record_fields(&record);
        assert_eq!(fields.len(), 9 + 3 + 2 + 5 + 3);
        for field in &fields {
            assert_eq!(field.shown, field.stored);
        }
    }

    #[test]
    fn a_swedish_refusal_names_the_field_in_swedish_and_the_log_keeps_english() {
        let (record, config) = (record(), Config::default());
        let (refused, allowed) = crate::domain::language::with(Language::Swedish, || {
            let fields = record_fields(&record);
            assert!(fields.iter().any(|f| f.shown == "aktivitet 1: ansvarig"));
            let refused = screen(&config, false, &fields).unwrap_err().to_string();
            (refused, screen(&config, true, &fields).unwrap())
        });
        assert!(
            refused.starts_with("kontakt 1: innehåll: verkar innehålla personnummer"),
            "{refused}"
        );
        assert!(!refused.contains("contact 1"), "{refused}");
        let logged: Vec<&str> = allowed.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(logged, ["contact 1: summary"]);
    }
}
