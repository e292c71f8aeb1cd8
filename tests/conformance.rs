//! The store's conformance suite: what every backend must do, written against the store
//! interface (`Backend`) and nothing of SQLite. Every test runs against SQLite and against
//! PostgreSQL, each on a database of its own.
//!
//! PostgreSQL's server comes from `PULS_TEST_POSTGRES` (a URL to a database the tests may
//! create databases from), else postgres://root@127.0.0.1:5432/postgres. Where none answers,
//! its tests say so and pass, except under `CI=true`, where they fail.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use puls::domain::clock::{Clock, FixedClock};
use puls::store::prelude::*;

#[path = "shared/app.rs"]
pub mod app;
#[path = "shared/postgres.rs"]
pub mod test_server;

/// A database every test starts from empty, and a session on it for any account.
trait Fixture: Sync {
    type Session: Backend;
    /// Whether this backend can be tested here; a backend that cannot says why.
    fn available() -> bool {
        true
    }
    /// A new empty database.
    fn new() -> Self;
    /// A session on that database as `who`, on `clock`.
    fn session_on(&self, who: &str, clock: Arc<dyn Clock>) -> Self::Session;
    /// Fails the test unless the search index says exactly what the entries hold. PostgreSQL's
    /// is a generated column of the entry's own row, in step by construction.
    fn assert_search_index_in_step(&self) {}
    /// Fails the test unless the database is sound: its own checks, nothing dangling.
    /// PostgreSQL's constraints are checked as each row is written, never later.
    fn assert_sound(&self) {}
    /// A session on that database as `who`, whose clock says `at`.
    fn session(&self, who: &str, at: DateTime<Utc>) -> Self::Session {
        self.session_on(who, Arc::new(FixedClock(at)))
    }
}

/// SQLite: a file in a temporary folder.
struct Sqlite(tempfile::TempDir);

impl Fixture for Sqlite {
    type Session = puls::store::Store;

    fn new() -> Self {
        Sqlite(tempfile::tempdir().unwrap())
    }

    fn session_on(&self, who: &str, clock: Arc<dyn Clock>) -> Self::Session {
        puls::store::Store::open(&self.path(), who, clock).unwrap()
    }

    fn assert_sound(&self) {
        self.assert_sound_file();
    }

    /// FTS5's own check that the index says exactly what the `entries` table holds.
    fn assert_search_index_in_step(&self) {
        let conn = rusqlite::Connection::open(self.path()).unwrap();
        conn.execute(
            "INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .unwrap();
    }
}

impl Sqlite {
    fn assert_sound_file(&self) {
        let conn = rusqlite::Connection::open(self.path()).unwrap();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok");
        let dangling: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(dangling, 0, "rows point at rows that are not there");
    }

    fn path(&self) -> std::path::PathBuf {
        self.0.path().join("conformance.db")
    }
}

/// PostgreSQL: a database made for the test on the server, dropped after it.
struct Postgres(test_server::TestDatabase);

impl Fixture for Postgres {
    type Session = puls::store_postgres::PgStore;

    fn available() -> bool {
        test_server::available()
    }

    fn new() -> Self {
        Postgres(test_server::TestDatabase::default())
    }

