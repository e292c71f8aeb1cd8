//! The form that records a meeting of an arena. Its first field chooses the kind; choosing
//! another kind asks that kind's questions instead, keeping the date and who led it.

use chrono::NaiveDate;

use super::form::{Field, FieldId, Form, FormKind};
use crate::messages;
use puls_domain::calendar;
use puls_domain::review::{Light, Question, Review, ReviewKind};
use puls_store::ReviewEdit;

/// The light's choices, in the order of `[None, Green, Amber, Red]`.
const LIGHTS: [Option<Light>; 4] = [
    None,
    Some(Light::Green),
    Some(Light::Amber),
    Some(Light::Red),
];

fn answer_field(question: Question, answer: &str) -> Field {
    let mut field = Field::text(FieldId::Answer(question), answer);
    // The whole question shows in the empty field while it has the focus.
    field
        .input
        .set_placeholder_text(messages::question_text(question));
    field
}

/// The fields that follow the kind: its questions, and the light for a sponsor.
fn kind_fields(kind: ReviewKind, existing: Option<&Review>) -> Vec<Field> {
    let mut fields: Vec<Field> = kind
        .questions()
        .iter()
        .map(|q| answer_field(*q, existing.map_or("", |r| r.answer(*q))))
        .collect();
    if kind == ReviewKind::Sponsor {
        let chosen = LIGHTS
            .iter()
            .position(|l| *l == existing.and_then(|r| r.light))
            .unwrap_or(0);
        let choices = LIGHTS
            .iter()
            .map(|l| messages::light(*l).to_owned())
            .collect();
        fields.push(Field::choice(FieldId::Light, choices, chosen));
    }
    fields
}

fn kind_choices() -> Vec<String> {
    ReviewKind::ALL
        .iter()
        .map(|k| messages::review_kind(*k).to_owned())
        .collect()
}

impl Form {
    /// A meeting of `arena`: new (a sponsor review held today, led by `by`) or `existing`.
    pub fn review(arena: i64, existing: Option<&Review>, today: NaiveDate, by: &str) -> Form {
        let kind = existing.map_or(ReviewKind::Sponsor, |r| r.kind);
        let chosen = ReviewKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        let mut fields = vec![
            Field::choice(FieldId::ReviewKind, kind_choices(), chosen),
            Field::text(
                FieldId::HeldOn,
                &existing.map_or(today, |r| r.held_on).to_string(),
            ),
            Field::text(FieldId::LedBy, existing.map_or(by, |r| r.led_by.as_str())),
        ];
        fields.extend(kind_fields(kind, existing));
        Form::new(
            FormKind::Review {
                arena,
                existing: existing.map(|r| (r.id, r.version)),
            },
            fields,
        )
    }

    fn chosen_kind(&self) -> ReviewKind {
        let chosen = self
            .fields
            .iter()
            .find(|f| f.id == FieldId::ReviewKind)
            .map_or(0, |f| f.chosen);
        ReviewKind::ALL[chosen.min(ReviewKind::ALL.len() - 1)]
    }

    /// After the kind changed: its questions take the place of the others.
    pub(super) fn ask_chosen_kind(&mut self) {
        let kind = self.chosen_kind();
        self.fields
            .retain(|f| !matches!(f.id, FieldId::Answer(_) | FieldId::Light));
        self.fields.extend(kind_fields(kind, None));
    }

    /// The meeting to save, or `None` with the problems marked: a real date, and at least one
    /// question answered.
    pub fn review_value(&mut self) -> Option<ReviewEdit> {
        self.clear_errors();
        let raw = self.value(FieldId::HeldOn);
        let held_on = calendar::parse_date(raw.trim())
            .map_err(|problem| messages::date_invalid(raw.trim(), problem));
        if let Err(e) = &held_on {
            self.set_error(FieldId::HeldOn, e.clone());
        }
        let kind = self.chosen_kind();
        let answers: Vec<(Question, String)> = kind
            .questions()
            .iter()
            .map(|q| (*q, self.value(FieldId::Answer(*q)).trim().to_owned()))
            .collect();
        if answers.iter().all(|(_, a)| a.is_empty()) {
            self.set_error(
                FieldId::Answer(kind.questions()[0]),
                messages::field_empty().to_owned(),
            );
        }
        if !self.settle() {
            return None;
        }
        let light = self
            .fields
            .iter()
            .find(|f| f.id == FieldId::Light)
            .and_then(|f| LIGHTS.get(f.chosen).copied().flatten());
        Some(ReviewEdit {
            kind,
            held_on: held_on.ok()?,
            led_by: self.value(FieldId::LedBy).trim().to_owned(),
            answers,
            light,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn a_sponsor_review_asks_the_six_questions_and_the_light() {
        let form = Form::review(1, None, today(), "maja");
        let answers = form
            .fields
            .iter()
            .filter(|f| matches!(f.id, FieldId::Answer(_)))
            .count();
        assert_eq!(answers, 6);
        assert_eq!(form.fields.last().map(|f| f.id), Some(FieldId::Light));
    }

    #[test]
    fn choosing_another_kind_asks_its_questions_and_keeps_the_date() {
        let mut form = Form::review(1, None, today(), "maja");
        form.fields[1].replace_text("2026-11-20");
        form.cycle_choice(1);
        let ids: Vec<FieldId> = form.fields.iter().map(|f| f.id).collect();
        assert_eq!(
            ids[3..],
            [
                FieldId::Answer(Question::Shown),
                FieldId::Answer(Question::Feedback),
                FieldId::Answer(Question::Challenged),
                FieldId::Answer(Question::Decisions),
            ]
        );
        assert_eq!(form.value(FieldId::HeldOn), "2026-11-20");
    }

    #[test]
    fn a_meeting_with_no_answer_or_a_bad_date_is_refused_at_its_field() {
        let mut form = Form::review(1, None, today(), "maja");
        form.fields[1].replace_text("soon");
        assert!(form.review_value().is_none());
        assert!(form.fields[1].error.is_some());
        assert!(
            form.fields[3].error.is_some(),
            "the first question wants an answer"
        );
    }

    #[test]
    fn the_light_is_saved_as_chosen() {
        let mut form = Form::review(1, None, today(), "maja");
        form.fields[3].replace_text("Still about work");
        form.focus = form.fields.len() - 1;
        form.cycle_choice(3);
        let edit = form.review_value().unwrap();
        assert_eq!(edit.light, Some(Light::Red));
        assert_eq!(edit.answers[0].1, "Still about work");
    }
}
