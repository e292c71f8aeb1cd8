//! `puls maturity`: partnering maturity of a partnership with an outside partner, of no arena
//! (an arena's is rated from its detail): rate one, read its ratings as a chart in text, and
//! list the partnerships rated.

use crate::store::prelude::*;

use chrono::NaiveDate;
use clap::Subcommand;
use color_eyre::Result;
use puls_app::rating_form::parse_level;
use puls_domain::maturity::{self, Dimension, HIGHEST, Occasion, Rating, Score};

use crate::cli::{UserError, parse_day};
use crate::messages;
use crate::output;
use crate::store::RatingEdit;

#[derive(Debug, Subcommand)]
pub enum MaturityCommand {
    /// List the partnerships with outside partners that have been rated.
    Partnerships,
    /// Rate a partnership: puls maturity rate Fryshuset --level goals=3 --level "culture=4 trust grows"
    Rate {
        /// The outside partner's name.
        partner: String,
        /// A dimension's level 1-6 and a note: DIMENSION=LEVEL [NOTE], once for each of goals, resources, activities, communications, governance, processes, culture.
        #[arg(long = "level", value_parser = parse_score, required = true)]
        levels: Vec<Score>,
        /// The day of the rating (YYYY-MM-DD; default today).
        #[arg(long, value_parser = parse_day)]
        on: Option<NaiveDate>,
        /// baseline, returning or check (default: baseline for the first rating, else check).
        #[arg(long, value_parser = parse_occasion)]
        occasion: Option<Occasion>,
    },
    /// A partnership's ratings over time as a chart: puls maturity show Fryshuset
    Show {
        /// The outside partner's name (case does not matter).
        partner: String,
    },
}

/// `goals=4 one shared budget`: a dimension by its code, then a level and a note.
fn parse_score(raw: &str) -> std::result::Result<Score, String> {
    let (code, level) = raw.split_once('=').unwrap_or((raw, ""));
    let dimension = Dimension::from_code(code.trim().to_lowercase().as_str())
        .ok_or_else(|| messages::dimension_unknown(code.trim()))?;
    let (level, note) =
        parse_level(level).ok_or_else(|| messages::maturity_level_invalid(level))?;
    Ok(Score {
        dimension,
        level,
        note,
    })
}

fn parse_occasion(raw: &str) -> std::result::Result<Occasion, String> {
    Occasion::from_code(raw.trim()).ok_or_else(|| messages::occasion_unknown(raw.trim()))
}

pub fn run(store: &mut dyn Backend, command: MaturityCommand) -> Result<()> {
    match command {
        MaturityCommand::Partnerships => {
            for p in store.partnerships()? {
                output::line(messages::partnership_line(&p.partner, p.ratings, p.latest))?;
            }
            Ok(())
        }
        MaturityCommand::Rate {
            partner,
            levels,
            on,
            occasion,
        } => {
            let occasion = match occasion {
                Some(occasion) => occasion,
                None if store.partner_ratings(&partner)?.is_empty() => Occasion::Baseline,
                None => Occasion::Check,
            };
            let rating = RatingEdit {
                on: on.unwrap_or_else(|| store.today()),
                occasion,
                partner: partner.trim().to_owned(),
                scores: levels,
            };
            store.add_partner_rating(&rating)?;
            Ok(output::line(messages::partnership_rated(partner.trim()))?)
        }
        MaturityCommand::Show { partner } => {
            let ratings = store.partner_ratings(&partner)?;
            if ratings.is_empty() {
                return Err(UserError(messages::partnership_unknown(partner.trim())).into());
            }
            Ok(output::print(&chart(&ratings))?)
        }
    }
}

/// The ratings as text: a legend line each, then a line a dimension with a bar and the level
/// of each rating (`A ##.... 2`) and the change of the latest from the baseline, then the notes.
fn chart(ratings: &[Rating]) -> String {
    let Some(latest) = ratings.last() else {
        return String::new();
    };
    let letters = ('A'..='Z').chain(std::iter::repeat('?'));
    let lettered: Vec<(char, &Rating)> = letters.zip(ratings).collect();
    let mut out = format!("{}\n", messages::partnership_title(&latest.partner));
    for (letter, r) in &lettered {
        out += &format!(
            "  {}\n",
            messages::rating_legend(*letter, r.occasion, r.on, "")
        );
    }
    let base = maturity::baseline(ratings);
    for dimension in Dimension::ALL {
        let mut line = format!("  {:<14}", messages::dimension(dimension));
        for (letter, r) in &lettered {
            let level = r.level(dimension).unwrap_or(0);
            let bar = "#".repeat(usize::from(level)) + &".".repeat(usize::from(HIGHEST - level));
            line += &format!(" {letter} {bar} {level}");
        }
        if let Some(base) = base
            && base.id != latest.id
            && let (Some(from), Some(to)) = (base.level(dimension), latest.level(dimension))
        {
            line += &format!("  {}", messages::change(i32::from(to) - i32::from(from)));
        }
        out += &line;
        out.push('\n');
    }
    for (letter, r) in &lettered {
        for score in r.scores.iter().filter(|s| !s.note.is_empty()) {
            out += &format!(
                "  {letter} {}: {}\n",
                messages::dimension(score.dimension),
                score.note
            );
        }
    }
    out
}
