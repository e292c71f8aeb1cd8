//! The knowledge entry form: title, kind, tags as a list, competences, the arena, the text.

use super::form::{Field, FieldId, Form, FormKind};
use crate::messages;
use puls_domain::knowledge::{EntryKind, parse_tags};
use puls_store::{Entry, EntryEdit};

fn list(items: &[String]) -> String {
    items.join(", ")
}

fn fields(edit: &EntryEdit, kinds: &[String]) -> Vec<Field> {
    let kind = EntryKind::ALL
        .iter()
        .position(|k| *k == edit.kind)
        .unwrap_or(0);
    let mut body = Field::text(FieldId::Body, &edit.body);
    body.input.set_placeholder_text(messages::entry_body_hint());
    vec![
        Field::text(FieldId::Title, &edit.title),
        Field::choice(FieldId::Kind, kinds.to_vec(), kind),
        Field::text(FieldId::Tags, &list(&edit.tags)),
        Field::text(FieldId::EntryCompetences, &list(&edit.competences)),
        Field::text(
            FieldId::ArenaRef,
            &edit.arena.map(|a| format!("#{a}")).unwrap_or_default(),
        ),
        body,
    ]
}

impl Form {
    /// A form for a new entry (linked to `arena` when given) or for editing `existing`.
    pub fn entry(existing: Option<&Entry>, arena: Option<i64>, kinds: &[String]) -> Form {
        let edit = existing.map(EntryEdit::from).unwrap_or(EntryEdit {
            arena,
            ..EntryEdit::default()
        });
        let kind = match existing {
            Some(e) => FormKind::EditEntry {
                id: e.id,
                version: e.version,
            },
            None => FormKind::NewEntry,
        };
        Form::new(kind, fields(&edit, kinds))
    }

    /// A new entry already written in part: what the arena returns when it reaches Returning.
    pub fn entry_draft(draft: &EntryEdit, kinds: &[String]) -> Form {
        let mut form = Form::new(FormKind::NewEntry, fields(draft, kinds));
        form.dirty = true;
        form.prefilled = Some(form.fields.iter().map(|f| f.value()).collect());
        form
    }

    /// The entry to save, or `None` with the problems marked. `kind_of` reads the kind's label.
    pub fn entry_value(
        &mut self,
        kind_of: impl Fn(&str) -> Option<EntryKind>,
    ) -> Option<EntryEdit> {
        self.clear_errors();
        let title = self.value(FieldId::Title).trim().to_owned();
        if title.is_empty() {
            self.set_error(FieldId::Title, messages::title_empty().to_owned());
        }
        let arena = self.value(FieldId::ArenaRef);
        let arena = match arena.trim().trim_start_matches('#') {
            "" => None,
            number => {
                let parsed = number.parse::<i64>().ok().filter(|n| *n > 0);
                if parsed.is_none() {
                    self.set_error(FieldId::ArenaRef, messages::arena_ref_invalid().to_owned());
                }
                parsed
            }
        };
        if !self.settle() {
            return None;
        }
        let competences = self
            .value(FieldId::EntryCompetences)
            .split([',', ';'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect();
        Some(EntryEdit {
            title,
            body: self.value(FieldId::Body),
            kind: kind_of(&self.value(FieldId::Kind)).unwrap_or(EntryKind::Lesson),
            tags: parse_tags(&self.value(FieldId::Tags)),
            competences,
            arena,
        })
    }
}
