//! The arena form: a label column, the fields, each problem shown at its field.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::text::fit;
use super::{Theme, centred};
use puls_app::App;
use puls_app::form::{Field, FieldId, Form, FormKind};
use puls_app::messages;
use puls_domain::text;

const LABEL_WIDTH: u16 = 14;
const MULTI_LINE_ROWS: u16 = 4;

fn field_rows(field: &Field) -> u16 {
    let input = if field.id.is_multi_line() {
        MULTI_LINE_ROWS
    } else {
        1
    };
    input + u16::from(field.error.is_some()) + u16::from(field.theirs.is_some())
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, form: &Form) {
    let rows: u16 = form.fields.iter().map(field_rows).sum::<u16>() + 2;
    let rect = centred(area, 90, rows + 2);
    frame.render_widget(Clear, rect);
    let title = match form.kind {
        FormKind::NewSignal => messages::form_new_title().to_owned(),
        FormKind::EditArena { id, .. } => messages::form_edit_title(id),
        FormKind::Decision { id, .. } => messages::decision_form_title(id),
        FormKind::NewPerson => messages::form_new_person().to_owned(),
        FormKind::EditPerson { .. } => messages::form_edit_person().to_owned(),
        FormKind::NewCompetence => messages::form_new_competence().to_owned(),
        FormKind::EditCompetence { .. } => messages::form_edit_competence().to_owned(),
        FormKind::ApproveRequest { id, .. } => {
            format!("{} {id}", messages::approve_title())
        }
        kind => messages::plan_form_title(kind),
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(format!(" {title} "), theme.title))
        .title_bottom(Line::from(Span::styled(
            format!(" {} ", form_hint(form)),
            theme.muted,
        )));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut y = inner.y;
    let bottom = inner.y + inner.height;
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let height = field_rows(field).min(bottom.saturating_sub(y));
        if height == 0 {
            break;
        }
        let marker = if focused { "▶" } else { " " };
        let label_style = if focused { theme.heading } else { theme.muted };
        let label = Rect::new(inner.x, y, LABEL_WIDTH.min(inner.width), 1);
        frame.render_widget(
            Span::styled(
                format!("{marker}{}", messages::field_label(field.id)),
                label_style,
            ),
            label,
        );
        let input_rows = if field.id.is_multi_line() {
            MULTI_LINE_ROWS
        } else {
            1
        }
        .min(height);
        let input = Rect::new(
            inner.x + LABEL_WIDTH,
            y,
            inner.width.saturating_sub(LABEL_WIDTH),
            input_rows,
        );
        draw_input(frame, input, app, theme, field, focused);
        let mut below = y + input_rows;
        if let Some(error) = &field.error {
            if height > input_rows {
                let rect = Rect::new(input.x, below, input.width, 1);
                frame.render_widget(Span::styled(format!("! {error}"), theme.field_error), rect);
                below += 1;
            }
        }
        if let Some(theirs) = &field.theirs {
            if below < y + height {
                let rect = Rect::new(input.x, below, input.width, 1);
                let line = fit(
                    &format!("{} {theirs}", messages::theirs()),
                    usize::from(input.width),
                );
                frame.render_widget(Span::styled(line, theme.muted), rect);
            }
        }
        y += height;
    }
}

fn draw_input(
    frame: &mut Frame,
    rect: Rect,
    app: &App,
    theme: &Theme,
    field: &Field,
    focused: bool,
) {
    if field.is_choice() {
        let value = field.value();
        let shown = if field.id == FieldId::Mission {
            app.config.mission_name(&value)
        } else {
            value.as_str()
        };
        let mut spans = vec![Span::styled(
            format!("‹ {shown} ›"),
            if focused { theme.selected } else { theme.base },
        )];
        if focused {
            spans.push(Span::styled(
                format!("  {}", messages::mission_hint()),
                theme.muted,
            ));
        }
        frame.render_widget(Line::from(spans), rect);
    } else if focused {
        frame.render_widget(&field.input, rect);
    } else {
        let lines: Vec<Line> = field
            .input
            .lines()
            .iter()
            .map(|l| Line::raw(text::one_line(l).into_owned()))
            .collect();
        frame.render_widget(Paragraph::new(lines), rect);
    }
}

/// The keys a form takes; in a multi-line field, also the one that opens the editor.
fn form_hint(form: &Form) -> &'static str {
    let field = form.focused();
    if field.id.is_multi_line() && !field.is_choice() {
        messages::form_hint_multi_line()
    } else {
        messages::form_hint()
    }
}
