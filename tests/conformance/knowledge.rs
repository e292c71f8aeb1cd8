//! The knowledge bank (moved from tests/knowledge.rs): entries, versions, full-text search
//! that no input can break, related entries, and the bank written out and read back in.

use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use puls::domain::access::Role;
use puls::domain::clock::ManualClock;
use puls::domain::knowledge::EntryKind;
use puls::store::prelude::*;
use puls::store::{EntryEdit, EntryFilter, EntryHit, NewSignal, StoreError, parse_bank};

use crate::Fixture;
use crate::app::now;
use crate::support::demo_db;

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

fn entry(title: &str, body: &str) -> EntryEdit {
    EntryEdit {
        title: title.into(),
        body: body.into(),
        kind: EntryKind::Lesson,
        ..EntryEdit::default()
    }
}

fn signal(store: &mut impl Backend, title: &str, need: &str, mission: &str) -> i64 {
    store
        .create_signal(&NewSignal {
            title: title.into(),
            need: need.into(),
            mission: mission.into(),
            signalled_by: "Per Holm".into(),
            manager: String::new(),
            target_date: None,
        })
        .unwrap()
        .id
}

fn titles(hits: &[EntryHit]) -> Vec<&str> {
    hits.iter().map(|h| h.title.as_str()).collect()
}

fn search(store: &impl Backend, query: &str) -> Vec<String> {
    store
        .search_entries(query, &EntryFilter::default(), 50)
        .unwrap()
        .into_iter()
        .map(|h| h.title)
        .collect()
}

// Entries, versions and the audit.

pub fn adds_an_entry_with_clean_tags_and_competences_added_to_the_catalogue<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    let id = store
        .add_entry(&EntryEdit {
            tags: vec![
                " Hälsa ".into(),
                "#hälsa".into(),
                "School".into(),
                "".into(),
            ],
            competences: vec!["School nurse".into(), "school nurse".into()],
            ..entry("  A visit\x1b[2J works ", "Line one\nline two\x07")
        })
        .unwrap();
    let e = store.entry(id).unwrap();
    assert_eq!(e.title, "A visit[2J works");
    assert_eq!(e.body, "Line one\nline two");
    assert_eq!(e.tags, vec!["hälsa", "school"]);
    assert_eq!(e.competences, vec!["School nurse"]);
    assert_eq!((e.author.as_str(), e.version), ("maja", 1));
    assert_eq!((e.created_at, e.updated_at), (at(23, 9), at(23, 9)));
    let catalogue = store.roster_competences().unwrap();
    assert!(catalogue.iter().any(|c| c.name == "School nurse"));
}

pub fn refuses_an_entry_without_a_title_or_with_an_arena_that_is_not_there<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    assert!(matches!(
        store.add_entry(&entry(" \x1b ", "body")),
        Err(StoreError::EntryTitle)
    ));
    let linked = EntryEdit {
        arena: Some(99),
        ..entry("Title", "")
    };
    assert!(matches!(
        store.add_entry(&linked),
        Err(StoreError::ArenaNotFound(99))
    ));
    assert!(matches!(store.entry(1), Err(StoreError::EntryNotFound(1))));
}

pub fn a_save_over_a_colleagues_change_is_refused_with_who_and_when<F: Fixture>() {
    let db = F::new();
    let mut maja = db.session("maja", at(23, 9));
    let mut jonas = db.session("jonas", at(23, 10));
    let id = maja.add_entry(&entry("First", "body")).unwrap();
    jonas.edit_entry(id, 1, &entry("Jonas's", "body")).unwrap();
    let err = maja
        .edit_entry(id, 1, &entry("Maja's", "body"))
        .unwrap_err();
    match err {
        StoreError::Changed {
            what,
            who,
            at: when,
        } => {
            assert_eq!(
                (what.as_str(), who.as_str(), when),
                ("entry 1", "jonas", at(23, 10))
            );
        }
        other => panic!("expected Changed, got {other:?}"),
    }
    let e = maja.entry(id).unwrap();
    assert_eq!((e.title.as_str(), e.version), ("Jonas's", 2));
    assert!(matches!(
        maja.delete_entry(id, 1),
        Err(StoreError::Changed { .. })
    ));
    maja.delete_entry(id, 2).unwrap();
    assert!(matches!(
        jonas.edit_entry(id, 2, &entry("Again", "")),
        Err(StoreError::EntryNotFound(_))
    ));
}

