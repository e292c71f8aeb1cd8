//! Key figures for the management: arenas by stage and mission, how long the way from signal to
//! close takes, the effect against the criteria, the knowledge returned, and staffing problems.
//!
//! The period: an arena belongs to a period `[from, to]` (both days included, either open) when
//! it was alive at some time within it: signalled on or before `to`, and not closed or declined
//! before `from`. The durations count the arenas whose commission (for signal to commission) or
//! close (for commission to close) falls within the period; so do the knowledge figures, which
//! are about arenas closed in the period. Durations are in whole calendar days, so an arena
//! signalled and closed on the same day counts 0. Lateness and staffing are as of today.

use chrono::NaiveDate;
use serde::Serialize;

use super::arena::{self, Stage};
use super::puls::PlanSummary;
use super::roster::Load;

/// How long something takes across arenas: how many, the median and the 90th percentile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spread {
    pub count: u32,
    pub median_days: Option<f64>,
    pub p90_days: Option<f64>,
}

/// The median and 90th percentile of `days` (any order); `None` for no values.
///
/// Percentiles interpolate linearly between the closest ranks (R's type 7, the same as
/// PERCENTILE.INC in Excel and LibreOffice, so a spreadsheet gives the same numbers): the p-th
/// percentile of n sorted values sits at rank `(n - 1) * p` counted from 0. The median of an
/// even count is the mean of the two middle values.
pub fn spread(days: &[f64]) -> Spread {
    let mut sorted = days.to_vec();
    sorted.sort_by(f64::total_cmp);
    Spread {
        count: u32::try_from(sorted.len()).unwrap_or(u32::MAX),
        median_days: percentile(&sorted, 50),
        p90_days: percentile(&sorted, 90),
    }
}

/// The `percent`-th percentile of sorted values. The rank's fraction is kept in whole
/// hundredths and the two neighbours weighed in one division, so the percentiles of whole days
/// come out as the nearest float to their decimal (`80.1`, not `80.10000000000001`).
fn percentile(sorted: &[f64], percent: usize) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let scaled = last * percent;
    let below = scaled / 100;
    let weight = (scaled % 100) as f64;
    let low = sorted[below];
    let high = sorted.get(below + 1).copied().unwrap_or(low);
    Some((low * (100.0 - weight) + high * weight) / 100.0)
}

/// One arena as the figures and the report see it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArenaLine {
    pub id: i64,
    pub title: String,
    /// Code of the main mission: the arena's lead.
    pub mission: String,
    /// The missions taking part besides the lead.
    pub participating: Vec<String>,
    pub stage: Stage,
    pub coordinator: Option<String>,
    pub signalled: NaiveDate,
    /// The first commission; none for an arena not (or no longer) past the signal.
    pub commissioned: Option<NaiveDate>,
    /// The last close, while the arena is closed.
    pub closed: Option<NaiveDate>,
    /// The last decline, while the signal is declined.
    pub declined: Option<NaiveDate>,
    pub target: Option<NaiveDate>,
    /// Open and past its target date, today.
    pub late: bool,
    #[serde(with = "PlanSummaryFields")]
    pub plan: PlanSummary,
    pub criteria_met: u32,
    pub criteria_not_met: u32,
    /// Criteria without a verdict, whatever their text says.
    pub criteria_no_result: u32,
    /// The registration number (diarienummer) in the municipality's registry; empty when none.
    pub registration: String,
    /// Entries the arena returned to the knowledge bank.
    pub entries: u32,
}

impl ArenaLine {
    /// When the arena stopped: closed or declined.
    pub fn ended(&self) -> Option<NaiveDate> {
        self.closed.or(self.declined)
    }

    /// Alive at some time within `[from, to]`.
    pub fn is_in_period(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
        to.is_none_or(|to| self.signalled <= to)
            && from.is_none_or(|from| self.ended().is_none_or(|end| end >= from))
    }

    /// Days from signal to the first commission.
    pub fn days_to_commission(&self) -> Option<f64> {
        self.commissioned.map(|c| days_between(self.signalled, c))
    }

    /// Days from the first commission to the last close.
    pub fn days_commission_to_close(&self) -> Option<f64> {
        Some(days_between(self.commissioned?, self.closed?))
    }
}

/// Whole days from `start` to `end`; a date recorded out of order counts 0, never less.
fn days_between(start: NaiveDate, end: NaiveDate) -> f64 {
    (end - start).num_days().max(0) as f64
}

fn within(date: Option<NaiveDate>, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    date.is_some_and(|d| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t))
}

