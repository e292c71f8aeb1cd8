//! The roster pane's state: which view, the filters and sort, the selection.

use puls_domain::request::StaffingRequest;
use puls_domain::roster::NeedStatus;
use puls_store::{CompetenceRow, NeedRow, PersonRow, RosterGlance, TeamMember};

use super::command::Command;
use super::handled::{Handled, hint, quiet};

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
    pub people: Vec<PersonRow>,
    pub competences: Vec<CompetenceRow>,
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
    pub glance: RosterGlance,
}

/// The text filters, lowercased.
struct Filter {
    search: String,
    competence: String,
    unit: String,
}

fn contains(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(needle)
}

impl Roster {
    pub fn set_people(&mut self, people: Vec<PersonRow>, competences: Vec<CompetenceRow>) {
        self.set_rows(Some(people), Some(competences));
    }

    /// The competences and the roster's glance: the people are let go until a view or a filter
    /// needs them again.
    pub fn set_glance(&mut self, glance: RosterGlance, competences: Vec<CompetenceRow>) {
        self.glance = glance;
        self.set_rows(None, Some(competences));
    }

    /// The people, read because a view or a filter came to need them.
    pub fn hold_people(&mut self, people: Vec<PersonRow>) {
        self.set_rows(Some(people), None);
    }

    pub fn holds_people(&self) -> bool {
        self.people_read
    }

    /// The people view, a filter or the inactive shown: each needs every person.
    pub fn needs_people(&self) -> bool {
        self.view == RosterView::People || self.is_filtered() || self.show_inactive
    }

    /// People as the view tab counts them: those the filters let through.
    pub fn people_count(&self) -> usize {
        if self.people_read {
            self.visible_people.len()
        } else {
            self.glance.active as usize
        }
    }

    /// Active people allocated past their capacity today.
    pub fn over_count(&self) -> usize {
        if self.people_read {
            self.people
                .iter()
                .filter(|p| p.active && p.load.is_over())
                .count()
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
        if let Some(competences) = competences {
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

    fn person_matches(&self, p: &PersonRow, filter: &Filter) -> bool {
        let Filter {
            search,
            competence,
            unit,
        } = filter;
        (self.show_inactive || p.active)
            && (!self.free_only || p.load.free() > 0)
            && match self.side {
                Side::All => true,
                Side::Internal => !p.external,
                Side::External => p.external,
            }
            && (unit.is_empty() || p.unit.as_deref().is_some_and(|u| contains(u, unit)))
            && (competence.is_empty() || p.competences.iter().any(|(c, _)| contains(c, competence)))
            && (search.is_empty()
                || contains(&p.name, search)
                || contains(&p.role, search)
                || p.competences.iter().any(|(c, _)| contains(c, search)))
    }

    /// Applies filters and sort again after any of them, or the rows, changed.
    pub fn refilter(&mut self) {
        // Lowercased once per refilter, not once per person: typing in the search refilters
        // thousands of people at every key.
        let filter = Filter {
            search: self.search.trim().to_lowercase(),
            competence: self.competence_filter.trim().to_lowercase(),
            unit: self.unit_filter.trim().to_lowercase(),
        };
        let mut visible: Vec<usize> = (0..self.people.len())
            .filter(|&i| self.person_matches(&self.people[i], &filter))
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
                let c = &self.competences[i];
                (self.show_inactive || c.active)
                    && (search.is_empty()
                        || contains(&c.name, &search)
                        || contains(&c.category, &search))
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
