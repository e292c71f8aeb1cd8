//! Plain mode's status line: what has the focus, said in words, so a screen reader that reads
//! the last row hears where the user is after every key.

use puls_app::messages;
use puls_app::popup::Popup;
use puls_app::roster::RosterView;
use puls_app::{App, Pane};

/// The focused item in words, where there is one.
pub fn focus(app: &App) -> Option<String> {
    match &app.popup {
        Some(Popup::Detail(d)) => {
            return Some(messages::announce_detail(d.arena.id, &d.arena.title));
        }
        Some(Popup::Form(form)) => {
            let field = form.fields.get(form.focus)?;
            return Some(messages::announce_field(
                messages::field_label(field.id),
                form.focus + 1,
                form.fields.len(),
            ));
        }
        Some(_) => return None,
        None => {}
    }
    if let Some(standup) = &app.standup {
        let view = standup.view.as_ref()?;
        return Some(messages::announce_standup(
            view.arena.id,
            &view.arena.title,
            standup.index,
            standup.arenas.len(),
        ));
    }
    match app.focus {
        Pane::Board => board(app),
        Pane::Roster => roster(app),
        Pane::Plan => {
            let pane = &app.plan;
            let plan = pane.plan.as_ref()?;
            let item = pane.selected()?;
            Some(messages::announce_plan(
                plan.arena,
                messages::step_name(item.step()),
                pane.cursor + 1,
                pane.items.len(),
            ))
        }
        Pane::Bank => {
            let bank = &app.bank;
            let hit = bank.selected_hit()?;
            Some(messages::announce_row(
                messages::announce_entry(),
                &hit.title,
                bank.selected + 1,
                bank.hits.len(),
            ))
        }
    }
}

fn board(app: &App) -> Option<String> {
    let board = &app.board;
    let column = board.columns.get(board.column)?;
    let place = (board.column + 1, board.columns.len());
    Some(match board.selected() {
        Some(card) => messages::announce_card(
            card.id,
            &card.title,
            column.stage,
            place,
            (column.selected + 1, column.cards.len()),
        ),
        None => messages::announce_empty_column(column.stage, place),
    })
}

fn roster(app: &App) -> Option<String> {
    let roster = &app.roster;
    let row = roster.selected();
    let (kind, name) = match roster.view {
        RosterView::People => (
            messages::announce_person(),
            roster.selected_person()?.name.clone(),
        ),
        RosterView::Competences => (
            messages::announce_competence(),
            roster.selected_competence()?.name.clone(),
        ),
        RosterView::Requests => (
            messages::requests_title(),
            roster.selected_request()?.person.clone(),
        ),
        RosterView::Team => match roster.selected_member() {
            Some(member) => (messages::announce_member(), member.name.clone()),
            None => {
                let gap = roster
                    .team
                    .gaps()
                    .nth(row.checked_sub(roster.team.members.len())?)?;
                (messages::unfilled(), gap.competence.clone())
            }
        },
    };
    Some(messages::announce_row(kind, &name, row + 1, roster.rows()))
}
