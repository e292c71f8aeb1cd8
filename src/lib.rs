//! puls: a terminal UI for coordinators of agile arenas and their PULS programs.
//!
//! The layers are crates of their own (`puls-domain <- puls-store <- puls-app <- puls-ui`),
//! re-exported here under their old names; this crate is the edge: the command line, config
//! files, the terminal driver (`tui`), the demo, exports and every byte printed (`output`).

// Every command prints through `output`, which makes text terminal-safe (issue 19).
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub use puls_app as app;
pub mod cli;
pub mod config;
pub mod database;
pub mod demo;
pub mod demo_large;
pub use puls_domain as domain;
pub mod export;
pub mod input;
pub use puls_app::messages;
pub mod output;
pub use puls_store::roster_csv;
pub mod serve;
pub mod settings;
pub use puls_store as store;
pub use puls_store_postgres as store_postgres;
pub mod tui;
pub use puls_ui as ui;
