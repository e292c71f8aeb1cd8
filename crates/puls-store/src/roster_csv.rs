//! The roster as a spreadsheet: CSV bytes to import rows or every problem with its line, and
//! rows back to CSV. No files and no database here: `cli_roster` reads, the store writes.
//!
//! The format (also in README.md and `puls roster import --help`): UTF-8, comma-separated, a
//! header row `name,unit,external,role,contact,capacity,coordinator,competences,manager`,
//! competences as `Name:level; Name:level`, the manager as the line manager's OS account. The
//! `manager` column is optional, so files written before it import as they did; an empty
//! manager cell keeps the line manager the roster has. A csv crate reads it, not `split(',')`: spreadsheets quote cells
//! that hold commas, quotes or line breaks, and double the quotes inside.

use std::collections::HashMap;
use std::io::{self, Write};

use crate::{ImportRow, PersonEdit, PersonRow};
use puls_domain::roster::Level;
use puls_domain::text;

/// The header row, in order.
pub const COLUMNS: [&str; 9] = [
    "name",
    "unit",
    "external",
    "role",
    "contact",
    "capacity",
    "coordinator",
    "competences",
    "manager",
];

/// The columns of a file written before people had line managers.
const COLUMNS_WITHOUT_MANAGER: usize = 8;

/// Capacity when the cell is empty: a day a week, as for a person added any other way.
pub const DEFAULT_CAPACITY: u32 = 20;

/// Level when a competence has none.
pub const DEFAULT_LEVEL: Level = Level::Practising;

/// One thing wrong with the file. Lines count as a text editor counts them: the header is 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: u64,
    pub kind: ProblemKind,
}

/// What is wrong; `messages::csv_problem` says it in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not UTF-8 from here on: usually Excel's plain "CSV" instead of "CSV UTF-8".
    NotUtf8,
    Empty,
    Header {
        found: String,
    },
    Columns {
        found: usize,
    },
    NameEmpty,
    Capacity(String),
    YesNo {
        column: &'static str,
        found: String,
    },
    Level {
        competence: String,
        found: String,
    },
    CompetenceNameEmpty,
    CompetenceTwice(String),
    NameTwice {
        first: u64,
    },
    /// A unit marked external on one row and not on another.
    UnitSide {
        unit: String,
        first: u64,
    },
    /// The CSV itself could not be read (the parser's own words).
    Unreadable(String),
}

fn problem(line: u64, kind: ProblemKind) -> Problem {
    Problem { line, kind }
}

fn fold(name: &str) -> String {
    name.to_lowercase()
}

/// A cell as stored: control characters out, newlines as spaces, trimmed, without the `'` that
/// keeps a spreadsheet from reading `+46 70...` as a formula.
fn cell(raw: &str) -> String {
    text::from_spreadsheet_cell(text::one_line(raw).trim()).to_owned()
}

/// Reads a roster spreadsheet: every row, or every problem found in any row.
pub fn parse(bytes: &[u8]) -> Result<Vec<ImportRow>, Vec<Problem>> {
    parse_lines(bytes).map(|rows| rows.into_iter().map(|(_, row)| row).collect())
}

/// [`parse`], each row with the line of the file it starts on.
pub fn parse_lines(bytes: &[u8]) -> Result<Vec<(u64, ImportRow)>, Vec<Problem>> {
    let text = utf8(bytes).map_err(|p| vec![p])?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        None => return Err(vec![problem(1, ProblemKind::Empty)]),
        Some(Err(e)) => return Err(vec![unreadable(&e)]),
        Some(Ok(header)) => header,
    };
    let columns = check_header(&header).map_err(|kind| vec![problem(line_of(&header, 1), kind)])?;
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut seen = Seen::default();
    for (index, record) in records.enumerate() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                problems.push(unreadable(&e));
                continue;
            }
        };
        // Spreadsheets export trailing empty rows as a line of commas.
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = line_of(&record, index as u64 + 2);
        if record.len() != columns {
            let found = record.len();
            problems.push(problem(line, ProblemKind::Columns { found }));
            continue;
        }
        let parsed = row(&record);
        let mut kinds = parsed.as_ref().err().cloned().unwrap_or_default();
        // Checked on bad rows too, so fixing them does not uncover a second round of problems.
        kinds.extend(seen.name(record.get(0).unwrap_or_default(), line));
        if let Ok(row) = parsed {
            kinds.extend(seen.unit(&row, line));
            rows.push((line, row));
        }
        problems.extend(kinds.into_iter().map(|kind| problem(line, kind)));
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

