//! Key figures and reports (`K` on the board, `puls figures`, `puls report`).

use chrono::NaiveDate;

use super::decimal;

texts! {
    fig_title => "Key figures", "Nyckeltal";
    fig_by_stage => "Arenas by stage", "Arenor per fas";
    fig_by_mission => "Arenas by mission", "Arenor per huvuduppdrag";
    fig_durations => "Time, in days", "Tid, i dagar";
    fig_signal_to_commission => "Signal to commission", "Från signal till etablerad";
    fig_commission_to_close => "Commission to close", "Från etablerad till avslutad";
    fig_late => "Late against target date", "Sena mot måldatum";
    fig_evaluation => "Effect against the criteria", "Effekt mot kriterierna";
    fig_met => "Met", "Uppfyllt";
    fig_not_met => "Not met", "Inte uppfyllt";
    fig_no_result => "No result", "Inget resultat";
    fig_knowledge => "Knowledge returned", "Återförd kunskap";
    fig_entries_per_closed => "Entries per closed arena", "Poster per avslutad arena";
    fig_closed_without_entries => "Closed without entries", "Avslutade utan poster";
    fig_staffing => "Staffing today", "Bemanning i dag";
    fig_unfilled => "Unfilled needs by competence", "Otillsatta behov per kompetens";
    fig_over => "Over-allocated people", "Överbelastade personer";
    fig_arenas => "Arenas", "Arenor";
    fig_none => "None.", "Inga.";
    fig_count => "Arenas", "Arenor";
    fig_needs => "Needs", "Behov";
    fig_median => "Median", "Median";
    fig_p90 => "90th percentile", "90:e percentilen";
    fig_person => "Person", "Person";
    fig_allocated => "Allocated", "Bemannat";
    fig_capacity => "Capacity", "Kapacitet";
    fig_arena => "Arena", "Arena";
    fig_number => "#", "#";
    fig_signalled => "Signalled", "Signalerad";
    fig_commissioned => "Commissioned", "Etablerad";
    fig_closed => "Closed", "Avslutad";
    fig_entries => "Knowledge entries", "Poster i kunskapsbanken";
    fig_puls => "PULS", "PULS";
    fig_late_column => "Late", "Sen";
    fig_yes => "yes", "ja";
    fig_no => "no", "nej";
    fig_from_after_to => "--from is after --to: the period would hold no day.",
        "--from är efter --to: perioden skulle inte rymma någon dag.";
    fig_arenas_word => "arenas", "arenor";
}

/// The period a report covers, in words.
pub fn fig_period(from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
    match (from, to) {
        (None, None) => tr!("all arenas", "alla arenor").to_owned(),
        (Some(f), None) => tr!(
            format!("arenas alive from {f}"),
            format!("arenor som levde från {f}")
        ),
        (None, Some(t)) => tr!(
            format!("arenas signalled up to {t}"),
            format!("arenor signalerade till och med {t}")
        ),
        (Some(f), Some(t)) => tr!(
            format!("arenas alive from {f} to {t}"),
            format!("arenor som levde från {f} till {t}")
        ),
    }
}

/// The line under the report's title.
pub fn fig_as_of(today: NaiveDate, arenas: usize) -> String {
    tr!(
        format!(
            "As of {today} · {} in the period",
            super::plural(arenas, "arena", "arenas")
        ),
        format!(
            "Per {today} · {} i perioden",
            super::plural(arenas, "arena", "arenor")
        )
    )
}

/// A number of days as people read it: whole days plain, else one decimal.
pub fn fig_days(days: f64) -> String {
    let whole = format!("{days:.1}");
    match whole.strip_suffix(".0") {
        Some(plain) => plain.to_owned(),
        None => decimal(days),
    }
}

/// A spread on one line: `7 arenas · median 12 · 90th percentile 30.5`.
pub fn fig_spread(spread: &puls_domain::figures::Spread, what: &str) -> String {
    match (spread.median_days, spread.p90_days) {
        (Some(median), Some(p90)) => {
            let (count, median, p90) = (spread.count, fig_days(median), fig_days(p90));
            tr!(
                format!("{count} {what} · median {median} · 90th percentile {p90}"),
                format!("{count} {what} · median {median} · 90:e percentilen {p90}")
            )
        }
        _ => tr!(
            format!("no {what} in the period"),
            format!("inga {what} i perioden")
        ),
    }
}

/// A person's load: `35% of 30%, 5 over`.
pub fn fig_load(load: puls_domain::roster::Load) -> String {
    let (allocated, capacity, over) = (load.allocated, load.capacity, -load.free());
    tr!(
        format!("{allocated}% of {capacity}%, {over} over"),
        format!("{allocated} % av {capacity} %, {over} över")
    )
}

pub fn fig_target(target: NaiveDate) -> String {
    tr!(format!("target {target}"), format!("mål {target}"))
}

/// An arena's verdicts: `met 2 · not met 1 · no result 0`.
pub fn fig_verdicts(met: u32, not_met: u32, no_result: u32) -> String {
    tr!(
        format!("met {met} · not met {not_met} · no result {no_result}"),
        format!("uppfyllt {met} · inte uppfyllt {not_met} · inget resultat {no_result}")
    )
}

pub fn fig_written(today: NaiveDate) -> String {
    tr!(
        format!("Written by puls on {today}."),
        format!("Utskrift från puls {today}.")
    )
}

pub fn fig_closed_on(closed: NaiveDate) -> String {
    tr!(format!("closed {closed}"), format!("avslutad {closed}"))
}
