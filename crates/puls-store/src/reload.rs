//! What a screen reads at each reload (its first frame, and after every change anyone makes),
//! asked at once.

use crate::sql::{Question, SqlStore, ToValue};

use super::{
    ArenaCard, ArenaStore, CompetenceRow, PersonRow, RequestStore, Result, ReviewStore,
    RosterGlance, RosterStore, arenas, requests, reviews, roster, time,
};
use puls_domain::request::StaffingRequest;
use puls_domain::review::ReviewDates;

/// How much of the roster a reload reads: what the screen's roster views need by now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterRead {
    /// The counts of the roster's tabs only.
    Glance,
    /// The competence view's rows too.
    Competences,
    /// The people too (their filters match competences, so the competence rows come along).
    People,
}

/// The roster as a reload read it.
#[derive(Debug, Clone, PartialEq)]
pub enum RosterAnswer {
    Glance(RosterGlance),
    Competences(Vec<CompetenceRow>, RosterGlance),
    People(Vec<CompetenceRow>, Vec<PersonRow>),
}

/// Everything a reload reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Reload {
    pub cards: Vec<ArenaCard>,
    pub roster: RosterAnswer,
    /// The pending staffing requests this account decides as a line manager.
    pub requests: Vec<StaffingRequest>,
    pub review_dates: Vec<ReviewDates>,
}

/// A screen's reload. Part of the store interface (see [`crate::Backend`]).
pub trait ReloadStore {
    /// The board's cards (declined signals too if asked), the roster as far as `roster` says,
    /// the requests this account decides and the running arenas' review dates: the answers
    /// of [`ArenaStore::board_cards`], [`RosterStore::roster_glance`] (or the others),
    /// [`RequestStore::requests_to_decide`] and [`ReviewStore::review_dates`], read at once.
    ///
    /// A database server is asked every question of the board, the roster's glance, the
    /// requests and the review dates in one round trip, shared between two connections it
    /// answers side by side: one after another, the server worked on them for the length of
    /// all, and at each reload the screen waited that long.
    fn reload(&self, include_declined: bool, roster: RosterRead) -> Result<Reload>;
}

impl<S: SqlStore> ReloadStore for S {
    fn reload(&self, include_declined: bool, roster: RosterRead) -> Result<Reload> {
        let db = self.db();
        let today = time::date_to_text(Some(self.today())).unwrap_or_default();
        let on_today: &[&dyn ToValue] = &[&today];
        let declined: &[&dyn ToValue] = &[&include_declined];
        let who = self.who();
        let manager: &[&dyn ToValue] = &[&who];
        let to_decide = requests::to_decide();
        let [allocations, people] = roster::load_questions(db, on_today);
        let b = arenas::board_questions(db, on_today, declined);
        let none: &[&dyn ToValue] = &[];
        // Halves that cost a server about the same, measured on the large demo: the summed
        // allocations (about 6 ms on a fresh connection), the team counts and the people
        // against the cards, the plans' counts and the review dates.
        let one = [
            allocations,
            b.team,
            people,
            b.participating,
            (to_decide.as_str(), manager),
        ];
        let other: Vec<Question<'_>> = [
            b.cards,
            (reviews::REVIEW_DATES, none),
            (roster::ACTIVE_COMPETENCES, none),
        ]
        .into_iter()
        .chain(b.plans)
        .collect();
        db.side_by_side(&one, &other, || {
            let roster = match roster {
                RosterRead::Glance => RosterAnswer::Glance(self.roster_glance()?),
                RosterRead::Competences => {
                    let (competences, glance) = self.roster_overview()?;
                    RosterAnswer::Competences(competences, glance)
                }
                RosterRead::People => {
                    RosterAnswer::People(self.roster_competences()?, self.roster_people()?)
                }
            };
            Ok(Reload {
                cards: self.board_cards(include_declined)?,
                roster,
                requests: self.requests_to_decide(false)?,
                review_dates: self.review_dates()?,
            })
        })
    }
}
