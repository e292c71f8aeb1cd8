//! The state machine: panes, popups and the status line, changed only by `handle_*` and
//! `poll_changes`. No terminal IO and no SQL here; the store does the writing.

pub mod bank;
mod bank_actions;
pub mod bank_query;
pub mod board;
mod changes;
pub mod command;
pub mod config;
mod course_actions;
mod entry_form;
mod external_edit;
mod fold;
mod follow;
pub mod form;
pub mod handled;
pub mod keymap;
pub mod late;
pub mod layout;
mod maturity_actions;
pub mod messages;
mod mouse;
pub mod palette;
mod palette_actions;
pub mod plan;
mod plan_actions;
mod plan_form;
pub mod popup;
pub mod rating_form;
mod requests;
mod review_actions;
mod review_form;
pub mod roster;
mod staffing;
pub mod standup;
mod standup_actions;

use chrono::{DateTime, NaiveDate, Utc};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind};
use puls_store::prelude::*;

use crate::config::Config;
use board::Board;
use command::Command;
use form::Form;
use keymap::{Context, Keymap, Lookup};
use plan::PlanPane;
use popup::{Detail, FilterTarget, History, Popup, Prompt, PromptPurpose};
use puls_domain::session::{self, Session};
use puls_store::{RosterAnswer, RosterRead, StoreError};
use roster::{Roster, RosterView, Team};

/// Rows of screen that are not board cards: the top bar, the status line, the pane's border and
/// its column headings. The UI draws exactly these.
pub const BOARD_CHROME_ROWS: u16 = 5;
/// Rows of screen that are not roster rows: top bar, status line, border, view header, the
/// selected person's line.
pub const ROSTER_CHROME_ROWS: u16 = 6;

/// How many history rows the detail shows.
const DETAIL_HISTORY: usize = 8;
/// How many related bank entries the detail shows.
const DETAIL_RELATED: usize = 3;

/// The panes of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Board,
    Roster,
    Plan,
    Bank,
}

impl Pane {
    pub const PRESENT: [Pane; 4] = [Pane::Board, Pane::Roster, Pane::Plan, Pane::Bank];
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
    /// Any backend of the store interface: SQLite's file today.
    store: Box<dyn Backend + Send>,
    pub config: Config,
    pub keymap: Keymap,
    pub board: Board,
    pub roster: Roster,
    pub plan: PlanPane,
    pub bank: bank::BankPane,
    /// When each arena at work last held each kind of meeting: the board and the stand-up say
    /// which is due or late.
    /// Read with the board's cards: the title's late counts are kept until the cards are set
    /// again (see `late`).
    pub review_dates: std::collections::HashMap<i64, puls_domain::review::ReviewDates>,
    /// Partnering maturity across arenas, for the key figures: loaded when they open.
    pub maturity_figures: puls_domain::maturity::MaturityFigures,
    /// The knowledge capital per competence, for the key figures: loaded when they open.
    pub knowledge_capital: Vec<puls_domain::learning::CompetenceCapital>,
    /// A stand-up in progress: it takes the screen until it is left.
    pub standup: Option<Box<standup::Standup>>,
    pub focus: Pane,
    pub zoomed: bool,
    pub popup: Option<Popup>,
    pub status: Option<Status>,
    undo: Vec<changes::UndoStep>,
    /// The first key of a two-key sequence, waiting for the second.
    pending: Option<crokey::KeyCombination>,
    /// Text the driver should open in the user's editor (see `external_edit`).
    editor_request: Option<String>,
    pub width: u16,
    pub height: u16,
    /// Clicks and the wheel are taken: the terminal's own text selection is not.
    mouse: bool,
    quit: bool,
    /// Answers slow bank questions off the key path; None answers them at once.
    background: Option<Box<dyn bank_query::BankQueries>>,
    /// The panes that follow the board wait until it rests (see `follow`).
    follow_later: bool,
    /// They still show the arena selected before.
    follow_pending: bool,
}

impl App {
    pub fn new(
        store: impl Backend + Send + 'static,
        config: Config,
        keymap: Keymap,
        width: u16,
        height: u16,
    ) -> Result<App, StoreError> {
        App::with_background(store, config, keymap, width, height, None)
    }

