//! The command palette: what is typed on top, the commands that match below, best first, each
//! with its key. The chosen one is marked by a pointer as well as by colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::popup::frame_block;
use super::text::fit;
use super::{Theme, centred};
use puls_app::messages;
use puls_app::palette::Palette;

/// Rows of commands at most, so the palette never hides the whole screen.
const MAX_ROWS: u16 = 12;
const KEY_WIDTH: usize = 10;

pub fn draw(frame: &mut Frame, area: Rect, theme: &Theme, palette: &Palette) {
    let found = palette.shown().count();
    let rows = u16::try_from(found).unwrap_or(MAX_ROWS).clamp(1, MAX_ROWS);
    let rect = centred(area, 64, rows + 3);
    frame.render_widget(Clear, rect);
    let block = frame_block(
        messages::palette_title().to_owned(),
        theme,
        messages::palette_footer(),
    );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [prompt, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let [colon, input] =
        Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(prompt);
    frame.render_widget(Span::styled(":", theme.key), colon);
    frame.render_widget(&palette.input, input);
    if found == 0 {
        let nothing = Span::styled(messages::palette_nothing_found(), theme.muted);
        frame.render_widget(nothing, list);
        return;
    }
    let visible = usize::from(list.height.max(1));
    let first = palette.selected.saturating_sub(visible - 1);
    let width = usize::from(list.width);
    let lines: Vec<Line> = palette
        .shown()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, entry)| {
            let chosen = i == palette.selected;
            let pointer = if chosen { "▶ " } else { "  " };
            let text = fit(entry.description, width.saturating_sub(KEY_WIDTH + 3));
            let line = Line::from(vec![
                Span::raw(pointer),
                Span::styled(format!("{:<KEY_WIDTH$} ", entry.key), theme.key),
                Span::raw(text),
            ]);
            if chosen {
                line.style(theme.selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}
