//! Forms: editing an arena's fields with validation. A refused save keeps every typed character.

use chrono::NaiveDate;
use ratatui_textarea::TextArea;

use crate::domain::arena::Arena;
use crate::domain::text::{self, TitleProblem};
use crate::messages;
use crate::store::{ArenaEdit, NewSignal};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldId {
    Title,
    Need,
    Mission,
    From,
    Coordinator,
    Mandate,
    Target,
}

impl FieldId {
    /// Multi-line fields take Enter as a new line.
    pub fn is_multi_line(self) -> bool {
        matches!(self, FieldId::Need | FieldId::Mandate)
    }
}

pub struct Field {
    pub id: FieldId,
    pub input: TextArea<'static>,
    pub error: Option<String>,
}

impl Field {
    fn new(id: FieldId, value: &str) -> Field {
        let lines = if value.is_empty() {
            vec![String::new()]
        } else {
            value.lines().map(str::to_owned).collect()
        };
        let mut input = TextArea::new(lines);
        input.move_cursor(ratatui_textarea::CursorMove::Bottom);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        Field {
            id,
            input,
            error: None,
        }
    }

    pub fn value(&self) -> String {
        self.input.lines().join("\n")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    NewSignal,
    Edit { id: i64, version: i64 },
}

pub struct ArenaForm {
    pub kind: FormKind,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Mission codes to choose from, and the chosen one.
    pub missions: Vec<String>,
    pub mission: usize,
    /// Set after a save was refused because someone else saved first: the next save overwrites.
    pub overwrite: bool,
    /// Something was typed since the form opened.
    pub dirty: bool,
    /// Esc was pressed once on a dirty form: the next Esc discards.
    pub discard_warned: bool,
}

impl ArenaForm {
    pub fn new_signal(missions: Vec<String>, from: &str) -> ArenaForm {
        ArenaForm {
            kind: FormKind::NewSignal,
            fields: vec![
                Field::new(FieldId::Title, ""),
                Field::new(FieldId::Need, ""),
                Field::new(FieldId::Mission, ""),
                Field::new(FieldId::From, from),
                Field::new(FieldId::Target, ""),
            ],
            focus: 0,
            missions,
            mission: 0,
            overwrite: false,
            dirty: false,
            discard_warned: false,
        }
    }

    pub fn edit(missions: Vec<String>, arena: &Arena) -> ArenaForm {
        let target = arena.target_date.map(|d| d.to_string()).unwrap_or_default();
        let mission = missions
            .iter()
            .position(|m| *m == arena.mission)
            .unwrap_or(0);
        ArenaForm {
            kind: FormKind::Edit {
                id: arena.id,
                version: arena.version,
            },
            fields: vec![
                Field::new(FieldId::Title, &arena.title),
                Field::new(FieldId::Need, &arena.need),
                Field::new(FieldId::Mission, ""),
                Field::new(
                    FieldId::Coordinator,
                    arena.coordinator.as_deref().unwrap_or(""),
                ),
                Field::new(FieldId::Mandate, &arena.mandate),
                Field::new(FieldId::Target, &target),
            ],
            focus: 0,
            missions,
            mission,
            overwrite: false,
            dirty: false,
            discard_warned: false,
        }
    }

    pub fn focused(&self) -> &Field {
        &self.fields[self.focus]
    }

    pub fn focused_mut(&mut self) -> &mut Field {
        &mut self.fields[self.focus]
    }

    pub fn move_focus(&mut self, delta: isize) {
        let n = self.fields.len() as isize;
        self.focus = (self.focus as isize + delta).rem_euclid(n) as usize;
    }

    pub fn cycle_mission(&mut self, delta: isize) {
        let n = self.missions.len().max(1) as isize;
        self.mission = (self.mission as isize + delta).rem_euclid(n) as usize;
    }

    pub fn mission_code(&self) -> String {
        self.missions.get(self.mission).cloned().unwrap_or_default()
    }

    fn value(&self, id: FieldId) -> String {
        self.fields
            .iter()
            .find(|f| f.id == id)
            .map(Field::value)
            .unwrap_or_default()
    }

    fn set_error(&mut self, id: FieldId, error: String) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.id == id) {
            f.error = Some(error);
        }
    }

    /// Checks every field, marks each problem at its field and focuses the first.
    fn validate(&mut self, today: NaiveDate) -> Option<(String, Option<NaiveDate>)> {
        for f in &mut self.fields {
            f.error = None;
        }
        let title = text::title(&self.value(FieldId::Title)).map_err(|p| match p {
            TitleProblem::Empty => messages::TITLE_EMPTY.to_owned(),
            TitleProblem::TooLong { chars } => {
                messages::title_too_long(chars, text::TITLE_MAX_CHARS)
            }
        });
        if let Err(e) = &title {
            self.set_error(FieldId::Title, e.clone());
        }
        let target = parse_target(
            &self.value(FieldId::Target),
            today,
            self.kind == FormKind::NewSignal,
        );
        if let Err(e) = &target {
            self.set_error(FieldId::Target, e.clone());
        }
        if let Some(first) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = first;
            return None;
        }
        Some((title.ok()?, target.ok()?))
    }

    /// The signal to record, or `None` with the problems marked on the form.
    pub fn new_signal_value(&mut self, today: NaiveDate) -> Option<NewSignal> {
        let (title, target_date) = self.validate(today)?;
        Some(NewSignal {
            title,
            need: self.value(FieldId::Need),
            mission: self.mission_code(),
            signalled_by: self.value(FieldId::From),
            target_date,
        })
    }

    /// The edit to save, or `None` with the problems marked on the form.
    pub fn edit_value(&mut self, today: NaiveDate) -> Option<ArenaEdit> {
        let (title, target_date) = self.validate(today)?;
        let coordinator = self.value(FieldId::Coordinator);
        Some(ArenaEdit {
            title,
            need: self.value(FieldId::Need),
            mission: self.mission_code(),
            coordinator: Some(coordinator.trim().to_owned()).filter(|c| !c.is_empty()),
            mandate: self.value(FieldId::Mandate),
            target_date,
        })
    }
}

/// A target date is optional; when given it must be a date, and a new arena's cannot be past.
fn parse_target(raw: &str, today: NaiveDate, is_new: bool) -> Result<Option<NaiveDate>, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let date =
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| messages::date_invalid(raw))?;
    if is_new && date < today {
        return Err(messages::date_in_past(date));
    }
    Ok(Some(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn target_date_must_be_a_date_and_not_past_for_a_new_arena() {
        assert_eq!(parse_target("", today(), true), Ok(None));
        assert!(parse_target("next week", today(), true).is_err());
        assert!(parse_target("2026-11-22", today(), true).is_err());
        assert_eq!(
            parse_target("2026-11-22", today(), false).map(|d| d.is_some()),
            Ok(true)
        );
    }

    #[test]
    fn a_refused_form_keeps_its_text_and_focuses_the_problem() {
        let mut form = ArenaForm::new_signal(vec!["LF".into()], "kim");
        form.fields[1].input.insert_str("A need worth keeping");
        form.fields[4].input.insert_str("soon");
        form.focus = 4;
        assert!(form.new_signal_value(today()).is_none());
        assert_eq!(form.focus, 0);
        assert!(form.fields[0].error.is_some());
        assert!(form.fields[4].error.is_some());
        assert_eq!(form.fields[1].value(), "A need worth keeping");
    }
}