/// The text, without the byte-order mark Excel's "CSV UTF-8" starts with (it would become
/// part of "name"); or the line where the text stops being UTF-8.
fn utf8(bytes: &[u8]) -> Result<&str, Problem> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(e) => {
            let newlines = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n');
            Err(problem(1 + newlines.count() as u64, ProblemKind::NotUtf8))
        }
    }
}

/// What earlier rows said, for the checks across rows.
#[derive(Default)]
struct Seen {
    /// Folded name: the line it is on.
    names: HashMap<String, u64>,
    /// Folded unit: whether it is external, and the line that first said so.
    units: HashMap<String, (bool, u64)>,
}

impl Seen {
    fn name(&mut self, raw: &str, line: u64) -> Option<ProblemKind> {
        let name = fold(&cell(raw));
        if name.is_empty() {
            return None;
        }
        match self.names.get(&name) {
            Some(&first) => Some(ProblemKind::NameTwice { first }),
            None => {
                self.names.insert(name, line);
                None
            }
        }
    }

    fn unit(&mut self, row: &ImportRow, line: u64) -> Option<ProblemKind> {
        if row.person.unit.is_empty() {
            return None;
        }
        let (external, first) = *self
            .units
            .entry(fold(&row.person.unit))
            .or_insert((row.external, line));
        (external != row.external).then(|| ProblemKind::UnitSide {
            unit: row.person.unit.clone(),
            first,
        })
    }
}

/// A comma, unless the header is exactly our columns split by semicolons: Excel with Swedish
/// settings writes `;` even for "CSV UTF-8 (comma delimited)", since `,` is the decimal sign.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let cells: Vec<String> = header.split(';').map(|c| c.trim().to_lowercase()).collect();
    if !header.contains(',') && known_columns(&cells).is_some() {
        b';'
    } else {
        b','
    }
}

fn line_of(record: &csv::StringRecord, fallback: u64) -> u64 {
    record.position().map_or(fallback, |p| p.line())
}

fn unreadable(e: &csv::Error) -> Problem {
    let line = e.position().map_or(1, |p| p.line());
    problem(line, ProblemKind::Unreadable(e.to_string()))
}

/// How many of [`COLUMNS`] a header names, in order: all, or all but `manager`.
fn known_columns(found: &[String]) -> Option<usize> {
    [COLUMNS.len(), COLUMNS_WITHOUT_MANAGER]
        .into_iter()
        .find(|&n| found.iter().eq(COLUMNS[..n].iter()))
}

/// The number of columns the file has, when its header is ours.
fn check_header(header: &csv::StringRecord) -> Result<usize, ProblemKind> {
    let found: Vec<String> = header.iter().map(|c| c.trim().to_lowercase()).collect();
    known_columns(&found).ok_or_else(|| ProblemKind::Header {
        found: found.join(","),
    })
}

/// One data row with as many cells as its header (`manager` may be missing).
fn row(record: &csv::StringRecord) -> Result<ImportRow, Vec<ProblemKind>> {
    let at = |i: usize| record.get(i).unwrap_or_default();
    let mut problems = Vec::new();
    let name = cell(at(0));
    if name.is_empty() {
        problems.push(ProblemKind::NameEmpty);
    }
    let mut yes_no_cell = |column: usize| {
        yes_no(at(column)).unwrap_or_else(|| {
            problems.push(ProblemKind::YesNo {
                column: COLUMNS[column],
                found: cell(at(column)),
            });
            false
        })
    };
    let external = yes_no_cell(2);
    let coordinator = yes_no_cell(6);
    let capacity = capacity(at(5)).unwrap_or_else(|| {
        problems.push(ProblemKind::Capacity(cell(at(5))));
        DEFAULT_CAPACITY
    });
    let competences = competences(at(7)).unwrap_or_else(|kinds| {
        problems.extend(kinds);
        Vec::new()
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ImportRow {
        person: PersonEdit {
            name,
            unit: cell(at(1)),
            role: cell(at(3)),
            contact: cell(at(4)),
            capacity,
            coordinator,
            competences,
            manager: cell(at(8)),
        },
        external,
    })
}

/// yes/no in the words spreadsheets and people use; an empty cell is no.
fn yes_no(raw: &str) -> Option<bool> {
    match raw.trim().to_lowercase().as_str() {
        "" | "no" | "nej" | "false" | "falskt" | "0" => Some(false),
        "yes" | "ja" | "true" | "sant" | "1" => Some(true),
        _ => None,
    }
}

/// Percent of a full-time week, 0 to 100, with or without `%`; empty is the default.
fn capacity(raw: &str) -> Option<u32> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Some(DEFAULT_CAPACITY);
    }
    let number = raw.strip_suffix('%').unwrap_or(raw).trim();
    number.parse::<u32>().ok().filter(|c| *c <= 100)
}