pub fn every_change_to_an_entry_is_audited<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    let id = store.add_entry(&entry("Audited", "")).unwrap();
    store
        .edit_entry(id, 1, &entry("Audited again", ""))
        .unwrap();
    store.delete_entry(id, 2).unwrap();
    let actions: Vec<(String, String)> = store
        .history(None, None, 10)
        .unwrap()
        .into_iter()
        .filter(|r| r.entity == "entry" && r.entity_id == id)
        .map(|r| (r.action, r.detail))
        .collect();
    assert_eq!(
        actions,
        vec![
            ("create".to_owned(), "Audited".to_owned()),
            ("edit".to_owned(), "Audited again".to_owned()),
            ("delete".to_owned(), "Audited again".to_owned()),
        ]
    );
}

pub fn a_coordinator_shares_an_entry_with_the_region_and_others_may_not<F: Fixture>() {
    // Given an entry, and roles set up: maja coordinates, jonas is a member
    let db = F::new();
    let mut admin = db.session("admin", at(23, 9));
    admin.grant("maja", Role::Coordinator).unwrap();
    admin.grant("jonas", Role::Member).unwrap();
    let mut maja = db.session("maja", at(23, 10));
    let id = maja
        .add_entry(&entry("Shared lesson", "what we learned"))
        .unwrap();
    assert!(!maja.entry(id).unwrap().shared);

    // When maja shares it, and jonas tries to stop sharing it
    maja.share_entry(id, true).unwrap();
    let mut jonas = db.session("jonas", at(23, 11));
    let refused = jonas.share_entry(id, false);

    // Then it is shared, its text and version as they were, and jonas was refused
    assert!(
        matches!(refused, Err(StoreError::NotSharer(ref who)) if who == "jonas"),
        "{refused:?}"
    );
    let shared = maja.entry(id).unwrap();
    assert!(shared.shared);
    assert!(!shared.elsewhere, "one's own entry is not from elsewhere");
    assert_eq!(
        (shared.version, shared.title.as_str()),
        (1, "Shared lesson")
    );
    let hits = maja
        .search_entries("lesson", &EntryFilter::default(), 10)
        .unwrap();
    assert!(hits.iter().all(|h| !h.elsewhere));

    // And unsharing is the coordinator's too, every change in the history
    maja.share_entry(id, false).unwrap();
    assert!(!maja.entry(id).unwrap().shared);
    let actions: Vec<String> = maja
        .history(None, None, 10)
        .unwrap()
        .into_iter()
        .filter(|r| r.entity == "entry" && r.entity_id == id)
        .map(|r| r.action)
        .collect();
    assert_eq!(actions, vec!["create", "share", "unshare"]);
    assert!(matches!(
        maja.share_entry(id + 100, true),
        Err(StoreError::EntryNotFound(_))
    ));
}

// The full-text index in step with the table.

pub fn a_new_entry_is_found_by_a_word_of_its_title_body_or_tags<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    store
        .add_entry(&EntryEdit {
            tags: vec!["interpreter".into()],
            ..entry("Siblings at home", "A visit by the school nurse")
        })
        .unwrap();
    for word in ["siblings", "nurse", "interpreter"] {
        assert_eq!(search(&store, word), vec!["Siblings at home"], "{word}");
    }
    db.assert_search_index_in_step();
}

pub fn an_edit_replaces_the_old_words_in_the_index<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    let id = store
        .add_entry(&EntryEdit {
            tags: vec!["winter".into()],
            ..entry("Flooded basements", "pumps and sandbags")
        })
        .unwrap();
    store
        .edit_entry(
            id,
            1,
            &EntryEdit {
                tags: vec!["summer".into()],
                ..entry("Dry cellars", "drains and gutters")
            },
        )
        .unwrap();
    for old in ["flooded", "sandbags", "winter"] {
        assert!(search(&store, old).is_empty(), "{old}");
    }
    for new in ["cellars", "gutters", "summer"] {
        assert_eq!(search(&store, new), vec!["Dry cellars"], "{new}");
    }
    db.assert_search_index_in_step();
}

pub fn a_deleted_entry_leaves_the_index<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    let id = store
        .add_entry(&EntryEdit {
            tags: vec!["gone".into()],
            ..entry("Temporary", "ephemeral words")
        })
        .unwrap();
    store.delete_entry(id, 1).unwrap();
    assert!(search(&store, "ephemeral").is_empty());
    assert!(store.entry_tags().unwrap().is_empty());
    db.assert_search_index_in_step();
}

