//! The one way out to the terminal. Everything a command prints, on standard output or standard
//! error, goes through here and is made safe by [`text::printable`], the rule the screen draws
//! by: text from a config, an import, an argument or another program's write to the database
//! never drives the reader's terminal. Files written with `--out` hold the same text (their
//! commands pass it through [`text::printable`] before choosing file or terminal).
//!
//! `lib.rs` denies `println!` and its kin everywhere else, so no command can go around it.

use std::fmt::Display;
use std::io::{self, Write};

use crate::domain::text;

/// Writes `text`, made safe, to standard output. A closed pipe (`| head`) is the reader's
/// choice, not an error.
pub fn print(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let written = out
        .write_all(text::printable(text).as_bytes())
        .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// `line` and a line break, made safe, on standard output.
pub fn line(line: impl Display) -> io::Result<()> {
    print(&format!("{line}\n"))
}

/// `line` and a line break, made safe, on standard error: a warning, a problem, an error. There
/// is nobody left to tell when standard error itself fails.
pub fn error_line(line: impl Display) {
    let _ = writeln!(
        io::stderr().lock(),
        "{}",
        text::printable(&line.to_string())
    );
}
