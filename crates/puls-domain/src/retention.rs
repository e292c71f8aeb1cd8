//! Retention rules: what the municipality's retention decision (gallringsbeslut) says may not be
//! kept, and for how long. Configured in config.toml; `contacts-365` when none are.

use serde::{Deserialize, Serialize};

use super::calendar;

/// What a rule clears out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RetentionKind {
    /// The recipient, the contact summaries and the restricted record of arenas closed more
    /// than `days` ago: anonymised, with a note of the rule and the day.
    Contacts,
    /// Rows of the read log older than `days`: deleted (the logs have their own retention).
    ReadLog,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionRule {
    /// The rule's name as the decision calls it; written into every note and audit row.
    pub name: String,
    pub what: RetentionKind,
    pub days: u32,
}

/// The default: contact details of arenas closed more than a year ago.
pub fn default_rules() -> Vec<RetentionRule> {
    vec![RetentionRule {
        name: "contacts-365".to_owned(),
        what: RetentionKind::Contacts,
        days: 365,
    }]
}

/// What is wrong with a configured rule set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleProblem {
    /// The rule at this place (from 1) has no name.
    NoName(usize),
    /// The rule's days are 0, or more than a hundred years ([`calendar::LONGEST_SPAN_DAYS`]).
    DaysOutOfRange(String),
    NamedTwice(String),
}

/// A rule set's problem, or `None`: names must be given and unique, days from one to a hundred
/// years (a longer span would reach back before any date puls can count).
pub fn problem(rules: &[RetentionRule]) -> Option<RuleProblem> {
    for (i, rule) in rules.iter().enumerate() {
        if rule.name.trim().is_empty() {
            return Some(RuleProblem::NoName(i + 1));
        }
        if rule.days == 0 || i64::from(rule.days) > calendar::LONGEST_SPAN_DAYS {
            return Some(RuleProblem::DaysOutOfRange(rule.name.clone()));
        }
        if rules[..i].iter().any(|r| r.name == rule.name) {
            return Some(RuleProblem::NamedTwice(rule.name.clone()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_set_needs_names_once_each_and_days() {
        let rule = |name: &str, days| RetentionRule {
            name: name.into(),
            what: RetentionKind::Contacts,
            days,
        };
        assert_eq!(problem(&default_rules()), None);
        assert_eq!(problem(&[rule(" ", 5)]), Some(RuleProblem::NoName(1)));
        assert_eq!(
            problem(&[rule("a", 0)]),
            Some(RuleProblem::DaysOutOfRange("a".into()))
        );
        assert_eq!(
            problem(&[rule("a", 36_526)]),
            Some(RuleProblem::DaysOutOfRange("a".into()))
        );
        assert_eq!(problem(&[rule("a", 36_525)]), None);
        assert_eq!(
            problem(&[rule("a", 5), rule("a", 9)]),
            Some(RuleProblem::NamedTwice("a".into()))
        );
    }
}