    /// An app whose bank lists are asked of `background` (from the first load on) and shown
    /// when answered, through [`App::bank_answer`].
    pub fn with_background(
        store: impl Backend + Send + 'static,
        config: Config,
        keymap: Keymap,
        width: u16,
        height: u16,
        background: Option<Box<dyn bank_query::BankQueries>>,
    ) -> Result<App, StoreError> {
        App::on_store(Box::new(store), config, keymap, width, height, background)
    }

    /// [`App::with_background`] on a store already boxed: whichever backend the command line
    /// opened.
    pub fn on_store(
        mut store: Box<dyn Backend + Send>,
        config: Config,
        keymap: Keymap,
        width: u16,
        height: u16,
        background: Option<Box<dyn bank_query::BankQueries>>,
    ) -> Result<App, StoreError> {
        // The config's choice, else what the caller's session (the command line's) chose.
        let ambient = session::current();
        let session = Session {
            language: config.language.unwrap_or(ambient.language),
            zone: config.time_zone.unwrap_or(ambient.zone),
        };
        store.set_session(session);
        // A warning about the file (readable by everyone) stays in sight until the first key.
        let status = store.warnings().first().map(|w| Status {
            kind: StatusKind::Error,
            text: messages::store_warning(w),
        });
        let mouse = config.mouse;
        let mut app = App {
            store,
            config,
            keymap,
            board: Board::default(),
            roster: Roster::default(),
            plan: PlanPane::default(),
            bank: bank::BankPane::default(),
            review_dates: std::collections::HashMap::new(),
            maturity_figures: Default::default(),
            knowledge_capital: Vec::new(),
            standup: None,
            focus: Pane::Board,
            zoomed: false,
            popup: None,
            status,
            undo: Vec::new(),
            pending: None,
            editor_request: None,
            width,
            height,
            mouse,
            quit: false,
            background,
            follow_later: false,
            follow_pending: false,
        };
        app.resize(width, height);
        app.step(App::reload)?;
        Ok(app)
    }

    /// This screen's session: its language and time zone, which its store serves too.
    pub fn session(&self) -> Session {
        self.store.session()
    }

    /// Runs one step of this screen's work in its own session, so that what the step writes
    /// speaks its language and tells its time, whichever thread runs it.
    pub(crate) fn step<T>(&mut self, f: impl FnOnce(&mut App) -> T) -> T {
        let session = self.session();
        session.enter(|| {
            let answer = f(self);
            self.read_roster_when_needed();
            self.keep_late_count();
            answer
        })
    }

    /// Reads the roster's people or competences once a step has made a view or a filter need
    /// them.
    fn read_roster_when_needed(&mut self) {
        if self.roster.needs_people() {
            self.hold_people();
        } else if self.roster.needs_competences() {
            self.hold_competences();
        }
    }

    /// Reads the roster's people unless they are held: until the next reload, they are. Their
    /// filters match competences through the catalogue, so it is held too.
    pub(crate) fn hold_people(&mut self) {
        self.hold_competences();
        if self.roster.holds_people() {
            return;
        }
        let read = self.store.roster_people();
        match read {
            Ok(people) => self.roster.hold_people(people),
            Err(e) => self.fail(&e),
        }
    }

    /// Reads the competence view's rows unless they are held: until the next reload, they are.
    pub(crate) fn hold_competences(&mut self) {
        if self.roster.holds_competences() {
            return;
        }
        let read = self.store.roster_competences();
        match read {
            Ok(competences) => self.roster.hold_competences(competences),
            Err(e) => self.fail(&e),
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.store.now()
    }

    /// Today in the user's time zone: what "late" is measured against.
    pub fn today(&self) -> NaiveDate {
        self.store.today()
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
            Some(
                Popup::Help { .. } | Popup::History(_) | Popup::Figures(..) | Popup::Maturity(_),
            ) => Context::Help,
            Some(Popup::Reading(_)) => Context::Reading,
            Some(Popup::Detail(_)) => Context::Detail,
            Some(Popup::Form(_)) => Context::Form,
            Some(Popup::FindStaff(_)) => Context::Staff,
            Some(Popup::Prompt(_)) => Context::Prompt,
            Some(Popup::Palette(_)) => Context::Palette,
            None if self.standup.is_some() => Context::Standup,
            None => match self.focus {
                Pane::Board => Context::Board,
                Pane::Roster if self.roster.view == RosterView::Requests => Context::Requests,
                Pane::Roster => Context::Roster,
                Pane::Plan => Context::Plan,
                Pane::Bank => Context::Bank,
            },
        }
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.width = width;
        self.height = height;
        // Plain mode gives a card one line, and the status line a second row for what it says.
        let (card_height, status_extra) = if self.config.plain {
            (1, layout::PLAIN_STATUS_ROWS - 1)
        } else {
            (board::CARD_HEIGHT, 0)
        };
        let rows = height.saturating_sub(BOARD_CHROME_ROWS + status_extra) / card_height;
        self.board.set_page(usize::from(rows));
        let rows = usize::from(height.saturating_sub(ROSTER_CHROME_ROWS + status_extra));
        self.roster.set_page(rows);
        self.bank.set_page(rows / 2);
    }

