//! The roster as a spreadsheet: its format, its problems, what an import did. The column names
//! stay English in both languages: they are the file's format, read back by any puls.

use super::plural;

texts! {
    /// The roster spreadsheet's format, shown by `puls roster import --help` and `export --help`.
    roster_format => "\
The file: UTF-8 CSV (in Excel: Save as \"CSV UTF-8\"), comma-separated, with this header row:

  name,unit,external,role,contact,capacity,coordinator,competences

  name         required; a name already on the roster (in any case) updates that person
  unit         the person's unit or partner organisation; a new one is created
  external     yes/no: a new unit is an outside partner (existing units keep their mark)
  role         title, free text
  contact      phone or e-mail, free text
  capacity     percent of a full-time week free for arenas, 0-100 (empty: 20)
  coordinator  yes/no: can coordinate an arena
  competences  Name:level separated by ; with level 1 aware, 2 practising, 3 experienced,
               4 can teach others (no level: 2). A new name is added to the catalogue.

yes/no also reads ja/nej, true/false, sant/falskt and 1/0; empty is no. A file saved
with semicolons between the columns (Excel with Swedish settings) is read too.
A cell starting with =, +, - or @ is exported with a ' before it, so that a spreadsheet
does not run it as a formula (+46 70... is written '+46 70...); import drops that '.
Every row is checked first: if one is wrong, each problem is listed as FILE:LINE
(the header is line 1) and nothing is written.", "\
Filen: CSV i UTF-8 (i Excel: Spara som \"CSV UTF-8\"), kommaseparerad, med den här rubrikraden:

  name,unit,external,role,contact,capacity,coordinator,competences

  name         namnet, krävs; ett namn som redan finns (oavsett versaler) uppdaterar personen
  unit         personens enhet eller partnerorganisation; en ny skapas
  external     yes/no: en ny enhet är en extern partner (befintliga enheter behåller sin markering)
  role         befattning, fritext
  contact      telefon eller e-post, fritext
  capacity     procent av en heltidsvecka som är ledig för arenor, 0-100 (tomt: 20)
  coordinator  yes/no: kan vara koordinator för en arena
  competences  Namn:nivå åtskilda av ; med nivå 1 känner till, 2 övar, 3 erfaren,
               4 kan lära ut (ingen nivå: 2). Ett nytt namn läggs till i katalogen.

yes/no kan också skrivas ja/nej, true/false, sant/falskt och 1/0; tomt är nej. En fil
sparad med semikolon mellan kolumnerna (Excel med svenska inställningar) läses också.
En cell som börjar med =, +, - eller @ exporteras med ett ' före, så att ett kalkylblad
inte kör den som en formel (+46 70... skrivs '+46 70...); importen tar bort det '.
Varje rad kontrolleras först: är någon fel listas varje problem som FIL:RAD
(rubrikraden är rad 1) och inget skrivs.";
}

pub fn cannot_read(path: &std::path::Path, error: &std::io::Error) -> String {
    let path = path.display();
    tr!(
        format!("{path}: cannot read the file: {error}"),
        format!("{path}: kan inte läsa filen: {error}")
    )
}

/// One problem in a roster spreadsheet; the caller puts `FILE:LINE:` before it.
pub fn csv_problem(problem: &puls_store::roster_csv::ProblemKind) -> String {
    use puls_store::roster_csv::{COLUMNS, ProblemKind};
    let header = COLUMNS.join(",");
    match problem {
        ProblemKind::NotUtf8 => tr!(
            "not UTF-8 text from this line on: in Excel, save as \"CSV UTF-8\" so å, ä and ö survive",
            "inte UTF-8-text från den här raden: spara som \"CSV UTF-8\" i Excel så att å, ä och ö klarar sig"
        )
        .to_owned(),
        ProblemKind::Empty => tr!(
            format!("the file is empty: its first line is the header {header}"),
            format!("filen är tom: dess första rad är rubrikraden {header}")
        ),
        ProblemKind::Header { found } => tr!(
            format!("the header is \"{found}\"; it must be {header}"),
            format!("rubrikraden är \"{found}\"; den måste vara {header}")
        ),
        ProblemKind::Columns { found } => tr!(
            format!(
                "{} where the header has {}; a cell holding a comma needs \"double quotes\"",
                plural(*found, "column", "columns"),
                COLUMNS.len()
            ),
            format!(
                "{} där rubrikraden har {}; en cell med ett kommatecken behöver \"citattecken\"",
                plural(*found, "kolumn", "kolumner"),
                COLUMNS.len()
            )
        ),
        ProblemKind::NameEmpty => tr!("the name is empty", "namnet är tomt").to_owned(),
        ProblemKind::Capacity(found) => tr!(
            format!(
                "capacity \"{found}\" is not a number from 0 to 100 (percent of a full-time week)"
            ),
            format!(
                "kapaciteten \"{found}\" är inget tal från 0 till 100 (procent av en heltidsvecka)"
            )
        ),
        ProblemKind::YesNo { column, found } => tr!(
            format!("{column} is \"{found}\"; write yes or no"),
            format!("{column} är \"{found}\"; skriv ja eller nej")
        ),
        ProblemKind::Level { competence, found } => tr!(
            format!("\"{competence}\": the level \"{found}\" is not 1, 2, 3 or 4"),
            format!("\"{competence}\": nivån \"{found}\" är inte 1, 2, 3 eller 4")
        ),
        ProblemKind::CompetenceNameEmpty => tr!(
            "a competence without a name (a stray colon or level?)",
            "en kompetens utan namn (ett kolon eller en nivå för mycket?)"
        )
        .to_owned(),
        ProblemKind::CompetenceTwice(name) => tr!(
            format!("\"{name}\" is listed twice among the competences"),
            format!("\"{name}\" står två gånger bland kompetenserna")
        ),
        ProblemKind::NameTwice { first } => tr!(
            format!("this person is already on line {first}; each person once"),
            format!("den här personen finns redan på rad {first}; varje person en gång")
        ),
        ProblemKind::UnitSide { unit, first } => tr!(
            format!(
                "\"{unit}\" is marked external differently on line {first}; mark a unit the same on every row"
            ),
            format!(
                "\"{unit}\" har en annan external-markering på rad {first}; markera en enhet likadant på varje rad"
            )
        ),
        ProblemKind::Unreadable(detail) => tr!(
            format!("cannot read the CSV: {detail}"),
            format!("kan inte läsa CSV-filen: {detail}")
        ),
    }
}

pub fn nothing_imported(problems: usize) -> String {
    tr!(
        format!(
            "nothing imported: fix the {} above and run again",
            plural(problems, "problem", "problems")
        ),
        format!(
            "inget importerat: rätta {} ovan och kör igen",
            match problems {
                1 => "problemet".to_owned(),
                n => format!("de {n} problemen"),
            }
        )
    )
}

/// `Imported: COUNTS.`, or what a dry run would have done.
pub(super) fn import_result(counts: &str, dry_run: bool) -> String {
    match dry_run {
        true => tr!(
            format!("Dry run, nothing written. Would be: {counts}."),
            format!("Provkörning, inget skrivet. Det skulle bli: {counts}.")
        ),
        false => tr!(
            format!("Imported: {counts}."),
            format!("Importerat: {counts}.")
        ),
    }
}

/// The competences an import adds to the catalogue, on a line of their own.
pub(super) fn new_competences(names: &[String]) -> String {
    let names = names.join(", ");
    tr!(
        format!("\nNew competences: {names}."),
        format!("\nNya kompetenser: {names}.")
    )
}

/// What an import did, or with `dry_run` would do; new names listed so a typo is caught.
pub fn import_summary(summary: &puls_store::ImportSummary, dry_run: bool) -> String {
    let competences = summary.new_competences.len();
    let units = summary.new_units.len();
    let counts = tr!(
        format!(
            "{} added, {} updated, {} unchanged; {}, {}",
            summary.added,
            summary.updated,
            summary.unchanged,
            plural(competences, "new competence", "new competences"),
            plural(units, "new unit", "new units"),
        ),
        format!(
            "{} tillagda, {} uppdaterade, {} oförändrade; {}, {}",
            summary.added,
            summary.updated,
            summary.unchanged,
            plural(competences, "ny kompetens", "nya kompetenser"),
            plural(units, "ny enhet", "nya enheter"),
        )
    );
    let mut text = import_result(&counts, dry_run);
    if !summary.new_competences.is_empty() {
        text.push_str(&new_competences(&summary.new_competences));
    }
    if !summary.new_units.is_empty() {
        let names = summary.new_units.join(", ");
        text.push_str(&tr!(
            format!("\nNew units: {names}."),
            format!("\nNya enheter: {names}.")
        ));
    }
    text
}

pub fn competence_not_exportable(name: &str) -> String {
    tr!(
        format!(
            "the competence \"{name}\" holds a semicolon and will read back as two; rename it before importing this file"
        ),
        format!(
            "kompetensen \"{name}\" innehåller ett semikolon och läses tillbaka som två; byt namn på den innan filen importeras"
        )
    )
}
