//! A ratatui buffer as an SVG picture of a terminal: a monospace grid of 8.4 x 17 px cells.
//!
//! Runs of cells with one look become one `<text>`, stretched with `textLength` to exactly the
//! columns it covers, so a viewer's fallback font cannot push later columns out of line. Wide
//! characters get a `<text>` of their own over both their cells. Box-drawing characters are
//! drawn as lines rather than glyphs, so borders join up whatever font the viewer has.

use std::collections::BTreeMap;
use std::fmt::Write;

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// Cell width in tenths of a pixel (8.4 px), cell height and the padding around the grid in px.
const CELL_W: u32 = 84;
const CELL_H: u32 = 17;
const PAD: u32 = 12;
/// From the top of a cell to the baseline of its text, in px.
const BASELINE: u32 = 13;
const FONT: &str = "'DejaVu Sans Mono', Menlo, Consolas, monospace";
const FONT_SIZE: u32 = 14;

type Rgb = [u8; 3];

const DEFAULT_FG: Rgb = [0xd0, 0xd0, 0xd0];
const DEFAULT_BG: Rgb = [0x1e, 0x1e, 0x1e];

/// The 16 ANSI colours, in their usual order (black, red, ... white, then the bright ones).
const PALETTE: [Rgb; 16] = [
    [0x2c, 0x2f, 0x36], // black
    [0xe0, 0x6c, 0x75], // red
    [0x98, 0xc3, 0x79], // green
    [0xe5, 0xc0, 0x7b], // yellow
    [0x61, 0xaf, 0xef], // blue
    [0xc6, 0x78, 0xdd], // magenta
    [0x56, 0xb6, 0xc2], // cyan
    [0xab, 0xb2, 0xbf], // gray (white)
    [0x7a, 0x80, 0x8c], // dark gray (bright black)
    [0xff, 0x87, 0x8f], // light red
    [0xb5, 0xe8, 0x90], // light green
    [0xff, 0xd6, 0x8a], // light yellow
    [0x82, 0xc4, 0xff], // light blue
    [0xde, 0x95, 0xf2], // light magenta
    [0x72, 0xd4, 0xe0], // light cyan
    [0xf2, 0xf2, 0xf2], // white (bright white)
];

/// How a cell's text looks, once reverse, dim and hidden are applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ink {
    fg: Rgb,
    bold: bool,
    italic: bool,
    underline: bool,
    strike: bool,
}

impl Ink {
    /// Whether a blank in this ink shows anything (a line under or through it).
    fn marks_blanks(&self) -> bool {
        self.underline || self.strike
    }
}

/// The ink of a cell's text and its background (`None`: the terminal's own background).
fn resolve(cell: &Cell) -> (Ink, Option<Rgb>) {
    let m = cell.modifier;
    let mut fg = rgb(cell.fg).unwrap_or(DEFAULT_FG);
    let mut bg = rgb(cell.bg);
    if m.contains(Modifier::REVERSED) {
        (fg, bg) = (bg.unwrap_or(DEFAULT_BG), Some(fg));
    }
    let behind = bg.unwrap_or(DEFAULT_BG);
    if m.contains(Modifier::DIM) {
        fg = mix(fg, behind, 0.55);
    }
    if m.contains(Modifier::HIDDEN) {
        fg = behind;
    }
    let ink = Ink {
        fg,
        bold: m.contains(Modifier::BOLD),
        italic: m.contains(Modifier::ITALIC),
        underline: m.contains(Modifier::UNDERLINED),
        strike: m.contains(Modifier::CROSSED_OUT),
    };
    (ink, bg)
}

fn rgb(color: Color) -> Option<Rgb> {
    let ansi = |i: usize| Some(PALETTE[i]);
    match color {
        Color::Reset => None,
        Color::Black => ansi(0),
        Color::Red => ansi(1),
        Color::Green => ansi(2),
        Color::Yellow => ansi(3),
        Color::Blue => ansi(4),
        Color::Magenta => ansi(5),
        Color::Cyan => ansi(6),
        Color::Gray => ansi(7),
        Color::DarkGray => ansi(8),
        Color::LightRed => ansi(9),
        Color::LightGreen => ansi(10),
        Color::LightYellow => ansi(11),
        Color::LightBlue => ansi(12),
        Color::LightMagenta => ansi(13),
        Color::LightCyan => ansi(14),
        Color::White => ansi(15),
        Color::Rgb(r, g, b) => Some([r, g, b]),
        Color::Indexed(i) => Some(indexed(i)),
    }
}