    /// Handles one terminal event; true when the screen needs drawing.
    pub fn handle_event(&mut self, event: &Event) -> bool {
        self.step(|app| app.on_event(event))
    }

    fn on_event(&mut self, event: &Event) -> bool {
        match event {
            Event::Key(key) => self.handle_key(*key),
            Event::Paste(text) => self.handle_paste(text),
            Event::Mouse(mouse) => self.handle_mouse(*mouse),
            Event::Resize(w, h) => {
                self.resize(*w, *h);
                true
            }
            _ => false,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        self.step(|app| app.on_key(key))
    }

    fn on_key(&mut self, key: KeyEvent) -> bool {
        if key.kind == KeyEventKind::Release {
            return false;
        }
        self.status = None;
        let context = self.context();
        let combo = keymap::combo(key);
        // The second key of a sequence: a bound pair runs, anything else (Esc too) cancels.
        if let Some(first) = self.pending.take() {
            if let Lookup::Command(command) = self.keymap.lookup(context, &[first, combo]) {
                self.run(command);
                self.follow_board_selection();
            }
            return true;
        }
        match self.keymap.lookup(context, &[combo]) {
            Lookup::Command(command) => self.run(command),
            Lookup::Pending => {
                self.pending = Some(combo);
                let name = self.keymap.prefix_name(context, combo).unwrap_or_default();
                self.info(messages::key_pending(name));
            }
            Lookup::Unbound => {
                self.settle_before(None);
                self.type_key(key);
            }
        }
        self.follow_board_selection();
        true
    }

    /// Pasted text goes into the field being edited, as typed text would.
    pub fn handle_paste(&mut self, text: &str) -> bool {
        self.step(|app| app.on_paste(text))
    }

    fn on_paste(&mut self, text: &str) -> bool {
        // Terminals send a pasted line break as CR, CR LF or LF.
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        match &mut self.popup {
            Some(Popup::Form(form)) if !form.focused().is_choice() => {
                let multi = form.focused().id.is_multi_line();
                let text = if multi { text } else { text.replace('\n', " ") };
                form.focused_mut().input.insert_str(text);
                form.focused_mut().error = None;
                form.dirty = true;
                form.discard_warned = false;
                form.privacy_warned = false;
            }
            Some(Popup::Palette(_)) => self.paste_into_palette(&text),
            Some(Popup::Prompt(prompt)) => {
                prompt.input.insert_str(text.replace(['\r', '\n'], " "));
                self.after_prompt_edit();
            }
            _ => return false,
        }
        true
    }

    /// The keys are handled and the frame drawn: the store gives back what others can use
    /// while this session waits (a database server's connection).
    pub fn rest(&mut self) {
        self.store.rest();
    }

    /// Checks whether another session committed, and reloads if so. True when something changed.
    pub fn poll_changes(&mut self) -> bool {
        self.step(|app| app.poll())
    }

    fn poll(&mut self) -> bool {
        match self.store.others_changed() {
            Ok(true) => {
                let result = self.reload();
                self.report(result);
                if let Some(Popup::Detail(detail)) = &self.popup {
                    let id = detail.arena.id;
                    self.open_detail(id);
                }
                self.reread_course();
                true
            }
            Ok(_) => false,
            Err(e) => {
                self.fail(&e);
                true
            }
        }
    }

    /// Reloads the board, the roster and the team, keeping every selection.
    fn reload(&mut self) -> Result<(), StoreError> {
        // The first screen shows the team view: the competence view's rows (a scan of every
        // holding) wait until that view or a form asks for them.
        let roster = if self.roster.needs_people() {
            RosterRead::People
        } else if self.roster.needs_competences() {
            RosterRead::Competences
        } else {
            RosterRead::Glance
        };
        let read = self.store.reload(self.board.show_declined, roster)?;
        self.board.set_cards(read.cards);
        match read.roster {
            RosterAnswer::People(competences, people) => {
                self.roster.set_people(people, competences)
            }
            RosterAnswer::Competences(competences, glance) => {
                self.roster.set_glance(glance, Some(competences))
            }
            RosterAnswer::Glance(glance) => self.roster.set_glance(glance, None),
        }
        self.roster.set_requests(read.requests);
        self.review_dates = read
            .review_dates
            .into_iter()
            .map(|d| (d.arena, d))
            .collect();
        self.load_team()?;
        self.load_bank()?;
        self.refresh_turn()
    }

    /// The team view follows the board's selected arena.
    /// Loads the team and the PULS program of the board's selected arena.
    fn load_team(&mut self) -> Result<(), StoreError> {
        let Some((id, title)) = self.board.selected().map(|c| (c.id, c.title.clone())) else {
            self.roster.set_team(Team::default());
            self.plan.set_plan(None, String::new());
            return Ok(());
        };
        let (plan, members) = self.store.plan_and_team(id)?;
        self.roster.set_team(Team {
            members,
            needs: plan.needs.clone(),
            arena: Some((id, title.clone())),
        });
        self.plan.set_plan(Some(plan), title);
        Ok(())
    }

    fn run(&mut self, command: Command) {
        // The keymap binds only what a place answers for; the palette may still offer a command
        // its place has since left (a popup closed under it).
        if !self.context().answers(command) {
            return;
        }
        self.settle_before(Some(command));
        if self.run_shared(command) {
            return;
        }
        match self.context() {
            Context::Board => self.run_board(command),
            Context::Roster => self.run_roster(command),
            Context::Plan => self.run_plan(command),
            Context::Bank => self.run_bank(command),
            Context::Standup => self.run_standup(command),
            Context::Staff => self.run_staff(command),
            Context::Requests => self.run_requests(command),
            Context::Palette => self.run_palette(command),
            _ => self.run_popup(command),
        }
    }

    /// Commands that mean the same wherever they are bound. True when handled.
    fn run_shared(&mut self, command: Command) -> bool {
        match command {
            Command::Quit => self.quit = true,
            Command::Back => self.back(),
            Command::Help => self.popup = Some(Popup::Help { scroll: 0 }),
            Command::NextPane => self.cycle_focus(1),
            Command::PreviousPane => self.cycle_focus(-1),
            Command::FocusBoard => self.focus = Pane::Board,
            Command::FocusRoster => self.focus = Pane::Roster,
            Command::FocusPlan => self.focus = Pane::Plan,
            Command::FocusBank => self.focus = Pane::Bank,
            Command::Zoom => self.zoomed = !self.zoomed,
            Command::Undo => self.undo_last(),
            Command::Edit if matches!(self.context(), Context::Board | Context::Detail) => {
                self.open_edit()
            }
            Command::NextStage => self.move_stage(true),
            Command::PreviousStage => self.move_stage(false),
            Command::Decline => self.open_decline(),
            Command::FindStaff => self.open_find_staff(),
            Command::History => self.open_history(),
            Command::Standup => self.open_standup(None),
            Command::Figures => self.open_figures(),
            Command::FilterText => self.open_filter(),
            Command::Palette => self.open_palette(),
            Command::ToggleMouse => {
                self.mouse = !self.mouse;
                self.info(messages::mouse_switched(self.mouse).to_owned());
            }
            _ => return false,
        }
        true
    }

    fn run_board(&mut self, command: Command) {
        match command {
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
                let form = Form::new_signal(self.mission_codes(), self.store.who());
                self.popup = Some(Popup::Form(Box::new(form)));
            }
            Command::FilterMission => {
                self.board.cycle_mission(&self.mission_codes());
                let name = self
                    .board
                    .mission_filter
                    .as_deref()
                    .map(|m| self.config.mission_name(m));
                self.info(messages::mission_filter(name));
            }
            Command::ToggleDeclined => {
                self.board.show_declined = !self.board.show_declined;
                let result = self.reload();
                self.report(result);
            }
            _ => {}
        }
    }

