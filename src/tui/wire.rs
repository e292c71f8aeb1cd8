//! The bytes on the wire: ratatui's crossterm backend, but spending fewer bytes per frame.
//!
//! ratatui hands the backend only the cells that changed. Its crossterm backend then sends a
//! full cursor address (`ESC [ row ; col H`, up to 9 bytes) before every run of changed cells,
//! both colours whenever either changes, and a four-part reset and a cursor hide after every
//! frame. On a slow link that overhead was most of what a key cost. This backend writes the same
//! screen with less:
//!
//! - a gap of a few unchanged cells in a row is written again from a copy of the screen when that
//!   is shorter than moving over it, and a longer one is crossed with a relative move (`ESC [ n C`);
//! - only the colour that changed is set;
//! - a frame ends with one reset, and only when the style is not already plain;
//! - the cursor is hidden or shown only when that changes.
//!
//! The copy of the screen is what ratatui's own diff already assumes: the cells last sent. It is
//! forgotten whenever the screen is cleared, and a cell whose width is not one column never
//! serves to fill a gap, nor is the cursor assumed to know where it went after one.

use std::io::{self, Write};

use crossterm::cursor::MoveTo;
use crossterm::queue;
use crossterm::style::{
    Attribute, Colors, Print, SetAttribute, SetBackgroundColor, SetColors, SetForegroundColor,
    SetUnderlineColor,
};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier, Style};
use unicode_width::UnicodeWidthStr;

/// A terminal backend that writes as few bytes as it can; see the module comment.
pub struct Wire<W: Write> {
    inner: CrosstermBackend<W>,
    /// What the terminal shows, cell by cell, as far as this backend knows.
    screen: Option<Buffer>,
    cursor_hidden: Option<bool>,
    /// The size of a terminal at the far end of a connection (`puls serve`), which the client
    /// tells; None asks the process's own terminal.
    remote: Option<Size>,
}

impl<W: Write> Wire<W> {
    /// A backend over `writer`, whose screen has just been cleared (a fresh alternate screen).
    pub fn new(writer: W, size: Size) -> Wire<W> {
        Wire {
            inner: CrosstermBackend::new(writer),
            screen: Some(Buffer::empty(Rect::new(0, 0, size.width, size.height))),
            cursor_hidden: None,
            remote: None,
        }
    }

    /// A backend over `writer` for a terminal at the far end of a connection, of `size` until
    /// [`Wire::set_size`] says otherwise.
    pub fn remote(writer: W, size: Size) -> Wire<W> {
        Wire {
            remote: Some(size),
            ..Wire::new(writer, size)
        }
    }

    /// The far terminal's new size; the next draw clears and draws the screen whole.
    pub fn set_size(&mut self, size: Size) {
        self.remote = Some(size);
    }

    /// The terminal's screen is blank now, at `size`.
    fn blank(&mut self, size: Size) {
        self.screen = Some(Buffer::empty(Rect::new(0, 0, size.width, size.height)));
    }
}

/// The plain style a frame starts and ends with.
fn plain() -> Style {
    Cell::default().style()
}

/// The columns the cell covers on screen.
fn width(cell: &Cell) -> u16 {
    match cell.diff_option {
        CellDiffOption::ForcedWidth(w) => w.get(),
        _ => u16::try_from(cell.symbol().width()).unwrap_or(u16::MAX),
    }
}

/// A plain one-column cell, which the cursor steps over as the terminal does.
fn one_column(cell: &Cell) -> bool {
    cell.diff_option == CellDiffOption::None && width(cell) == 1
}

/// Bytes of `ESC [ n C`, the relative move right over `n` columns.
fn forward_cost(n: u16) -> usize {
    if n == 1 { 3 } else { 3 + n.to_string().len() }
}

impl<W: Write> Wire<W> {
    /// Notes that the terminal now shows `cell` at (x, y). The columns a wide cell covers beyond
    /// its own are not known cells any more: ratatui does not send them, and the terminal shows
    /// the wide cell's right half there, so they never fill a gap.
    fn remember(&mut self, x: u16, y: u16, cell: &Cell) {
        let Some(screen) = self.screen.as_mut() else {
            return;
        };
        let Some(known) = screen.cell_mut(Position::new(x, y)) else {
            // A cell off the known screen: the screen changed size under us.
            self.screen = None;
            return;
        };
        *known = cell.clone();
        for covered in 1..width(cell) {
            if let Some(c) = screen.cell_mut(Position::new(x.saturating_add(covered), y)) {
                c.diff_option = CellDiffOption::Skip;
            }
        }
    }

