//! The board pane's state: arenas in stage columns, the selection, filters and scroll.

use puls_domain::arena::Stage;
use puls_store::ArenaCard;

use super::command::Command;
use super::fold::FoldedRows;
use super::handled::{Handled, hint, quiet};
use super::late::LateCount;

/// What the board answers for (see `handled`).
pub const COMMANDS: &[Handled] = &[
    hint(Command::Help),
    hint(Command::NewSignal),
    hint(Command::OpenDetail),
    hint(Command::Edit),
    hint(Command::NextStage),
    hint(Command::PreviousStage),
    hint(Command::FindStaff),
    hint(Command::Decline),
    hint(Command::FilterText),
    hint(Command::FilterMission),
    hint(Command::Undo),
    quiet(Command::ColumnLeft),
    quiet(Command::ColumnRight),
    quiet(Command::CardUp),
    quiet(Command::CardDown),
    quiet(Command::FirstCard),
    quiet(Command::LastCard),
    quiet(Command::PageUp),
    quiet(Command::PageDown),
    quiet(Command::ToggleDeclined),
    quiet(Command::History),
    quiet(Command::Standup),
    quiet(Command::Figures),
    quiet(Command::Back),
];

/// Rows one card takes on screen, including the gap below it. The UI draws to this size, and the
/// board keeps the selection inside the rows it is told are visible.
pub const CARD_HEIGHT: u16 = 6;

/// One column of the board: a stage and the indices of its visible cards.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub stage: Stage,
    pub cards: Vec<usize>,
    pub selected: usize,
    pub scroll: usize,
}

/// The board's text filter, lowercased once a regroup: a title or coordinator that contains
/// it, or the arena's number (`#12` or `12`) written as the board writes it.
struct TextFilter {
    text: String,
    number: Option<i64>,
}

impl TextFilter {
    fn new(filter: &str) -> TextFilter {
        let text = filter.trim().to_lowercase();
        let digits = text.trim_start_matches('#');
        // "012" and "+12" name no arena: the number must read as the card's number reads.
        let number = digits
            .parse::<i64>()
            .ok()
            .filter(|n| n.to_string() == digits);
        TextFilter { text, number }
    }
}

#[derive(Debug, Default)]
pub struct Board {
    cards: Vec<ArenaCard>,
    /// Each card's title and coordinator, folded the first time a text filter needs them after
    /// the cards were set.
    folded: Option<FoldedRows<2>>,
    pub columns: Vec<Column>,
    pub column: usize,
    pub mission_filter: Option<String>,
    pub text_filter: String,
    pub show_declined: bool,
    /// How many cards fit in a column; set from the terminal size.
    pub page: usize,
    /// The title's late counts since the cards were last set (see `late`).
    late: Option<LateCount>,
}

impl Board {
    /// Replaces the cards (after a load or another session's change), keeping the selected arena
    /// selected where it still exists.
    pub fn set_cards(&mut self, cards: Vec<ArenaCard>) {
        let keep = self.selected().map(|c| c.id);
        self.folded = None;
        self.cards = cards;
        self.late = None;
        self.regroup(keep);
    }

    pub(crate) fn kept_late(&self) -> Option<LateCount> {
        self.late
    }

    pub(crate) fn keep_late(&mut self, count: LateCount) {
        self.late = Some(count);
    }

    /// Every card the board holds, filtered or not.
    pub fn all_cards(&self) -> &[ArenaCard] {
        &self.cards
    }

    pub fn card(&self, index: usize) -> &ArenaCard {
        &self.cards[index]
    }

    fn stages(&self) -> Vec<Stage> {
        let mut stages = Stage::FLOW.to_vec();
        if self.show_declined {
            stages.push(Stage::Declined);
        }
        stages
    }