    fn run_popup(&mut self, command: Command) {
        match command {
            Command::ScrollUp => self.scroll_popup(-1),
            Command::ScrollDown => self.scroll_popup(1),
            Command::NextField => self.with_form(|f| f.move_focus(1)),
            Command::PreviousField => self.with_form(|f| f.move_focus(-1)),
            Command::Save => self.save_form(),
            Command::Confirm => self.confirm_prompt(),
            Command::OpenEditor => self.request_editor(),
            Command::Review => self.open_review_form(),
            Command::FileReview => self.file_review(),
            Command::Maturity => self.open_maturity(None),
            Command::RateMaturity => self.open_rating_form(),
            Command::NextRecord => self.move_record(1),
            Command::PreviousRecord => self.move_record(-1),
            Command::OpenRecord => self.open_record(),
            Command::SignUp => self.sign_up_for_session(),
            Command::WithdrawSignUp => self.withdraw_from_session(),
            _ => {}
        }
    }

    fn cycle_focus(&mut self, delta: isize) {
        let panes = Pane::PRESENT;
        let i = panes.iter().position(|p| *p == self.focus).unwrap_or(0) as isize;
        self.focus = panes[(i + delta).rem_euclid(panes.len() as isize) as usize];
    }

    fn open_filter(&mut self) {
        let (target, before) = match self.focus {
            Pane::Board => (FilterTarget::Board, self.board.text_filter.clone()),
            Pane::Roster => (FilterTarget::RosterSearch, self.roster.search.clone()),
            Pane::Plan => return,
            Pane::Bank => {
                self.bank.view = bank::BankView::Search;
                (FilterTarget::Bank, self.bank.query.clone())
            }
        };
        self.open_filter_for(target, before);
    }

