//! Two sessions saving the same thing: the second hears who changed it (moved from
//! tests/shared.rs).

use puls::domain::roster::Level;
use puls::store::prelude::*;
use puls::store::{PersonEdit, StoreError};

use crate::Fixture;
use crate::app::{now, signal, titled};

fn person(name: &str, role: &str) -> PersonEdit {
    PersonEdit {
        name: name.into(),
        unit: "Learning & family".into(),
        role: role.into(),
        contact: String::new(),
        capacity: 100,
        coordinator: false,
        competences: vec![("School nurse".into(), Level::Practising)],
        manager: String::new(),
    }
}

pub fn an_arena_saved_over_an_unseen_edit_is_refused_with_who_and_when<F: Fixture>() {
    // Given maja and jonas with the same arena on screen
    let db = F::new();
    let mut maja = db.session("maja", now());
    let mut jonas = db.session("jonas", now());
    let arena = maja.create_signal(&signal("Newcomer needs work")).unwrap();
    let seen = jonas.arena(arena.id).unwrap().version;

    // When maja saves first, then jonas over the version he saw
    maja.edit_arena(arena.id, seen, &titled("Maja's title"))
        .unwrap();
    let err = jonas
        .edit_arena(arena.id, seen, &titled("Jonas's title"))
        .unwrap_err();

    // Then jonas hears who changed it, and maja's title stands
    assert!(
        matches!(err, StoreError::Conflict { id, ref who, .. } if id == arena.id && who == "maja"),
        "{err:?}"
    );
    assert_eq!(jonas.arena(arena.id).unwrap().title, "Maja's title");
}

pub fn a_person_saved_over_an_unseen_edit_is_refused_with_who<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    let jonas = db.session("jonas", now());
    maja.add_competence("School nurse", "Health").unwrap();
    let id = maja.add_person(&person("Nora", "Nurse")).unwrap();
    let seen = jonas.person(id).unwrap().version;
    let mut jonas = jonas;

    maja.edit_person(id, seen, &person("Nora", "Head nurse"))
        .unwrap();
    let err = jonas
        .edit_person(id, seen, &person("Nora", "School nurse"))
        .unwrap_err();

    assert!(
        matches!(err, StoreError::Changed { ref who, .. } if who == "maja"),
        "{err:?}"
    );
    assert_eq!(jonas.person(id).unwrap().role, "Head nurse");
}

pub fn a_competence_saved_over_an_unseen_edit_is_refused_with_who<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", now());
    let mut jonas = db.session("jonas", now());
    let id = maja.add_competence("School nurse", "Health").unwrap();
    let seen = jonas.roster_competences().unwrap()[0].version;

    maja.edit_competence(id, seen, "School nurse", "Health care")
        .unwrap();
    let err = jonas
        .edit_competence(id, seen, "Nurse", "Health")
        .unwrap_err();

    assert!(
        matches!(err, StoreError::Changed { ref who, .. } if who == "maja"),
        "{err:?}"
    );
    let competence = &jonas.roster_competences().unwrap()[0];
    assert_eq!(
        (competence.name.as_str(), competence.category.as_str()),
        ("School nurse", "Health care")
    );
}
