//! A region on PostgreSQL: two municipalities on one database, each a database role of its
//! own, kept apart by the server's row-level security. What one municipality wrote through puls
//! is looked for by the other with plain `psql`, as anyone with its login could. Skipped (saying
//! so) where no server answers, except under `CI=true`; the roles and the database made for a
//! test are dropped after it.

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::Duration;
use puls::domain::access::Role;
use puls::domain::arena::Stage;
use puls::domain::clock::ManualClock;
use puls::domain::knowledge::EntryKind;
use puls::domain::retention::default_rules;
use puls::store::prelude::*;
use puls::store::{EntryEdit, EntryFilter, RestrictedEdit, StoreError, StoreOptions};
use puls::store_postgres::{PgStore, TABLES};

#[path = "shared/app.rs"]
pub mod app;
#[path = "shared/cli.rs"]
pub mod cli;
#[path = "shared/postgres.rs"]
pub mod test_server;

use app::now;
use test_server::{TestDatabase, available, server};

/// A database and the login roles made for one test: the database is dropped first, so the
/// roles hold no grants left when they are dropped.
struct Region {
    db: Option<TestDatabase>,
    roles: Vec<String>,
    clock: Arc<ManualClock>,
}

impl Region {
    /// A new database with puls's schema, made by the tests' own (super)user.
    fn new() -> Region {
        let region = Region::without_schema();
        region.owner("admin");
        region
    }

    /// A new empty database.
    fn without_schema() -> Region {
        Region {
            db: Some(TestDatabase::default()),
            roles: Vec::new(),
            clock: Arc::new(ManualClock::new(now())),
        }
    }

    fn db(&self) -> &TestDatabase {
        self.db
            .as_ref()
            .expect("the database lives as long as the region")
    }

    /// A puls session as the database's owner, the role the tests connect as.
    fn owner(&self, who: &str) -> PgStore {
        PgStore::open(
            &self.db().url,
            who,
            self.clock.clone(),
            &StoreOptions::default(),
        )
        .unwrap()
    }

