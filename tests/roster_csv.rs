//! The roster from a spreadsheet: parsing, all-or-nothing import, dry run and export, on real
//! SQLite files; and the real binary's exit code and `FILE:LINE:` messages.

use puls::store::prelude::*;
use std::path::Path;
use std::process::Command;

use puls::domain::roster::Level;
use puls::roster_csv::{self, Problem, ProblemKind};
use puls::store::{ImportRow, ImportSummary, PersonEdit, Store};

const HEADER: &str = "name,unit,external,role,contact,capacity,coordinator,competences\n";

/// Three people, two units (one outside), three competences, Swedish letters throughout.
const ROSTER: &str = "\
name,unit,external,role,contact,capacity,coordinator,competences
Åsa Öberg,Lärande & familj,no,Specialpedagog,070-111 22 33,50,ja,Specialpedagog:3; Skolsköterska:1
Karin Sjöström,Region Skåne,yes,Sjuksköterska,karin@example.se,,nej,Skolsköterska:4
Per Holm,Lärande & familj,no,Kurator,,30,yes,Kurator med myndighetsutövning
";

#[path = "shared/app.rs"]
pub mod app;

fn open(path: &Path) -> Store {
    app::open(path, "maja")
}

fn rows(csv: &str) -> Vec<ImportRow> {
    roster_csv::parse(csv.as_bytes()).unwrap()
}

fn people(store: &Store) -> usize {
    store.roster_people().unwrap().len()
}

/// Rows in a fixed order, competences too: export sorts by name and strongest first.
fn sorted(mut rows: Vec<ImportRow>) -> Vec<ImportRow> {
    rows.sort_by(|a, b| a.person.name.cmp(&b.person.name));
    for row in &mut rows {
        row.person.competences.sort();
    }
    rows
}

fn exported(store: &Store) -> String {
    let mut out = Vec::new();
    roster_csv::write(
        &mut out,
        &roster_csv::rows_of(&store.roster_people().unwrap()),
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

/// Eight people on lines 2 to 9; the one on line 7 has "lots" of capacity.
fn file_with_bad_capacity_on_line_7() -> String {
    let mut csv = HEADER.to_owned();
    for n in 2..=9 {
        let capacity = if n == 7 { "lots" } else { "25" };
        csv.push_str(&format!("Person {n},Enhet,no,,,{capacity},no,Läsa:2\n"));
    }
    csv
}

#[test]
fn import_adds_people_competences_and_units_and_counts_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("r.db"));

    let summary = store.import_roster(&rows(ROSTER)).unwrap();

    assert_eq!(
        summary,
        ImportSummary {
            added: 3,
            updated: 0,
            unchanged: 0,
            new_competences: vec![
                "Specialpedagog".into(),
                "Skolsköterska".into(),
                "Kurator med myndighetsutövning".into()
            ],
            new_units: vec!["Lärande & familj".into(), "Region Skåne".into()],
        }
    );
    let karin = store
        .roster_people()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Karin Sjöström")
        .unwrap();
    assert_eq!(karin.unit.as_deref(), Some("Region Skåne"));
    assert!(karin.external);
    assert_eq!(karin.load.capacity, 20, "an empty capacity is 20%");
    assert_eq!(
        karin.competences,
        [("Skolsköterska".into(), Level::Teaches)]
    );
    assert_eq!(store.roster_competences().unwrap().len(), 3);
}

#[test]
fn reimport_updates_people_instead_of_adding_them_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("r.db"));
    store.import_roster(&rows(ROSTER)).unwrap();
    let changed = ROSTER.replace("Kurator,,30,yes", "Kurator,,40,yes");

    let summary = store.import_roster(&rows(&changed.to_uppercase())).unwrap();

    assert_eq!((summary.added, summary.updated), (0, 3));
    assert_eq!(people(&store), 3);
    let per = store
        .roster_people()
        .unwrap()
        .into_iter()
        .find(|p| p.name == "Per Holm")
        .unwrap();
    assert_eq!(per.load.capacity, 40);
}

#[test]
fn reimporting_the_same_file_changes_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("r.db"));
    store.import_roster(&rows(ROSTER)).unwrap();
    let versions: Vec<i64> = store
        .roster_people()
        .unwrap()
        .iter()
        .map(|p| p.version)
        .collect();

    let summary = store.import_roster(&rows(ROSTER)).unwrap();

    assert_eq!(
        (summary.added, summary.updated, summary.unchanged),
        (0, 0, 3)
    );
    let after: Vec<i64> = store
        .roster_people()
        .unwrap()
        .iter()
        .map(|p| p.version)
        .collect();
    assert_eq!(after, versions, "no version bump to upset an open form");
}

#[test]
fn names_match_ignoring_case_of_swedish_letters_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("r.db"));
    store
        .add_person(&PersonEdit {
            name: "Åsa Öberg".into(),
            unit: String::new(),
            role: String::new(),
            contact: String::new(),
            capacity: 10,
            coordinator: false,
            competences: Vec::new(),
            manager: String::new(),
        })
        .unwrap();

    let summary = store
        .import_roster(&rows(&format!("{HEADER}ÅSA ÖBERG,,,,,50,,\n")))
        .unwrap();

    assert_eq!((summary.added, summary.updated), (0, 1));
    assert_eq!(people(&store), 1);
}

