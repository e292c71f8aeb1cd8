//! The knowledge bank's commands: searching as the user types, reading, writing entries, and
//! offering to write them when an arena returns its knowledge.

use super::App;
use super::bank::BankView;
use super::bank_query::BankQuery;
use super::command::Command;
use super::form::{Form, FormKind};
use super::popup::{FilterTarget, Popup, Prompt, PromptPurpose, Reading};
use crate::messages;
use puls_domain::knowledge::EntryKind;
use puls_store::{EntryEdit, EntryHit, StoreError};

impl App {
    /// Reloads the bank's list for its view, query and filters, and the selected entry's
    /// preview: at once, or by asking the background and marking the list as pending.
    pub(super) fn load_bank(&mut self) -> Result<(), StoreError> {
        let query = match self.bank.view {
            BankView::Related => match self.board.selected().map(|c| c.id) {
                Some(arena) => BankQuery::Related { arena },
                None => {
                    self.bank.pending = None;
                    self.bank.set_hits(None, Vec::new());
                    return self.load_preview();
                }
            },
            BankView::Search => BankQuery::Search {
                query: self.bank.query.clone(),
                filter: self.bank.filter.clone(),
            },
        };
        if let Some(background) = &self.background {
            let ticket = self.bank.pending.unwrap_or(self.bank.answered) + 1;
            if background.ask(ticket, query.clone()) {
                self.bank.pending = Some(ticket);
                self.bank.asked = Some(query);
                return Ok(());
            }
        }
        self.bank.pending = None;
        let hits = query.run(self.store.as_ref())?;
        self.bank.set_hits(Some(query), hits);
        self.load_preview()
    }

    /// The background's answer to question `ticket`: shown if it is the latest asked, dropped
    /// if a newer one is on its way. True when the screen changed.
    pub fn bank_answer(&mut self, ticket: u64, answer: Result<Vec<EntryHit>, StoreError>) -> bool {
        self.step(|app| app.on_bank_answer(ticket, answer))
    }

    fn on_bank_answer(&mut self, ticket: u64, answer: Result<Vec<EntryHit>, StoreError>) -> bool {
        if self.bank.pending != Some(ticket) {
            return false;
        }
        self.bank.pending = None;
        self.bank.answered = ticket;
        let question = self.bank.asked.take();
        let result = answer.and_then(|hits| {
            self.bank.set_hits(question, hits);
            self.load_preview()
        });
        self.report(result);
        true
    }

    fn load_preview(&mut self) -> Result<(), StoreError> {
        self.bank.preview = match self.bank.selected_hit().map(|h| h.id) {
            Some(id) if self.bank.preview.as_ref().map(|e| e.id) != Some(id) => {
                Some(self.store.entry(id)?)
            }
            Some(_) => self.bank.preview.take(),
            None => None,
        };
        Ok(())
    }

    /// The previewed entry, whole; a course with its teacher and sessions.
    fn open_reading(&mut self) -> Result<(), StoreError> {
        let Some(entry) = self.bank.preview.clone() else {
            return Ok(());
        };
        let (course, person) = if entry.kind == EntryKind::Course {
            let courses = self.store.courses()?;
            let course = courses.into_iter().find(|c| c.entry == entry.id);
            (course, self.store.account_person()?)
        } else {
            (None, None)
        };
        let reading = Reading {
            entry,
            course,
            session: 0,
            person,
            scroll: 0.into(),
            reveal_session: false,
        };
        self.popup = Some(Popup::Reading(Box::new(reading)));
        Ok(())
    }