pub fn an_entry_outlives_its_arena<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    let arena = signal(&mut store, "Short-lived signal", "", "LF");
    let id = store
        .add_entry(&EntryEdit {
            arena: Some(arena),
            ..entry("Kept", "what we learned")
        })
        .unwrap();
    assert_eq!(store.arena_entry_count(arena).unwrap(), 1);
    store.delete_signal(arena, 1).unwrap();
    let e = store.entry(id).unwrap();
    assert_eq!((e.arena, e.version), (None, 1));
    assert_eq!(search(&store, "learned"), vec!["Kept"]);
    db.assert_search_index_in_step();
}

// Search: ranking, diacritics, prefixes, snippets, hostile input, filters.

pub fn an_exact_title_match_ranks_first<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    let busy = "The discharge checklist was discussed. Every discharge needs the checklist; \
                the checklist after discharge, the discharge after the checklist.";
    store.add_entry(&entry("Ward routines", busy)).unwrap();
    let filler = "One page, signed by the ward, home care and the family before anyone goes \
                  home; a copy stays with the family and another with the night staff.";
    store
        .add_entry(&entry("Discharge checklist", filler))
        .unwrap();
    store.add_entry(&entry("Home care at night", busy)).unwrap();
    let hits = store
        .search_entries("discharge checklist", &EntryFilter::default(), 10)
        .unwrap();
    assert_eq!(hits.len(), 3);
    assert_eq!(hits[0].title, "Discharge checklist");
}

pub fn a_short_entry_about_a_word_ranks_above_a_long_one_that_mentions_it_in_passing<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    let minutes = "The group went through the autumn plan, the budget and the rota. ".repeat(100);
    let passing = format!("{minutes}The interpreter was thanked. {minutes}The interpreter left.");
    store.add_entry(&entry("Autumn minutes", &passing)).unwrap();
    store
        .add_entry(&entry(
            "Language support",
            "Book the interpreter a week ahead.",
        ))
        .unwrap();
    assert_eq!(
        search(&store, "interpreter"),
        vec!["Language support", "Autumn minutes"]
    );
}

pub fn swedish_letters_are_not_folded_but_case_is<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    store
        .add_entry(&entry("Hälsa first", "HÄLSAN före arbetet"))
        .unwrap();
    store
        .add_entry(&entry("Halsa", "not a word about health"))
        .unwrap();
    store
        .add_entry(&entry("Språkcafé", "Swedish over coffee"))
        .unwrap();
    assert_eq!(search(&store, "hälsa"), vec!["Hälsa first"]);
    assert_eq!(search(&store, "HÄLSA"), vec!["Hälsa first"]);
    assert_eq!(search(&store, "halsa"), vec!["Halsa"]);
    assert_eq!(search(&store, "före"), vec!["Hälsa first"]);
    assert!(search(&store, "fore").is_empty());
    assert!(search(&store, "sprakcafe").is_empty());
    assert!(search(&store, "cafe").is_empty());
    assert_eq!(search(&store, "språkcafé"), vec!["Språkcafé"]);
}

pub fn the_last_word_matches_as_a_prefix_while_typing<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    store
        .add_entry(&entry("Childcare first", "a place in förskola before work"))
        .unwrap();
    for typed in ["fö", "förs", "förskol", "förskola", "childcare förs"] {
        assert_eq!(search(&store, typed), vec!["Childcare first"], "{typed}");
    }
    assert!(search(&store, "förskola childc x").len() == 1);
    assert!(search(&store, "förskolor").is_empty());
}

pub fn a_snippet_marks_the_matched_words_on_one_line<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    let body = "Line one about nothing.\nThen the förskola place,\tarranged \x1b[31mearly.";
    store.add_entry(&entry("Childcare", body)).unwrap();
    let hits = store
        .search_entries("förskola", &EntryFilter::default(), 10)
        .unwrap();
    let snippet = &hits[0].snippet;
    assert!(
        snippet.contains(&("förskola".to_owned(), true)),
        "{snippet:?}"
    );
    assert_eq!(snippet.iter().filter(|(_, m)| *m).count(), 1);
    for (text, _) in snippet {
        assert!(!text.chars().any(char::is_control), "{text:?}");
    }
    let listed = store.entries(&EntryFilter::default(), 10).unwrap();
    assert_eq!(
        listed[0].snippet,
        vec![(
            "Line one about nothing. Then the förskola place, arranged [31mearly.".to_owned(),
            false
        )]
    );
}