/// `Name:level; Name` (level 1-4, default 2). The level follows the last colon, so a
/// competence name may hold a colon of its own.
fn competences(raw: &str) -> Result<Vec<(String, Level)>, Vec<ProblemKind>> {
    let mut held: Vec<(String, Level)> = Vec::new();
    let mut problems = Vec::new();
    for item in raw.split(';').map(cell).filter(|item| !item.is_empty()) {
        let (name, level_text) = match item.rsplit_once(':') {
            Some((name, level)) => (cell(name), cell(level)),
            None => (item.clone(), String::new()),
        };
        let level = if level_text.is_empty() {
            Some(DEFAULT_LEVEL)
        } else {
            level_text.parse::<i64>().ok().and_then(Level::from_number)
        };
        match level {
            _ if name.is_empty() => problems.push(ProblemKind::CompetenceNameEmpty),
            None => problems.push(ProblemKind::Level {
                competence: name,
                found: level_text,
            }),
            Some(_) if held.iter().any(|(h, _)| fold(h) == fold(&name)) => {
                problems.push(ProblemKind::CompetenceTwice(name))
            }
            Some(level) => held.push((name, level)),
        }
    }
    if problems.is_empty() {
        Ok(held)
    } else {
        Err(problems)
    }
}

/// The roster as import rows: what `puls roster export` writes.
pub fn rows_of(people: &[PersonRow]) -> Vec<ImportRow> {
    people
        .iter()
        .map(|p| ImportRow {
            person: PersonEdit {
                name: p.name.clone(),
                unit: p.unit.clone().unwrap_or_default(),
                role: p.role.clone(),
                contact: p.contact.clone(),
                capacity: p.load.capacity,
                coordinator: p.coordinator,
                competences: p
                    .competences
                    .iter()
                    .map(|(name, level)| (name.to_string(), *level))
                    .collect(),
                manager: p.manager.clone(),
            },
            external: p.external,
        })
        .collect()
}

/// Competence names that hold `;`: written as they are, they would read back as two.
pub fn unwritable_competences(rows: &[ImportRow]) -> Vec<String> {
    let mut names: Vec<String> = rows
        .iter()
        .flat_map(|r| &r.person.competences)
        .filter(|(name, _)| name.contains(';'))
        .map(|(name, _)| name.clone())
        .collect();
    names.sort();
    names.dedup();
    names
}

fn yes_no_text(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

/// The I/O error itself, so a caller can tell a closed pipe from a real failure.
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Writes `rows` as a roster spreadsheet, header first, in the format `parse` reads.
pub fn write(out: impl Write, rows: &[ImportRow]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS).map_err(io_error)?;
    for row in rows {
        let p = &row.person;
        let competences = p
            .competences
            .iter()
            .map(|(name, level)| format!("{name}:{}", level.number()))
            .collect::<Vec<_>>()
            .join("; ");
        let cell = text::spreadsheet_cell;
        writer
            .write_record([
                cell(&p.name).as_str(),
                &cell(&p.unit),
                yes_no_text(row.external),
                &cell(&p.role),
                &cell(&p.contact),
                &p.capacity.to_string(),
                yes_no_text(p.coordinator),
                &cell(&competences),
                &cell(&p.manager),
            ])
            .map_err(io_error)?;
    }
    writer.flush()
}