#[test]
fn a_bad_row_at_line_7_names_line_7_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("r.db"));
    let before = people(&store);

    let parsed = roster_csv::parse(file_with_bad_capacity_on_line_7().as_bytes());

    assert_eq!(
        parsed,
        Err(vec![Problem {
            line: 7,
            kind: ProblemKind::Capacity("lots".into())
        }])
    );
    if let Ok(rows) = parsed {
        store.import_roster(&rows).unwrap();
    }
    assert_eq!(people(&store), before);
}

#[test]
fn collects_every_problem_with_its_line() {
    let csv = format!(
        "{HEADER}\
         ,Enhet,no,,,20,no,\n\
         Bo,Enhet,kanske,,,20,no,\n\
         Cy,Enhet,no,,,20,no,Läsa:5\n\
         Di,Enhet,no,,,20\n\
         bo,Enhet,no,,,20,no,\n"
    );

    let problems = roster_csv::parse(csv.as_bytes()).unwrap_err();

    let found: Vec<(u64, ProblemKind)> = problems.into_iter().map(|p| (p.line, p.kind)).collect();
    assert_eq!(
        found,
        [
            (2, ProblemKind::NameEmpty),
            (
                3,
                ProblemKind::YesNo {
                    column: "external",
                    found: "kanske".into()
                }
            ),
            (
                4,
                ProblemKind::Level {
                    competence: "Läsa".into(),
                    found: "5".into()
                }
            ),
            (5, ProblemKind::Columns { found: 6 }),
            (6, ProblemKind::NameTwice { first: 3 }),
        ]
    );
}

#[test]
fn a_store_failure_midway_leaves_no_person_competence_or_unit() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("r.db"));
    let mut rows = rows(ROSTER);
    // Past the parser's check, so only the database's constraint stops the last row.
    rows[2].person.capacity = 150;

    assert!(store.import_roster(&rows).is_err());

    assert_eq!(people(&store), 0);
    assert!(store.roster_competences().unwrap().is_empty());
    assert!(store.units().unwrap().is_empty());
}

#[test]
fn dry_run_reports_what_would_change_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("r.db"));
    store
        .import_roster(&rows(&ROSTER[..ROSTER.find("Per Holm").unwrap()]))
        .unwrap();
    let before = exported(&store);

    let summary = store.preview_import(&rows(ROSTER)).unwrap();

    assert_eq!((summary.added, summary.unchanged), (1, 2));
    assert_eq!(summary.new_competences, ["Kurator med myndighetsutövning"]);
    assert_eq!(exported(&store), before);
}

#[test]
fn export_then_import_round_trips_people_levels_and_swedish_letters() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = open(&dir.path().join("first.db"));
    first.import_roster(&rows(ROSTER)).unwrap();
    let csv = exported(&first);

    let mut second = open(&dir.path().join("second.db"));
    second.import_roster(&rows(&csv)).unwrap();

    assert!(csv.contains("Åsa Öberg,Lärande & familj,no,Specialpedagog"));
    assert_eq!(exported(&second), csv);
    assert_eq!(
        roster_csv::rows_of(&second.roster_people().unwrap()),
        roster_csv::rows_of(&first.roster_people().unwrap())
    );
}

#[test]
fn no_exported_cell_starts_like_a_formula_and_every_one_reads_back_as_it_was() {
    // Given people whose name, unit, role, contact and competence start like formulas
    let dir = tempfile::tempdir().unwrap();
    let mut first = open(&dir.path().join("first.db"));
    let hostile = "\
name,unit,external,role,contact,capacity,coordinator,competences
\"=HYPERLINK(\"\"http://x\"\")\",@Unit,no,-notes first,+46 70 111 22 33,50,no,=Cmd:3
'=Quoted,'t Hooft,no,'plain,-1,20,no,-Minus:1
";
    first.import_roster(&rows(hostile)).unwrap();

    // When the roster is exported
    let csv = exported(&first);

    // Then no cell starts with a formula character
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?} in {csv}");
        }
    }
    assert!(csv.contains("'+46 70 111 22 33"), "{csv}");
    // And importing the export into another database gives back the same people
    let mut second = open(&dir.path().join("second.db"));
    second.import_roster(&rows(&csv)).unwrap();
    let people = roster_csv::rows_of(&second.roster_people().unwrap());
    assert_eq!(people, roster_csv::rows_of(&first.roster_people().unwrap()));
    let names: Vec<&str> = people.iter().map(|r| r.person.name.as_str()).collect();
    assert_eq!(names, ["=HYPERLINK(\"http://x\")", "=Quoted"]);
    assert_eq!(people[0].person.contact, "+46 70 111 22 33");
    assert_eq!(people[1].person.unit, "'t Hooft");
    assert_eq!(exported(&second), csv);
}