    fn matches(&self, index: usize, needle: &TextFilter) -> bool {
        let card = &self.cards[index];
        let mission_ok = self
            .mission_filter
            .as_ref()
            .is_none_or(|m| &card.mission == m || card.participating.contains(m));
        mission_ok
            && (needle.text.is_empty()
                || needle.number == Some(card.id)
                || self.folded.as_ref().is_some_and(|folded| {
                    // No coordinator folds to an empty text, which holds no filter's text.
                    let [title, coordinator] = folded.row(index);
                    title.contains(&needle.text) || coordinator.contains(&needle.text)
                }))
    }

    /// Folds the cards' titles and coordinators, unless they are folded already.
    fn fold(&mut self) {
        self.folded.get_or_insert_with(|| {
            let mut folded = FoldedRows::default();
            for card in &self.cards {
                let coordinator = card.coordinator.as_deref().unwrap_or_default();
                folded.push([&card.title, coordinator]);
            }
            folded
        });
    }

    /// Rebuilds the columns after the cards or a filter changed, selecting `keep` if visible.
    pub fn regroup(&mut self, keep: Option<i64>) {
        let previous: Vec<(Stage, usize, usize)> = self
            .columns
            .iter()
            .map(|c| (c.stage, c.selected, c.scroll))
            .collect();
        let previous_stage = self.columns.get(self.column).map(|c| c.stage);
        let needle = TextFilter::new(&self.text_filter);
        if !needle.text.is_empty() {
            self.fold();
        }
        self.columns = self
            .stages()
            .into_iter()
            .map(|stage| {
                let cards = (0..self.cards.len())
                    .filter(|&i| self.cards[i].stage == stage && self.matches(i, &needle))
                    .collect::<Vec<_>>();
                let (selected, scroll) = previous
                    .iter()
                    .find(|(s, _, _)| *s == stage)
                    .map_or((0, 0), |(_, sel, scr)| (*sel, *scr));
                Column {
                    stage,
                    selected: selected.min(cards.len().saturating_sub(1)),
                    scroll,
                    cards,
                }
            })
            .collect();
        self.column = previous_stage
            .and_then(|s| self.columns.iter().position(|c| c.stage == s))
            .unwrap_or(0);
        if let Some(id) = keep {
            self.select_arena(id);
        }
        // A filter that empties the current column should not leave the user looking at nothing.
        if self.is_filtered()
            && self
                .columns
                .get(self.column)
                .is_some_and(|c| c.cards.is_empty())
        {
            if let Some(first) = self.columns.iter().position(|c| !c.cards.is_empty()) {
                self.column = first;
            }
        }
        self.keep_in_view();
    }

    /// Selects the arena with this number, if a column shows it.
    pub fn select_arena(&mut self, id: i64) -> bool {
        for (ci, column) in self.columns.iter_mut().enumerate() {
            if let Some(row) = column.cards.iter().position(|&i| self.cards[i].id == id) {
                column.selected = row;
                self.column = ci;
                self.keep_in_view();
                return true;
            }
        }
        false
    }

    /// The selected card, if the selected column has any.
    pub fn selected(&self) -> Option<&ArenaCard> {
        let column = self.columns.get(self.column)?;
        column.cards.get(column.selected).map(|&i| &self.cards[i])
    }

    pub fn move_column(&mut self, delta: isize) {
        let last = self.columns.len().saturating_sub(1);
        self.column = self.column.saturating_add_signed(delta).min(last);
        self.keep_in_view();
    }

    pub fn move_card(&mut self, delta: isize) {
        if let Some(column) = self.columns.get_mut(self.column) {
            let last = column.cards.len().saturating_sub(1);
            column.selected = column.selected.saturating_add_signed(delta).min(last);
        }
        self.keep_in_view();
    }

    pub fn first_card(&mut self) {
        self.move_card(isize::MIN);
    }

    pub fn last_card(&mut self) {
        self.move_card(isize::MAX);
    }

    pub fn page(&self) -> isize {
        isize::try_from(self.page.max(1)).unwrap_or(1)
    }