/// Whatever is typed into the search box, the answer is Ok.
const HOSTILE: &[&str] = &[
    "\"",
    "\"\"",
    "*",
    "-",
    "-school",
    "NEAR(",
    "NEAR(a b, 2)",
    "title:x",
    "body:school",
    "a AND",
    "AND",
    "OR OR",
    "NOT NOT school",
    "(",
    ")",
    "(school",
    "'",
    "\\",
    "^school",
    "\"unbalanced",
    "school\"",
    "sch*ool",
    "+school",
    "{title body}: school",
    "🙂",
    "🙂 school 🙂",
    "!@#$%&/=?",
    "   ",
    "",
    "\u{0}\u{1b}[2J",
    "'; DROP TABLE entries; --",
    "x",
];

pub fn no_typed_query_is_an_error<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    store
        .add_entry(&EntryEdit {
            tags: vec!["school".into()],
            ..entry("School title", "A body about school and NEAR words")
        })
        .unwrap();
    let long = "ä\"(*".repeat(125);
    let filter = EntryFilter {
        kind: Some(EntryKind::Lesson),
        tag: Some("\"".into()),
        competence: Some("'".into()),
        mission: Some("(".into()),
    };
    for query in HOSTILE.iter().copied().chain([long.as_str()]) {
        let plain = store.search_entries(query, &EntryFilter::default(), 10);
        assert!(plain.is_ok(), "{query:?}: {plain:?}");
        let filtered = store.search_entries(query, &filter, 10);
        assert!(filtered.is_ok(), "{query:?}: {filtered:?}");
    }
    assert_eq!(search(&store, "-school"), vec!["School title"]);
    assert_eq!(search(&store, "title:school"), vec!["School title"]);
    assert!(store.entry(1).is_ok(), "nothing dropped");
}

pub fn a_query_with_nothing_to_search_lists_the_newest_first<F: Fixture>() {
    let db = F::new();
    let clock = Arc::new(ManualClock::new(at(1, 9)));
    let mut store = db.session_on("maja", clock.clone());
    let old = store.add_entry(&entry("Old", "")).unwrap();
    clock.set(at(2, 9));
    store.add_entry(&entry("New", "")).unwrap();
    clock.set(at(3, 9));
    store.edit_entry(old, 1, &entry("Old, edited", "")).unwrap();
    let listed = store.entries(&EntryFilter::default(), 10).unwrap();
    assert_eq!(titles(&listed), vec!["Old, edited", "New"]);
    for query in ["", "  ", "\"*", "x"] {
        let hits = store
            .search_entries(query, &EntryFilter::default(), 10)
            .unwrap();
        assert_eq!(hits, listed, "{query:?}");
    }
    assert_eq!(store.entries(&EntryFilter::default(), 1).unwrap().len(), 1);
}

pub fn filters_by_kind_tag_competence_and_mission<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    let lf = signal(&mut store, "Learning arena", "", "LF");
    let hc = signal(&mut store, "Care arena", "", "HC");
    store
        .add_entry(&EntryEdit {
            kind: EntryKind::Method,
            tags: vec!["family".into()],
            competences: vec!["School nurse".into()],
            arena: Some(lf),
            ..entry("Method for families", "visit")
        })
        .unwrap();
    store
        .add_entry(&EntryEdit {
            kind: EntryKind::Course,
            tags: vec!["dementia".into()],
            competences: vec!["Dementia nurse".into()],
            arena: Some(hc),
            ..entry("Course on dementia", "visit")
        })
        .unwrap();
    let only = |filter: EntryFilter| {
        let listed = store.entries(&filter, 10).unwrap();
        let searched = store.search_entries("visit", &filter, 10).unwrap();
        assert_eq!(titles(&listed), titles(&searched), "{filter:?}");
        titles(&listed)
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
    };
    let method = vec!["Method for families".to_owned()];
    let course = vec!["Course on dementia".to_owned()];
    assert_eq!(
        only(EntryFilter {
            kind: Some(EntryKind::Method),
            ..EntryFilter::default()
        }),
        method
    );
    assert_eq!(
        only(EntryFilter {
            tag: Some(" #Dementia".into()),
            ..EntryFilter::default()
        }),
        course
    );
    assert_eq!(
        only(EntryFilter {
            competence: Some("school NURSE".into()),
            ..EntryFilter::default()
        }),
        method
    );
    assert_eq!(
        only(EntryFilter {
            mission: Some("HC".into()),
            ..EntryFilter::default()
        }),
        course
    );
    assert!(
        only(EntryFilter {
            kind: Some(EntryKind::Contact),
            ..EntryFilter::default()
        })
        .is_empty()
    );
}