    /// The unchanged cells from `from` up to `to` on row `y`, when writing them again is no longer
    /// than moving over them and needs no change of style.
    fn gap_text(&self, y: u16, from: u16, to: u16, pen: Style) -> Option<String> {
        let screen = self.screen.as_ref()?;
        let mut text = String::new();
        for x in from..to {
            let cell = screen.cell(Position::new(x, y))?;
            if !one_column(cell) || cell.style() != pen {
                return None;
            }
            text.push_str(cell.symbol());
            if text.len() > forward_cost(to - from) {
                return None;
            }
        }
        Some(text)
    }

    /// Puts the cursor at (x, y) from where it is, by the cheapest means.
    fn go(&mut self, x: u16, y: u16, cursor: Option<Position>, pen: Style) -> io::Result<()> {
        match cursor {
            Some(c) if c.y == y && c.x == x => Ok(()),
            Some(c) if c.y == y && c.x < x => match self.gap_text(y, c.x, x, pen) {
                Some(text) => queue!(self.inner, Print(text)),
                None if x - c.x == 1 => self.inner.write_all(b"\x1b[C"),
                None => write!(self.inner, "\x1b[{}C", x - c.x),
            },
            _ => queue!(self.inner, MoveTo(x, y)),
        }
    }

    /// Sets what differs between the pen and the cell's style.
    fn style(&mut self, pen: &mut Style, cell: &Cell) -> io::Result<()> {
        let want = cell.style();
        if want.add_modifier != pen.add_modifier {
            queue_modifiers(&mut self.inner, pen.add_modifier, want.add_modifier)?;
        }
        let fg = want.fg.unwrap_or(Color::Reset);
        let bg = want.bg.unwrap_or(Color::Reset);
        let (fg_changed, bg_changed) = (
            Some(fg) != pen.fg.or(Some(Color::Reset)),
            Some(bg) != pen.bg.or(Some(Color::Reset)),
        );
        match (fg_changed, bg_changed) {
            (true, true) => queue!(
                self.inner,
                SetColors(Colors::new(fg.into_crossterm(), bg.into_crossterm()))
            )?,
            (true, false) => queue!(self.inner, SetForegroundColor(fg.into_crossterm()))?,
            (false, true) => queue!(self.inner, SetBackgroundColor(bg.into_crossterm()))?,
            (false, false) => {}
        }
        if want.underline_color != pen.underline_color {
            let color = want.underline_color.unwrap_or(Color::Reset);
            queue!(self.inner, SetUnderlineColor(color.into_crossterm()))?;
        }
        *pen = want;
        Ok(())
    }
}

/// The attributes that turn `from` into `to`, as ratatui's crossterm backend sets them.
fn queue_modifiers(w: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        queue!(w, SetAttribute(Attribute::NoReverse))?;
    }
    // Normal intensity ends bold and dim together; whichever stays is set again.
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        queue!(w, SetAttribute(Attribute::NormalIntensity))?;
    }
    for (modifier, off) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(modifier) {
            queue!(w, SetAttribute(off))?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        queue!(w, SetAttribute(Attribute::NoBlink))?;
    }
    let added = if reset_intensity {
        to - (from - (Modifier::BOLD | Modifier::DIM))
    } else {
        to - from
    };
    for (modifier, on) in [
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::DIM, Attribute::Dim),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    ] {
        if added.contains(modifier) {
            queue!(w, SetAttribute(on))?;
        }
    }
    Ok(())
}

