//! The state machine: panes, popups and the status line, changed only by `handle_*` and
//! `poll_changes`. No terminal IO and no SQL here; the store does the writing.

pub mod board;
mod changes;
pub mod command;
pub mod form;
pub mod keymap;
pub mod popup;

use chrono::{DateTime, Local, NaiveDate, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind};
use ratatui_textarea::TextArea;

use crate::config::Config;
use crate::messages;
use crate::store::{Store, StoreError};
use board::Board;
use command::Command;
use form::{ArenaForm, FieldId};
use keymap::{Context, Keymap};
use popup::{Detail, Popup, Prompt, PromptPurpose};

/// Rows of screen that are not board cards: the top bar, the status line, the pane's border and
/// its column headings. The UI draws exactly these.
pub const BOARD_CHROME_ROWS: u16 = 5;

/// How many history rows the detail shows.
const DETAIL_HISTORY: usize = 8;

/// The panes that exist. The roster, PULS plan and knowledge bank join when their issues land.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Board,
}

impl Pane {
    pub const PRESENT: [Pane; 1] = [Pane::Board];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub kind: StatusKind,
    pub text: String,
}

pub struct App {
    store: Store,
    pub config: Config,
    pub keymap: Keymap,
    pub board: Board,
    pub focus: Pane,
    pub zoomed: bool,
    pub popup: Option<Popup>,
    pub status: Option<Status>,
    undo: Vec<changes::UndoStep>,
    seen_version: i64,
    pub width: u16,
    pub height: u16,
    quit: bool,
}

impl App {
    pub fn new(
        store: Store,
        config: Config,
        keymap: Keymap,
        width: u16,
        height: u16,
    ) -> Result<App, StoreError> {
        let seen_version = store.data_version()?;
        let mut app = App {
            store,
            config,
            keymap,
            board: Board::default(),
            focus: Pane::Board,
            zoomed: false,
            popup: None,
            status: None,
            undo: Vec::new(),
            seen_version,
            width,
            height,
            quit: false,
        };
        app.resize(width, height);
        app.reload()?;
        Ok(app)
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.store.now()
    }

    /// Today in the user's time zone: what "late" is measured against.
    pub fn today(&self) -> NaiveDate {
        self.now().with_timezone(&Local).date_naive()
    }

    pub fn who(&self) -> &str {
        self.store.who()
    }

    pub fn mission_codes(&self) -> Vec<String> {
        self.config
            .missions
            .iter()
            .map(|m| m.code.clone())
            .collect()
    }

    /// What the keys mean right now.
    pub fn context(&self) -> Context {
        match &self.popup {
            Some(Popup::Help { .. }) => Context::Help,
            Some(Popup::Detail(_)) => Context::Detail,
            Some(Popup::Form(_)) => Context::Form,
            Some(Popup::Prompt(_)) => Context::Prompt,
            None => Context::Board,
        }
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.width = width;
        self.height = height;
        let rows = height.saturating_sub(BOARD_CHROME_ROWS) / board::CARD_HEIGHT;
        self.board.set_page(usize::from(rows));
    }

