//! The form that rates an arena's partnering maturity: the day, the occasion, the partner it is
//! about, and the seven dimensions as `level note` (`4 one shared budget`). A new rating starts
//! from the levels of the last one, so the team says what moved.

use chrono::NaiveDate;

use super::form::{Field, FieldId, Form, FormKind};
use crate::messages;
use puls_domain::calendar;
use puls_domain::maturity::{Dimension, HIGHEST, LOWEST, Occasion, Rating, Score};
use puls_store::RatingEdit;

/// `4 shared budget`, `4: shared budget`, `4`: a level from 1 to 6 and the note after it.
pub fn parse_level(raw: &str) -> Option<(u8, String)> {
    let raw = raw.trim();
    let digits: String = raw.chars().take_while(char::is_ascii_digit).collect();
    let level: u8 = digits.parse().ok()?;
    if !(LOWEST..=HIGHEST).contains(&level) {
        return None;
    }
    let note = raw[digits.len()..]
        .trim_start_matches([':', ' ', '-'])
        .trim();
    Some((level, note.to_owned()))
}

fn rating_fields(
    on: NaiveDate,
    occasion: Occasion,
    partner: &str,
    level: impl Fn(Dimension) -> String,
) -> Vec<Field> {
    let chosen = Occasion::ALL
        .iter()
        .position(|o| *o == occasion)
        .unwrap_or(0);
    let mut fields = vec![
        Field::text(FieldId::Date, &on.to_string()),
        Field::choice(
            FieldId::Occasion,
            Occasion::ALL
                .iter()
                .map(|o| messages::occasion(*o).to_owned())
                .collect(),
            chosen,
        ),
        Field::text(FieldId::Partner, partner),
    ];
    for dimension in Dimension::ALL {
        let mut field = Field::text(FieldId::Level(dimension), &level(dimension));
        field.input.set_placeholder_text(messages::level_hint());
        fields.push(field);
    }
    fields
}

impl Form {
    /// A new rating of `arena` on `today`; `occasion` as the arena's stage suggests, levels from
    /// `last`.
    pub fn rating(arena: i64, last: Option<&Rating>, occasion: Occasion, today: NaiveDate) -> Form {
        let levels = |dimension| {
            last.and_then(|r| r.level(dimension))
                .map(|l| l.to_string())
                .unwrap_or_default()
        };
        let partner = last.map_or("", |r| r.partner.as_str());
        let fields = rating_fields(today, occasion, partner, levels);
        let mut form = Form::new(
            FormKind::Rating {
                arena,
                existing: None,
            },
            fields,
        );
        form.focus = 3;
        form
    }

    /// `rating` of `arena` as it was saved, each dimension's level with its note, to edit.
    pub fn edit_rating(arena: i64, rating: &Rating) -> Form {
        let levels = |dimension| {
            rating
                .scores
                .iter()
                .find(|s| s.dimension == dimension)
                .map(|s| format!("{} {}", s.level, s.note).trim_end().to_owned())
                .unwrap_or_default()
        };
        let fields = rating_fields(rating.on, rating.occasion, &rating.partner, levels);
        Form::new(
            FormKind::Rating {
                arena,
                existing: Some((rating.id, rating.version)),
            },
            fields,
        )
    }

    /// The rating to save, or `None` with each problem marked at its field.
    pub fn rating_value(&mut self) -> Option<RatingEdit> {
        self.clear_errors();
        let raw = self.value(FieldId::Date);
        let on = calendar::parse_date(raw.trim())
            .map_err(|problem| messages::date_invalid(raw.trim(), problem));
        if let Err(e) = &on {
            self.set_error(FieldId::Date, e.clone());
        }
        let mut scores = Vec::new();
        for dimension in Dimension::ALL {
            let raw = self.value(FieldId::Level(dimension));
            match parse_level(&raw) {
                Some((level, note)) => scores.push(Score {
                    dimension,
                    level,
                    note,
                }),
                None => self.set_error(
                    FieldId::Level(dimension),
                    messages::maturity_level_invalid(&raw),
                ),
            }
        }
        if !self.settle() {
            return None;
        }
        let chosen = self
            .fields
            .iter()
            .find(|f| f.id == FieldId::Occasion)
            .map_or(0, |f| f.chosen);
        Some(RatingEdit {
            on: on.ok()?,
            occasion: Occasion::ALL[chosen.min(Occasion::ALL.len() - 1)],
            partner: self.value(FieldId::Partner).trim().to_owned(),
            scores,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_level_is_a_number_from_1_to_6_with_a_note_after_it() {
        assert_eq!(parse_level("4 one budget"), Some((4, "one budget".into())));
        assert_eq!(parse_level(" 2: apart"), Some((2, "apart".into())));
        assert_eq!(parse_level("6"), Some((6, String::new())));
        for wrong in ["", "0", "7", "high", "16"] {
            assert_eq!(parse_level(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn an_edited_rating_opens_with_its_levels_notes_and_version() {
        let day = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let rating = Rating {
            id: 7,
            arena: Some(2),
            on: day,
            occasion: Occasion::Baseline,
            partner: "Region".into(),
            scores: Dimension::ALL
                .into_iter()
                .map(|dimension| Score {
                    dimension,
                    level: 3,
                    note: "apart".into(),
                })
                .collect(),
            version: 4,
        };
        let mut form = Form::edit_rating(2, &rating);
        assert_eq!(
            form.kind,
            FormKind::Rating {
                arena: 2,
                existing: Some((7, 4))
            }
        );
        assert_eq!(form.value(FieldId::Level(Dimension::Goals)), "3 apart");
        let edit = form.rating_value().unwrap();
        assert_eq!(edit.on, day);
        assert_eq!(edit.partner, "Region");
        assert_eq!(edit.scores[0].note, "apart");
    }

    #[test]
    fn a_rating_with_a_wrong_level_is_refused_at_that_dimension() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut form = Form::rating(1, None, Occasion::Baseline, day);
        for (i, field) in form.fields.iter_mut().enumerate().skip(3) {
            field.replace_text(if i == 5 { "9" } else { "3" });
        }
        assert!(form.rating_value().is_none());
        assert_eq!(form.focus, 5);
        form.fields[5].replace_text("4 shared");
        let rating = form.rating_value().unwrap();
        assert_eq!(rating.scores[2].level, 4);
        assert_eq!(rating.scores[2].note, "shared");
    }
}