    /// Turns a column's page when its selection leaves the view: going down, the selection
    /// becomes the top card; going up, the bottom one. Scrolling a card at a time repaints the
    /// whole column at every key, which a slow link feels; a page turn costs that once a page.
    fn keep_in_view(&mut self) {
        let page = self.page.max(1);
        for column in &mut self.columns {
            if column.selected < column.scroll {
                column.scroll = (column.selected + 1).saturating_sub(page);
            } else if column.selected >= column.scroll + page {
                column.scroll = column.selected;
            }
            column.scroll = column.scroll.min(column.cards.len().saturating_sub(page));
        }
    }

    pub fn set_page(&mut self, page: usize) {
        self.page = page;
        self.keep_in_view();
    }

    /// Cycles the mission filter: all, then each mission in order, then all again.
    pub fn cycle_mission(&mut self, missions: &[String]) {
        let next = match &self.mission_filter {
            None => missions.first().cloned(),
            Some(current) => missions
                .iter()
                .position(|m| m == current)
                .and_then(|i| missions.get(i + 1).cloned()),
        };
        self.mission_filter = next;
        let keep = self.selected().map(|c| c.id);
        self.regroup(keep);
    }

    pub fn set_text_filter(&mut self, text: &str) {
        self.text_filter = text.to_owned();
        let keep = self.selected().map(|c| c.id);
        self.regroup(keep);
    }

    /// True when a filter hides some arenas.
    pub fn is_filtered(&self) -> bool {
        self.mission_filter.is_some() || !self.text_filter.trim().is_empty()
    }