/// `PlanSummary` written out field by field (serde's remote derive: the domain type stays plain).
#[derive(Serialize)]
#[serde(remote = "PlanSummary")]
struct PlanSummaryFields {
    has_recipient: bool,
    has_lead: bool,
    has_rhythm: bool,
    needs_total: u32,
    needs_filled: u32,
    criteria_total: u32,
    criteria_resolved: u32,
    activities_total: u32,
    activities_done: u32,
}

/// Every key figure of one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// The day lateness and staffing are measured on.
    pub today: NaiveDate,
    /// Arenas of the period by their stage now: every stage in flow order, Declined last, zeros kept.
    pub by_stage: Vec<(Stage, u32)>,
    /// Arenas of the period by mission code: most first, then by code.
    pub by_mission: Vec<(String, u32)>,
    /// Days from signal to commission, of the arenas commissioned in the period.
    pub signal_to_commission: Spread,
    /// Days from commission to close, of the arenas closed in the period.
    pub commission_to_close: Spread,
    /// Arenas of the period open past their target date today.
    pub late: Vec<ArenaLine>,
    pub criteria_met: u32,
    pub criteria_not_met: u32,
    pub criteria_no_result: u32,
    /// Knowledge entries per arena closed in the period, as a spread of counts.
    pub entries_per_closed: Spread,
    /// Arenas closed in the period that returned no entry.
    pub closed_without_entries: Vec<ArenaLine>,
    /// Needs nobody fills in open arenas, today, by competence: most first, then by name.
    pub unfilled_by_competence: Vec<(String, u32)>,
    /// People allocated beyond their capacity today: the most over first, then by name.
    pub over_allocated: Vec<(String, Load)>,
    /// The arenas of the period, in number order.
    pub arenas: Vec<ArenaLine>,
    /// When the figures are one mission's: its arenas, led and taken part in, counted apart.
    pub mission: Option<MissionShare>,
}

/// One mission's part in the arenas of the figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissionShare {
    pub code: String,
    /// Arenas the mission leads.
    pub lead: u32,
    /// Arenas another mission leads and this one takes part in.
    pub participating: u32,
}

impl Figures {
    /// The figures of the arenas mission `code` leads or takes part in, the two counted
    /// apart; today's staffing stays the whole organisation's.
    pub fn of_mission(self, code: &str) -> Figures {
        let mine: Vec<ArenaLine> = self
            .arenas
            .into_iter()
            .filter(|a| a.mission == code || a.participating.iter().any(|p| p == code))
            .collect();
        let lead = count(mine.iter().filter(|a| a.mission == code));
        let participating = count(mine.iter()) - lead;
        let mut figures = compute(
            mine,
            self.unfilled_by_competence,
            self.over_allocated,
            self.from,
            self.to,
            self.today,
        );
        figures.mission = Some(MissionShare {
            code: code.to_owned(),
            lead,
            participating,
        });
        figures
    }

    /// Arenas of the period closed within it.
    pub fn closed_in_period(&self) -> impl Iterator<Item = &ArenaLine> {
        self.arenas
            .iter()
            .filter(|a| within(a.closed, self.from, self.to))
    }
}

/// The figures of the period `[from, to]` from every arena (the ones outside it are left out
/// here) and from today's staffing.
pub fn compute(
    arenas: Vec<ArenaLine>,
    unfilled: Vec<(String, u32)>,
    over: Vec<(String, Load)>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
) -> Figures {
    let mut arenas: Vec<ArenaLine> = arenas
        .into_iter()
        .filter(|a| a.is_in_period(from, to))
        .map(|mut a| {
            a.late = arena::is_late(a.stage, a.target, today);
            a
        })
        .collect();
    arenas.sort_by_key(|a| a.id);

    let by_stage = Stage::FLOW
        .into_iter()
        .chain([Stage::Declined])
        .map(|stage| (stage, count(arenas.iter().filter(|a| a.stage == stage))))
        .collect();
    let mut by_mission: Vec<(String, u32)> = Vec::new();
    for a in &arenas {
        match by_mission.iter_mut().find(|(code, _)| *code == a.mission) {
            Some((_, n)) => *n += 1,
            None => by_mission.push((a.mission.clone(), 1)),
        }
    }
    sort_most_first(&mut by_mission);

    let commissioned: Vec<f64> = arenas
        .iter()
        .filter(|a| within(a.commissioned, from, to))
        .filter_map(ArenaLine::days_to_commission)
        .collect();
    let closed: Vec<&ArenaLine> = arenas
        .iter()
        .filter(|a| within(a.closed, from, to))
        .collect();
    let to_close: Vec<f64> = closed
        .iter()
        .filter_map(|a| a.days_commission_to_close())
        .collect();
    let entries: Vec<f64> = closed.iter().map(|a| f64::from(a.entries)).collect();
    let closed_without_entries = closed
        .iter()
        .filter(|a| a.entries == 0)
        .map(|a| (*a).clone())
        .collect();

    let mut unfilled = unfilled;
    sort_most_first(&mut unfilled);
    let mut over = over;
    over.sort_by(|(a, la), (b, lb)| la.free().cmp(&lb.free()).then_with(|| a.cmp(b)));

    Figures {
        from,
        to,
        today,
        by_stage,
        by_mission,
        signal_to_commission: spread(&commissioned),
        commission_to_close: spread(&to_close),
        late: arenas.iter().filter(|a| a.late).cloned().collect(),
        criteria_met: arenas.iter().map(|a| a.criteria_met).sum(),
        criteria_not_met: arenas.iter().map(|a| a.criteria_not_met).sum(),
        criteria_no_result: arenas.iter().map(|a| a.criteria_no_result).sum(),
        entries_per_closed: spread(&entries),
        closed_without_entries,
        unfilled_by_competence: unfilled,
        over_allocated: over,
        arenas,
        mission: None,
    }
}

