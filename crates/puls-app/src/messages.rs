//! Every sentence a user reads, in English and in Swedish (issue 10).
//!
//! A message is a function that picks its language when it is called, so the language can be
//! chosen at start (`set_language`) after the config is read. Fixed texts are listed in
//! `texts!` blocks, which also record them for the test that none lacks its translation;
//! texts with values in them say both versions in one `tr!(english, swedish)`. Either way a
//! message without its Swedish (or English) does not compile.

pub use puls_domain::language::{Language, current as language, set as set_language};

/// The English or the Swedish of one message, whichever is this thread's language; only the
/// one chosen is computed.
macro_rules! tr {
    ($en:expr, $sv:expr $(,)?) => {
        match ::puls_domain::language::current() {
            ::puls_domain::language::Language::English => $en,
            ::puls_domain::language::Language::Swedish => $sv,
        }
    };
}

/// Fixed texts: `name => "English", "Swedish";` makes `pub fn name() -> &'static str`, and
/// lists every pair in the module's `TEXTS` for the completeness test.
macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident => $en:literal, $sv:literal;)*) => {
        $(
            $(#[$doc])*
            pub fn $name() -> &'static str {
                tr!($en, $sv)
            }
        )*

        /// Every fixed text of this module: (name, English, Swedish).
        #[cfg(test)]
        pub(super) const TEXTS: &[(&str, &str, &str)] = &[$((stringify!($name), $en, $sv)),*];
    };
}

mod admin;
mod arena;
mod bank;
mod cli_help;
mod commands;
mod config;
mod decision;
mod export;
mod figures;
mod learning;
mod maturity;
mod plan;
mod privacy;
mod purpose;
mod records;
mod request;
mod review;
mod roster;
mod roster_file;
mod screen;
mod serve;

pub use admin::*;
pub use arena::*;
pub use bank::*;
pub use cli_help::*;
pub use commands::*;
pub use config::*;
pub use decision::*;
pub use export::*;
pub use figures::*;
pub use learning::*;
pub use maturity::*;
pub use plan::*;
pub use privacy::*;
pub use purpose::*;
pub use records::*;
pub use request::*;
pub use review::*;
pub use roster::*;
pub use roster_file::*;
pub use screen::*;
pub use serve::*;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use puls_domain::session;

/// `1 arena`, `2 arenas`: the caller gives the words in its language.
fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A moment in the session's time zone, as both languages write it: `2026-11-23 10:00`.
pub fn local_time(at: DateTime<Utc>) -> String {
    local_format(at, "%Y-%m-%d %H:%M")
}

/// A moment in the session's time zone, in `format` (chrono's strftime).
pub fn local_format(at: DateTime<Utc>, format: &str) -> String {
    at.with_timezone(&session::current().zone)
        .format(format)
        .to_string()
}

/// The calendar day a moment falls on in the session's time zone.
pub fn local_day(at: DateTime<Utc>) -> NaiveDate {
    session::current().day(at)
}

/// The ISO week a date falls in, as Swedes say it: `v. 48`; English has no habit of week
/// numbers, so it gets `week 48`.
pub fn week(date: NaiveDate) -> String {
    let week = date.iso_week().week();
    tr!(format!("week {week}"), format!("v. {week}"))
}

/// 200000 as "200,000" in English and "200 000" in Swedish (a no-break space, as Swedish
/// typography groups digits, so a number never breaks across lines).
pub fn thousands(n: usize) -> String {
    let separator = tr!(',', '\u{a0}');
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A number with one decimal, with the decimal point English uses or the comma Swedish uses.
fn decimal(value: f64) -> String {
    let text = format!("{value:.1}");
    tr!(text, text.replace('.', ","))
}

pub fn clock(seconds: i64) -> String {
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests;
