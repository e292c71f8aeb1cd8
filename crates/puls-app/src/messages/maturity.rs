//! Partnering maturity: the seven dimensions, when a rating was made, the chart and the key
//! figures.

use chrono::NaiveDate;

use puls_domain::maturity::{Dimension, Occasion};

texts! {
    maturity_description => "partnering maturity over time", "samverkansmognad över tid";
    rate_maturity_description => "rate partnering maturity (7 dimensions, 1-6)",
        "skatta samverkansmognad (7 dimensioner, 1-6)";
    maturity_title => "Partnering maturity", "Samverkansmognad";
    maturity_none => "No rating yet: M in the detail rates the seven dimensions from 1 to 6.",
        "Ingen skattning än: M i detaljvyn skattar de sju dimensionerna från 1 till 6.";
    maturity_scale => "1-2 each on its own · 3-4 seeking alignment · 5-6 partnering solutions",
        "1-2 var för sig · 3-4 söker samordning · 5-6 gemensamma lösningar";
    no_partnerships => "No partnership with an outside partner is rated yet: puls maturity rate PARTNER rates one.",
        "Inget partnerskap med en extern part är skattat än: puls maturity rate PART skattar ett.";
    label_occasion => "Occasion", "Tillfälle";
    label_partner => "Partner", "Samverkanspart";
    level_hint => "1-6, then a note", "1-6, sedan en anteckning";
    fig_maturity => "Partnering maturity: how many at each level (latest rating)",
        "Samverkansmognad: hur många på varje nivå (senaste skattning)";
    fig_maturity_levels => "level", "nivå";
}

pub fn dimension(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Goals => tr!("Goals", "Mål"),
        Dimension::Resources => tr!("Resources", "Resurser"),
        Dimension::Activities => tr!("Activities", "Aktiviteter"),
        Dimension::Communications => tr!("Information", "Information"),
        Dimension::Governance => tr!("Governance", "Styrning"),
        Dimension::Processes => tr!("Processes", "Processer"),
        Dimension::Culture => tr!("Culture", "Kultur"),
    }
}

/// Three letters under a chart's bars.
pub fn dimension_short(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Goals => tr!("Goa", "Mål"),
        Dimension::Resources => tr!("Res", "Res"),
        Dimension::Activities => tr!("Act", "Akt"),
        Dimension::Communications => tr!("Inf", "Inf"),
        Dimension::Governance => tr!("Gov", "Sty"),
        Dimension::Processes => tr!("Pro", "Pro"),
        Dimension::Culture => tr!("Cul", "Kul"),
    }
}

pub fn occasion(occasion: Occasion) -> &'static str {
    match occasion {
        Occasion::Baseline => tr!("baseline", "utgångsläge"),
        Occasion::Returning => tr!("at Returning", "vid återföring"),
        Occasion::Check => tr!("check", "avstämning"),
    }
}

/// `A baseline 2026-06-01`: the letter a rating's bars carry in the chart.
pub fn rating_legend(letter: char, occasion: Occasion, on: NaiveDate, partner: &str) -> String {
    let partner = if partner.is_empty() {
        String::new()
    } else {
        format!(" ({partner})")
    };
    format!("{letter} {} {on}{partner}", self::occasion(occasion))
}

pub fn maturity_chart_title(arena: i64) -> String {
    tr!(
        format!("#{arena} Partnering maturity"),
        format!("#{arena} Samverkansmognad")
    )
}

/// `Partnering maturity with Fryshuset 1/2`: a partnership's chart, one of those rated.
pub fn partnership_chart_title(partner: &str, number: usize, of: usize) -> String {
    format!("{} {number}/{of}", partnership_title(partner))
}

pub fn rating_form_title(arena: i64, edit: bool) -> String {
    match edit {
        true => tr!(
            format!("#{arena} Edit partnering-maturity rating"),
            format!("#{arena} Redigera skattning av samverkansmognad")
        ),
        false => tr!(
            format!("#{arena} Rate partnering maturity"),
            format!("#{arena} Skatta samverkansmognad")
        ),
    }
}

