//! The modes that change the characters of a finished frame, cell for cell.
//!
//! ASCII mode, for old terminals and fonts: every cell in ASCII.
//! The marks the screens draw (borders, the selection's ▶, load bars, bar charts, ✓, arrows,
//! the separator ·) each have an ASCII stand-in in one table here. Letters in names and titles
//! become their nearest ASCII letter (å to a), by `deunicode`'s tables rather than a list of our
//! own. Doing it to the finished frame, cell for cell, keeps every column where it was and
//! leaves no pane, popup or message that could slip through.

use ratatui::buffer::Buffer;

/// The ASCII stand-in for one character drawn on screen: one column, so nothing moves.
pub fn ascii(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    if let Some(mark) = mark(c) {
        return mark;
    }
    // A letter with its accent taken off, or the first letter of its transliteration.
    deunicode::deunicode_char(c)
        .and_then(|t| t.chars().next())
        .filter(|t| t.is_ascii_graphic())
        .unwrap_or('?')
}

/// The marks puls draws, and the box drawing and block characters that ratatui draws for it.
fn mark(c: char) -> Option<char> {
    let m = match c {
        // Lines: horizontal, vertical, and every corner or crossing.
        '─' | '━' | '═' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '╴' | '╶' | '╸' | '╺' => {
            '-'
        }
        '│' | '┃' | '║' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏' | '╵' | '╷' | '╹' | '╻' => {
            '|'
        }
        '\u{2500}'..='\u{257f}' => '+',
        // Bars: full and most-full blocks, then the light ones.
        '█' | '▇' | '▆' | '▅' | '▓' => '#',
        '▄' | '▃' | '▂' | '▁' | '▒' => '=',
        '░' => '.',
        '▶' | '►' | '▸' | '→' | '›' | '»' => '>',
        '◀' | '◄' | '◂' | '←' | '‹' | '«' => '<',
        '↑' | '▲' => '^',
        '↓' | '▼' => 'v',
        '✓' | '✔' => '+',
        '✗' | '✘' => 'x',
        '·' | '•' | '–' | '—' => '-',
        '…' => '.',
        '‘' | '’' => '\'',
        '“' | '”' => '"',
        // The stand-up clock's stopwatch: the time beside it says enough.
        '⏱' | '\u{a0}' => ' ',
        _ => return None,
    };
    Some(m)
}

/// Plain mode, for screen readers: no box drawing and no bars, which a reader would spell out
/// as "box drawings light horizontal" or "dark shade". The words and numbers beside them stay.
pub fn to_plain(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        let drawing = cell
            .symbol()
            .chars()
            .next()
            .is_some_and(|c| ('\u{2500}'..='\u{259f}').contains(&c));
        if drawing {
            cell.set_char(' ');
        }
    }
}

/// Turns every cell of `buffer` into ASCII, in place.
pub fn to_ascii(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        let symbol = cell.symbol();
        if symbol.is_ascii() {
            continue;
        }
        // A cell holds one grapheme: its first character, and any accents that ride on it.
        let c = symbol.chars().next().map_or(' ', ascii);
        cell.set_char(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn marks_and_letters_each_become_one_ascii_character() {
        let table = [
            ('▶', '>'),
            ('◀', '<'),
            ('↑', '^'),
            ('✓', '+'),
            ('▓', '#'),
            ('░', '.'),
            ('─', '-'),
            ('│', '|'),
            ('┌', '+'),
            ('╰', '+'),
            ('·', '-'),
            ('…', '.'),
            ('å', 'a'),
            ('Ö', 'O'),
            ('é', 'e'),
            ('日', 'R'),
            ('\u{e000}', '?'),
        ];
        for (from, to) in table {
            assert_eq!(ascii(from), to, "{from}");
        }
    }

    #[test]
    fn plain_mode_blanks_lines_and_bars_but_keeps_words_and_marks() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 1));
        buffer.set_string(0, 0, "┌─ Åsa ▓░│▶✓", ratatui::style::Style::new());
        to_plain(&mut buffer);
        let line: String = buffer.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(line, "   Åsa    ▶✓");
    }

    #[test]
    fn a_frame_keeps_its_columns_when_made_ascii() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 1));
        buffer.set_string(0, 0, "▶Åsa·日本x", ratatui::style::Style::new());
        to_ascii(&mut buffer);
        let line: String = buffer.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(line, ">Asa-R B x  ");
    }
}
