//! puls: a terminal UI for coordinators of agile arenas and their PULS programs.
//!
//! Layers point one way: `ui -> app -> store -> domain`; `tui` drives `app` and `ui`,
//! `cli` uses `store`. `messages` holds every user-visible sentence.

// Every command prints through `output`, which makes text terminal-safe (issue 19).
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod app;
pub mod cli;
pub mod cli_admin;
pub mod cli_bank;
pub mod cli_config;
pub mod cli_export;
pub mod cli_extract;
pub mod cli_figures;
pub mod cli_help;
pub mod cli_privacy;
pub mod cli_roster;
pub mod cli_users;
pub mod config;
pub mod demo;
pub mod demo_large;
pub use puls_domain as domain;
pub mod export;
pub mod input;
pub mod messages;
pub mod output;
pub mod roster_csv;
pub mod settings;
pub use puls_store as store;
pub mod tui;
pub mod ui;