    pub(super) fn run_bank(&mut self, command: Command) {
        let page = isize::try_from(self.bank.page.max(1)).unwrap_or(1);
        let movement = match command {
            Command::RowUp => Some(-1),
            Command::RowDown => Some(1),
            Command::FirstRow => Some(isize::MIN),
            Command::LastRow => Some(isize::MAX),
            Command::PageUp => Some(-page),
            Command::PageDown => Some(page),
            _ => None,
        };
        if let Some(delta) = movement {
            self.bank.move_selection(delta);
            let preview = self.load_preview();
            return self.report(preview);
        }
        let result = match command {
            Command::NextView => {
                self.bank.view = match self.bank.view {
                    BankView::Related => BankView::Search,
                    BankView::Search => BankView::Related,
                };
                self.load_bank()
            }
            Command::CycleKind => {
                self.bank.cycle_kind();
                self.bank.view = BankView::Search;
                self.load_bank()
            }
            Command::FilterMission => {
                let missions = self.mission_codes();
                self.bank.filter.mission = match &self.bank.filter.mission {
                    None => missions.first().cloned(),
                    Some(m) => missions
                        .iter()
                        .position(|x| x == m)
                        .and_then(|i| missions.get(i + 1).cloned()),
                };
                self.bank.view = BankView::Search;
                self.load_bank()
            }
            Command::FilterTag | Command::FilterCompetence => {
                let (target, before) = if command == Command::FilterTag {
                    (FilterTarget::BankTag, self.bank.filter.tag.clone())
                } else {
                    (
                        FilterTarget::BankCompetence,
                        self.bank.filter.competence.clone(),
                    )
                };
                self.open_filter_for(target, before.unwrap_or_default());
                Ok(())
            }
            Command::OpenDetail => self.open_reading(),
            Command::NewEntry => {
                let form = Form::entry(None, self.board.selected().map(|c| c.id), &self.kinds());
                self.popup = Some(Popup::Form(Box::new(form)));
                Ok(())
            }
            // Another municipality's entry is read here, written there: said before a form opens.
            Command::Edit | Command::Delete
                if self.bank.preview.as_ref().is_some_and(|e| e.elsewhere) =>
            {
                let id = self.bank.preview.as_ref().map_or(0, |e| e.id);
                Err(StoreError::EntryElsewhere(id))
            }
            Command::Edit => {
                if let Some(entry) = &self.bank.preview {
                    let form = Form::entry(Some(entry), entry.arena, &self.kinds());
                    self.popup = Some(Popup::Form(Box::new(form)));
                }
                Ok(())
            }
            Command::Delete => {
                if let Some(entry) = &self.bank.preview {
                    let purpose = PromptPurpose::DeleteEntry {
                        id: entry.id,
                        version: entry.version,
                        title: entry.title.clone(),
                    };
                    self.popup = Some(Popup::Prompt(Prompt::new(purpose, "")));
                }
                Ok(())
            }
            _ => Ok(()),
        };
        let preview = result.and_then(|()| self.load_preview());
        self.report(preview);
    }

    fn kinds(&self) -> Vec<String> {
        EntryKind::ALL
            .iter()
            .map(|k| messages::entry_kind(*k).to_owned())
            .collect()
    }

    /// Saves an entry form. `None`: the form shows what to fix.
    pub(super) fn save_entry_form(
        &mut self,
        form: &mut Form,
    ) -> Option<Result<String, StoreError>> {
        let kinds = self.kinds();
        let edit = form.entry_value(|kind| {
            kinds
                .iter()
                .position(|k| k == kind)
                .map(|i| EntryKind::ALL[i])
        })?;
        let result = match form.kind {
            FormKind::EditEntry { id, version } => self.store.edit_entry(id, version, &edit),
            _ if form.is_untouched_draft() => self.store.add_draft_entry(&edit).map(|_| ()),
            _ => self.store.add_entry(&edit).map(|_| ()),
        };
        Some(result.map(|()| messages::entry_saved(&edit.title)))
    }

    /// When an arena moves to Returning knowledge, the bank offers a first entry, prefilled.
    pub(super) fn offer_entry(&mut self, arena: i64) {
        let (Ok(a), Ok(plan), Ok(team)) = (
            self.store.arena(arena),
            self.store.plan(arena),
            self.store.arena_team(arena),
        ) else {
            return;
        };
        let mut competences: Vec<String> =
            team.iter().filter_map(|m| m.competence.clone()).collect();
        competences.sort();
        competences.dedup();
        let results: Vec<String> = plan
            .criteria
            .iter()
            .map(|c| {
                format!(
                    "- {}: {}",
                    c.text,
                    if c.result.is_empty() {
                        c.no_result_reason.as_str()
                    } else {
                        c.result.as_str()
                    }
                )
            })
            .collect();
        let draft = EntryEdit {
            title: messages::entry_draft_title(&a.title),
            body: messages::entry_draft_body(&a.mandate, &results),
            kind: EntryKind::Lesson,
            tags: Vec::new(),
            competences,
            arena: Some(arena),
        };
        let form = Form::entry_draft(&draft, &self.kinds());
        self.popup = Some(Popup::Form(Box::new(form)));
        self.info(messages::entry_offer().to_owned());
    }

    pub(super) fn confirm_delete_entry(&mut self, id: i64, version: i64, title: &str) {
        let result = self
            .store
            .delete_entry(id, version)
            .map(|()| messages::deleted(title));
        self.after_plan_change(result);
    }
}
