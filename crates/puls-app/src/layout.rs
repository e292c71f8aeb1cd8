//! Where each part of the screen sits, from the app's state and the terminal's size. The ui
//! draws into these rectangles and a mouse click is matched against the same ones, so what is
//! clicked is always what was drawn there.

use ratatui::layout::{Constraint, Layout, Margin, Position, Rect};

use super::board::{Board, CARD_HEIGHT, Column};
use super::{App, Pane};

/// Below this, puls says so instead of drawing a broken screen.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// From this size up, all panes are tiled; below it one pane shows at a time.
pub const TILE_WIDTH: u16 = 120;
pub const TILE_HEIGHT: u16 = 40;
/// Plain mode's status line: two rows, so what it announces is not cut short.
pub const PLAIN_STATUS_ROWS: u16 = 2;
/// Narrower than this, a column cannot show a useful card: fewer columns show, and the board
/// slides sideways to follow the selection.
const MIN_COLUMN_WIDTH: u16 = 19;

/// The three bands of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bands {
    pub top: Rect,
    pub main: Rect,
    pub status: Rect,
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The top bar, the panes and the status line.
pub fn bands(app: &App, area: Rect) -> Bands {
    // A long message takes a second line rather than losing its end.
    let status_rows = match &app.status {
        _ if app.config.plain => PLAIN_STATUS_ROWS,
        Some(s) if s.text.chars().count() + 2 > usize::from(area.width) => 2,
        _ => 1,
    };
    let [top, main, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(status_rows),
    ])
    .areas(area);
    Bands { top, main, status }
}

/// Which panes show where: all tiled on a large screen, else the focused one alone. A screen
/// reader reads a row at a time, so plain mode never puts two panes side by side.
pub fn panes(app: &App, main: Rect) -> Vec<(Pane, Rect)> {
    let tiled = main.width >= TILE_WIDTH
        && main.height + 2 >= TILE_HEIGHT
        && !app.zoomed
        && !app.config.plain;
    if tiled {
        Pane::PRESENT
            .iter()
            .copied()
            .zip(tile(main, Pane::PRESENT.len()))
            .collect()
    } else {
        vec![(app.focus, main)]
    }
}

/// The board takes the left two thirds; the other panes share the right side, top to bottom.
pub fn tile(area: Rect, panes: usize) -> Vec<Rect> {
    if panes <= 1 {
        return vec![area];
    }
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(65), Constraint::Percentage(35)]).areas(area);
    let others = Layout::vertical(vec![Constraint::Fill(1); panes - 1]).split(right);
    std::iter::once(left)
        .chain(others.iter().copied())
        .collect()
}

/// Inside a pane's border.
pub fn pane_inner(area: Rect) -> Rect {
    area.inner(Margin::new(1, 1))
}

/// One stage column of the board as drawn: its heading row and the rows of its cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnArea {
    /// Which of the board's columns this is.
    pub index: usize,
    /// The whole column, with the line that separates it from the next.
    pub area: Rect,
    pub head: Rect,
    pub body: Rect,
    /// More columns hide to the left, to the right.
    pub edge: (bool, bool),
    /// The last column shown: the pane's own border closes it.
    pub last: bool,
}

/// The columns that fit in `inner`, centred on the selected one.
pub fn board_columns(board: &Board, inner: Rect) -> Vec<ColumnArea> {
    let total = board.columns.len();
    if total == 0 {
        return Vec::new();
    }
    let shown = usize::from((inner.width / MIN_COLUMN_WIDTH).max(1)).min(total);
    let first = board.column.saturating_sub(shown / 2).min(total - shown);
    let rects = Layout::horizontal(vec![Constraint::Fill(1); shown]).split(inner);
    rects
        .iter()
        .enumerate()
        .map(|(offset, &area)| {
            let index = first + offset;
            let last = offset + 1 == shown;
            let within = Rect {
                width: area.width.saturating_sub(u16::from(!last)),
                ..area
            };
            let [head, body] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(within);
            ColumnArea {
                index,
                area,
                head,
                body,
                edge: (
                    index == first && first > 0,
                    index == first + shown - 1 && index + 1 < total,
                ),
                last,
            }
        })
        .collect()
}

