//! The roster pane's state: which view, the filters and sort, the selection.

use puls_domain::request::StaffingRequest;
use puls_domain::roster::NeedStatus;
use puls_store::{CompetenceRow, NeedRow, PersonRow, RosterGlance, TeamMember};

use super::command::Command;
use super::handled::{Handled, hint, quiet};

mod folded;

use folded::{FoldedCatalogue, FoldedPeople, Hits, Words};

/// What the roster answers for (see `handled`).
pub const COMMANDS: &[Handled] = &[
    hint(Command::Help),
    hint(Command::NextView),
    hint(Command::FilterText),
    hint(Command::FilterCompetence),
    hint(Command::CycleSort),
    hint(Command::ToggleFree),
    hint(Command::FindStaff),
    hint(Command::NewEntry),
    hint(Command::Edit),
    quiet(Command::RowUp),
    quiet(Command::RowDown),
    quiet(Command::FirstRow),
    quiet(Command::LastRow),
    quiet(Command::PageUp),
    quiet(Command::PageDown),
    quiet(Command::FilterUnit),
    quiet(Command::CycleSide),
    quiet(Command::ToggleInactive),
    quiet(Command::ToggleActive),
    quiet(Command::Delete),
    quiet(Command::Release),
    quiet(Command::RequestsToMe),
    quiet(Command::Back),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RosterView {
    /// The board's selected arena: its members and its gaps.
    #[default]
    Team,
    People,
    Competences,
    /// "Requests to me": staffing requests waiting for the account's decision. Reached by its
    /// own key; `next` leaves it for the team.
    Requests,
}

impl RosterView {
    pub const ALL: [RosterView; 4] = [
        RosterView::Team,
        RosterView::People,
        RosterView::Competences,
        RosterView::Requests,
    ];

    /// The views `next` cycles through.
    const CYCLE: usize = 3;

    fn index(self) -> usize {
        RosterView::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    pub fn next(self) -> RosterView {
        RosterView::ALL[(self.index() + 1) % RosterView::CYCLE]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PeopleSort {
    #[default]
    Name,
    Unit,
    /// Most free time first: who can take on an arena now.
    Free,
}

impl PeopleSort {
    pub fn next(self) -> PeopleSort {
        match self {
            PeopleSort::Name => PeopleSort::Unit,
            PeopleSort::Unit => PeopleSort::Free,
            PeopleSort::Free => PeopleSort::Name,
        }
    }
}

/// Inside the municipality, outside partners, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    #[default]
    All,
    Internal,
    External,
}

impl Side {
    pub fn next(self) -> Side {
        match self {
            Side::All => Side::Internal,
            Side::Internal => Side::External,
            Side::External => Side::All,
        }
    }
}

/// The selected arena's staffing, as the team view shows it.
#[derive(Debug, Clone, Default)]
pub struct Team {
    pub arena: Option<(i64, String)>,
    pub members: Vec<TeamMember>,
    pub needs: Vec<NeedRow>,
}

impl Team {
    pub fn gaps(&self) -> impl Iterator<Item = &NeedRow> {
        self.needs.iter().filter(|n| n.status.is_gap())
    }

    /// Rows in the team view: members, then gaps.
    pub fn rows(&self) -> usize {
        self.members.len() + self.gaps().count()
    }
}

#[derive(Debug, Default)]
pub struct Roster {
    pub view: RosterView,
    /// Set only with `set_rows`, which lets their folded words go and counts those over
    /// capacity.
    people: Vec<PersonRow>,
    /// Their words, folded the first time a text filter needs them after the people were set.
    folded_people: Option<FoldedPeople>,
    /// Active people allocated past their capacity, counted when the people were set: the
    /// title says it at every frame.
    over: usize,
    pub competences: Vec<CompetenceRow>,
    folded_competences: FoldedCatalogue,
    pub team: Team,
    /// Pending staffing requests for the people the account is line manager of, oldest first.
    pub requests: Vec<StaffingRequest>,
    /// Indices into `people` after filters and sort.
    pub visible_people: Vec<usize>,
    /// Indices into `competences` after the search.
    pub visible_competences: Vec<usize>,
    pub sort: PeopleSort,
    pub search: String,
    pub competence_filter: String,
    pub unit_filter: String,
    pub side: Side,
    pub free_only: bool,
    pub show_inactive: bool,
    selected: [usize; 4],
    scroll: [usize; 4],
    pub page: usize,
    /// Whether `people` holds the roster. Thousands of people are read only while a view or a
    /// filter needs them; otherwise `glance` counts them, so a screen on the board stays small
    /// (a server holds a hundred) and its first frame comes sooner.
    people_read: bool,
    /// Whether `competences` is the catalogue as last read. The competence view's rows (its
    /// holders by level, free holders and gaps) are read only while that view, the people or
    /// a form that names a competence needs them; otherwise `glance` counts the catalogue.
    competences_read: bool,
    pub glance: RosterGlance,
}

/// The text filters, lowercased, with the competences and units each lets through: found once
/// a refilter, not once a person.
struct Filter {
    search: Option<(String, Hits)>,
    competence: Option<Hits>,
    unit: Option<Hits>,
}

impl Filter {
    /// None while no text filter is set; the first one set folds the people's words.
    fn new(roster: &mut Roster) -> Option<Filter> {
        let text = |t: &str| Some(t.trim().to_lowercase()).filter(|t| !t.is_empty());
        let search = text(&roster.search);
        let competence = text(&roster.competence_filter);
        let unit = text(&roster.unit_filter);
        if search.is_none() && competence.is_none() && unit.is_none() {
            return None;
        }
        let folded = roster
            .folded_people
            .get_or_insert_with(|| FoldedPeople::new(&roster.people));
        Some(Filter {
            search: search.map(|s| {
                let hits = folded.competences_with(&s);
                (s, hits)
            }),
            competence: competence.map(|c| folded.competences_with(&c)),
            unit: unit.map(|u| folded.units_with(&u)),
        })
    }

    fn lets_through(&self, words: &Words) -> bool {
        self.unit.as_ref().is_none_or(|u| u.has(words.unit))
            && self
                .competence
                .as_ref()
                .is_none_or(|c| c.any(words.competences))
            && self.search.as_ref().is_none_or(|(text, competences)| {
                words.name.contains(text.as_str())
                    || words.role.contains(text.as_str())
                    || competences.any(words.competences)
            })
    }
}

fn contains(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(needle)
}

impl Roster {
    pub fn set_people(&mut self, people: Vec<PersonRow>, competences: Vec<CompetenceRow>) {
        self.competences_read = true;
        self.set_rows(Some(people), Some(competences));
    }

    /// The roster's glance, with the competences when the competence view needs them: the
    /// people are let go until a view or a filter needs them again. Without competences, those
    /// held before stay only for the competence view's selection to be found again; they are
    /// read anew before anything shows or uses them.
    pub fn set_glance(&mut self, glance: RosterGlance, competences: Option<Vec<CompetenceRow>>) {
        self.glance = glance;
        self.competences_read = competences.is_some();
        self.set_rows(None, competences);
    }

    /// The people, read because a view or a filter came to need them.
    pub fn hold_people(&mut self, people: Vec<PersonRow>) {
        self.set_rows(Some(people), None);
    }

    /// The competences, read because a view or a form came to need them.
    pub fn hold_competences(&mut self, competences: Vec<CompetenceRow>) {
        let people = self.people_read.then(|| std::mem::take(&mut self.people));
        self.competences_read = true;
        self.set_rows(people, Some(competences));
    }

    pub fn holds_people(&self) -> bool {
        self.people_read
    }

    pub fn holds_competences(&self) -> bool {
        self.competences_read
    }

    /// The people view, a filter or the inactive shown: each needs every person.
    pub fn needs_people(&self) -> bool {
        self.view == RosterView::People || self.is_filtered() || self.show_inactive
    }

    /// The competence view, and whatever needs the people (a filter matches their competences
    /// through the catalogue).
    pub fn needs_competences(&self) -> bool {
        self.view == RosterView::Competences || self.needs_people()
    }

    /// Competences as the view tab counts them: those the search lets through, or the
    /// catalogue's in use while the competence view's rows are not held.
    pub fn competence_count(&self) -> usize {
        if self.competences_read {
            self.visible_competences.len()
        } else {
            self.glance.competences as usize
        }
    }

    /// People as the view tab counts them: those the filters let through.
    pub fn people_count(&self) -> usize {
        if self.people_read {
            self.visible_people.len()
        } else {
            self.glance.active as usize
        }
    }

    /// Everyone on the roster, filtered or not, once read (see `holds_people`).
    pub fn people(&self) -> &[PersonRow] {
        &self.people
    }

    /// Active people allocated past their capacity today.
    pub fn over_count(&self) -> usize {
        if self.people_read {
            self.over
        } else {
            self.glance.over as usize
        }
    }

    fn set_rows(
        &mut self,
        people: Option<Vec<PersonRow>>,
        competences: Option<Vec<CompetenceRow>>,
    ) {
        let keep_person = self.selected_person().map(|p| p.id);
        let keep_competence = self.selected_competence().map(|c| c.id);
        self.people_read = people.is_some();
        self.people = people.unwrap_or_default();
        self.folded_people = None;
        self.over = self
            .people
            .iter()
            .filter(|p| p.active && p.load.is_over())
            .count();
        if let Some(competences) = competences {
            self.folded_competences = FoldedCatalogue::new(&competences);
            self.competences = competences;
        }
        self.refilter();
        if let Some(id) = keep_person {
            if let Some(row) = self
                .visible_people
                .iter()
                .position(|&i| self.people[i].id == id)
            {
                self.selected[RosterView::People.index()] = row;
            }
        }
        if let Some(id) = keep_competence {
            if let Some(row) = self
                .visible_competences
                .iter()
                .position(|&i| self.competences[i].id == id)
            {
                self.selected[RosterView::Competences.index()] = row;
            }
        }
        self.clamp();
    }

    pub fn set_requests(&mut self, requests: Vec<StaffingRequest>) {
        self.requests = requests;
        self.clamp();
    }

    /// The request under the selection in "Requests to me".
    pub fn selected_request(&self) -> Option<&StaffingRequest> {
        self.requests
            .get(self.selected[RosterView::Requests.index()])
    }

    pub fn set_team(&mut self, team: Team) {
        if team.arena.as_ref().map(|a| a.0) != self.team.arena.as_ref().map(|a| a.0) {
            self.selected[RosterView::Team.index()] = 0;
            self.scroll[RosterView::Team.index()] = 0;
        }
        self.team = team;
        self.clamp();
    }

    fn person_matches(&self, index: usize, filter: Option<&Filter>) -> bool {
        let p = &self.people[index];
        (self.show_inactive || p.active)
            && (!self.free_only || p.load.free() > 0)
            && match self.side {
                Side::All => true,
                Side::Internal => !p.external,
                Side::External => p.external,
            }
            && filter.is_none_or(|f| {
                self.folded_people
                    .as_ref()
                    .is_some_and(|folded| f.lets_through(&folded.words(index)))
            })
    }

    /// Applies filters and sort again after any of them, or the rows, changed.
    pub fn refilter(&mut self) {
        let filter = Filter::new(self);
        let mut visible: Vec<usize> = (0..self.people.len())
            .filter(|&i| self.person_matches(i, filter.as_ref()))
            .collect();
        let people = &self.people;
        match self.sort {
            PeopleSort::Name => {}
            PeopleSort::Unit => visible.sort_by(|&a, &b| {
                people[a]
                    .unit
                    .cmp(&people[b].unit)
                    .then(people[a].name.cmp(&people[b].name))
            }),
            PeopleSort::Free => visible.sort_by(|&a, &b| {
                people[b]
                    .load
                    .free()
                    .cmp(&people[a].load.free())
                    .then(people[a].name.cmp(&people[b].name))
            }),
        }
        self.visible_people = visible;
        let search = self.search.trim().to_lowercase();
        self.visible_competences = (0..self.competences.len())
            .filter(|&i| {
                (self.show_inactive || self.competences[i].active)
                    && (search.is_empty() || self.folded_competences.contains(i, &search))
            })
            .collect();
        self.clamp();
    }

    /// Rows in the current view.
    pub fn rows(&self) -> usize {
        match self.view {
            RosterView::Team => self.team.rows(),
            RosterView::People => self.visible_people.len(),
            RosterView::Competences => self.visible_competences.len(),
            RosterView::Requests => self.requests.len(),
        }
    }

    pub fn selected(&self) -> usize {
        self.selected[self.view.index()]
    }

    pub fn scroll(&self) -> usize {
        self.scroll[self.view.index()]
    }

    pub fn move_selection(&mut self, delta: isize) {
        let i = self.view.index();
        self.selected[i] = self.selected[i].saturating_add_signed(delta);
        self.clamp();
    }

    pub fn set_page(&mut self, page: usize) {
        self.page = page;
        self.clamp();
    }

    fn clamp(&mut self) {
        let page = self.page.max(1);
        for view in RosterView::ALL {
            let rows = match view {
                RosterView::Team => self.team.rows(),
                RosterView::People => self.visible_people.len(),
                RosterView::Competences => self.visible_competences.len(),
                RosterView::Requests => self.requests.len(),
            };
            let i = view.index();
            self.selected[i] = self.selected[i].min(rows.saturating_sub(1));
            // A page turn, as on the board: a row at a time repaints every row at every key.
            if self.selected[i] < self.scroll[i] {
                self.scroll[i] = (self.selected[i] + 1).saturating_sub(page);
            } else if self.selected[i] >= self.scroll[i] + page {
                self.scroll[i] = self.selected[i];
            }
            self.scroll[i] = self.scroll[i].min(rows.saturating_sub(page));
        }
    }

    pub fn selected_person(&self) -> Option<&PersonRow> {
        let row = self.selected[RosterView::People.index()];
        self.visible_people.get(row).map(|&i| &self.people[i])
    }

    pub fn selected_competence(&self) -> Option<&CompetenceRow> {
        let row = self.selected[RosterView::Competences.index()];
        self.visible_competences
            .get(row)
            .map(|&i| &self.competences[i])
    }

    /// The team member under the selection in the team view, if a member (not a gap) is selected.
    pub fn selected_member(&self) -> Option<&TeamMember> {
        self.team
            .members
            .get(self.selected[RosterView::Team.index()])
    }

    pub fn is_filtered(&self) -> bool {
        !self.search.trim().is_empty()
            || !self.competence_filter.trim().is_empty()
            || !self.unit_filter.trim().is_empty()
            || self.side != Side::All
            || self.free_only
    }

    pub fn clear_filters(&mut self) {
        self.search.clear();
        self.competence_filter.clear();
        self.unit_filter.clear();
        self.side = Side::All;
        self.free_only = false;
        self.refilter();
    }

    /// Competence names that contain `text`, for suggestions when a typed name is unknown.
    pub fn competence_names_like(&self, text: &str) -> Vec<&str> {
        let text = text.trim().to_lowercase();
        self.competences
            .iter()
            .filter(|c| c.active && contains(&c.name, &text))
            .map(|c| c.name.as_str())
            .collect()
    }

    /// The catalogue's spelling of a competence typed in any case.
    pub fn competence_named(&self, name: &str) -> Option<&CompetenceRow> {
        let name = name.trim().to_lowercase();
        self.competences
            .iter()
            .find(|c| c.name.to_lowercase() == name)
    }

    pub fn open_needs(&self) -> Vec<&NeedRow> {
        self.team
            .needs
            .iter()
            .filter(|n| n.status != NeedStatus::Released)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use puls_domain::roster::{Level, Load};

    fn person(
        id: i64,
        name: &str,
        unit: &str,
        external: bool,
        allocated: u32,
        competence: &str,
    ) -> PersonRow {
        PersonRow {
            id,
            name: name.into(),
            unit: Some(unit.into()),
            external,
            role: "role".into(),
            contact: String::new(),
            active: true,
            coordinator: false,
            competences: vec![(competence.into(), Level::Experienced)],
            load: Load {
                allocated,
                capacity: 30,
            },
            arenas: Vec::new(),
            version: 1,
            manager: String::new(),
        }
    }

    fn roster() -> Roster {
        let mut r = Roster {
            page: 10,
            ..Roster::default()
        };
        r.set_people(
            vec![
                person(1, "Anna", "Health & care", false, 40, "Dementia nurse"),
                person(2, "Bo", "Police", true, 0, "Community police officer"),
                person(3, "Cia", "Learning & family", false, 10, "Social worker"),
            ],
            Vec::new(),
        );
        r.view = RosterView::People;
        r
    }

    fn names(r: &Roster) -> Vec<&str> {
        r.visible_people
            .iter()
            .map(|&i| r.people[i].name.as_str())
            .collect()
    }

    #[test]
    fn turns_a_whole_page_when_the_selection_leaves_it() {
        // Given three people, two to a page
        let mut r = roster();
        r.set_page(2);

        // When the selection moves past the page and then back above it
        r.move_selection(2);
        let down = r.scroll();
        r.move_selection(-2);

        // Then the last page shows whole, and going back shows the first again
        assert_eq!(down, 1);
        assert_eq!((r.selected(), r.scroll()), (0, 0));
    }

    #[test]
    fn sorts_by_free_time_most_first() {
        let mut r = roster();
        r.sort = PeopleSort::Free;
        r.refilter();
        assert_eq!(names(&r), ["Bo", "Cia", "Anna"]);
    }

    #[test]
    fn filters_by_side_competence_unit_and_free_time() {
        let mut r = roster();
        r.side = Side::External;
        r.refilter();
        assert_eq!(names(&r), ["Bo"]);
        r.side = Side::All;
        r.competence_filter = "social".into();
        r.refilter();
        assert_eq!(names(&r), ["Cia"]);
        r.competence_filter.clear();
        r.free_only = true;
        r.refilter();
        assert_eq!(names(&r), ["Bo", "Cia"]);
        r.free_only = false;
        r.unit_filter = "health".into();
        r.refilter();
        assert_eq!(names(&r), ["Anna"]);
    }

    #[test]
    fn search_finds_names_roles_and_competences() {
        let mut r = roster();
        r.search = "DEMENTIA".into();
        r.refilter();
        assert_eq!(names(&r), ["Anna"]);
    }

    /// Åsa, a preschool teacher in elder care who knows language development, and Örjan.
    fn swedish_roster() -> Roster {
        let mut r = roster();
        let mut asa = person(
            4,
            "Åsa Ek",
            "Äldreomsorg Väst",
            false,
            10,
            "Språkutveckling",
        );
        asa.role = "Förskollärare".into();
        let mut orjan = person(5, "Örjan Ås", "Öppenvård", false, 10, "ÅTERFALLSPREVENTION");
        orjan.role = "Kurator".into();
        r.set_people(vec![asa, orjan], Vec::new());
        r
    }

    fn searched(r: &mut Roster, text: &str) -> Vec<String> {
        r.search = text.into();
        r.refilter();
        names(r).into_iter().map(str::to_owned).collect()
    }

    #[test]
    fn search_folds_swedish_letters_in_either_case() {
        let mut r = swedish_roster();
        assert_eq!(searched(&mut r, "åsa"), ["Åsa Ek"]);
        assert_eq!(searched(&mut r, "ÅSA"), ["Åsa Ek"]);
        assert_eq!(searched(&mut r, "örj"), ["Örjan Ås"]);
        assert_eq!(searched(&mut r, "ÖRJ"), ["Örjan Ås"]);
        assert_eq!(searched(&mut r, "Ås"), ["Åsa Ek", "Örjan Ås"]);
        assert_eq!(searched(&mut r, "LÄRARE"), ["Åsa Ek"]);
        // The unit is the unit filter's, not the search's.
        assert_eq!(searched(&mut r, "äldre"), Vec::<String>::new());
    }

    #[test]
    fn search_finds_a_role_and_a_competence_in_any_case() {
        let mut r = swedish_roster();
        assert_eq!(searched(&mut r, "FÖRSKOL"), ["Åsa Ek"]);
        assert_eq!(searched(&mut r, "kurator"), ["Örjan Ås"]);
        assert_eq!(searched(&mut r, "språk"), ["Åsa Ek"]);
        assert_eq!(searched(&mut r, "återfall"), ["Örjan Ås"]);
    }

    #[test]
    fn search_matches_within_one_name_role_or_competence_never_across_two() {
        // "Ek" then "Förskollärare"; "Åsa Ek" ends where "Örjan Ås" would follow.
        let mut r = swedish_roster();
        assert_eq!(searched(&mut r, "ekförskol"), Vec::<String>::new());
        assert_eq!(searched(&mut r, "lärareörjan"), Vec::<String>::new());
        assert_eq!(
            searched(&mut r, "språkutvecklingåter"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn competence_and_unit_filters_fold_swedish_letters() {
        let mut r = swedish_roster();
        r.competence_filter = "ÅTERFALL".into();
        r.refilter();
        assert_eq!(names(&r), ["Örjan Ås"]);
        r.competence_filter = "SPRÅK".into();
        r.unit_filter = "äldre".into();
        r.refilter();
        assert_eq!(names(&r), ["Åsa Ek"]);
        r.unit_filter = "ÖPPEN".into();
        r.refilter();
        assert_eq!(names(&r), Vec::<&str>::new());
    }

    #[test]
    fn search_reads_the_people_set_last() {
        // Given Åsa found by her name
        let mut r = swedish_roster();
        assert_eq!(searched(&mut r, "åsa"), ["Åsa Ek"]);

        // When she is renamed and the rows reload
        let mut people = r.people().to_vec();
        people[0].name = "Åsa Lind".into();
        people[0].competences.clear();
        r.set_people(people, Vec::new());

        // Then the search finds her new name, and no longer her old one or her competence
        assert_eq!(names(&r), ["Åsa Lind"]);
        assert_eq!(searched(&mut r, " ek"), Vec::<String>::new());
        assert_eq!(searched(&mut r, "språk"), Vec::<String>::new());
    }

    #[test]
    fn over_capacity_counts_the_people_set_last() {
        // Anna is over capacity
        let mut r = roster();
        assert_eq!(r.over_count(), 1);
        let mut people = r.people().to_vec();
        people[0].load.allocated = 0;
        people[1].load.allocated = 31;
        people[2].load.allocated = 31;
        r.set_people(people, Vec::new());
        assert_eq!(r.over_count(), 2);
    }

    #[test]
    fn the_competence_view_search_folds_names_and_categories() {
        let mut r = roster();
        r.set_people(
            r.people().to_vec(),
            vec![
                competence(1, "Språkutveckling", "Lärande"),
                competence(2, "Kurator", "ÖPPENVÅRD"),
            ],
        );
        r.search = "SPRÅK".into();
        r.refilter();
        assert_eq!(r.visible_competences, [0]);
        r.search = "öppen".into();
        r.refilter();
        assert_eq!(r.visible_competences, [1]);
    }

    fn competence(id: i64, name: &str, category: &str) -> CompetenceRow {
        CompetenceRow {
            id,
            name: name.into(),
            category: category.into(),
            active: true,
            by_level: [0; 4],
            with_free: 0,
            gaps: Vec::new(),
            version: 1,
        }
    }

    #[test]
    fn the_competence_tab_counts_the_catalogue_until_the_views_rows_are_read() {
        // Given a roster loaded for the team view: the glance alone
        let mut r = Roster::default();
        let glance = RosterGlance {
            active: 3,
            over: 0,
            competences: 7,
        };
        r.set_glance(glance, None);
        assert!(!r.needs_competences() && !r.holds_competences());
        assert_eq!(r.competence_count(), 7);

        // When the competence view opens and its rows are read, one selected
        r.view = RosterView::Competences;
        assert!(r.needs_competences());
        r.hold_competences(vec![
            competence(1, "Kurator", "Öppenvård"),
            competence(2, "Språkutveckling", "Lärande"),
        ]);
        r.move_selection(1);

        // Then the tab counts the rows; and after a reload for another view and back, the
        // same competence is selected among the rows read anew
        assert_eq!(r.competence_count(), 2);
        r.view = RosterView::Team;
        r.set_glance(glance, None);
        assert_eq!(r.competence_count(), 7);
        r.view = RosterView::Competences;
        r.hold_competences(vec![
            competence(3, "Budget- och skuldrådgivning", "Ekonomi"),
            competence(1, "Kurator", "Öppenvård"),
            competence(2, "Språkutveckling", "Lärande"),
        ]);
        assert_eq!(r.selected_competence().map(|c| c.id), Some(2));
    }

    #[test]
    fn the_selected_person_stays_selected_when_rows_reload() {
        let mut r = roster();
        r.move_selection(2);
        assert_eq!(r.selected_person().map(|p| p.id), Some(3));
        let mut people = r.people.clone();
        people.remove(0);
        r.set_people(people, Vec::new());
        assert_eq!(r.selected_person().map(|p| p.id), Some(3));
    }
}
