//! The knowledge bank pane: results with kind, tags, arena and a snippet whose matched words are
//! marked (bold and underlined, not by colour alone), and a preview of the selected entry.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::Theme;
use super::text::{fill, fit};
use puls_app::App;
use puls_app::bank::BankView;
use puls_app::messages;
use puls_domain::read::{Entry, EntryHit};
use puls_domain::text;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, focused: bool) {
    let bank = &app.bank;
    let mut title = vec![Span::styled(
        format!(" {} ", messages::bank_title()),
        theme.title,
    )];
    let mut filters = Vec::new();
    if !bank.query.trim().is_empty() {
        filters.push(format!("/{}", fit(&bank.query, 20)));
    }
    if let Some(kind) = bank.filter.kind {
        filters.push(messages::entry_kind(kind).to_owned());
    }
    for value in [
        &bank.filter.tag,
        &bank.filter.competence,
        &bank.filter.mission,
    ]
    .into_iter()
    .flatten()
    {
        filters.push(fit(value, 16));
    }
    if !filters.is_empty() {
        title.push(Span::styled(
            format!("[{}] ", filters.join(" · ")),
            theme.key,
        ));
    }
    if bank.pending.is_some() {
        title.push(Span::styled(
            format!("{} ", messages::bank_searching()),
            theme.muted,
        ));
    }
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.pane_border(focused))
        .title(Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let tabs: Vec<Span> = [
        (BankView::Related, messages::bank_related()),
        (BankView::Search, messages::bank_search()),
    ]
    .into_iter()
    .map(|(view, label)| {
        let style = if view == bank.view {
            theme.heading_selected
        } else {
            theme.muted
        };
        Span::styled(format!(" {label} "), style)
    })
    .collect();
    frame.render_widget(Line::from(tabs), head);
    if bank.hits.is_empty() {
        let hint = match bank.view {
            _ if bank.pending.is_some() => messages::bank_searching(),
            BankView::Related => messages::bank_empty_related(),
            BankView::Search => messages::bank_empty_search(),
        };
        frame.render_widget(
            Paragraph::new(hint)
                .style(theme.muted)
                .wrap(Wrap { trim: true }),
            body,
        );
        return;
    }
    // Results take the top; the preview of the selection gets what is left when there is room.
    let list_rows = (bank.hits.len() * 2)
        .min(usize::from(body.height) / 2 + 1)
        .max(2) as u16;
    let [list, preview] =
        Layout::vertical([Constraint::Length(list_rows), Constraint::Min(0)]).areas(body);
    let width = usize::from(list.width);
    let per_page = usize::from(list.height / 2).max(1);
    let first = bank
        .scroll
        .min(bank.selected)
        .max((bank.selected + 1).saturating_sub(per_page));
    let lines: Vec<Line> = bank
        .hits
        .iter()
        .enumerate()
        .skip(first)
        .take(per_page)
        .flat_map(|(i, hit)| hit_lines(hit, theme, width, focused && i == bank.selected))
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    if let Some(entry) = &bank.preview {
        let mut lines = vec![
            Line::from(Span::styled(fit(&entry.title, width), theme.heading)),
            Line::from(Span::styled(fit(&byline(entry), width), theme.muted)),
        ];
        lines.extend(
            text::multi_line(&entry.body)
                .lines()
                .map(|l| Line::raw(l.to_owned())),
        );
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), preview);
    }
}

/// Who wrote the entry and when, and how far it is shared.
pub(crate) fn byline(entry: &Entry) -> String {
    let by = messages::entry_byline(&entry.author, entry.updated_at);
    match messages::entry_sharing(entry.shared, entry.elsewhere) {
        Some(sharing) => format!("{by} · {sharing}"),
        None => by,
    }
}

/// Two lines: title with kind, tags and arena; the snippet with its matches marked.
fn hit_lines(hit: &EntryHit, theme: &Theme, width: usize, selected: bool) -> Vec<Line<'static>> {
    let marker = if selected { "▶" } else { " " };
    // Another municipality's arena number means nothing here.
    let arena = match hit.arena {
        Some(a) if !hit.elsewhere => format!(" #{a}"),
        _ => String::new(),
    };
    let elsewhere = if hit.elsewhere {
        format!(" · {}", messages::entry_from_elsewhere())
    } else {
        String::new()
    };
    let tags = if hit.tags.is_empty() {
        String::new()
    } else {
        format!(" · {}", hit.tags.join(", "))
    };
    let head = format!(
        "{marker}{} ({}{arena}){elsewhere}{tags}",
        hit.title,
        messages::entry_kind(hit.kind)
    );
    let style = if selected {
        theme.selected
    } else {
        theme.title
    };
    let mut snippet = vec![Span::raw("  ")];
    let mut used = 2;
    for (segment, matched) in &hit.snippet {
        let piece = fit(segment, width.saturating_sub(used));
        used += piece.chars().count();
        let style = if *matched {
            theme.key.add_modifier(Modifier::UNDERLINED)
        } else {
            theme.muted
        };
        snippet.push(Span::styled(piece, style));
        if used >= width {
            break;
        }
    }
    vec![
        Line::from(Span::styled(
            if selected {
                fill(&head, width)
            } else {
                fit(&head, width)
            },
            style,
        )),
        Line::from(snippet),
    ]
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use puls_domain::knowledge::EntryKind;

    use super::*;

    fn hit(elsewhere: bool) -> EntryHit {
        EntryHit {
            id: 7,
            title: "Discharge checklist".into(),
            kind: EntryKind::Method,
            tags: vec!["care".into()],
            arena: Some(12),
            snippet: Vec::new(),
            updated_at: Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap(),
            elsewhere,
        }
    }

    fn head(hit: &EntryHit) -> String {
        hit_lines(hit, &Theme::ansi16(), 100, false)[0].to_string()
    }

    #[test]
    fn another_municipalitys_entry_is_marked_without_its_arena_number() {
        assert_eq!(
            head(&hit(true)),
            " Discharge checklist (method) · from another municipality · care"
        );
        assert_eq!(
            head(&hit(false)),
            " Discharge checklist (method #12) · care"
        );
    }
}