    /// Handles one terminal event; true when the screen needs drawing.
    pub fn handle_event(&mut self, event: &Event) -> bool {
        match event {
            Event::Key(key) => self.handle_key(*key),
            Event::Paste(text) => self.handle_paste(text),
            Event::Resize(w, h) => {
                self.resize(*w, *h);
                true
            }
            _ => false,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        if key.kind == KeyEventKind::Release {
            return false;
        }
        self.status = None;
        match self.keymap.command(self.context(), key) {
            Some(command) => self.run(command),
            None => self.type_key(key),
        }
        true
    }

    /// Pasted text goes into the field being edited, as typed text would.
    pub fn handle_paste(&mut self, text: &str) -> bool {
        match &mut self.popup {
            Some(Popup::Form(form)) => {
                let multi = form.focused().id.is_multi_line();
                let text = if multi {
                    text.to_owned()
                } else {
                    text.replace(['\r', '\n'], " ")
                };
                form.focused_mut().input.insert_str(text);
                form.focused_mut().error = None;
            }
            Some(Popup::Prompt(prompt)) => {
                prompt.input.insert_str(text.replace(['\r', '\n'], " "));
                self.after_prompt_edit();
            }
            _ => return false,
        }
        true
    }

    /// Checks whether another session committed, and reloads if so. True when something changed.
    pub fn poll_changes(&mut self) -> bool {
        match self.store.data_version() {
            Ok(v) if v != self.seen_version => {
                self.seen_version = v;
                let result = self.reload();
                self.report(result);
                if let Some(Popup::Detail(detail)) = &self.popup {
                    let id = detail.arena.id;
                    self.open_detail(id);
                }
                true
            }
            Ok(_) => false,
            Err(e) => {
                self.fail(&e);
                true
            }
        }
    }

    /// Reloads the board from the store, keeping the selection.
    fn reload(&mut self) -> Result<(), StoreError> {
        let cards = self.store.board_cards(self.board.show_declined)?;
        self.board.set_cards(cards);
        Ok(())
    }

    fn run(&mut self, command: Command) {
        match command {
            Command::Quit => self.quit = true,
            Command::Back => self.back(),
            Command::Help => self.popup = Some(Popup::Help { scroll: 0 }),
            Command::NextPane | Command::PreviousPane | Command::FocusBoard => {
                self.focus = Pane::Board
            }
            Command::Zoom => self.zoomed = !self.zoomed,
            Command::Undo => self.undo_last(),
            Command::ColumnLeft => self.board.move_column(-1),
            Command::ColumnRight => self.board.move_column(1),
            Command::CardUp => self.board.move_card(-1),
            Command::CardDown => self.board.move_card(1),
            Command::FirstCard => self.board.first_card(),
            Command::LastCard => self.board.last_card(),
            Command::PageUp => self.board.move_card(-self.board.page()),
            Command::PageDown => self.board.move_card(self.board.page()),
            Command::OpenDetail => {
                if let Some(id) = self.board.selected().map(|c| c.id) {
                    self.open_detail(id);
                }
            }
            Command::NewSignal => {
                let form = ArenaForm::new_signal(self.mission_codes(), self.store.who());
                self.popup = Some(Popup::Form(Box::new(form)));
            }
            Command::Edit => self.open_edit(),
            Command::NextStage => self.move_stage(true),
            Command::PreviousStage => self.move_stage(false),
            Command::Decline => self.open_decline(),
            Command::FilterMission => {
                self.board.cycle_mission(&self.mission_codes());
                let name = self
                    .board
                    .mission_filter
                    .as_deref()
                    .map(|m| self.config.mission_name(m));
                self.info(messages::mission_filter(name));
            }
            Command::FilterText => {
                let before = self.board.text_filter.clone();
                self.popup = Some(Popup::Prompt(Prompt::new(
                    PromptPurpose::Filter {
                        before: before.clone(),
                    },
                    &before,
                )));
            }
            Command::ToggleDeclined => {
                self.board.show_declined = !self.board.show_declined;
                let result = self.reload();
                self.report(result);
            }
            Command::ScrollUp => self.scroll_popup(-1),
            Command::ScrollDown => self.scroll_popup(1),
            Command::NextField => self.with_form(|f| f.move_focus(1)),
            Command::PreviousField => self.with_form(|f| f.move_focus(-1)),
            Command::Save => self.save_form(),
            Command::Confirm => self.confirm_prompt(),
        }
    }

    fn back(&mut self) {
        match self.popup.take() {
            Some(Popup::Prompt(prompt)) => {
                if let PromptPurpose::Filter { before } = &prompt.purpose {
                    self.board.set_text_filter(before);
                }
            }
            Some(Popup::Form(form)) if form.dirty && !form.discard_warned => {
                let mut form = form;
                form.discard_warned = true;
                self.popup = Some(Popup::Form(form));
                self.info(messages::FORM_DISCARD_WARNING.to_owned());
            }
            Some(_) => {}
            None if self.zoomed => self.zoomed = false,
            None if self.board.is_filtered() => {
                self.board.clear_filters();
                self.info(messages::FILTERS_CLEARED.to_owned());
            }
            None => self.quit = true,
        }
    }

    fn with_form(&mut self, f: impl FnOnce(&mut ArenaForm)) {
        if let Some(Popup::Form(form)) = &mut self.popup {
            f(form);
        }
    }

    fn scroll_popup(&mut self, delta: i32) {
        let scroll = match &mut self.popup {
            Some(Popup::Help { scroll }) => scroll,
            Some(Popup::Detail(detail)) => &mut detail.scroll,
            _ => return,
        };
        *scroll = scroll.saturating_add_signed(delta as i16);
    }

    /// A key that is not a command: text for a form or prompt, or a hint on the board.
    fn type_key(&mut self, key: KeyEvent) {
        match &mut self.popup {
            Some(Popup::Form(form)) => type_into_form(form, key),
            Some(Popup::Prompt(prompt)) if key.code != KeyCode::Enter => {
                prompt.input.input(key);
                self.after_prompt_edit();
            }
            _ => {}
        }
    }

    fn after_prompt_edit(&mut self) {
        if let Some(Popup::Prompt(prompt)) = &mut self.popup {
            prompt.error = None;
            if matches!(prompt.purpose, PromptPurpose::Filter { .. }) {
                let value = prompt.value();
                self.board.set_text_filter(&value);
            }
        }
    }

    fn open_detail(&mut self, id: i64) {
        let scroll = match &self.popup {
            Some(Popup::Detail(d)) if d.arena.id == id => d.scroll,
            _ => 0,
        };
        let loaded = self
            .store
            .arena(id)
            .and_then(|arena| Ok((self.store.arena_history(id, DETAIL_HISTORY)?, arena)));
        match loaded {
            Ok((history, arena)) => {
                self.popup = Some(Popup::Detail(Box::new(Detail {
                    arena,
                    history,
                    scroll,
                })));
            }
            Err(e) => {
                self.popup = None;
                self.fail(&e);
            }
        }
    }

    pub(crate) fn info(&mut self, text: String) {
        self.status = Some(Status {
            kind: StatusKind::Info,
            text,
        });
    }

    pub(crate) fn fail(&mut self, error: &StoreError) {
        self.status = Some(Status {
            kind: StatusKind::Error,
            text: messages::store_error(error),
        });
    }

    fn report(&mut self, result: Result<(), StoreError>) {
        if let Err(e) = result {
            self.fail(&e);
        }
    }
}

fn type_into_form(form: &mut ArenaForm, key: KeyEvent) {
    let field = form.focused().id;
    if field == FieldId::Mission {
        match key.code {
            KeyCode::Left | KeyCode::Char('h') => form.cycle_mission(-1),
            KeyCode::Right | KeyCode::Char('l') | KeyCode::Char(' ') => form.cycle_mission(1),
            KeyCode::Enter => form.move_focus(1),
            _ => return,
        }
        form.dirty = true;
        return;
    }
    if key.code == KeyCode::Enter && !field.is_multi_line() {
        form.move_focus(1);
        return;
    }
    let input: &mut TextArea = &mut form.focused_mut().input;
    if input.input(key) {
        form.focused_mut().error = None;
        form.dirty = true;
        form.discard_warned = false;
    }
}