#[test]
fn a_byte_order_mark_from_excel_is_not_part_of_the_header() {
    let with_bom = format!("\u{feff}{ROSTER}");

    let parsed = rows(&with_bom);

    assert_eq!(parsed, rows(ROSTER));
}

#[test]
fn quoted_fields_may_hold_commas_quotes_and_semicolons() {
    let csv = format!(
        "{HEADER}\"Holm, Per\",\"Skola \"\"Norr\"\"\",no,,\"070-1, ank. 4\",20,no,\"Läsa:2;Skriva:3\"\n"
    );

    let parsed = rows(&csv);

    let per = &parsed[0].person;
    assert_eq!(per.name, "Holm, Per");
    assert_eq!(per.unit, "Skola \"Norr\"");
    assert_eq!(per.contact, "070-1, ank. 4");
    assert_eq!(
        per.competences,
        [
            ("Läsa".into(), Level::Practising),
            ("Skriva".into(), Level::Experienced)
        ]
    );
}

#[test]
fn a_file_excel_saved_with_semicolons_reads_the_same() {
    let semicolons = ROSTER
        .lines()
        .map(|line| {
            let cells: Vec<&str> = line.splitn(8, ',').collect();
            let (last, rest) = cells.split_last().unwrap();
            format!("{};\"{last}\"\r\n", rest.join(";"))
        })
        .collect::<String>()
        .replacen("\"competences\"", "competences", 1);

    assert_eq!(rows(&semicolons), rows(ROSTER));
}

#[test]
fn a_file_not_in_utf8_names_the_first_bad_line() {
    // "Åsa" in Latin-1, as Excel's plain "CSV" saves it.
    let latin1 = [HEADER.as_bytes(), b"Bo,,,,,,,\n\xc5sa,,,,,,,\n"].concat();

    let problems = roster_csv::parse(&latin1).unwrap_err();

    assert_eq!(
        problems,
        [Problem {
            line: 3,
            kind: ProblemKind::NotUtf8
        }]
    );
}

#[test]
fn the_binary_exits_2_and_names_file_and_line_7_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("people.csv");
    std::fs::write(&file, file_with_bad_capacity_on_line_7()).unwrap();
    let db = dir.path().join("r.db");

    let output = Command::new(env!("CARGO_BIN_EXE_puls"))
        .args(["roster", "import"])
        .arg(&file)
        .arg("--db")
        .arg(&db)
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path())
        .env_remove("PULS_DB")
        .env_remove("PULS_CONFIG")
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("{}:7: capacity \"lots\"", file.display())),
        "stderr: {stderr}"
    );
    assert_eq!(people(&open(&db)), 0);
}

#[test]
fn the_binary_imports_then_exports_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("people.csv");
    std::fs::write(&file, ROSTER).unwrap();
    let puls = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_puls"))
            .args(args)
            .arg("--db")
            .arg(dir.path().join("r.db"))
            .env("HOME", dir.path())
            .env("XDG_DATA_HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path())
            .env_remove("PULS_DB")
            .env_remove("PULS_CONFIG")
            .output()
            .unwrap()
    };
    let file = file.to_str().unwrap();

    let import = puls(&["roster", "import", file]);
    let export = puls(&["roster", "export"]);

    assert!(import.status.success());
    assert!(String::from_utf8_lossy(&import.stdout).starts_with("Imported: 3 added"));
    assert_eq!(
        sorted(rows(&String::from_utf8_lossy(&export.stdout))),
        sorted(rows(ROSTER))
    );
}

#[test]
fn the_manager_column_sets_line_managers_and_a_file_without_it_keeps_them() {
    // Given a roster imported with line managers
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("r.db"));
    let with = "name,unit,external,role,contact,capacity,coordinator,competences,manager\n\
                Åsa Öberg,Lärande & familj,no,Specialpedagog,,50,no,,per\n\
                Karin Sjöström,Region Skåne,yes,Sjuksköterska,,,no,,\n";
    store.import_roster(&rows(with)).unwrap();
    let manager = |store: &Store, name: &str| {
        store
            .roster_people()
            .unwrap()
            .into_iter()
            .find(|p| p.name == name)
            .unwrap()
            .manager
    };
    assert_eq!(manager(&store, "Åsa Öberg"), "per");
    assert_eq!(manager(&store, "Karin Sjöström"), "");
    assert!(
        exported(&store).starts_with(
            "name,unit,external,role,contact,capacity,coordinator,competences,manager\n"
        )
    );
    assert!(exported(&store).contains(",per\n"));

    // When an older file without the column is imported over it
    let older = format!("{HEADER}Åsa Öberg,Lärande & familj,no,Kurator,,50,no,\n");
    let summary = store.import_roster(&rows(&older)).unwrap();

    // Then the role changes and the line manager stays
    assert_eq!(summary.updated, 1);
    assert_eq!(manager(&store, "Åsa Öberg"), "per");
}
