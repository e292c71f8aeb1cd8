//! Text rules: what a title may be, and text made safe for any terminal.
//!
//! Stored text may have been typed by anyone on a shared server. Control characters (ESC, BEL,
//! C1 controls such as CSI 0x9B, DEL) would let one user's text drive another user's terminal, so
//! they are removed on the way in and again on the way out.

use std::borrow::Cow;

pub const TITLE_MAX_CHARS: usize = 200;

/// Characters that must never reach a terminal. Bidirectional overrides are included because
/// they can make text display in an order other than the one stored.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One line of text, safe to draw: controls removed, tabs and newlines become spaces.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\n' | '\t' => Some(' '),
                c if is_unsafe(c) => None,
                c => Some(c),
            })
            .collect(),
    )
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
    if chars == 0 {
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
    fn refuses_empty_and_overlong_titles() {
        assert_eq!(title("  \x1b "), Err(TitleProblem::Empty));
        assert_eq!(
            title(&"x".repeat(201)),
            Err(TitleProblem::TooLong { chars: 201 })
        );
        assert_eq!(title(&"å".repeat(200)).map(|t| t.chars().count()), Ok(200));
    }
}