pub fn lists_every_tag_in_use_and_counts_an_arenas_entries<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    let arena = signal(&mut store, "An arena", "", "LF");
    store
        .add_entry(&EntryEdit {
            tags: vec!["work".into(), "hälsa".into()],
            arena: Some(arena),
            ..entry("One", "")
        })
        .unwrap();
    store
        .add_entry(&EntryEdit {
            tags: vec!["Work".into(), "family".into()],
            ..entry("Two", "")
        })
        .unwrap();
    assert_eq!(store.entry_tags().unwrap(), vec!["family", "hälsa", "work"]);
    assert_eq!(store.arena_entry_count(arena).unwrap(), 1);
    assert_eq!(
        titles(&store.arena_entries(arena, 10).unwrap()),
        vec!["One"]
    );
}

pub fn related_entries_match_an_arenas_title_and_need_but_not_its_own<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    let earlier = signal(
        &mut store,
        "Children absent from school",
        "Case LF-2025-002",
        "LF",
    );
    let now = signal(
        &mut store,
        "Siblings absent from school for months",
        "Case LF-2026-033: the family does not answer the school.",
        "LF",
    );
    store
        .add_entry(&EntryEdit {
            arena: Some(earlier),
            ..entry("A home visit for school absence", "the family answered")
        })
        .unwrap();
    store
        .add_entry(&EntryEdit {
            arena: Some(now),
            ..entry("Our own notes on the siblings", "school")
        })
        .unwrap();
    store
        .add_entry(&entry("Discharge with dementia", "the ward and home care"))
        .unwrap();
    let related = store.related_entries(now, 10).unwrap();
    assert_eq!(titles(&related), vec!["A home visit for school absence"]);
    assert!(matches!(
        store.related_entries(99, 10),
        Err(StoreError::ArenaNotFound(99))
    ));
}

/// The ranking reads each candidate's title, tags, competences and mission, however the backend
/// gathers them: most evidence first, equals in the order found (title matches newest first,
/// then entries about a needed competence).
pub fn related_entries_come_most_evidence_first_those_about_a_needed_competence_too<F: Fixture>() {
    // Given an arena needing two competences, and four entries that share with it: three words
    // of its title (oldest), a word and a competence, both competences alone, two words (newest)
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    let arena = signal(
        &mut store,
        "Siblings absent from school",
        "The family does not answer.",
        "LF",
    );
    let with = |title: &str, competences: &[&str]| EntryEdit {
        competences: competences.iter().map(|c| (*c).to_owned()).collect(),
        ..entry(title, "notes")
    };
    for edit in [
        with("Siblings absent from school together", &[]),
        with("Absent pupils", &["School nurse"]),
        with("Vaccination day", &["School nurse", "Social worker"]),
        with("Siblings in school", &[]),
        with("Dementia at home", &["Dementia nurse"]),
    ] {
        store.add_entry(&edit).unwrap();
    }
    store.add_need(arena, "School nurse", "").unwrap();
    store.add_need(arena, "Social worker", "").unwrap();

    // When its related entries are asked for
    let related = store.related_entries(arena, 10).unwrap();

    // Then the strongest comes first, the equals in the order they were found
    assert_eq!(
        titles(&related),
        vec![
            "Siblings absent from school together",
            "Siblings in school",
            "Absent pupils",
            "Vaccination day",
        ]
    );
}

// The demo, and the bank written out and read back in.

pub fn the_demo_has_a_bank_linked_to_its_returning_and_closed_arenas<F: Fixture>() {
    let db = demo_db::<F>();
    let store = db.session("maja", now());
    let all = store.entries(&EntryFilter::default(), 100).unwrap();
    assert!(all.len() >= 15, "{}", all.len());
    for kind in EntryKind::ALL {
        assert!(all.iter().any(|h| h.kind == kind), "{kind:?}");
    }
    let linked: Vec<i64> = all.iter().filter_map(|h| h.arena).collect();
    for arena in &linked {
        let stage = store.arena(*arena).unwrap().stage;
        assert!(
            matches!(
                stage,
                puls::domain::arena::Stage::Returning | puls::domain::arena::Stage::Closed
            ),
            "{stage:?}"
        );
    }
    assert!(linked.len() >= 6);
    assert_eq!(search(&store, "hälsa").len(), 2);
    assert!(!search(&store, "språkcafé").is_empty());
    let first_arena = store.related_entries(1, 5).unwrap();
    assert!(!first_arena.is_empty(), "have we met this before?");
}