/// The cards of a column that fit in its body: each card's row in the column, and where it is
/// drawn (the gap line below a card is not part of it).
pub fn card_rects(column: &Column, body: Rect) -> Vec<(usize, Rect)> {
    let page = usize::from(body.height / CARD_HEIGHT).max(1);
    (0..page)
        .map(|slot| (column.scroll + slot, slot as u16))
        .take_while(|(row, slot)| {
            *row < column.cards.len()
                && body.y + slot * CARD_HEIGHT + CARD_HEIGHT - 1 <= body.bottom()
        })
        .map(|(row, slot)| {
            let y = body.y + slot * CARD_HEIGHT;
            let height = (CARD_HEIGHT - 1).min(body.height);
            (row, Rect::new(body.x, y, body.width, height))
        })
        .collect()
}

/// Plain mode's board: the selected column's heading, then one card a line.
pub fn board_list(inner: Rect) -> (Rect, Rect) {
    let [head, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    (head, list)
}

/// What a click at a point lands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Pane(Pane),
    /// A card: the board's column and the card's row in it.
    Card {
        column: usize,
        row: usize,
    },
}

/// What is drawn at `point` on a screen of `area`, if anything a click can act on.
pub fn target(app: &App, area: Rect, point: Position) -> Option<Target> {
    if too_small(area) || app.standup.is_some() {
        return None;
    }
    let bands = bands(app, area);
    let (pane, rect) = panes(app, bands.main)
        .into_iter()
        .find(|(_, rect)| rect.contains(point))?;
    if pane != Pane::Board {
        return Some(Target::Pane(pane));
    }
    let inner = pane_inner(rect);
    let card = if app.config.plain {
        let (_, list) = board_list(inner);
        let column = app.board.column;
        let row = app.board.columns.get(column).and_then(|c| {
            let row = c.scroll + usize::from(point.y.checked_sub(list.y)?);
            (list.contains(point) && row < c.cards.len()).then_some(row)
        });
        row.map(|row| Target::Card { column, row })
    } else {
        board_columns(&app.board, inner)
            .into_iter()
            .find(|c| c.body.contains(point))
            .and_then(|c| {
                card_rects(&app.board.columns[c.index], c.body)
                    .into_iter()
                    .find(|(_, r)| r.contains(point))
                    .map(|(row, _)| Target::Card {
                        column: c.index,
                        row,
                    })
            })
    };
    Some(card.unwrap_or(Target::Pane(Pane::Board)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pane_takes_the_whole_area() {
        let area = Rect::new(0, 0, 120, 40);
        assert_eq!(tile(area, 1), vec![area]);
    }

    #[test]
    fn the_board_is_largest_and_the_others_stack_beside_it() {
        let area = Rect::new(0, 0, 150, 45);
        let rects = tile(area, 4);
        assert_eq!(rects.len(), 4);
        assert_eq!(rects[0].height, 45);
        assert!(rects[0].width > rects[1].width);
        assert_eq!(rects[1].x, rects[2].x);
        assert_eq!(rects[1].height + rects[2].height + rects[3].height, 45);
    }

    #[test]
    fn cards_sit_a_card_height_apart_and_stop_where_the_column_ends() {
        let column = Column {
            stage: puls_domain::arena::Stage::Signal,
            cards: (0..9).collect(),
            selected: 0,
            scroll: 2,
        };
        let rects = card_rects(&column, Rect::new(3, 4, 20, 14));
        assert_eq!(
            rects,
            vec![(2, Rect::new(3, 4, 20, 5)), (3, Rect::new(3, 10, 20, 5))]
        );
    }
}
