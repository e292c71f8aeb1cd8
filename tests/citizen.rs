//! Citizen data in the store, as a property: no history row holds a personal identity number,
//! whatever is saved. The store's citizen-data behaviour (drawn-up arenas, restricted records,
//! roles, retention, extracts) is in the conformance suite, tests/conformance/citizen.rs.

use puls::store::prelude::*;
use std::sync::Arc;

use puls::domain::clock::ManualClock;
use puls::store::Store;

#[path = "shared/app.rs"]
pub mod app;
use app::now;

mod properties {
    use proptest::prelude::*;
    use puls::domain::privacy::personal_numbers;
    use puls::store::{ActivityEdit, EntryEdit, NewSignal};

    use super::*;

    /// A valid personal identity number in one of the shapes people write, with text around it.
    fn text_with_a_number() -> impl Strategy<Value = String> {
        let numbers = prop::sample::select(vec![
            ("850709", "19", "9805"),
            ("121212", "19", "1212"),
            ("701063", "19", "2391"),
            ("000229", "20", "0005"),
        ]);
        let shape = prop::sample::select(vec!["-", " ", "", "+", "c-", "c ", "c"]);
        (numbers, shape, "[a-zåäö ]{0,12}", "[a-zåäö ]{0,12}").prop_map(
            |((date, century, last), shape, before, after)| {
                let (century, sep) = shape
                    .strip_prefix('c')
                    .map_or(("", shape), |sep| (century, sep));
                format!("{before} {century}{date}{sep}{last} {after}")
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

        /// Whatever is saved on purpose, and through whichever write, no history row holds a
        /// personal identity number.
        #[test]
        fn no_history_row_holds_a_personal_number(text in text_with_a_number()) {
            prop_assume!(!personal_numbers(&text).is_empty());
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open(&dir.path().join("p.db"), "maja", Arc::new(ManualClock::new(now()))).unwrap();
            let arena = store
                .create_signal(&NewSignal {
                    title: text.clone(),
                    need: String::new(),
                    mission: "LF".into(),
                    signalled_by: text.clone(),
                    manager: String::new(),
                    target_date: None,
                })
                .unwrap();
            store.add_activity(arena.id, &ActivityEdit { text: text.clone(), owner: text.clone(), due: None }).unwrap();
            store.add_competence(&text, "").unwrap();
            store
                .add_entry(&EntryEdit { title: text.clone(), ..EntryEdit::default() })
                .unwrap();
            let ssg = puls::config::default_bodies().remove(0);
            store.decline(arena.id, arena.version, &ssg, app::now().date_naive(), &text).unwrap();

            for row in store.history(None, None, 100_000).unwrap() {
                prop_assert!(personal_numbers(&row.detail).is_empty(), "{:?}", row);
            }
        }
    }
}