    fn session_on(&self, who: &str, clock: Arc<dyn Clock>) -> Self::Session {
        puls::store_postgres::PgStore::open(
            &self.0.url,
            who,
            clock,
            &puls::store::StoreOptions::default(),
        )
        .unwrap()
    }
}

#[path = "conformance/arenas.rs"]
mod arenas;
#[path = "conformance/citizen.rs"]
mod citizen;
#[path = "conformance/conflicts.rs"]
mod conflicts;
#[path = "conformance/courses.rs"]
mod courses;
#[path = "conformance/decisions.rs"]
mod decisions;
#[path = "conformance/demo.rs"]
mod demo;
#[path = "conformance/exports.rs"]
mod exports;
#[path = "conformance/keys.rs"]
mod keys;
#[path = "conformance/knowledge.rs"]
mod knowledge;
#[path = "conformance/partnerships.rs"]
mod partnerships;
#[path = "conformance/plan.rs"]
mod plan;
#[path = "conformance/purposes.rs"]
mod purposes;
#[path = "conformance/reviews.rs"]
mod reviews;
#[path = "conformance/roster.rs"]
mod roster;
#[path = "conformance/session.rs"]
mod session;
#[path = "conformance/staffing_requests.rs"]
mod staffing_requests;
#[path = "conformance/stress.rs"]
mod stress;
#[path = "conformance/support.rs"]
mod support;

/// Every test of the suite, for one backend: `crate::MODULE::TEST::<Fixture>` as a `#[test]`,
/// run when the backend is available here.
macro_rules! conformance {
    ($backend:ident, $fixture:ty) => {
        conformance!(@tests $backend, $fixture, {
            session: [
                numbers_signals_in_order_with_an_audit_row_each,
                refuses_a_save_over_an_unseen_change_saying_who_and_when,
                hears_of_other_sessions_commits_once_and_never_of_its_own,
                a_refused_move_changes_nothing,
                writes_nothing_about_an_arena_that_does_not_exist,
                masks_personal_numbers_in_every_history_row,
                searches_any_text_without_an_error_and_keeps_swedish_letters,
            ],
            arenas: [
                a_signal_gets_the_next_number_and_an_audit_row,
                stored_text_loses_its_control_characters,
                commission_records_who_commissioned_and_bumps_the_version,
                a_refused_move_changes_nothing,
                declining_keeps_the_reason_and_needs_one,
                a_second_session_saving_over_an_unseen_change_is_refused_with_who_and_when,
                restore_puts_an_arena_back_unless_someone_changed_it_since,
                a_removed_signal_number_is_never_given_again,
            ],
            roster: [
                load_counts_only_allocations_running_today,
                an_allocation_fills_the_first_open_need_and_a_gap_lists_the_arena,
                candidates_come_best_fit_first_and_inactive_people_never,
                a_person_with_allocations_can_only_be_deactivated,
                an_unknown_competence_is_refused_and_nothing_is_written,
                releasing_a_member_ends_the_allocation_and_releases_the_need,
                the_roster_holds_each_competence_name_once_for_all_its_holders,
                the_glance_counts_the_active_and_those_over_capacity_today,
                the_roster_counts_agree_with_each_persons_load,
                the_plan_and_team_read_together_are_those_read_alone,
            ],
            plan: [
                a_program_is_written_step_by_step_and_summarised,
                activities_reorder_and_a_blocked_one_keeps_its_reason,
                a_stale_plan_row_is_refused_with_who_changed_it,
                the_lead_must_be_on_the_roster,
                the_board_counts_each_arena_as_the_arena_does,
                the_board_counts_follow_every_change_to_a_plan,
            ],
            citizen: [
                a_closed_arena_refuses_every_write_to_its_program_evaluation_and_entries,
                reopening_keeps_the_locked_version_and_a_new_close_draws_up_the_next,
                the_first_account_to_grant_becomes_administrator_and_others_may_not,
                only_the_coordinator_and_the_lead_open_the_restricted_record_and_each_opening_is_logged,
                a_stale_restricted_record_is_not_saved_over_and_empty_fields_erase_it,
                retention_dry_run_lists_and_run_anonymises_the_restricted_record_on_a_fixed_clock,
                a_read_log_rule_deletes_old_read_log_rows_only,
                the_subject_extract_of_the_first_demo_arena,
                a_subject_extract_is_for_administrators_and_logs_its_read,
                a_public_extract_masks_the_recipient_and_personal_data_and_leaves_out_the_restricted_record,
                retention_anonymises_the_drawn_up_versions_and_the_history_of_the_recipient,
                a_subject_extract_finds_a_case_reference_a_drawn_up_version_still_holds,
                a_subject_extract_says_what_retention_anonymised,
                a_member_who_edits_the_plan_cannot_make_themselves_lead_and_open_the_restricted_record,
                the_coordinator_and_an_administrator_appoint_and_the_history_says_by_what_right,
                a_public_extract_masks_a_personal_number_in_every_text_of_the_record,
                an_empty_or_partial_case_reference_finds_no_arena,
                a_plans_lock_is_the_open_drawn_up_version,
            ],
            knowledge: [
                adds_an_entry_with_clean_tags_and_competences_added_to_the_catalogue,
                a_coordinator_shares_an_entry_with_the_region_and_others_may_not,
                refuses_an_entry_without_a_title_or_with_an_arena_that_is_not_there,
                a_save_over_a_colleagues_change_is_refused_with_who_and_when,
                every_change_to_an_entry_is_audited,
                a_new_entry_is_found_by_a_word_of_its_title_body_or_tags,
                an_edit_replaces_the_old_words_in_the_index,
                a_deleted_entry_leaves_the_index,
                an_entry_outlives_its_arena,
                an_exact_title_match_ranks_first,
                a_short_entry_about_a_word_ranks_above_a_long_one_that_mentions_it_in_passing,
                swedish_letters_are_not_folded_but_case_is,
                the_last_word_matches_as_a_prefix_while_typing,
                a_snippet_marks_the_matched_words_on_one_line,
                no_typed_query_is_an_error,
                a_query_with_nothing_to_search_lists_the_newest_first,
                filters_by_kind_tag_competence_and_mission,
                lists_every_tag_in_use_and_counts_an_arenas_entries,
                related_entries_match_an_arenas_title_and_need_but_not_its_own,
                related_entries_come_most_evidence_first_those_about_a_needed_competence_too,
                the_demo_has_a_bank_linked_to_its_returning_and_closed_arenas,
                the_bank_round_trips_through_json_into_another_database,
                an_import_into_the_same_database_keeps_arena_links_except_to_drawn_up_arenas,
                the_bank_reads_as_markdown,
                an_entry_created_long_ago_keeps_its_time_through_an_import,
            ],
            conflicts: [
                an_arena_saved_over_an_unseen_edit_is_refused_with_who_and_when,
                a_person_saved_over_an_unseen_edit_is_refused_with_who,
                a_competence_saved_over_an_unseen_edit_is_refused_with_who,
            ],
            demo: [
                the_demo_fills_every_stage_and_every_mission,
                each_history_row_names_the_person_who_did_it,
                returning_is_refused_until_every_criterion_has_a_result_or_reason,
                a_reload_reads_what_each_reading_reads_alone,
                a_write_about_an_arena_that_does_not_exist_writes_nothing,
                a_refused_stand_up_leaves_since_last_as_it_was,
            ],
            reviews: [
                a_meeting_is_edited_in_place_with_its_version_and_an_audit_row,
                the_problem_statement_gets_an_iteration_only_when_it_changes,
                a_meeting_or_rating_saved_over_an_unseen_edit_is_refused_with_who,
                a_rating_is_edited_in_place_and_a_level_outside_1_to_6_is_refused,
                a_drawn_up_arena_refuses_new_and_edited_meetings_and_ratings,
            ],
            decisions: [
                a_member_forwards_and_commissions_and_anyone_else_is_refused,
                a_member_declines_with_the_bodys_reason,
                an_arena_keeps_the_missions_taking_part_besides_its_own,
            ],
            partnerships: [
                a_partnership_is_rated_and_edited_with_an_audit_row_of_its_own,
                a_partnership_rating_saved_over_an_unseen_edit_is_refused_with_who,
                a_partnership_rating_needs_a_partner_and_writes_nothing_without_one,
                partnerships_are_listed_by_name_and_counted_in_the_key_figures,
            ],
            purposes: [
                arenas_go_under_a_purpose_whose_meetings_keep_their_notes_in_order,
                a_purpose_needs_a_name,
            ],
            courses: [
                a_session_takes_sign_ups_up_to_its_seats_and_refuses_the_next,
                only_a_course_entry_gets_sessions_and_a_session_needs_a_seat,
                withdrawing_frees_the_seat_and_is_refused_for_someone_not_signed_up,
                signing_up_twice_is_refused_and_writes_nothing,
                the_account_signs_up_as_the_roster_person_it_is_linked_to,
            ],
            exports: [
                every_export_and_report_is_sqlites_byte_for_byte,
                a_record_carries_the_decision_and_the_participating_missions,
            ],
            keys: [knows_an_account_by_its_exact_listed_key_and_lists_keys_to_administrators],
            stress: [eight_writers_lose_nothing_and_every_refusal_is_reported],
            staffing_requests: [
                a_request_allocates_nothing_until_the_manager_approves_it,
                a_declined_request_keeps_the_reason_and_allocates_nothing,
                only_the_line_manager_or_an_administrator_decides,
                a_request_decided_over_an_unseen_change_is_refused,
                a_request_is_withdrawn_by_who_asked_and_nobody_else,
                a_person_without_a_line_manager_cannot_be_requested,
                a_commission_allocates_the_coordinators_own_share,
            ],
        });
    };
    (@tests $backend:ident, $fixture:ty, { $($module:ident: [$($test:ident),* $(,)?]),* $(,)? }) => {
        mod $backend {
            $(
                mod $module {
                    $(
                        #[test]
                        fn $test() {
                            if <$fixture as crate::Fixture>::available() {
                                crate::$module::$test::<$fixture>();
                            }
                        }
                    )*
                }
            )*
        }
    };
}

conformance!(sqlite, crate::Sqlite);
conformance!(postgres, crate::Postgres);