    /// A new login role (neither superuser nor BYPASSRLS), mapped to `municipality` by
    /// `puls region add-role`'s store call, or left unmapped.
    fn role(&mut self, municipality: Option<&str>) -> String {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let role = format!(
            "puls_region_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        server_client()
            .batch_execute(&format!("CREATE ROLE {role} LOGIN"))
            .unwrap();
        self.roles.push(role.clone());
        if let Some(municipality) = municipality {
            self.owner("admin").map_role(&role, municipality).unwrap();
        }
        role
    }

    /// The database's URL for `role`.
    fn url_as(&self, role: &str) -> String {
        let url = &self.db().url;
        let (scheme, rest) = url.split_once("://").unwrap();
        let host = rest.split_once('@').map_or(rest, |(_, host)| host);
        format!("{scheme}://{role}@{host}")
    }

    /// A puls session of `who` connected as `role`.
    fn session(&self, role: &str, who: &str) -> PgStore {
        PgStore::open(
            &self.url_as(role),
            who,
            self.clock.clone(),
            &StoreOptions::default(),
        )
        .unwrap()
    }

    /// What plain `psql`, logged in as `role`, answers to `sql` (the statements before the last
    /// set up its session).
    fn psql(&self, role: &str, sql: &str) -> String {
        let out = Command::new("psql")
            .args(["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql])
            .arg(self.url_as(role))
            .output()
            .expect("psql, the PostgreSQL client, is installed");
        assert!(
            out.status.success(),
            "psql as {role}: {sql}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Whether plain `psql`, logged in as `role`, is refused `sql`.
    fn psql_refused(&self, role: &str, sql: &str) -> bool {
        !Command::new("psql")
            .args(["-X", "-c", sql])
            .arg(self.url_as(role))
            .output()
            .expect("psql, the PostgreSQL client, is installed")
            .status
            .success()
    }

    /// The number `sql` counts, after whatever the statements before it say.
    fn count(&self, role: &str, sql: &str) -> i64 {
        let out = self.psql(role, sql);
        out.lines().last().unwrap_or_default().parse().unwrap()
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        drop(self.db.take());
        let mut client = server_client();
        for role in &self.roles {
            let _ = client.batch_execute(&format!("DROP ROLE IF EXISTS {role}"));
        }
    }
}

/// The tests' own client of the server, as its administrator.
fn server_client() -> postgres::Client {
    postgres::Client::connect(&server(), postgres::NoTls).unwrap()
}

fn entry(title: &str) -> EntryEdit {
    EntryEdit {
        title: title.into(),
        body: "What the arena learned about working across units".into(),
        kind: EntryKind::Lesson,
        tags: vec!["region".into()],
        ..EntryEdit::default()
    }
}

/// What one municipality writes: the demo's arenas, roster and history; a restricted record
/// its coordinator saved and opened (a read-log row); an entry kept and one shared. Returns the
/// kept entry's id and the shared one's.
fn fill(region: &Region, role: &str, place: &str) -> (i64, i64) {
    let mut demo = region.session(role, "demo");
    puls::demo::fill_store(&mut demo, &region.clock, now()).unwrap();
    let mut admin = region.session(role, "admin");
    admin.link_account("maja", "Maja Lindqvist").unwrap();
    admin.grant("maja", Role::Coordinator).unwrap();
    let mut maja = region.session(role, "maja");
    let arena = maja
        .board_cards(false)
        .unwrap()
        .into_iter()
        .find(|c| {
            c.coordinator.as_deref() == Some("Maja Lindqvist")
                && !matches!(c.stage, Stage::Closed | Stage::Declined)
        })
        .unwrap()
        .id;
    maja.save_restricted(
        arena,
        None,
        &RestrictedEdit {
            name: format!("A citizen of {place}"),
            contact: "070-111 22 33".into(),
            note: String::new(),
        },
    )
    .unwrap();
    maja.open_restricted(arena).unwrap().unwrap();
    let kept = maja
        .add_entry(&entry(&format!("{place} keeps this")))
        .unwrap();
    let shared = maja
        .add_entry(&entry(&format!("{place} shares this")))
        .unwrap();
    maja.share_entry(shared, true).unwrap();
    (kept, shared)
}

/// Norrby and Söderby as two roles of a new region, Norrby filled (see [`fill`]): the region,
/// Norrby's role, Söderby's, and Norrby's kept and shared entries.
fn norrby_and_soderby() -> (Region, String, String, (i64, i64)) {
    let mut region = Region::new();
    let north = region.role(Some("Norrby"));
    let south = region.role(Some("Söderby"));
    let entries = fill(&region, &north, "Norrby");
    (region, north, south, entries)
}

/// What the region shares with every municipality: the catalogue, and the entries (with their
/// tags and competences) a municipality chose to share.
const SHARED: &[&str] = &["competences", "entries", "entry_tags", "entry_competences"];

#[test]
fn a_second_municipality_finds_nothing_of_the_first_with_plain_psql() {
    if !available() {
        return;
    }
    // Given two municipalities of a region, each filled through puls as its own role
    let (region, north, south, (north_kept, north_shared)) = norrby_and_soderby();
    fill(&region, &south, "Söderby");

    // When the second municipality's role asks the database directly, with plain psql
    // Then nothing of the first is there: arenas, people, restricted records, history, read
    // log and the rest
    for table in TABLES.iter().filter(|t| !SHARED.contains(t)) {
        assert_eq!(
            region.count(
                &south,
                &format!("SELECT count(*) FROM {table} WHERE municipality <> 'Söderby'")
            ),
            0,
            "{table}: another municipality's rows"
        );
    }
    assert!(region.count(&south, "SELECT count(*) FROM arenas") > 0);
    assert!(region.count(&south, "SELECT count(*) FROM people") > 0);
    assert_eq!(
        region.count(&south, "SELECT count(*) FROM read_log"),
        1,
        "its own opening only"
    );
    // ... but the entry the first shared, with its tags, and the competence catalogue
    assert_eq!(
        region.psql(
            &south,
            "SELECT string_agg(title, ',') FROM entries WHERE municipality = 'Norrby'"
        ),
        "Norrby shares this"
    );
    assert_eq!(
        region.count(
            &south,
            &format!("SELECT count(*) FROM entry_tags WHERE entry_id = {north_shared}")
        ),
        1
    );
    assert!(region.count(&south, "SELECT count(*) FROM competences") > 0);
    // ... and of the vectors the search ranks (kept by the database, not copied), the shared
    // entry's alone
    assert_eq!(
        region.psql(
            &south,
            "SELECT string_agg(entry_id::text, ',') FROM entry_vectors WHERE municipality = 'Norrby'"
        ),
        north_shared.to_string()
    );
    // And the first municipality still sees all of its own
    assert_eq!(
        region.count(&north, "SELECT count(*) FROM arenas"),
        region.count(&south, "SELECT count(*) FROM arenas"),
        "the same demo on each side"
    );
    assert_eq!(
        region.count(
            &north,
            &format!("SELECT count(*) FROM entries WHERE id = {north_kept}")
        ),
        1
    );
    // And nobody reads the role map
    assert!(
        region.psql_refused(&south, "SELECT * FROM puls_roles"),
        "the role map is the owner's alone"
    );
    assert!(
        region.psql_refused(&south, "SELECT puls_add_role(current_user, 'Norrby')"),
        "a role cannot move itself to another municipality"
    );
    assert!(
        region.psql_refused(
            &south,
            "SET ROLE NONE; UPDATE puls_roles SET municipality = 'Norrby'"
        ),
        "nor write the map"
    );
}

/// The board's kept counts (migration 015) are written by each municipality's own writes,
/// under its own policies, and read by nobody else.
#[test]
fn each_municipality_keeps_its_plan_counts_and_sees_nobody_elses() {
    if !available() {
        return;
    }
    // Given two municipalities of a region, each filled through puls as its own role
    let (region, north, south, _) = norrby_and_soderby();
    fill(&region, &south, "Söderby");

    // When each reads its board
    for role in [&north, &south] {
        let store = region.session(role, "maja");

        // Then each card counts its plan as its arena does
        let cards = app::cards_counted_as_their_arenas(&store, role);
        assert!(cards.iter().any(|c| c.plan.activities_total > 0));
    }
    // And plain psql finds each municipality's counts, and only its own
    let counted = "SELECT count(*) FROM plan_counts";
    assert!(region.count(&south, counted) > 0);
    assert_eq!(region.count(&north, counted), region.count(&south, counted));
    assert_eq!(
        region.count(
            &south,
            "SELECT count(*) FROM plan_counts WHERE municipality <> 'Söderby'"
        ),
        0
    );
}

#[test]
fn a_shared_entry_is_found_read_and_marked_but_not_written_by_another_municipality() {
    if !available() {
        return;
    }
    // Given the first municipality's kept and shared entries
    let (region, north, south, (north_kept, north_shared)) = norrby_and_soderby();
    let mut karin = region.session(&south, "karin");

    // When the second municipality's session searches and reads them
    let hits = karin
        .search_entries("shares", &EntryFilter::default(), 10)
        .unwrap();
    let kept = karin.entry(north_kept);
    let shared = karin.entry(north_shared).unwrap();

    // Then the shared one is found and read, marked as from elsewhere; the kept one is not there
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].title, "Norrby shares this");
    assert!(hits[0].elsewhere);
    assert!(shared.shared && shared.elsewhere);
    assert_eq!(shared.tags, vec!["region"]);
    assert!(
        matches!(kept, Err(StoreError::EntryNotFound(_))),
        "{kept:?}"
    );
    // And it is read only there: neither edited, deleted nor unshared
    let edit = karin.edit_entry(north_shared, shared.version, &entry("Taken over"));
    assert!(
        matches!(edit, Err(StoreError::EntryElsewhere(_))),
        "{edit:?}"
    );
    let delete = karin.delete_entry(north_shared, shared.version);
    assert!(
        matches!(delete, Err(StoreError::EntryElsewhere(_))),
        "{delete:?}"
    );
    let unshare = karin.share_entry(north_shared, false);
    assert!(
        matches!(unshare, Err(StoreError::EntryElsewhere(_))),
        "{unshare:?}"
    );
    assert_eq!(
        region
            .session(&north, "maja")
            .entry(north_shared)
            .unwrap()
            .title,
        "Norrby shares this"
    );
    // And its own municipality's session does not mark it
    assert!(
        !region
            .session(&north, "maja")
            .entry(north_shared)
            .unwrap()
            .elsewhere
    );
}

#[test]
fn the_bank_on_screen_marks_a_shared_entry_from_elsewhere_and_refuses_to_edit_it() {
    if !available() {
        return;
    }
    // Given the second municipality's full screen, on a region where the first shared an entry
    let (region, _, south, _) = norrby_and_soderby();
    let mut app = puls::app::App::new(
        region.session(&south, "karin"),
        puls::config::Config::default(),
        puls::app::keymap::Keymap::default_keys(),
        120,
        40,
    )
    .unwrap();

    // When karin searches the bank for it, and presses e to edit it
    app::press(&mut app, "4z/shares<enter>");
    let listed = app::text(&app, 120, 40);
    app::press(&mut app, "e");
    let refused = app::text(&app, 120, 40);

    // Then it is listed as from another municipality, without its arena's number, and the edit
    // is refused before a form opens
    assert!(
        listed.contains("Norrby shares this (lesson) · from another municipality · region"),
        "{listed}"
    );
    assert!(
        listed
            .lines()
            .any(|l| l.contains("by maja") && l.contains("· from another municipality")),
        "the preview says so too:\n{listed}"
    );
    assert!(
        refused.contains("another municipality's, shared with the region"),
        "{refused}"
    );
}

#[test]
fn only_the_coordinator_lead_or_an_administrator_read_restricted_rows_in_sql() {
    if !available() {
        return;
    }
    // Given a municipality whose coordinator maja saved a restricted record
    let (region, north, _, _) = norrby_and_soderby();
    region.clock.set(now() + Duration::minutes(1));
    region
        .session(&north, "admin")
        .grant("jonas", Role::Member)
        .unwrap();
    let rows = |account: &str| {
        region.count(
            &north,
            &format!("SET puls.account = '{account}'; SELECT count(*) FROM restricted_records"),
        )
    };

    // When the connection names each account in turn, and none
    // Then only the coordinator and the administrator read the row
    assert_eq!(rows("jonas"), 0, "a member reads none");
    assert_eq!(rows("nobody"), 0, "an account not known reads none");
    assert_eq!(
        region.count(&north, "SELECT count(*) FROM restricted_records"),
        0,
        "a connection naming no account reads none"
    );
    assert_eq!(rows("maja"), 1);
    assert_eq!(rows("admin"), 1);
    // And puls's own sessions still say the record exists to everyone
    let jonas = region.session(&north, "jonas");
    let arena = jonas
        .board_cards(false)
        .unwrap()
        .into_iter()
        .find(|c| jonas.plan(c.id).unwrap().restricted)
        .map(|c| c.id);
    assert!(
        arena.is_some(),
        "jonas sees that a restricted record exists"
    );
    assert!(matches!(
        region
            .session(&north, "jonas")
            .open_restricted(arena.unwrap()),
        Err(StoreError::Restricted(_))
    ));
}

#[test]
fn a_role_not_mapped_to_a_municipality_sees_nothing() {
    if !available() {
        return;
    }
    // Given a filled municipality and a role with puls's grants but no municipality
    let (mut region, _, _, _) = norrby_and_soderby();
    let stray = region.role(None);
    server_client_on(&region)
        .batch_execute(&format!("SELECT puls_grant('{stray}')"))
        .unwrap();

    // When it asks, and tries to write
    let arenas = region.count(&stray, "SELECT count(*) FROM arenas");
    let entries = region.count(&stray, "SELECT count(*) FROM entries WHERE shared = 0");
    let refused = region.psql_refused(
        &stray,
        "INSERT INTO meta (key, value) VALUES ('stray', 'x')",
    );

    // Then it sees nothing of any municipality, and writes nothing
    assert_eq!((arenas, entries), (0, 0));
    assert!(refused);
}

#[test]
fn every_table_has_row_level_security_forced_but_the_shared_ones() {
    if !available() {
        return;
    }
    // Given puls's schema at its latest
    let region = Region::new();

    // When every table of the schema is listed with its security
    let mut client = server_client_on(&region);
    let rows = client
        .query(
            "SELECT t.table_name::text, c.relrowsecurity AND c.relforcerowsecurity,
                    EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'region'),
                    EXISTS (SELECT 1 FROM information_schema.columns k
                            WHERE k.table_schema = t.table_schema AND k.table_name = t.table_name
                              AND k.column_name = 'municipality')
             FROM information_schema.tables t
             JOIN pg_class c ON c.relname = t.table_name
                            AND c.relnamespace = t.table_schema::regnamespace
             WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
             ORDER BY 1",
            &[],
        )
        .unwrap();

    // Then each is regional (forced security, the policy, the column) except the explicit few
    let unguarded: Vec<String> = rows
        .iter()
        .filter(|r| !(r.get::<_, bool>(1) && r.get::<_, bool>(2) && r.get::<_, bool>(3)))
        .map(|r| r.get(0))
        .collect();
    assert_eq!(unguarded, vec!["competences", "puls_roles", "puls_schema"]);
    assert!(rows.len() > 30, "every table of puls: {}", rows.len());
}

#[test]
fn puls_region_add_role_maps_a_role_that_then_works_in_its_municipality() {
    if !available() {
        return;
    }
    // Given a region's database and a new login role nobody mapped
    let mut region = Region::new();
    let west = region.role(None);
    let home = tempfile::tempdir().unwrap();
    let url = region.db().url.clone();

    // When its owner maps the role with the command line
    let out = cli::run_in(
        home.path(),
        &["--db", &url, "region", "add-role", &west, "Västerby"],
        &[],
    );

    // Then it says so, and the role writes and reads in its municipality
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("The role {west} acts for Västerby now, and may use puls's tables.\n"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut karin = region.session(&west, "karin");
    karin.create_signal(&app::signal("A western need")).unwrap();
    assert_eq!(
        region.psql(&west, "SELECT string_agg(municipality, ',') FROM arenas"),
        "Västerby"
    );
    assert_eq!(
        region.count(&west, "SELECT count(*) FROM audit WHERE action = 'map'"),
        0,
        "the mapping's history row is the owner's"
    );
}

#[test]
fn searches_may_read_their_indexes_ahead_of_the_policies() {
    if !available() {
        return;
    }
    // Given a region's database whose schema a superuser made
    let (region, north, _, _) = norrby_and_soderby();

    // When a municipality's role asks whether the text-search match and the equality of names
    // are leakproof
    let leakproof = region.psql(
        &north,
        "SELECT string_agg(proleakproof::text, ',') FROM pg_proc
         WHERE oid IN ('ts_match_vq'::regproc, 'citext_eq'::regproc)",
    );

    // Then they are: only then does PostgreSQL read the search index for a session the
    // policies hold, instead of every entry (on the large demo, 90 ms a search instead of 500)
    assert_eq!(leakproof, "true,true");
}

#[test]
fn one_municipality_connecting_as_an_ordinary_owner_keeps_working() {
    if !available() {
        return;
    }
    // Given an empty database owned by an ordinary role (no superuser), as many installs are
    let mut region = Region::without_schema();
    let owner = region.role(None);
    server_client_on(&region)
        .batch_execute(&format!(
            "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I OWNER TO {owner}', current_database()); END $$"
        ))
        .unwrap();

    // When puls makes its schema and fills it as that role, and maja saves a restricted record
    fill(&region, &owner, "default");

    // Then the owner's municipality is the one every row belongs to, colleagues still see that
    // the record exists, and SQL naming no account reads none of it
    assert_eq!(
        region.psql(
            &owner,
            "SELECT string_agg(DISTINCT municipality, ',') FROM arenas"
        ),
        "default"
    );
    let jonas = region.session(&owner, "jonas");
    let restricted = jonas
        .board_cards(false)
        .unwrap()
        .into_iter()
        .filter(|c| jonas.plan(c.id).unwrap().restricted)
        .count();
    assert_eq!(restricted, 1);
    assert_eq!(
        region.count(&owner, "SELECT count(*) FROM restricted_records"),
        0
    );
    assert_eq!(
        region.count(
            &owner,
            "SET puls.account = 'maja'; SELECT count(*) FROM restricted_records"
        ),
        1
    );
}

#[test]
fn retention_run_by_a_member_anonymises_a_restricted_record_it_may_not_read() {
    if !available() {
        return;
    }
    // Given a municipality whose coordinator keeps a restricted record on a closed arena
    let (region, north, _, _) = norrby_and_soderby();
    let mut maja = region.session(&north, "maja");
    let closed = maja
        .board_cards(false)
        .unwrap()
        .into_iter()
        .find(|c| c.stage == Stage::Closed && c.coordinator.as_deref() == Some("Maja Lindqvist"))
        .unwrap()
        .id;
    let record = RestrictedEdit {
        name: "Noor Haddad".into(),
        contact: "noor@example.org".into(),
        note: String::new(),
    };
    maja.save_restricted(closed, None, &record).unwrap();
    let closed_at = maja.drawn_up(closed).unwrap().unwrap().at;

    // When a member, who may not read it, runs retention a year and a day after the close
    region.clock.set(closed_at + Duration::days(366));
    let mut jonas = region.session(&north, "jonas");
    let done = jonas.run_retention(&default_rules()).unwrap();

    // Then the record is anonymised as on SQLite, and said so
    assert!(
        done.iter().any(|c| c.arena == closed && c.restricted),
        "{done:?}"
    );
    let name = maja.open_restricted(closed).unwrap().unwrap().name;
    assert!(name.starts_with("[anonymised"), "{name}");
}

/// The tests' own client of the region's database.
fn server_client_on(region: &Region) -> postgres::Client {
    postgres::Client::connect(&region.db().url, postgres::NoTls).unwrap()
}

#[test]
fn the_region_demo_copies_a_municipality_whole_under_numbers_of_its_own() {
    if !available() {
        return;
    }
    // Given a municipality filled through puls by the schema's owner, a superuser here
    let mut region = Region::new();
    let mut owner = region.owner("demo");
    puls::demo::fill_store(&mut owner, &region.clock, now()).unwrap();
    let home = owner.municipality().unwrap();

    // When the region demo copies it into Norrby
    let copied = owner.copy_municipality("Norrby", 1_000_000).unwrap();

    // Then Norrby's own role sees the same board, plans and history as the first
    // municipality's role does, each under its number moved by the offset
    let first = region.role(Some(&home));
    let north = region.role(Some("Norrby"));
    let (first, north) = (region.session(&first, "x"), region.session(&north, "x"));
    let cards = |s: &PgStore| {
        s.board_cards(true)
            .unwrap()
            .into_iter()
            .map(|c| (c.id % 1_000_000, c.title, c.stage, c.coordinator))
            .collect::<Vec<_>>()
    };
    assert_eq!(cards(&north), cards(&first));
    assert!(copied > cards(&first).len());
    let needs = |s: &PgStore, id: i64| {
        s.plan(id)
            .unwrap()
            .needs
            .into_iter()
            .map(|n| (n.competence, n.reason, n.status, n.person))
            .collect::<Vec<_>>()
    };
    let arena = first
        .board_cards(true)
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .find(|id| !needs(&first, *id).is_empty())
        .unwrap();
    assert_eq!(needs(&north, arena + 1_000_000), needs(&first, arena));
    let history = |s: &PgStore, id: i64| {
        s.arena_history(id, 100)
            .unwrap()
            .into_iter()
            .map(|r| (r.who, r.entity_id % 1_000_000, r.action, r.detail))
            .collect::<Vec<_>>()
    };
    assert!(!history(&first, arena).is_empty());
    assert_eq!(history(&north, arena + 1_000_000), history(&first, arena));

    // And no copied row points into the first municipality
    let mut admin = server_client_on(&region);
    let crossing: i64 = admin
        .query_one(
            "SELECT (SELECT count(*) FROM needs n JOIN arenas a ON a.id = n.arena_id
                     WHERE n.municipality <> a.municipality)
                  + (SELECT count(*) FROM allocations l JOIN people p ON p.id = l.person_id
                     WHERE l.municipality <> p.municipality)",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(crossing, 0);
}

#[test]
fn only_a_role_past_the_policies_may_fill_another_municipality() {
    if !available() {
        return;
    }
    // Given a municipality's ordinary role
    let (region, north, _, _) = norrby_and_soderby();
    let mut north = region.session(&north, "demo");

    // When it tries the region demo's copy
    let refused = north.copy_municipality("Österby", 1_000_000);

    // Then it is refused, saying who may, and nothing is written
    assert!(
        matches!(&refused, Err(StoreError::Backend(m)) if m.contains("superuser")),
        "{refused:?}"
    );
    let copied: i64 = server_client_on(&region)
        .query_one(
            "SELECT count(*) FROM arenas WHERE municipality = 'Österby'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(copied, 0);
}

#[test]
fn the_region_demo_on_a_sqlite_file_is_not_refused_for_being_one_file() {
    // Given a SQLite file that holds the region demo of seed 1 (the whole region takes minutes
    // to generate)
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("region.db");
    let mut store =
        puls::store::Store::open(&db, "maja", Arc::new(ManualClock::new(now()))).unwrap();
    store
        .set_meta(puls::demo::DEMO_MARK, "region seed 1")
        .unwrap();
    drop(store);

    // When the region demo is asked of it
    let out = cli::run_in(
        home.path(),
        &["demo", "--size", "region", "--db", db.to_str().unwrap()],
        &[],
    );

    // Then it is taken for the region demo it holds, not refused for being SQLite
    assert!(out.status.success(), "{}", cli::stderr(&out));
    assert!(
        cli::stdout(&out).contains("already holds this demo"),
        "{}",
        cli::stdout(&out)
    );
}

#[test]
fn a_municipality_reads_its_own_rows_of_the_boards_tables_from_their_indexes() {
    if !available() {
        return;
    }
    // Given a region with a filled municipality
    let (region, north, _, _) = norrby_and_soderby();

    // When its role plans the board's whole-table reads (the planner told to prefer an index,
    // as it does once a region is large)
    // Then each reads the index that leads with the municipality the policy asks for
    for (sql, index) in [
        (
            "SELECT person_id, arena_id, percent FROM allocations",
            "allocations_of_municipality",
        ),
        (
            "SELECT arena_id, status = 'filled' FROM needs WHERE status <> 'released'",
            "needs_of_municipality",
        ),
        (
            "SELECT arena_id, result <> '' FROM criteria",
            "criteria_of_municipality",
        ),
        (
            "SELECT arena_id, status = 'done' FROM activities",
            "activities_of_municipality",
        ),
        (
            "SELECT person_id, competence_id, level FROM holdings",
            "holdings_of_municipality",
        ),
    ] {
        let plan = region.psql(&north, &format!("SET enable_seqscan = off; EXPLAIN {sql}"));
        assert!(plan.contains(index), "{sql}: {plan}");
    }
    // and the count of each arena's written entries reads its index alone, the policy's
    // columns (municipality, shared) in it
    let plan = region.psql(
        &north,
        "SET enable_seqscan = off; EXPLAIN SELECT e.arena_id, count(*)
         FROM arenas a JOIN entries e ON e.arena_id = a.id WHERE e.written = 1
         GROUP BY e.arena_id",
    );
    assert!(
        plan.contains("Index Only Scan using entries_written_by_arena"),
        "{plan}"
    );
}

#[test]
fn a_municipality_search_marks_its_own_entries_from_the_index_of_the_municipality_alone() {
    if !available() {
        return;
    }
    // Given a region with a filled municipality
    let (region, north, _, _) = norrby_and_soderby();

    // When its role plans a search (the planner told to prefer indexes, as it does once a
    // region is large)
    let plan = region.psql(
        &north,
        "SET enable_seqscan = off; EXPLAIN SELECT id FROM entries
         WHERE search @@ to_tsquery('simple', 'shares:*')",
    );

    // Then its own entries are marked from the index of the municipality alone
    assert!(plan.contains("entries_of_municipality"), "{plan}");
}

#[test]
fn a_municipality_searches_its_own_and_the_shared_entries_each_from_an_index_of_its_own() {
    if !available() {
        return;
    }
    // Given two filled municipalities, and a third whose name holds a quote and a backslash
    let (mut region, north, south, _) = norrby_and_soderby();
    fill(&region, &south, "Söderby");
    let odd = region.role(Some(r"O'Hara\by"));
    fill(&region, &odd, r"O'Hara\by");

    // When each searches the bank for what is kept and shared
    let titles = |store: &PgStore, words: &str| {
        let mut titles: Vec<String> = store
            .search_entries(words, &EntryFilter::default(), 20)
            .unwrap()
            .into_iter()
            .map(|h| h.title)
            .collect();
        titles.sort();
        titles
    };

    // Then each finds its own entries and the others' shared ones, never the others' kept
    assert_eq!(
        titles(&region.session(&north, "maja"), "keeps"),
        ["Norrby keeps this"]
    );
    let shared = [
        "Norrby shares this",
        r"O'Hara\by shares this",
        "Söderby shares this",
    ];
    assert_eq!(
        titles(&region.session(&south, "maja"), "shares this"),
        shared
    );
    let odd = region.session(&odd, "maja");
    assert_eq!(titles(&odd, "keeps"), [r"O'Hara\by keeps this"]);
    assert_eq!(titles(&odd, "shares"), shared);
    // And the owner's default municipality and each mapped one have search indexes of their
    // own, on the condition the search writes
    let indexes = region.count(
        &north,
        "SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'entries_search_%'
           OR indexname LIKE 'entries_heading_%'",
    );
    assert_eq!(
        indexes,
        2 * 4 + 2,
        "four municipalities' and the shared ones"
    );
    let norrbys = region.psql(
        &north,
        "SELECT indexdef FROM pg_indexes WHERE indexname = 'entries_search_' || md5('Norrby')",
    );
    assert!(
        norrbys.ends_with("USING gin (search) WHERE (municipality = 'Norrby'::text)"),
        "{norrbys}"
    );
}

#[test]
fn a_database_of_one_municipality_gets_no_second_search_index() {
    if !available() {
        return;
    }
    // Given a new database, its owner's municipality alone
    let region = Region::new();

    // Then the search indexes are the whole table's and the shared entries', no municipality's
    let mut client = server_client_on(&region);
    let names: Vec<String> = client
        .query(
            "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'entries_search%'
             ORDER BY indexname",
            &[],
        )
        .unwrap()
        .into_iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(names, ["entries_search", "entries_search_shared"]);
}
