//! The one way out to the terminal. Everything a command prints, on standard output or standard
//! error, goes through here and is made safe by [`text::printable`], the rule the screen draws
//! by: text from a config, an import, an argument or another program's write to the database
//! never drives the reader's terminal. Files written with `--out` hold the same text (their
//! commands pass it through [`text::printable`] before choosing file or terminal).
//!
//! Standard output and error are the process's own, except while a command runs for someone at
//! the far end of a connection (`puls serve`): then they are the [`Sink`] that command was
//! given, for this thread alone, and the process's own are never touched.
//!
//! `lib.rs` denies `println!` and its kin everywhere else, so no command can go around it.

use std::cell::RefCell;
use std::fmt::Display;
use std::io::{self, Write};

use crate::domain::text;

/// Where a command's output and errors go instead of the process's own.
pub struct Sink {
    pub out: Box<dyn Write>,
    pub err: Box<dyn Write>,
}

thread_local! {
    static SINK: RefCell<Option<Sink>> = const { RefCell::new(None) };
}

/// Runs `f` with everything it prints going to `sink`; afterwards (also when `f` panics) this
/// thread prints to the process's own again.
pub fn into<T>(sink: Sink, f: impl FnOnce() -> T) -> T {
    struct Restore;
    impl Drop for Restore {
        fn drop(&mut self) {
            SINK.with(|s| s.borrow_mut().take());
        }
    }
    SINK.with(|s| *s.borrow_mut() = Some(sink));
    let _restore = Restore;
    f()
}

/// Writes `bytes` to this thread's sink, or with `own` when it has none.
fn write_to(
    pick: impl FnOnce(&mut Sink) -> &mut Box<dyn Write>,
    own: impl FnOnce(&[u8]) -> io::Result<()>,
    bytes: &[u8],
) -> io::Result<()> {
    SINK.with(|s| match s.borrow_mut().as_mut() {
        Some(sink) => {
            let w = pick(sink);
            w.write_all(bytes).and_then(|()| w.flush())
        }
        None => own(bytes),
    })
}

/// Writes `text`, made safe, to standard output. A closed pipe (`| head`) is the reader's
/// choice, not an error.
pub fn print(text: &str) -> io::Result<()> {
    let written = write_to(
        |sink| &mut sink.out,
        |bytes| {
            let mut out = io::stdout().lock();
            out.write_all(bytes).and_then(|()| out.flush())
        },
        text::printable(text).as_bytes(),
    );
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
    let text = format!("{}\n", text::printable(&line.to_string()));
    let _ = write_to(
        |sink| &mut sink.err,
        |bytes| io::stderr().lock().write_all(bytes),
        text.as_bytes(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_sink_takes_what_a_command_prints_made_safe_and_only_while_it_runs() {
        let (out, err) = (Shared::default(), Shared::default());
        let sink = Sink {
            out: Box::new(out.clone()),
            err: Box::new(err.clone()),
        };
        into(sink, || {
            line("arena \u{1b}[2J#12").unwrap();
            error_line("refused");
        });
        assert_eq!(
            String::from_utf8(out.0.lock().unwrap().clone()).unwrap(),
            "arena [2J#12\n"
        );
        assert_eq!(
            String::from_utf8(err.0.lock().unwrap().clone()).unwrap(),
            "refused\n"
        );
        SINK.with(|s| assert!(s.borrow().is_none()));
    }
}