    fn open_filter_for(&mut self, target: FilterTarget, before: String) {
        let prompt = Prompt::new(
            PromptPurpose::Filter {
                target,
                before: before.clone(),
            },
            &before,
        );
        self.popup = Some(Popup::Prompt(prompt));
    }

    fn set_filter(&mut self, target: FilterTarget, text: &str) {
        match target {
            FilterTarget::Board => self.board.set_text_filter(text),
            FilterTarget::RosterSearch => self.roster.search = text.to_owned(),
            FilterTarget::RosterCompetence => self.roster.competence_filter = text.to_owned(),
            FilterTarget::RosterUnit => self.roster.unit_filter = text.to_owned(),
            FilterTarget::Bank => self.bank.query = text.to_owned(),
            FilterTarget::BankTag => {
                self.bank.filter.tag = Some(text.trim().to_owned()).filter(|t| !t.is_empty())
            }
            FilterTarget::BankCompetence => {
                self.bank.filter.competence = Some(text.trim().to_owned()).filter(|t| !t.is_empty())
            }
        }
        match target {
            FilterTarget::Board => {}
            FilterTarget::Bank | FilterTarget::BankTag | FilterTarget::BankCompetence => {
                self.bank.view = bank::BankView::Search;
                let result = self.load_bank();
                self.report(result);
            }
            _ => self.roster.refilter(),
        }
    }

    fn back(&mut self) {
        match self.popup.take() {
            Some(Popup::Prompt(prompt)) => {
                if let PromptPurpose::Filter { target, before } = &prompt.purpose {
                    self.set_filter(*target, before);
                }
            }
            Some(Popup::Palette(palette)) => self.popup = palette.covered.map(|p| *p),
            Some(Popup::Form(mut form)) if form.dirty && !form.discard_warned => {
                form.discard_warned = true;
                self.popup = Some(Popup::Form(form));
                self.info(messages::form_discard_warning().to_owned());
            }
            Some(_) => {}
            None if self.standup.is_some() => self.standup = None,
            None if self.zoomed => self.zoomed = false,
            None if self.focus == Pane::Board && self.board.is_filtered() => {
                self.board.clear_filters();
                self.info(messages::filters_cleared().to_owned());
            }
            None if self.focus == Pane::Roster && self.roster.view == RosterView::Requests => {
                self.roster.view = RosterView::Team;
            }
            None if self.focus == Pane::Roster && self.roster.is_filtered() => {
                self.roster.clear_filters();
                self.info(messages::filters_cleared().to_owned());
            }
            None if self.focus == Pane::Bank && self.bank.is_filtered() => {
                self.bank.clear_filters();
                let result = self.load_bank();
                self.report(result);
                self.info(messages::filters_cleared().to_owned());
            }
            None => self.quit = true,
        }
    }

    fn with_form(&mut self, f: impl FnOnce(&mut Form)) {
        if let Some(Popup::Form(form)) = &mut self.popup {
            f(form);
        }
    }

