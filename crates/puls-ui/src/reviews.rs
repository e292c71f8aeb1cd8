//! An arena's meetings as its detail shows them, and the line that says when the next of
//! each kind is due. Late says so in words, so it reads without colour.

use std::ops::Range;

use ratatui::text::{Line, Span};

use super::Theme;
use puls_app::App;
use puls_app::messages;
use puls_app::popup::Detail;
use puls_domain::text;

/// `▶ ` before the record a key opens, two spaces before the others.
fn lead(detail: &Detail, index: usize) -> &'static str {
    if detail.record == index { "▶ " } else { "  " }
}

/// The problem statement (its iteration and the one before), each meeting with its answers,
/// then the maturity ratings; the selected one is marked, and the lines it takes returned
/// with them so the detail can scroll to it.
pub fn detail_lines(detail: &Detail, theme: &Theme) -> (Vec<Line<'static>>, Range<usize>) {
    let mut lines = vec![
        Line::raw(""),
        Line::from(Span::styled(
            format!("{} ({})", messages::detail_reviews(), detail.reviews.len()),
            theme.heading,
        )),
    ];
    let mut statements = detail.statements.iter().rev();
    if let Some(now) = statements.next() {
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "  {} {}: ",
                    messages::problem_statement_heading(),
                    messages::statement_version(now.number, now.on)
                ),
                theme.muted,
            ),
            Span::raw(text::one_line(&now.text).into_owned()),
        ]));
        if let Some(before) = statements.next() {
            lines.push(Line::from(Span::styled(
                format!(
                    "    {}: {}",
                    messages::statement_version(before.number, before.on),
                    text::one_line(&before.text)
                ),
                theme.muted,
            )));
        }
    }
    if detail.reviews.is_empty() {
        lines.push(Line::from(Span::styled(
            messages::detail_no_reviews(),
            theme.muted,
        )));
    }
    let mut marked = 0..0;
    for (i, review) in detail.reviews.iter().enumerate() {
        let first = lines.len();
        let mut head = vec![Span::styled(
            format!(
                "{}{} {}",
                lead(detail, i),
                review.held_on,
                messages::review_kind(review.kind)
            ),
            theme.title,
        )];
        if !review.led_by.is_empty() {
            head.push(Span::raw(format!(" · {}", text::one_line(&review.led_by))));
        }
        if review.kind == puls_domain::review::ReviewKind::Sponsor {
            let style = match review.light {
                Some(puls_domain::review::Light::Red) => theme.late,
                Some(puls_domain::review::Light::Amber) => theme.gap,
                _ => theme.base,
            };
            head.push(Span::raw(format!(" · {}: ", messages::label_light())));
            head.push(Span::styled(messages::light(review.light), style));
        }
        if let Some(entry) = review.entry {
            head.push(Span::styled(
                format!(" · {}", messages::review_in_bank(entry)),
                theme.muted,
            ));
        }
        lines.push(Line::from(head));
        for (question, answer) in review.answers.iter().filter(|(_, a)| !a.is_empty()) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("    {}: ", messages::question_label(*question)),
                    theme.muted,
                ),
                Span::raw(text::one_line(answer).into_owned()),
            ]));
        }
        if detail.record == i {
            marked = first..lines.len();
        }
    }
    let ratings_start = lines.len();
    let (ratings, marked_rating) = rating_lines(detail, theme);
    lines.extend(ratings);
    if let Some(line) = marked_rating {
        marked = ratings_start + line..ratings_start + line + 1;
    }
    (lines, marked)
}

/// A line a rating, oldest first: when, why and its seven levels. None while there is none.
/// With them, which line is the marked rating's, if one is marked.
fn rating_lines(detail: &Detail, theme: &Theme) -> (Vec<Line<'static>>, Option<usize>) {
    if detail.ratings.is_empty() {
        return (Vec::new(), None);
    }
    let mut marked = None;
    let mut lines = vec![
        Line::raw(""),
        Line::from(Span::styled(
            format!("{} ({})", messages::detail_ratings(), detail.ratings.len()),
            theme.heading,
        )),
    ];
    for (i, rating) in detail.ratings.iter().enumerate() {
        if detail.record == detail.reviews.len() + i {
            marked = Some(lines.len());
        }
        let levels: Vec<String> = rating.scores.iter().map(|s| s.level.to_string()).collect();
        lines.push(Line::from(Span::styled(
            format!(
                "{}{}",
                lead(detail, detail.reviews.len() + i),
                messages::rating_line(
                    rating.occasion,
                    rating.on,
                    &levels.join(" "),
                    &text::one_line(&rating.partner)
                )
            ),
            theme.title,
        )));
    }
    (lines, marked)
}

/// `Meetings: sponsor 12-01 · citizens LATE 11-10`: none while the arena holds no meetings.
pub fn due_line(app: &App, arena: i64, theme: &Theme) -> Option<Line<'static>> {
    let due = app.reviews_due(arena);
    if due.is_empty() {
        return None;
    }
    let mut spans = vec![Span::styled(
        format!("{}: ", messages::standup_reviews()),
        theme.heading,
    )];
    for (i, next) in due.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" · "));
        }
        spans.push(Span::styled(
            messages::review_due(next.kind, next.on, next.late),
            if next.late { theme.late } else { theme.base },
        ));
    }
    Some(Line::from(spans))
}

/// Whether any meeting of `arena` is past its day: the board card says so.
pub fn any_late(app: &App, arena: i64) -> bool {
    app.reviews_due(arena).iter().any(|d| d.late)
}