fn count<'a>(lines: impl Iterator<Item = &'a ArenaLine>) -> u32 {
    u32::try_from(lines.count()).unwrap_or(u32::MAX)
}

fn sort_most_first(counts: &mut [(String, u32)]) {
    counts.sort_by(|(a, n), (b, m)| m.cmp(n).then_with(|| a.cmp(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    fn line(id: i64, stage: Stage, signalled: NaiveDate) -> ArenaLine {
        ArenaLine {
            id,
            title: format!("Arena {id}"),
            mission: "LF".into(),
            participating: vec![],
            stage,
            coordinator: None,
            signalled,
            commissioned: None,
            closed: None,
            declined: None,
            target: None,
            late: false,
            plan: PlanSummary::default(),
            criteria_met: 0,
            criteria_not_met: 0,
            criteria_no_result: 0,
            entries: 0,
            registration: String::new(),
        }
    }

    #[test]
    fn an_arena_is_in_the_period_when_alive_at_any_time_within_it() {
        let mut a = line(1, Stage::Closed, d(3, 1));
        a.closed = Some(d(5, 31));
        assert!(
            a.is_in_period(Some(d(5, 31)), Some(d(6, 30))),
            "closed on the first day"
        );
        assert!(
            !a.is_in_period(Some(d(6, 1)), None),
            "closed before the period"
        );
        assert!(
            a.is_in_period(None, Some(d(3, 1))),
            "signalled on the last day"
        );
        assert!(
            !a.is_in_period(None, Some(d(2, 28))),
            "signalled after the period"
        );
        assert!(a.is_in_period(None, None));
    }

    #[test]
    fn durations_count_only_commissions_and_closes_within_the_period() {
        let mut early = line(1, Stage::Closed, d(1, 5));
        early.commissioned = Some(d(1, 15));
        early.closed = Some(d(3, 15));
        let mut later = line(2, Stage::Active, d(2, 20));
        later.commissioned = Some(d(3, 2));
        let f = compute(
            vec![later, early],
            vec![],
            vec![],
            Some(d(3, 1)),
            Some(d(3, 31)),
            d(4, 1),
        );
        assert_eq!(f.arenas.iter().map(|a| a.id).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(f.signal_to_commission, spread(&[10.0]));
        assert_eq!(f.commission_to_close, spread(&[59.0]));
    }

    #[test]
    fn every_stage_is_counted_in_flow_order_with_zeros_kept() {
        let f = compute(
            vec![line(1, Stage::Declined, d(1, 1))],
            vec![],
            vec![],
            None,
            None,
            d(4, 1),
        );
        let stages: Vec<_> = f.by_stage.iter().map(|(s, _)| *s).collect();
        assert_eq!(stages[..6], Stage::FLOW);
        assert_eq!(f.by_stage[6], (Stage::Declined, 1));
        assert_eq!(f.by_stage[0], (Stage::Signal, 0));
    }

    #[test]
    fn staffing_lists_the_most_first() {
        let load = |allocated| Load {
            allocated,
            capacity: 30,
        };
        let f = compute(
            vec![],
            vec![("B".into(), 1), ("A".into(), 1), ("C".into(), 3)],
            vec![("Ann".into(), load(35)), ("Bo".into(), load(50))],
            None,
            None,
            d(4, 1),
        );
        assert_eq!(
            f.unfilled_by_competence,
            [("C".into(), 3), ("A".into(), 1), ("B".into(), 1)]
        );
        assert_eq!(f.over_allocated[0].0, "Bo");
    }
}