    pub fn clear_filters(&mut self) {
        self.mission_filter = None;
        self.text_filter.clear();
        let keep = self.selected().map(|c| c.id);
        self.regroup(keep);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn card(id: i64, stage: Stage, title: &str, mission: &str) -> ArenaCard {
        ArenaCard {
            id,
            title: title.into(),
            mission: mission.into(),
            stage,
            stage_since: Utc::now(),
            coordinator: None,
            target_date: None,
            team: 0,
            plan: Default::default(),
            registration: String::new(),
            decision: None,
            participating: vec![],
        }
    }

    fn board() -> Board {
        let mut b = Board {
            page: 2,
            ..Board::default()
        };
        b.set_cards(vec![
            card(1, Stage::Signal, "Newcomer", "LF"),
            card(2, Stage::Signal, "Boy at risk", "LF"),
            card(3, Stage::Signal, "Lonely elder", "HC"),
            card(4, Stage::Active, "Building permit", "CD"),
            card(5, Stage::Declined, "Noise", "CD"),
        ]);
        b
    }

    #[test]
    fn groups_cards_by_stage_and_hides_declined_until_asked() {
        let mut b = board();
        assert_eq!(b.columns.len(), 6);
        assert_eq!(b.columns[0].cards.len(), 3);
        b.show_declined = true;
        b.regroup(None);
        assert_eq!(b.columns.last().map(|c| c.cards.len()), Some(1));
    }

    #[test]
    fn keeps_the_selected_arena_selected_when_cards_reload() {
        let mut b = board();
        b.move_card(2);
        assert_eq!(b.selected().map(|c| c.id), Some(3));
        let mut cards = b.all_cards().to_vec();
        cards.remove(0);
        b.set_cards(cards);
        assert_eq!(b.selected().map(|c| c.id), Some(3));
    }

    #[test]
    fn turns_a_whole_page_when_the_selection_leaves_it() {
        // Given a column of five signals, two cards to a page
        let mut b = board();
        b.set_cards(
            (1..=5)
                .map(|id| card(id, Stage::Signal, "Signal", "LF"))
                .collect(),
        );

        // When the selection moves down past the page, and later back up past its top
        b.move_card(2);
        let down = b.columns[0].scroll;
        b.move_card(1);
        let still = b.columns[0].scroll;
        b.move_card(-2);

        // Then the page turned to start at the selection, stayed while it was in view, and
        // turned back to end at it
        assert_eq!((down, still), (2, 2));
        assert_eq!((b.columns[0].selected, b.columns[0].scroll), (1, 0));
    }

    #[test]
    fn scrolls_a_column_to_keep_the_selection_visible() {
        let mut b = board();
        b.last_card();
        assert_eq!(b.columns[0].scroll, 1);
        b.first_card();
        assert_eq!(b.columns[0].scroll, 0);
    }

    #[test]
    fn filters_by_mission_and_by_text_or_number() {
        let mut b = board();
        b.cycle_mission(&["LF".into(), "HC".into()]);
        assert_eq!(b.columns[0].cards.len(), 2);
        b.cycle_mission(&["LF".into(), "HC".into()]);
        assert_eq!(b.columns[0].cards.len(), 1);
        b.cycle_mission(&["LF".into(), "HC".into()]);
        assert!(!b.is_filtered());
        b.set_text_filter("#4");
        assert_eq!(b.selected().map(|c| c.id), Some(4));
        assert_eq!(b.columns[3].cards.len(), 1);
        b.set_text_filter("BOY");
        assert_eq!(b.columns[0].cards.len(), 1);
    }

    /// The titles shown by a text filter, column after column.
    fn shown(b: &mut Board, filter: &str) -> Vec<String> {
        b.set_text_filter(filter);
        b.columns
            .iter()
            .flat_map(|c| c.cards.iter().map(|&i| b.card(i).title.clone()))
            .collect()
    }

    fn swedish_board() -> Board {
        let mut b = board();
        let mut elder = card(6, Stage::Signal, "Äldre på Öland", "HC");
        elder.coordinator = Some("Åsa Ek".into());
        let mut school = card(7, Stage::Active, "SKOLFRÅNVARO", "LF");
        school.coordinator = Some("ÖRJAN ÅS".into());
        b.set_cards(vec![elder, school, card(8, Stage::Active, "Park", "CD")]);
        b
    }

    #[test]
    fn the_text_filter_folds_swedish_letters_in_titles_and_coordinators() {
        let mut b = swedish_board();
        assert_eq!(shown(&mut b, "ÄLDRE"), ["Äldre på Öland"]);
        assert_eq!(shown(&mut b, "öland"), ["Äldre på Öland"]);
        assert_eq!(shown(&mut b, "frånvaro"), ["SKOLFRÅNVARO"]);
        assert_eq!(shown(&mut b, "åsa"), ["Äldre på Öland"]);
        assert_eq!(shown(&mut b, "örjan å"), ["SKOLFRÅNVARO"]);
        assert_eq!(shown(&mut b, "Ås"), ["Äldre på Öland", "SKOLFRÅNVARO"]);
    }

    #[test]
    fn the_text_filter_matches_within_a_title_or_a_coordinator_never_across() {
        // "Äldre på Öland" then "Åsa Ek"; "Park" has no coordinator.
        let mut b = swedish_board();
        assert_eq!(shown(&mut b, "ölandåsa"), Vec::<String>::new());
        assert_eq!(shown(&mut b, "ekskol"), Vec::<String>::new());
        assert_eq!(shown(&mut b, "park"), ["Park"]);
    }

    #[test]
    fn the_text_filter_finds_an_arena_by_its_number_as_the_board_writes_it() {
        let mut b = swedish_board();
        assert_eq!(shown(&mut b, "#7"), ["SKOLFRÅNVARO"]);
        assert_eq!(shown(&mut b, " 7 "), ["SKOLFRÅNVARO"]);
        assert_eq!(shown(&mut b, "07"), Vec::<String>::new());
        assert_eq!(shown(&mut b, "+7"), Vec::<String>::new());
    }

    #[test]
    fn the_text_filter_reads_the_cards_set_last() {
        // Given a filter that shows the elder's arena by its coordinator
        let mut b = swedish_board();
        assert_eq!(shown(&mut b, "åsa"), ["Äldre på Öland"]);

        // When the cards reload with another coordinator and title
        let mut cards = b.all_cards().to_vec();
        cards[0].coordinator = None;
        cards[0].title = "Äldre i Kalmar".into();
        b.set_cards(cards);

        // Then the filter reads them
        assert_eq!(shown(&mut b, "åsa"), Vec::<String>::new());
        assert_eq!(shown(&mut b, "kalmar"), ["Äldre i Kalmar"]);
    }
}