/// `baseline 2026-06-01 · 2 3 2 1 2 2 3`: a rating as the detail lists it.
pub fn rating_line(occasion: Occasion, on: NaiveDate, levels: &str, partner: &str) -> String {
    let partner = if partner.is_empty() {
        String::new()
    } else {
        format!(" · {partner}")
    };
    format!("{on} {} · {levels}{partner}", self::occasion(occasion))
}

pub fn detail_ratings() -> &'static str {
    tr!("Maturity ratings", "Skattningar av mognad")
}

pub fn rating_saved(arena: i64) -> String {
    tr!(
        format!("Partnering maturity of #{arena} saved."),
        format!("Samverkansmognad för #{arena} sparad.")
    )
}

pub fn maturity_level_invalid(raw: &str) -> String {
    tr!(
        format!("\"{raw}\": start with a level from 1 to 6, then a note if you like."),
        format!("\"{raw}\": börja med en nivå från 1 till 6, sedan gärna en anteckning.")
    )
}

/// `+2 since baseline`, `−1`, `no change`: the change beside the latest level.
pub fn change(delta: i32) -> String {
    match delta {
        0 => tr!("no change", "oförändrad").to_owned(),
        d if d > 0 => tr!(
            format!("+{d} since baseline"),
            format!("+{d} sedan utgångsläget")
        ),
        d => tr!(
            format!("{d} since baseline"),
            format!("{d} sedan utgångsläget")
        ),
    }
}

/// `  Goals  0 0 1 1 0 0  change +1.5`: one dimension of the key figures.
pub fn fig_maturity_line(name: &str, at_level: &[u32; 6], mean_change: Option<f64>) -> String {
    let counts: Vec<String> = at_level.iter().map(|n| n.to_string()).collect();
    let change = match mean_change {
        Some(c) => tr!(format!("  change {c:+.1}"), format!("  förändring {c:+.1}")),
        None => String::new(),
    };
    format!("  {name:<14} {}{change}", counts.join(" "))
}

pub fn fig_maturity_arenas(n: u32, partnerships: u32) -> String {
    if partnerships == 0 {
        return tr!(
            format!("  {n} arenas rated"),
            format!("  {n} arenor skattade")
        );
    }
    let noun = if partnerships == 1 {
        "partnership"
    } else {
        "partnerships"
    };
    tr!(
        format!("  {n} arenas and {partnerships} {noun} rated"),
        format!("  {n} arenor och {partnerships} partnerskap skattade")
    )
}

/// `  Fryshuset · 2 ratings, latest 2026-11-09`: a partnership as `puls maturity partnerships`
/// lists it.
pub fn partnership_line(partner: &str, ratings: u32, latest: NaiveDate) -> String {
    match ratings {
        1 => tr!(
            format!("{partner} · 1 rating, {latest}"),
            format!("{partner} · 1 skattning, {latest}")
        ),
        n => tr!(
            format!("{partner} · {n} ratings, latest {latest}"),
            format!("{partner} · {n} skattningar, senast {latest}")
        ),
    }
}

pub fn partnership_title(partner: &str) -> String {
    tr!(
        format!("Partnering maturity with {partner}"),
        format!("Samverkansmognad med {partner}")
    )
}

pub fn partnership_rated(partner: &str) -> String {
    tr!(
        format!("Partnering maturity with {partner} saved."),
        format!("Samverkansmognad med {partner} sparad.")
    )
}

pub fn partnership_unknown(partner: &str) -> String {
    tr!(
        format!(
            "No partnership with \"{partner}\" is rated; `puls maturity partnerships` lists them."
        ),
        format!(
            "Inget partnerskap med \"{partner}\" är skattat; `puls maturity partnerships` listar dem."
        )
    )
}

pub fn dimension_unknown(raw: &str) -> String {
    let codes: Vec<&str> = Dimension::ALL.iter().map(|d| d.code()).collect();
    tr!(
        format!("\"{raw}\" is no dimension; one of {}", codes.join(", ")),
        format!("\"{raw}\" är ingen dimension; en av {}", codes.join(", "))
    )
}

pub fn occasion_unknown(raw: &str) -> String {
    tr!(
        format!("\"{raw}\" is no occasion; one of baseline, returning, check"),
        format!("\"{raw}\" är inget tillfälle; ett av baseline, returning, check")
    )
}
