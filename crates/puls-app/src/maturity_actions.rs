//! An arena's partnering maturity from its detail: the chart of its ratings, and a new rating;
//! from the key figures, the charts of the partnerships with outside partners.

use super::App;
use super::form::{Form, FormKind};
use super::messages;
use super::popup::{MaturityChart, MaturitySubject, Popup};
use puls_domain::arena::Stage;
use puls_domain::maturity::Occasion;
use puls_store::StoreError;

impl App {
    /// The chart of `arena`'s ratings, or of the detail's arena; from the key figures, of the
    /// first partnership.
    pub(super) fn open_maturity(&mut self, arena: Option<i64>) {
        if arena.is_none() && matches!(self.popup, Some(Popup::Figures(..))) {
            return self.open_partnership(0);
        }
        let Some((arena, title)) = arena
            .and_then(|id| self.store.arena(id).ok().map(|a| (a.id, a.title)))
            .or_else(|| match &self.popup {
                Some(Popup::Detail(d)) => Some((d.arena.id, d.arena.title.clone())),
                _ => None,
            })
        else {
            return;
        };
        match self.store.ratings(arena) {
            Ok(ratings) => {
                self.popup = Some(Popup::Maturity(Box::new(MaturityChart {
                    subject: MaturitySubject::Arena(arena),
                    title,
                    ratings,
                    scroll: 0,
                })))
            }
            Err(e) => self.fail(&e),
        }
    }

    /// The chart of the partnership at `index` among those rated, by name.
    fn open_partnership(&mut self, index: usize) {
        let opened = self.store.partnerships().and_then(|list| {
            let Some(chosen) = list.get(index) else {
                return Ok(None);
            };
            let ratings = self.store.partner_ratings(&chosen.partner)?;
            let partners = list.iter().map(|p| p.partner.clone()).collect();
            Ok(Some(MaturityChart {
                subject: MaturitySubject::Partnership { partners, index },
                title: chosen.partner.clone(),
                ratings,
                scroll: 0,
            }))
        });
        match opened {
            Ok(Some(chart)) => self.popup = Some(Popup::Maturity(Box::new(chart))),
            Ok(None) => self.info(messages::no_partnerships().to_owned()),
            Err(e) => self.fail(&e),
        }
    }

    /// The next or previous partnership's chart, from one.
    pub(super) fn move_partnership(&mut self, delta: isize) {
        let Some(Popup::Maturity(chart)) = &self.popup else {
            return;
        };
        let MaturitySubject::Partnership { partners, index } = &chart.subject else {
            return;
        };
        let last = partners.len().saturating_sub(1);
        let next = index.saturating_add_signed(delta).min(last);
        if next != *index {
            self.open_partnership(next);
        }
    }

    pub(super) fn open_rating_form(&mut self) {
        let Some(Popup::Detail(detail)) = &self.popup else {
            return;
        };
        let arena = detail.arena.id;
        let stage = detail.arena.stage;
        let ratings = match self.store.ratings(arena) {
            Ok(ratings) => ratings,
            Err(e) => return self.fail(&e),
        };
        // The first rating is the baseline; one made at Returning says so.
        let occasion = if ratings.is_empty() {
            Occasion::Baseline
        } else if stage == Stage::Returning {
            Occasion::Returning
        } else {
            Occasion::Check
        };
        let form = Form::rating(arena, ratings.last(), occasion, self.today());
        self.popup = Some(Popup::Form(Box::new(form)));
    }

    /// Saves a new or edited rating; `None`: the form shows what to fix. The chart opens with
    /// it.
    pub(super) fn save_rating_form(
        &mut self,
        form: &mut Form,
    ) -> Option<Result<String, StoreError>> {
        let FormKind::Rating { arena, existing } = form.kind else {
            return None;
        };
        let rating = form.rating_value()?;
        let saved = match existing {
            Some((id, version)) => self.store.edit_rating(id, version, &rating),
            None => self.store.add_rating(arena, &rating).map(|_| ()),
        };
        Some(saved.map(|()| {
            self.open_maturity(Some(arena));
            messages::rating_saved(arena)
        }))
    }

    /// The key figures, with partnering maturity across arenas.
    pub(super) fn open_figures(&mut self) {
        let loaded = self.store.figures(None, None).and_then(|f| {
            Ok((
                f,
                self.store.maturity_figures()?,
                self.store.knowledge_capital()?,
            ))
        });
        match loaded {
            Ok((figures, maturity, capital)) => {
                self.maturity_figures = maturity;
                self.knowledge_capital = capital;
                self.popup = Some(Popup::Figures(Box::new(figures), 0));
            }
            Err(e) => self.fail(&e),
        }
    }
}
