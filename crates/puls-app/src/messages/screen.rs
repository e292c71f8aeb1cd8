//! How the screen listens and speaks: the mouse switch and plain mode's announcements.

use puls_domain::arena::Stage;

use super::stage_label;

texts! {
    /// What `toggle-mouse` does, in the help screen.
    toggle_mouse_description => "mouse on or off (off: the terminal selects text)",
        "mus på eller av (av: terminalen markerar text)";
    announce_person => "Person", "Person";
    announce_competence => "Competence", "Kompetens";
    announce_member => "Team member", "Teammedlem";
    announce_entry => "Entry", "Post";
    /// Why the full screen (or a stand-up) did not start: no terminal to draw on.
    no_terminal => "the full screen needs a terminal; for text, try `puls show 12`, `puls figures` or `puls history`",
        "helskärmen behöver en terminal; för text, prova `puls show 12`, `puls figures` eller `puls history`";
}

/// The status line once the mouse is switched on or off.
pub fn mouse_switched(on: bool) -> &'static str {
    match on {
        true => tr!(
            "Mouse on: click a pane or a card, scroll with the wheel.",
            "Musen på: klicka på en ruta eller ett kort, scrolla med hjulet."
        ),
        false => tr!(
            "Mouse off: the terminal selects text again.",
            "Musen av: terminalen markerar text igen."
        ),
    }
}

/// Plain mode's status line on the board: `Arena #12 Skolfrånvaro, Active, column 3 of 6,
/// card 2 of 5`.
pub fn announce_card(
    id: i64,
    title: &str,
    stage: Stage,
    column: (usize, usize),
    card: (usize, usize),
) -> String {
    let stage = stage_label(stage);
    let ((c, columns), (n, cards)) = (column, card);
    tr!(
        format!("Arena #{id} {title}, {stage}, column {c} of {columns}, card {n} of {cards}"),
        format!("Arena #{id} {title}, {stage}, kolumn {c} av {columns}, kort {n} av {cards}")
    )
}

/// Plain mode's status line on a board column without cards.
pub fn announce_empty_column(stage: Stage, column: (usize, usize)) -> String {
    let stage = stage_label(stage);
    let (c, columns) = column;
    tr!(
        format!("{stage}, column {c} of {columns}, no arenas"),
        format!("{stage}, kolumn {c} av {columns}, inga arenor")
    )
}

/// Plain mode's status line on a row of a list: `Person Åsa Berg, 3 of 40`.
pub fn announce_row(kind: &str, name: &str, row: usize, rows: usize) -> String {
    tr!(
        format!("{kind} {name}, {row} of {rows}"),
        format!("{kind} {name}, {row} av {rows}")
    )
}

/// Plain mode's status line in the plan: the step and the row.
pub fn announce_plan(arena: i64, step: &str, row: usize, rows: usize) -> String {
    tr!(
        format!("Plan of #{arena}, {step}, row {row} of {rows}"),
        format!("Plan för #{arena}, {step}, rad {row} av {rows}")
    )
}

/// Plain mode's status line in a stand-up.
pub fn announce_standup(id: i64, title: &str, index: usize, count: usize) -> String {
    let n = index + 1;
    tr!(
        format!("Stand-up, arena #{id} {title}, {n} of {count}"),
        format!("Stand-up, arena #{id} {title}, {n} av {count}")
    )
}

/// Plain mode's status line in a form: the field being typed into.
pub fn announce_field(label: &str, field: usize, fields: usize) -> String {
    tr!(
        format!("Field {label}, {field} of {fields}"),
        format!("Fält {label}, {field} av {fields}")
    )
}

/// Plain mode's status line over an arena's detail.
pub fn announce_detail(id: i64, title: &str) -> String {
    tr!(
        format!("Detail of arena #{id} {title}"),
        format!("Detaljer för arena #{id} {title}")
    )
}
