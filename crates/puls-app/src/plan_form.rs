//! Forms for the PULS program: the P step's settings, contacts, criteria and activities.

use chrono::NaiveDate;

use super::form::{Field, FieldId, Form, FormKind};
use crate::messages;
use puls_domain::calendar;
use puls_store::{
    ActivityEdit, ContactEdit, CriterionEdit, Plan, PlanActivity, PlanContact, PlanCriterion,
    Proactivity,
};

/// The choices of the verdict field, in the order of `[None, Some(true), Some(false)]`.
fn verdicts() -> Vec<String> {
    [
        messages::verdict_unknown(),
        messages::verdict_met(),
        messages::verdict_not_met(),
    ]
    .map(str::to_owned)
    .to_vec()
}

fn verdict_index(met: Option<bool>) -> usize {
    match met {
        None => 0,
        Some(true) => 1,
        Some(false) => 2,
    }
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// A date field: empty is allowed when `optional`.
fn parse_date(raw: &str, optional: bool) -> Result<Option<NaiveDate>, String> {
    let raw = raw.trim();
    if raw.is_empty() && optional {
        return Ok(None);
    }
    calendar::parse_date(raw)
        .map(Some)
        .map_err(|problem| messages::date_invalid(raw, problem))
}

impl Form {
    pub fn proactivity(plan: &Plan) -> Form {
        let p = &plan.proactivity;
        Form::new(
            FormKind::Proactivity {
                arena: plan.arena,
                version: plan.arena_version,
            },
            vec![
                Field::text(FieldId::Recipient, &p.recipient),
                Field::text(FieldId::Lead, p.lead.as_deref().unwrap_or("")),
                Field::text(
                    FieldId::Rhythm,
                    &p.rhythm_days.map(|d| d.to_string()).unwrap_or_default(),
                ),
            ],
        )
    }

    pub fn contact(arena: i64, existing: Option<&PlanContact>, today: NaiveDate, by: &str) -> Form {
        // The date and channel are filled in; what was said is what the user came to write.
        let mut form = Form::new(
            FormKind::Contact {
                arena,
                existing: existing.map(|c| (c.id, c.version)),
            },
            vec![
                Field::text(FieldId::Date, &existing.map_or(today, |c| c.on).to_string()),
                Field::text(
                    FieldId::Channel,
                    existing.map_or("phone", |c| c.channel.as_str()),
                ),
                Field::text(
                    FieldId::Summary,
                    existing.map_or("", |c| c.summary.as_str()),
                ),
                Field::text(FieldId::By, existing.map_or(by, |c| c.by.as_str())),
            ],
        );
        form.focus = 2;
        form
    }

    pub fn criterion(arena: i64, existing: Option<&PlanCriterion>) -> Form {
        let get = |f: fn(&PlanCriterion) -> &str| existing.map_or("", f);
        Form::new(
            FormKind::Criterion {
                arena,
                existing: existing.map(|c| (c.id, c.version)),
            },
            vec![
                Field::text(FieldId::Criterion, get(|c| &c.text)),
                Field::text(FieldId::Measure, get(|c| &c.measure)),
                Field::text(FieldId::Goal, get(|c| &c.target)),
                Field::text(FieldId::Result, get(|c| &c.result)),
                Field::text(FieldId::NoResultReason, get(|c| &c.no_result_reason)),
                Field::choice(
                    FieldId::Met,
                    verdicts(),
                    verdict_index(existing.and_then(|c| c.met)),
                ),
            ],
        )
    }

    pub fn activity(arena: i64, existing: Option<&PlanActivity>, owner: &str) -> Form {
        Form::new(
            FormKind::Activity {
                arena,
                existing: existing.map(|a| (a.id, a.version)),
            },
            vec![
                Field::text(FieldId::Activity, existing.map_or("", |a| a.text.as_str())),
                Field::text(FieldId::Owner, existing.map_or(owner, |a| a.owner.as_str())),
                Field::text(FieldId::Due, &date_text(existing.and_then(|a| a.due))),
            ],
        )
    }

    fn required(&mut self, id: FieldId) -> String {
        let value = self.value(id).trim().to_owned();
        if value.is_empty() {
            self.set_error(id, messages::field_empty().to_owned());
        }
        value
    }

    /// The P step to save; the lead must be someone `is_person` knows.
    pub fn proactivity_value(
        &mut self,
        is_person: impl Fn(&str) -> Option<String>,
    ) -> Option<Proactivity> {
        self.clear_errors();
        let lead = self.value(FieldId::Lead).trim().to_owned();
        let lead = if lead.is_empty() {
            None
        } else {
            let found = is_person(&lead);
            if found.is_none() {
                self.set_error(FieldId::Lead, messages::person_unknown(&lead));
            }
            found
        };
        let rhythm = self.value(FieldId::Rhythm);
        let rhythm = match rhythm.trim() {
            "" => None,
            days => {
                let parsed = days.parse::<u32>().ok().filter(|d| (1..=365).contains(d));
                if parsed.is_none() {
                    self.set_error(FieldId::Rhythm, messages::rhythm_invalid().to_owned());
                }
                parsed
            }
        };
        if !self.settle() {
            return None;
        }
        Some(Proactivity {
            recipient: self.value(FieldId::Recipient).trim().to_owned(),
            lead,
            rhythm_days: rhythm,
        })
    }

    pub fn contact_value(&mut self) -> Option<ContactEdit> {
        self.clear_errors();
        let on = parse_date(&self.value(FieldId::Date), false);
        if let Err(e) = &on {
            self.set_error(FieldId::Date, e.clone());
        }
        let summary = self.required(FieldId::Summary);
        if !self.settle() {
            return None;
        }
        Some(ContactEdit {
            on: on.ok()??,
            channel: self.value(FieldId::Channel),
            summary,
            by: self.value(FieldId::By),
        })
    }

    pub fn criterion_value(&mut self) -> Option<CriterionEdit> {
        self.clear_errors();
        let text = self.required(FieldId::Criterion);
        if !self.settle() {
            return None;
        }
        Some(CriterionEdit {
            text,
            measure: self.value(FieldId::Measure),
            target: self.value(FieldId::Goal),
            result: self.value(FieldId::Result),
            no_result_reason: self.value(FieldId::NoResultReason),
            met: verdicts()
                .iter()
                .position(|v| *v == self.value(FieldId::Met))
                .and_then(|i| [None, Some(true), Some(false)][i]),
        })
    }

    pub fn activity_value(&mut self) -> Option<ActivityEdit> {
        self.clear_errors();
        let text = self.required(FieldId::Activity);
        let due = parse_date(&self.value(FieldId::Due), true);
        if let Err(e) = &due {
            self.set_error(FieldId::Due, e.clone());
        }
        if !self.settle() {
            return None;
        }
        Some(ActivityEdit {
            text,
            owner: self.value(FieldId::Owner),
            due: due.ok()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_needs_a_date_and_a_summary() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut form = Form::contact(1, None, today, "maja");
        assert!(form.contact_value().is_none());
        assert!(form.fields[2].error.is_some());
        form.fields[2].input.insert_str("Called the family");
        let contact = form.contact_value().unwrap();
        assert_eq!((contact.on, contact.channel.as_str()), (today, "phone"));
    }

    #[test]
    fn the_rhythm_is_days_from_1_to_365_and_the_lead_a_known_person() {
        let plan = Plan {
            arena: 1,
            arena_version: 1,
            since: NaiveDate::default(),
            proactivity: Proactivity::default(),
            contacts: Vec::new(),
            needs: Vec::new(),
            criteria: Vec::new(),
            activities: Vec::new(),
            entries: 0,
            drawn_up: None,
            restricted: false,
        };
        let mut form = Form::proactivity(&plan);
        form.fields[1].input.insert_str("nobody");
        form.fields[2].input.insert_str("400");
        assert!(form.proactivity_value(|_| None).is_none());
        assert!(form.fields[1].error.is_some() && form.fields[2].error.is_some());
    }
}
