//! Plain types and rules of the arena world. No IO, no terminal, no SQL.

pub mod access;
pub mod arena;
pub mod calendar;
pub mod clock;
pub mod collation;
pub mod decision;
pub mod figures;
pub mod knowledge;
pub mod language;
pub mod learning;
pub mod maturity;
pub mod mission;
pub mod privacy;
pub mod puls;
pub mod purpose;
pub mod read;
pub mod related;
pub mod request;
pub mod retention;
pub mod review;
pub mod roster;
pub mod session;
pub mod text;
