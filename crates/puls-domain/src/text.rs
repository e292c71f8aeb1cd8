//! Text rules: what a title may be, and text made safe for any terminal.
//!
//! Stored text may have been typed by anyone on a shared server. Control characters (ESC, BEL,
//! C1 controls such as CSI 0x9B, DEL) would let one user's text drive another user's terminal, so
//! they are removed on the way in and again on the way out: the screen draws through
//! [`one_line`] and [`multi_line`], every command prints through [`printable`], all by one rule.

use std::borrow::Cow;

pub const TITLE_MAX_CHARS: usize = 200;

/// Characters that must never reach a terminal. Bidirectional overrides are included because
/// they can make text display in an order other than the one stored. Zero-width characters are
/// not: they drive nothing and reorder nothing, and emoji and some scripts need the joiner.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that take no room on screen and say nothing: a soft hyphen, zero-width space,
/// joiner and non-joiner, word joiner, byte-order mark. Kept in stored text (emoji need the
/// joiner), but never enough to make a title, nor a way to hide a personal number.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// One line of text, safe to draw: controls removed, tabs and newlines become spaces.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter_map(in_one_line).collect())
}

/// The first `chars` characters of `text` as [`one_line`] shows it, trimmed and ended with `…`
/// when the text goes on. Reads no further into the text than that: a search's hits carry
/// whole bodies of thousands of characters, and most of a list shows only their start.
pub fn line_start(text: &str, chars: usize) -> String {
    let mut line = text.chars().filter_map(in_one_line);
    let mut start: String = line.by_ref().take(chars).collect();
    if line.next().is_some() {
        start.truncate(start.trim_end().len());
        start.push('…');
    }
    start
}

/// What a character becomes in one line: tabs and newlines a space, controls nothing.
fn in_one_line(c: char) -> Option<char> {
    match c {
        '\n' | '\t' => Some(' '),
        c if is_unsafe(c) => None,
        c => Some(c),
    }
}

/// Multi-line text, safe to draw or store: newlines kept, tabs become spaces, other controls removed.
pub fn multi_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && c != '\n') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\n' => Some('\n'),
                '\t' => Some(' '),
                c if is_unsafe(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// What a command prints or writes, safe for any terminal: the unsafe characters removed, line
/// breaks and tabs kept (they lay out tables and documents, and drive nothing).
pub fn printable(text: &str) -> Cow<'_, str> {
    let unsafe_here = |c: char| is_unsafe(c) && c != '\n' && c != '\t';
    if !text.chars().any(unsafe_here) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter(|c| !unsafe_here(*c)).collect())
}

/// What makes a spreadsheet read a cell as a formula. A tab or a carriage return would too, but
/// [`spreadsheet_cell`] makes a cell one trimmed line before it looks, so none is left to start it.
const FORMULA_STARTS: [char; 4] = ['=', '+', '-', '@'];

fn guarded(cell: &str) -> bool {
    cell.starts_with(FORMULA_STARTS) || cell.starts_with('\'')
}

/// A text cell of any spreadsheet puls writes: one safe line, trimmed, with a leading `'` when it
/// would start like a formula (`=HYPERLINK(...)`, but also `+46 70...` and `-notes`) or with a
/// `'` of its own, so that [`from_spreadsheet_cell`] gives the text back exactly.
pub fn spreadsheet_cell(raw: &str) -> String {
    let clean = one_line(raw);
    let clean = clean.trim();
    if guarded(clean) {
        format!("'{clean}")
    } else {
        clean.to_owned()
    }
}

/// The text a spreadsheet cell holds: a leading `'` before a formula character or another `'` is
/// the guard [`spreadsheet_cell`] (or a person typing in Excel) put there, and is dropped.
pub fn from_spreadsheet_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if guarded(rest) => rest,
        _ => cell,
    }
}

/// Why a title is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TitleProblem {
    Empty,
    TooLong { chars: usize },
}

/// Cleans a title for storage, or says why it cannot be one.
pub fn title(raw: &str) -> Result<String, TitleProblem> {
    let clean = one_line(raw).trim().to_owned();
    let chars = clean.chars().count();
    if clean.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
        Err(TitleProblem::Empty)
    } else if chars > TITLE_MAX_CHARS {
        Err(TitleProblem::TooLong { chars })
    } else {
        Ok(clean)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_escape_bell_and_c1_controls_from_one_line() {
        let hostile = "a\x1b[2Jb\x07c\u{9b}31md\x1b]52;c;aGk=\x07e\u{7f}";
        assert_eq!(one_line(hostile), "a[2Jbc31md]52;c;aGk=e");
    }

    #[test]
    fn turns_newlines_into_spaces_on_one_line_but_keeps_them_in_multi_line() {
        assert_eq!(one_line("a\nb\tc"), "a b c");
        assert_eq!(multi_line("a\nb\x1bc"), "a\nbc");
    }

    #[test]
    fn removes_bidirectional_overrides() {
        assert_eq!(one_line("ab\u{202E}cd"), "abcd");
    }

    #[test]
    fn leaves_swedish_and_wide_text_untouched_and_borrowed() {
        assert!(matches!(one_line("Åsa på ön 日本 🙂"), Cow::Borrowed(_)));
    }

    #[test]
    fn printable_text_keeps_lines_and_tabs_and_drops_every_other_control() {
        let hostile = "a\tb\nc\r\x1b[2J\x07\u{9b}31m\u{7f}\u{85}\u{202e}\u{2066}d\u{2069}";
        assert_eq!(printable(hostile), "a\tb\nc[2J31md");
        assert!(matches!(printable("Åsa\tå\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_spreadsheet_cell_never_starts_like_a_formula() {
        for (raw, cell) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+46 70 111 22 33", "'+46 70 111 22 33"),
            ("-note", "'-note"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1+1", "'=1+1"),
            ("\r\n=1+1", "'=1+1"),
            ("\x1b=1+1", "'=1+1"),
            ("'t Hooft", "''t Hooft"),
            ("Åsa 070-111", "Åsa 070-111"),
        ] {
            assert_eq!(spreadsheet_cell(raw), cell, "{raw:?}");
        }
    }

    #[test]
    fn a_spreadsheet_cell_reads_back_as_the_text_it_was_written_from() {
        for text in [
            "+46 70", "-note", "=1", "@x", "'t Hooft", "''", "'", "plain", "a'=b",
        ] {
            assert_eq!(from_spreadsheet_cell(&spreadsheet_cell(text)), text);
        }
        assert_eq!(from_spreadsheet_cell("'quoted"), "'quoted");
    }

    #[test]
    fn refuses_empty_and_overlong_titles() {
        assert_eq!(title("  \x1b "), Err(TitleProblem::Empty));
        assert_eq!(
            title(&"x".repeat(201)),
            Err(TitleProblem::TooLong { chars: 201 })
        );
        assert_eq!(title(&"å".repeat(200)).map(|t| t.chars().count()), Ok(200));
    }
}