    fn scroll_popup(&mut self, delta: i16) {
        let scroll = match &mut self.popup {
            Some(Popup::Help { scroll }) => scroll,
            Some(Popup::Detail(detail)) => {
                detail.reveal_record = false;
                detail.scroll.get_mut()
            }
            Some(Popup::History(history)) => &mut history.scroll,
            Some(Popup::Reading(reading)) => {
                reading.reveal_session = false;
                reading.scroll.get_mut()
            }
            Some(Popup::Figures(_, scroll)) => scroll,
            Some(Popup::Maturity(chart)) => &mut chart.scroll,
            _ => return,
        };
        *scroll = scroll.saturating_add_signed(delta);
    }

    /// A key that is not a command: text for a form or prompt.
    fn type_key(&mut self, key: KeyEvent) {
        match &mut self.popup {
            Some(Popup::Form(form)) => type_into_form(form, key),
            Some(Popup::Prompt(prompt)) if key.code != KeyCode::Enter => {
                prompt.input.input(key);
                self.after_prompt_edit();
            }
            Some(Popup::Palette(_)) => self.type_into_palette(key),
            _ => {}
        }
    }

    fn after_prompt_edit(&mut self) {
        if let Some(Popup::Prompt(prompt)) = &mut self.popup {
            prompt.error = None;
            if let PromptPurpose::Filter { target, .. } = prompt.purpose {
                let value = prompt.value();
                self.set_filter(target, &value);
            }
        }
    }

    fn open_detail(&mut self, id: i64) {
        let (scroll, record) = match &self.popup {
            Some(Popup::Detail(d)) if d.arena.id == id => (d.scroll.get(), d.record),
            _ => (0, 0),
        };
        let loaded = (|| {
            Ok::<_, StoreError>(Detail {
                arena: self.store.arena(id)?,
                team: self.store.arena_team(id)?,
                needs: self.store.arena_needs(id)?,
                history: self.store.arena_history(id, DETAIL_HISTORY)?,
                related: self.store.related_entries(id, DETAIL_RELATED)?,
                reviews: self.store.reviews(id)?,
                statements: self.store.problem_statements(id)?,
                ratings: self.store.ratings(id)?,
                record,
                scroll: scroll.into(),
                reveal_record: false,
            })
        })();
        match loaded {
            Ok(detail) => self.popup = Some(Popup::Detail(Box::new(detail))),
            Err(e) => {
                self.popup = None;
                self.fail(&e);
            }
        }
    }

    /// How many history rows the history view loads: years of an arena's life.
    const HISTORY_ROWS: usize = 500;

    fn open_history(&mut self) {
        let arena = match &self.popup {
            Some(Popup::Detail(d)) => Some((d.arena.id, d.arena.title.clone())),
            _ => self.board.selected().map(|c| (c.id, c.title.clone())),
        };
        let Some((arena, title)) = arena else { return };
        match self.store.history(None, Some(arena), Self::HISTORY_ROWS) {
            Ok(mut rows) => {
                rows.reverse();
                let history = History {
                    arena,
                    title,
                    rows,
                    scroll: 0,
                };
                self.popup = Some(Popup::History(Box::new(history)));
            }
            Err(e) => self.fail(&e),
        }
    }

    pub(crate) fn info(&mut self, text: String) {
        self.status = Some(Status {
            kind: StatusKind::Info,
            text,
        });
    }

    pub(crate) fn error(&mut self, text: String) {
        self.status = Some(Status {
            kind: StatusKind::Error,
            text,
        });
    }

    pub(crate) fn fail(&mut self, error: &StoreError) {
        self.error(messages::store_error(error));
    }

    fn report(&mut self, result: Result<(), StoreError>) {
        if let Err(e) = result {
            self.fail(&e);
        }
    }
}

fn type_into_form(form: &mut Form, key: KeyEvent) {
    let field = form.focused();
    if field.is_choice() {
        match key.code {
            KeyCode::Left | KeyCode::Char('h') => form.cycle_choice(-1),
            KeyCode::Right | KeyCode::Char('l') | KeyCode::Char(' ') => form.cycle_choice(1),
            KeyCode::Enter => return form.move_focus(1),
            _ => return,
        }
        form.dirty = true;
        form.discard_warned = false;
        return;
    }
    if key.code == KeyCode::Enter && !field.id.is_multi_line() {
        form.move_focus(1);
        return;
    }
    if form.focused_mut().input.input(key) {
        form.focused_mut().error = None;
        form.dirty = true;
        form.discard_warned = false;
        form.privacy_warned = false;
    }
}