/// The xterm 256-colour table.
fn indexed(i: u8) -> Rgb {
    match i {
        0..=15 => PALETTE[usize::from(i)],
        16..=231 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + v * 40 };
            let v = i - 16;
            [level(v / 36), level(v / 6 % 6), level(v % 6)]
        }
        232..=255 => {
            let g = 8 + (i - 232) * 10;
            [g, g, g]
        }
    }
}

/// `amount` of `a` over `b`.
fn mix(a: Rgb, b: Rgb, amount: f32) -> Rgb {
    let channel =
        |i: usize| (f32::from(a[i]) * amount + f32::from(b[i]) * (1.0 - amount)).round() as u8;
    [channel(0), channel(1), channel(2)]
}

fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// A length in tenths of a pixel, as SVG wants it.
fn px(tenths: u32) -> String {
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// The left edge of a column, in tenths of a pixel.
fn col_x(col: usize) -> u32 {
    PAD * 10 + col as u32 * CELL_W
}

fn row_y(row: usize) -> u32 {
    PAD + row as u32 * CELL_H
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters are not allowed in XML; a terminal would not show them either.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
}

/// Line weights of a box-drawing character towards (up, right, down, left): 0 none, 1 light,
/// 2 heavy; and whether its corner is rounded. `None` for anything else, which is drawn as text.
fn box_arms(symbol: &str) -> Option<([u8; 4], bool)> {
    let arms = match symbol {
        "─" => [0, 1, 0, 1],
        "│" => [1, 0, 1, 0],
        "┌" => [0, 1, 1, 0],
        "┐" => [0, 0, 1, 1],
        "└" => [1, 1, 0, 0],
        "┘" => [1, 0, 0, 1],
        "├" => [1, 1, 1, 0],
        "┤" => [1, 0, 1, 1],
        "┬" => [0, 1, 1, 1],
        "┴" => [1, 1, 0, 1],
        "┼" => [1, 1, 1, 1],
        "╴" => [0, 0, 0, 1],
        "╵" => [1, 0, 0, 0],
        "╶" => [0, 1, 0, 0],
        "╷" => [0, 0, 1, 0],
        "━" => [0, 2, 0, 2],
        "┃" => [2, 0, 2, 0],
        "┏" => [0, 2, 2, 0],
        "┓" => [0, 0, 2, 2],
        "┗" => [2, 2, 0, 0],
        "┛" => [2, 0, 0, 2],
        "┣" => [2, 2, 2, 0],
        "┫" => [2, 0, 2, 2],
        "┳" => [0, 2, 2, 2],
        "┻" => [2, 2, 0, 2],
        "╋" => [2, 2, 2, 2],
        "╭" => return Some(([0, 1, 1, 0], true)),
        "╮" => return Some(([0, 0, 1, 1], true)),
        "╰" => return Some(([1, 1, 0, 0], true)),
        "╯" => return Some(([1, 0, 0, 1], true)),
        _ => return None,
    };
    Some((arms, false))
}

/// Straight box-drawing strokes, merged into long lines where cells continue each other.
/// Positions are in half cells: a horizontal stroke on row `r` runs along `2r + 1`.
#[derive(Default)]
struct Strokes {
    /// (colour, weight, row) -> (from, to) in half columns
    across: BTreeMap<(Rgb, u8, usize), Vec<(usize, usize)>>,
    /// (colour, weight, column) -> (from, to) in half rows
    down: BTreeMap<(Rgb, u8, usize), Vec<(usize, usize)>>,
    /// Rounded corners, as ready path data per colour.
    curves: BTreeMap<Rgb, String>,
}

impl Strokes {
    fn add(&mut self, col: usize, row: usize, arms: [u8; 4], rounded: bool, colour: Rgb) {
        if rounded {
            self.corner(col, row, arms, colour);
            return;
        }
        let [up, right, down, left] = arms;
        let (h, v) = (2 * col + 1, 2 * row + 1);
        let mut across = |weight: u8, from: usize| {
            if weight > 0 {
                self.across
                    .entry((colour, weight, row))
                    .or_default()
                    .push((from, from + 1));
            }
        };
        across(left, h - 1);
        across(right, h);
        let mut down_ = |weight: u8, from: usize| {
            if weight > 0 {
                self.down
                    .entry((colour, weight, col))
                    .or_default()
                    .push((from, from + 1));
            }
        };
        down_(up, v - 1);
        down_(down, v);
    }

    /// A rounded corner: from the middle of one edge, curving through the cell's centre, to the
    /// middle of the other.
    fn corner(&mut self, col: usize, row: usize, arms: [u8; 4], colour: Rgb) {
        let (x0, y0) = (col_x(col), row_y(row) * 10);
        let (cx, cy) = (x0 + CELL_W / 2, y0 + CELL_H * 10 / 2);
        let (x1, y1) = (x0 + CELL_W, y0 + CELL_H * 10);
        let [up, right, _, _] = arms;
        let end_x = if right > 0 { x1 } else { x0 };
        let end_y = if up > 0 { y0 } else { y1 };
        let d = self.curves.entry(colour).or_default();
        let _ = write!(
            d,
            "M{} {}Q{} {} {} {}",
            px(end_x),
            px(cy),
            px(cx),
            px(cy),
            px(cx),
            px(end_y)
        );
    }

    fn write(&self, out: &mut String) {
        let mut paths: BTreeMap<(Rgb, u8), String> = BTreeMap::new();
        for ((colour, weight, row), spans) in &self.across {
            let y = row_y(*row) * 10 + CELL_H * 10 / 2;
            for (from, to) in merge(spans) {
                let d = paths.entry((*colour, *weight)).or_default();
                let x = |half: usize| PAD * 10 + half as u32 * CELL_W / 2;
                let _ = write!(d, "M{} {}H{}", px(x(from)), px(y), px(x(to)));
            }
        }
        for ((colour, weight, col), spans) in &self.down {
            let x = col_x(*col) + CELL_W / 2;
            for (from, to) in merge(spans) {
                let d = paths.entry((*colour, *weight)).or_default();
                let y = |half: usize| PAD * 10 + half as u32 * CELL_H * 10 / 2;
                let _ = write!(d, "M{} {}V{}", px(x), px(y(from)), px(y(to)));
            }
        }
        for ((colour, weight), d) in paths {
            let width = if weight > 1 { "2.4" } else { "1.2" };
            let _ = writeln!(
                out,
                r#"<path d="{d}" stroke="{}" stroke-width="{width}"/>"#,
                hex(colour)
            );
        }
        for (colour, d) in &self.curves {
            let _ = writeln!(
                out,
                r#"<path d="{d}" stroke="{}" stroke-width="1.2"/>"#,
                hex(*colour)
            );
        }
    }
}

/// Sorted, touching spans joined into one.
fn merge(spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut sorted = spans.to_vec();
    sorted.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (from, to) in sorted {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// A run of text cells in one ink, from column `start`.
struct Run {
    start: usize,
    ink: Ink,
    text: String,
    /// Columns covered, counting the blanks at the end that are not drawn.
    cells: usize,
}

fn write_text(out: &mut String, row: usize, start: usize, cells: usize, ink: Ink, text: &str) {
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" textLength="{}" fill="{}""#,
        px(col_x(start)),
        row_y(row) + BASELINE,
        px(cells as u32 * CELL_W),
        hex(ink.fg)
    );
    if ink.bold {
        out.push_str(r#" font-weight="bold""#);
    }
    if ink.italic {
        out.push_str(r#" font-style="italic""#);
    }
    match (ink.underline, ink.strike) {
        (true, true) => out.push_str(r#" text-decoration="underline line-through""#),
        (true, false) => out.push_str(r#" text-decoration="underline""#),
        (false, true) => out.push_str(r#" text-decoration="line-through""#),
        (false, false) => {}
    }
    out.push_str(r#" xml:space="preserve">"#);
    escape(text, out);
    out.push_str("</text>\n");
}

fn flush(out: &mut String, row: usize, run: &mut Option<Run>) {
    if let Some(run) = run.take() {
        let blanks = if run.ink.marks_blanks() {
            0
        } else {
            run.text.len() - run.text.trim_end_matches(' ').len()
        };
        let text = &run.text[..run.text.len() - blanks];
        if !text.is_empty() {
            write_text(out, row, run.start, run.cells - blanks, run.ink, text);
        }
    }
}

/// The buffer as a standalone SVG document.
pub fn render(buffer: &Buffer) -> String {
    let (cols, rows) = (
        usize::from(buffer.area.width),
        usize::from(buffer.area.height),
    );
    let width = px(col_x(cols) + PAD * 10);
    let height = row_y(rows) + PAD;
    let mut backgrounds = String::new();
    let mut texts = String::new();
    let mut strokes = Strokes::default();

    for row in 0..rows {
        // The background of every column, then drawn as one rectangle per run of a colour.
        let mut bg_of: Vec<Option<Rgb>> = vec![None; cols];
        let mut run: Option<Run> = None;
        let mut col = 0;
        while col < cols {
            let cell = &buffer[(col as u16, row as u16)];
            let symbol = cell.symbol();
            let wide = symbol.width().clamp(1, cols - col);
            let (ink, bg) = resolve(cell);
            bg_of[col..col + wide].fill(bg);
            if let Some((arms, rounded)) = box_arms(symbol) {
                flush(&mut texts, row, &mut run);
                strokes.add(col, row, arms, rounded, ink.fg);
            } else if wide > 1 {
                // The cells a wide character covers are blank in the buffer: draw it over them.
                flush(&mut texts, row, &mut run);
                write_text(&mut texts, row, col, wide, ink, symbol);
            } else if symbol.trim().is_empty() && !ink.marks_blanks() {
                // A plain blank looks the same in any ink: it continues the open run, unless
                // that run would underline or strike it through.
                if run.as_ref().is_some_and(|r| r.ink.marks_blanks()) {
                    flush(&mut texts, row, &mut run);
                }
                if let Some(run) = &mut run {
                    run.text.push(' ');
                    run.cells += 1;
                }
            } else {
                if run.as_ref().is_some_and(|r| r.ink != ink) {
                    flush(&mut texts, row, &mut run);
                }
                let run = run.get_or_insert_with(|| Run {
                    start: col,
                    ink,
                    text: String::new(),
                    cells: 0,
                });
                run.text
                    .push_str(if symbol.is_empty() { " " } else { symbol });
                run.cells += 1;
            }
            col += wide;
        }
        flush(&mut texts, row, &mut run);

        let mut col = 0;
        while col < cols {
            let start = col;
            let bg = bg_of[col];
            while col < cols && bg_of[col] == bg {
                col += 1;
            }
            if let Some(bg) = bg {
                let _ = writeln!(
                    backgrounds,
                    r#"<rect x="{}" y="{}" width="{}" height="{CELL_H}" fill="{}"/>"#,
                    px(col_x(start)),
                    row_y(row),
                    px((col - start) as u32 * CELL_W),
                    hex(bg)
                );
            }
        }
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">"#
    );
    let _ = writeln!(
        out,
        r#"<rect width="100%" height="100%" rx="6" fill="{}"/>"#,
        hex(DEFAULT_BG)
    );
    let _ = writeln!(out, r#"<g shape-rendering="crispEdges">"#);
    out.push_str(&backgrounds);
    out.push_str("</g>\n");
    let _ = writeln!(out, r#"<g fill="none" stroke-linecap="square">"#);
    strokes.write(&mut out);
    out.push_str("</g>\n");
    let _ = writeln!(out, r#"<g font-family="{FONT}" font-size="{FONT_SIZE}">"#);
    out.push_str(&texts);
    out.push_str("</g>\n</svg>\n");
    out
}