pub fn the_bank_round_trips_through_json_into_another_database<F: Fixture>() {
    let db = demo_db::<F>();
    let store = db.session("maja", now());
    let bank = store.bank_record().unwrap();
    let json = serde_json::to_string_pretty(&bank).unwrap();
    let records = parse_bank(&json).unwrap();
    let other_db = F::new();
    let mut other = other_db.session("jonas", at(24, 9));
    let linked = records.iter().filter(|r| r.entry.arena.is_some()).count();
    let preview = other.preview_bank_import(&records).unwrap();
    assert!(
        other
            .entries(&EntryFilter::default(), 100)
            .unwrap()
            .is_empty()
    );
    let summary = other.import_bank(&records).unwrap();
    assert_eq!(summary, preview);
    assert_eq!(
        (summary.added, summary.already, summary.unlinked),
        (records.len(), 0, linked)
    );
    assert!(
        summary
            .new_competences
            .contains(&"Dementia nurse".to_owned())
    );
    let copy = other.entry(1).unwrap();
    let original = store.entry(1).unwrap();
    assert_eq!(
        (&copy.title, &copy.body, &copy.tags, &copy.competences),
        (
            &original.title,
            &original.body,
            &original.tags,
            &original.competences
        )
    );
    assert_eq!(
        (&copy.author, copy.created_at),
        (&original.author, original.created_at)
    );
    let again = other.import_bank(&records).unwrap();
    assert_eq!((again.added, again.already), (0, records.len()));
}

pub fn an_import_into_the_same_database_keeps_arena_links_except_to_drawn_up_arenas<F: Fixture>() {
    let db = demo_db::<F>();
    let mut store = db.session("maja", now());
    let mut records = store.bank_record().unwrap().entries;
    for r in &mut records {
        r.created_at = None;
    }
    let linked = records.iter().filter(|r| r.entry.arena.is_some()).count();
    let closed: Vec<i64> = store
        .board_cards(true)
        .unwrap()
        .iter()
        .filter(|c| c.stage == puls::domain::arena::Stage::Closed)
        .map(|c| c.id)
        .collect();
    let to_closed = records
        .iter()
        .filter(|r| r.entry.arena.is_some_and(|a| closed.contains(&a)))
        .count();
    assert!(to_closed > 0, "the demo has closed arenas with entries");
    let summary = store.import_bank(&records).unwrap();
    assert_eq!(
        (summary.added, summary.unlinked),
        (records.len(), to_closed)
    );
    let arenas = store
        .entries(&EntryFilter::default(), 1000)
        .unwrap()
        .iter()
        .filter(|h| h.arena.is_some())
        .count();
    assert_eq!(arenas, linked * 2 - to_closed);
}

pub fn the_bank_reads_as_markdown<F: Fixture>() {
    let db = demo_db::<F>();
    let store = db.session("maja", now());
    let bank = store.bank_record().unwrap();
    let md = puls::export::bank_markdown(&bank, store.today());
    let intro = format!(
        "# Knowledge bank\n\n{} entries, written by puls on 2026-11-23.\n",
        bank.entries.len()
    );
    assert!(md.starts_with(&intro), "{md}");
    assert!(
        md.contains("\n## Childcare first, then the work placement\n"),
        "{md}"
    );
    assert!(
        md.contains("- **Tags:** childcare, förskola, newly arrived, work\n"),
        "{md}"
    );
    assert!(
        md.contains(
            "- **From arena:** #13 Newly arrived women: from language class to a workplace\n"
        ),
        "{md}"
    );
}

pub fn an_entry_created_long_ago_keeps_its_time_through_an_import<F: Fixture>() {
    let db = F::new();
    let mut store = db.session("maja", at(23, 9));
    let json = format!(
        r#"{{"format": 1, "entries": [{{"title": "Old lesson", "kind": "lesson", "author": "Britt Sundin", "created_at": "{}"}}]}}"#,
        (at(23, 9) - Duration::days(400)).to_rfc3339()
    );
    let records = parse_bank(&json).unwrap();
    store.import_bank(&records).unwrap();
    let e = store.entry(1).unwrap();
    assert_eq!(e.author, "Britt Sundin");
    assert_eq!(e.created_at, at(23, 9) - Duration::days(400));
    assert_eq!(e.updated_at, at(23, 9));
}
