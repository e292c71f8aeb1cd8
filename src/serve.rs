//! `puls serve`: the full screen and the commands over SSH, one process owning the database.

pub mod public_key;