impl<W: Write> Backend for Wire<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut pen = plain();
        let mut cursor: Option<Position> = None;
        for (x, y, cell) in content {
            self.go(x, y, cursor, pen)?;
            self.style(&mut pen, cell)?;
            queue!(self.inner, Print(cell.symbol()))?;
            cursor = one_column(cell).then_some(Position::new(x + 1, y));
            self.remember(x, y, cell);
        }
        if pen != plain() {
            queue!(self.inner, SetAttribute(Attribute::Reset))?;
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_hidden != Some(true) {
            self.inner.hide_cursor()?;
            self.cursor_hidden = Some(true);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_hidden != Some(false) {
            self.inner.show_cursor()?;
            self.cursor_hidden = Some(false);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()?;
        let size = Backend::size(self)?;
        self.blank(size);
        Ok(())
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)?;
        match clear_type {
            ClearType::All => {
                let size = Backend::size(self)?;
                self.blank(size);
            }
            _ => self.screen = None,
        }
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        match self.remote {
            Some(size) => Ok(size),
            None => self.inner.size(),
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        match self.remote {
            // The client tells no pixels worth trusting.
            Some(columns_rows) => Ok(WindowSize {
                columns_rows,
                pixels: Size::default(),
            }),
            None => self.inner.window_size(),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

impl<W: Write> Write for Wire<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::text::Line;

    /// Everything written, shared with the test that reads it.
    #[derive(Clone, Default)]
    struct Sink(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// A terminal of `w` x `h` over `sink`, whatever the size of the one running the tests.
    fn fixed(sink: &Sink, w: u16, h: u16) -> Terminal<Wire<Sink>> {
        let options = ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(Rect::new(0, 0, w, h)),
        };
        Terminal::with_options(Wire::new(sink.clone(), Size::new(w, h)), options).unwrap()
    }

    /// Draws two frames through a `Wire` and a vt100 emulator; returns the second frame's bytes
    /// and the screen the emulator shows.
    fn two_frames(first: &[&str], second: &[&str]) -> (Vec<u8>, String) {
        frames(&[first, second])
    }

    /// Draws each frame in turn; returns the last frame's bytes and the screen shown after it.
    fn frames(frames: &[&[&str]]) -> (Vec<u8>, String) {
        let (w, h) = (30, 4);
        let sink = Sink::default();
        let mut terminal = fixed(&sink, w, h);
        let mut draw = |lines: &[&str]| {
            terminal
                .draw(|f| {
                    for (i, line) in lines.iter().enumerate() {
                        f.render_widget(Line::raw(*line), Rect::new(0, i as u16, w, 1));
                    }
                })
                .unwrap();
        };
        let (last, earlier) = frames.split_last().unwrap();
        for frame in earlier {
            draw(frame);
        }
        let before = sink.0.borrow().len();
        draw(last);
        let written = sink.0.borrow();
        let nonzero = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let mut screen = vt100::Parser::new(nonzero(h), nonzero(w), 0);
        screen.process(&written);
        (written[before..].to_vec(), screen.screen().contents())
    }

    #[test]
    fn rewrites_a_short_gap_instead_of_addressing_the_cursor() {
        let (bytes, screen) = two_frames(&["team 12 - 1 gap"], &["team 13 - 2 gap"]);
        assert_eq!(String::from_utf8_lossy(&bytes), "\x1b[1;7H3 - 2");
        assert!(screen.starts_with("team 13 - 2 gap"), "{screen}");
    }

    #[test]
    fn a_frame_with_nothing_new_writes_nothing() {
        let (bytes, _) = two_frames(&["same"], &["same"]);
        assert_eq!(bytes, b"");
    }

    #[test]
    fn moves_over_a_long_gap_relative_to_the_cursor() {
        let (bytes, _) = two_frames(&["a 123456789 b"], &["x 123456789 y"]);
        assert_eq!(String::from_utf8_lossy(&bytes), "\x1b[1;1Hx\x1b[11Cy");
    }

    #[test]
    fn ends_a_coloured_frame_with_one_reset() {
        let sink = Sink::default();
        let mut terminal = fixed(&sink, 10, 1);
        terminal
            .draw(|f| {
                let line = Line::styled("late", Style::new().fg(Color::Red));
                f.render_widget(line, f.area());
            })
            .unwrap();
        let written = String::from_utf8_lossy(&sink.0.borrow()).into_owned();
        assert!(written.contains("late      \x1b[0m"), "{written:?}");
        assert_eq!(written.matches("\x1b[").count(), 4, "{written:?}");
    }

    #[test]
    fn never_fills_a_gap_with_what_a_wide_character_covered() {
        let (_, screen) = frames(&[&["aaaaaa"], &["日a bc"], &["z a bQ"]]);
        assert!(screen.starts_with("z a bQ"), "{screen:?}");
    }

    #[test]
    fn wide_characters_keep_every_later_cell_in_place() {
        let (_, screen) = two_frames(&["日本 ab cd"], &["日本 xb cx"]);
        assert!(screen.starts_with("日本 xb cx"), "{screen}");
    }
}
