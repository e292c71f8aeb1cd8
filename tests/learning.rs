//! Collegial learning: the reflection an arena writes when it returns its knowledge, who can
//! teach what when an arena lacks a competence, and the organisation's knowledge capital.

#[path = "shared/app.rs"]
pub mod app;

use app::Screen;
use puls::app::form::FieldId;
use puls::app::popup::Popup;
use puls::store::CriterionEdit;
use puls::store::prelude::*;

fn body_of_open_form(screen: &Screen) -> String {
    match &screen.app.popup {
        Some(Popup::Form(form)) => form
            .fields
            .iter()
            .find(|f| f.id == FieldId::Body)
            .map(|f| f.value())
            .unwrap_or_default(),
        _ => panic!("no form open:\n{}", screen.text()),
    }
}

#[test]
fn the_entry_offered_at_returning_asks_the_four_questions_of_reflection() {
    let mut screen = Screen::demo(120, 40);
    // #1 is active; with a result for each criterion, > moves it to Returning knowledge, and
    // the bank offers a first entry.
    let mut store = screen.other_session("olle");
    for c in store.plan(1).unwrap().criteria {
        let edit = CriterionEdit {
            text: c.text.clone(),
            measure: c.measure.clone(),
            target: c.target.clone(),
            result: "Reached".into(),
            no_result_reason: String::new(),
            met: Some(true),
        };
        store.edit_criterion(c.id, c.version, &edit).unwrap();
    }
    screen.app.poll_changes();
    screen.keys("/#1<enter>>");
    let body = body_of_open_form(&screen);
    for question in [
        "What went well?",
        "What could be better?",
        "What do we need?",
        "How can we use each other more?",
    ] {
        assert!(body.contains(question), "{question} missing from:\n{body}");
    }
}
