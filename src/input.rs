//! Files people give puls to read (imports, the config, the editor's text): each is read up to
//! a limit, so a huge file, or an endless one such as `/dev/zero`, is refused with a message
//! instead of filling the memory. README's "Exit codes" lists the limits.

use std::cell::RefCell;
use std::io::{self, Read};
use std::path::Path;

use crate::messages;

const MB: u64 = 1024 * 1024;

/// The config file: a few hundred lines at most.
pub const CONFIG: u64 = MB;
/// An arena written by `puls export arena --format json`.
pub const ARENA: u64 = 16 * MB;
/// A roster spreadsheet: a hundred thousand people fit.
pub const ROSTER: u64 = 16 * MB;
/// A knowledge bank written by `puls bank export --format json`.
pub const BANK: u64 = 256 * MB;
/// A field's text back from the user's editor.
pub const EDITED_TEXT: u64 = MB;

/// The bytes of the file at `path`; past `limit` it is refused, read no further.
pub fn read(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    read_limited(&mut std::fs::File::open(path)?, limit)
}

/// The text of the file at `path` (UTF-8); past `limit` it is refused, read no further.
pub fn read_text(path: &Path, limit: u64) -> io::Result<String> {
    text_of(read(path, limit)?)
}

/// What `source` gives, up to `limit` bytes; past it, refused and read no further.
fn read_limited(source: &mut dyn Read, limit: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    source
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            messages::file_too_large(limit / MB),
        ));
    }
    Ok(bytes)
}

fn text_of(bytes: Vec<u8>) -> io::Result<String> {
    String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, messages::file_not_utf8()))
}

thread_local! {
    static STDIN: RefCell<Option<Box<dyn Read>>> = const { RefCell::new(None) };
}

/// Runs `f` with `stdin` as its standard input (`puls serve`: what the SSH client sends); after
/// it, also when `f` panics, this thread reads the process's own again.
pub fn from<T>(stdin: Box<dyn Read>, f: impl FnOnce() -> T) -> T {
    struct Restore;
    impl Drop for Restore {
        fn drop(&mut self) {
            STDIN.with(|s| s.borrow_mut().take());
        }
    }
    STDIN.with(|s| *s.borrow_mut() = Some(stdin));
    let _restore = Restore;
    f()
}

/// The text of standard input (this thread's, see [`from`]); past `limit` it is refused.
pub fn read_stdin_text(limit: u64) -> io::Result<String> {
    let bytes = STDIN.with(|s| match s.borrow_mut().as_mut() {
        Some(given) => read_limited(given, limit),
        None => read_limited(&mut io::stdin(), limit),
    })?;
    text_of(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_within_the_limit_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, "x".repeat(1024)).unwrap();
        assert_eq!(read(&path, 1024).unwrap().len(), 1024);
    }

    #[test]
    fn a_file_past_the_limit_is_refused_and_read_no_further() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, "x".repeat(1025)).unwrap();
        let error = read(&path, 1024).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::FileTooLarge);
        // An endless file ends at the limit too.
        let error = read(Path::new("/dev/zero"), 4 * MB).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::FileTooLarge);
        assert!(error.to_string().contains("4 MB"), "{error}");
    }

    #[test]
    fn standard_input_is_the_one_given_to_this_thread() {
        let given = Box::new(io::Cursor::new(b"ssh-ed25519 AAAA karin".to_vec()));
        let text = from(given, || read_stdin_text(MB)).unwrap();
        assert_eq!(text, "ssh-ed25519 AAAA karin");
        let endless = Box::new(io::repeat(b'x'));
        let error = from(endless, || read_stdin_text(1024)).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::FileTooLarge);
    }
}
