//! The database: what went wrong, history, backups, restores, checks and the demo.

use chrono::{DateTime, Utc};

use super::{local_time, plural, refusal, thousands};
use puls_store::StoreError;

pub fn store_error(error: &StoreError) -> String {
    match error {
        StoreError::Conflict { id, who, at } => {
            let at = local_time(*at);
            tr!(
                format!("{who} changed #{id} at {at}; reload and try again."),
                format!("{who} ändrade #{id} {at}; läs in på nytt och försök igen.")
            )
        }
        StoreError::DrawnUp { arena, at, by } => super::drawn_up_refused(*arena, *at, by),
        StoreError::Restricted(arena) => super::restricted_refused(*arena),
        StoreError::NotAdministrator(who) => super::not_administrator(who),
        StoreError::NotAppointer { arena, who } => super::not_appointer(*arena, who),
        StoreError::LastAdministrator(who) => super::last_administrator(who),
        StoreError::NotInBody { body, who } => super::not_in_body(body, who),
        StoreError::OwnArena { arena, who } => super::own_arena(*arena, who),
        StoreError::NoManager(_)
        | StoreError::RequestNotFound(_)
        | StoreError::NotManager { .. }
        | StoreError::NotAsker { .. }
        | StoreError::RequestClosed { .. }
        | StoreError::ApprovalRefused(_)
        | StoreError::ReasonMissing => super::request_error(error),
        StoreError::DecisionRefused(problems) => super::decision_refused(problems),
        StoreError::Refused(refusals) => {
            let reasons = refusals.iter().map(refusal).collect::<Vec<_>>().join("; ");
            tr!(format!("Refused: {reasons}."), format!("Nekat: {reasons}."))
        }
        other => tr!(other.to_string(), store_error_sv(other)),
    }
}

/// The Swedish of every other store error; the English is the error's own `Display`. No
/// wildcard: a new error does not compile until it has its Swedish.
fn store_error_sv(error: &StoreError) -> String {
    match error {
        StoreError::Io { path, source } => format!("{}: {source}", path.display()),
        StoreError::NotADatabase(p) => format!(
            "{} är ingen puls-databas (den är inte SQLite, eller så är den skadad)",
            p.display()
        ),
        StoreError::ForeignDatabase(p) => format!(
            "{} är ett annat programs SQLite-databas, inte puls; puls lämnar den som den är. Ange en ny fil, eller en puls-databas",
            p.display()
        ),
        StoreError::EmptyBackup(p) => format!(
            "{} är tom: den har ingen puls-databas att återställa",
            p.display()
        ),
        StoreError::TooNew(p) => format!(
            "{} skrevs av en nyare puls; uppdatera puls för att öppna den",
            p.display()
        ),
        StoreError::WorldWritable(p) => format!(
            "{} kan skrivas av alla på den här datorn; kör först `chmod o-w` på den",
            p.display()
        ),
        StoreError::FolderWorldWritable(p) => format!(
            "mappen {} kan skrivas av alla på den här datorn, som då kan byta ut databasen eller lägga filer bredvid den; ha databasen i en egen mapp (`chmod o-w` på den)",
            p.display()
        ),
        StoreError::ReadOnly(p) => format!(
            "{} är skrivskyddad för dig; puls skriver inget till den. Be ägaren om skrivrätt, eller öppna en kopia",
            p.display()
        ),
        StoreError::UnknownGroup(group) => format!(
            "ingen grupp heter \"{group}\" i /etc/group; rätta `group` i config.toml"
        ),
        StoreError::GroupRefused { path, gid, source } => format!(
            "kunde inte ge {} till grupp {gid} ({source}); är du med i den gruppen?",
            path.display()
        ),
        StoreError::FileExists(p) => format!(
            "{} finns redan; välj ett annat namn, eller lägg till --force för att ersätta den",
            p.display()
        ),
        StoreError::NoSuchFile(p) => format!(
            "{} finns inte; kontrollera namnet (puls skapar en databas bara när den skriver i en)",
            p.display()
        ),
        StoreError::NotAFile(p) => format!(
            "{} är ingen vanlig fil (en mapp, en enhet eller ett rör); puls skriver och återställer bara vanliga filer",
            p.display()
        ),
        StoreError::BackupOverDatabase(p) => format!(
            "{} är själva databasen, eller en fil som SQLite har bredvid den (-wal, -shm, -journal); säkerhetskopior och återställningar behöver en annan fil",
            p.display()
        ),
        StoreError::BackupDamaged { path, detail } => format!(
            "{} klarade inte sin integritetskontroll ({detail}); inget ändrades",
            path.display()
        ),
        StoreError::InUse(p) => format!(
            "{} är öppen i en annan puls eller ett annat program; be dem avsluta först, eller lägg till --force för att ersätta den ändå",
            p.display()
        ),
        StoreError::NewerChanges {
            lost,
            target,
            target_newest,
            file,
            ..
        } => format!(
            "{} har {lost} ändring(ar) som är nyare än allt i {}, fram till {target_newest}; de skulle gå förlorade. Lägg till --force för att ändå återställa (den nuvarande databasen sparas bredvid)",
            target.display(),
            file.display()
        ),
        StoreError::Unreadable(p) => format!(
            "{} kan inte läsas som en puls-databas; lägg till --force för att ersätta den ändå",
            p.display()
        ),
        StoreError::CheckFailed(n) => format!(
            "kontrollen hittade {n} problem; återställ den senaste hela säkerhetskopian med `puls restore FIL`"
        ),
        StoreError::Busy => {
            "databasen förblev låst av en annan session; inget sparades, försök igen".to_owned()
        }
        StoreError::Migration { path, detail } => format!(
            "kunde inte uppdatera schemat för {}: {detail}",
            path.display()
        ),
        StoreError::ArenaNotFound(id) => format!("arena #{id} finns inte"),
        StoreError::Conflict { id, who, at } => format!("{who} ändrade arena #{id} {at}"),
        StoreError::Changed { what, who, at } => format!("{who} ändrade {what} {at}"),
        StoreError::PersonNotFound(id) => format!("person {id} finns inte"),
        StoreError::PersonHasAllocations(_) => "personen bemannar en arena eller är koordinator: inaktivera hen i stället, så att historiken stämmer".to_owned(),
        StoreError::UnknownCompetence(name) => format!(
            "ingen kompetens heter \"{name}\"; lägg först till den i katalogen"
        ),
        StoreError::AllocationNotFound(id) => format!(
            "bemanning {id} finns inte; någon kan ha tagit bort den"
        ),
        StoreError::Removed(what) => format!("{what} togs bort av någon annan; inget sparades"),
        StoreError::RecordTooNew(format) => format!(
            "filen skrevs av en nyare puls (format {format}); uppdatera puls för att läsa den"
        ),
        StoreError::BadRecord(what) => {
            format!("filen är ingen puls-arena: dess {what} är inte giltig")
        }
        StoreError::UnknownPerson(name) => {
            format!("ingen i kompetenskartan heter \"{name}\"")
        }
        StoreError::NameMissing => "ett namn behövs".to_owned(),
        StoreError::ImportNameTwice(name) => format!(
            "\"{name}\" står två gånger i importen; varje person en gång, tack"
        ),
        StoreError::EntryNotFound(id) => format!(
            "post {id} finns inte; någon kan ha tagit bort den"
        ),
        StoreError::EntryTitle => "en post behöver en titel på 1 till 200 tecken".to_owned(),
        StoreError::EntryElsewhere(id) => format!(
            "post {id} är en annan kommuns, delad med regionen: du kan läsa den, inte ändra den"
        ),
        StoreError::NotSharer(who) => format!(
            "{who} är varken koordinator eller administratör; bara de delar poster med regionen"
        ),
        StoreError::NotACaseDiscussion(id) => format!(
            "möte {id} är ingen kollegial genomgång; bara det en genomgång lärt går till banken"
        ),
        StoreError::PurposeNotFound(id) => {
            format!("syfte {id} finns inte; `puls purpose list` visar dem")
        }
        StoreError::NoteMissing => "en anteckning behöver text".to_owned(),
        StoreError::NotACourse(id) => {
            format!("post {id} är ingen kurs; bara en kurs har lärare och tillfällen")
        }
        StoreError::SessionFull(id) => format!("tillfälle {id} är fullt"),
        StoreError::NotSignedUp { session, person } => {
            format!("{person} är inte anmäld till tillfälle {session}")
        }
        StoreError::AlreadySignedUp { session, person } => {
            format!("{person} är redan anmäld till tillfälle {session}")
        }
        StoreError::NoSeats => "ett tillfälle behöver minst en plats".to_owned(),
        StoreError::MaturityLevel(dimension) => format!(
            "en skattning behöver varje dimension en gång, var och en från 1 till 6 ({dimension})"
        ),
        StoreError::PartnerMissing => {
            "ett partnerskaps skattning behöver den externa partnerns namn".to_owned()
        }
        StoreError::ReviewFiled { review, entry } => {
            format!("möte {review} finns redan i banken som post {entry}")
        }
        StoreError::Refused(_) => "flytten nekas".to_owned(),
        StoreError::DrawnUp { arena, at, by } => super::drawn_up_refused(*arena, *at, by),
        StoreError::Restricted(arena) => super::restricted_refused(*arena),
        StoreError::NotAdministrator(who) => super::not_administrator(who),
        StoreError::NotAppointer { arena, who } => super::not_appointer(*arena, who),
        StoreError::LastAdministrator(who) => super::last_administrator(who),
        StoreError::KeyListed {
            fingerprint,
            account,
        } => format!("nyckeln {fingerprint} finns redan för {account}"),
        StoreError::NotInBody { body, who } => super::not_in_body(body, who),
        StoreError::OwnArena { arena, who } => super::own_arena(*arena, who),
        StoreError::NoManager(_)
        | StoreError::RequestNotFound(_)
        | StoreError::NotManager { .. }
        | StoreError::NotAsker { .. }
        | StoreError::RequestClosed { .. }
        | StoreError::ApprovalRefused(_)
        | StoreError::ReasonMissing => super::request_error(error),
        StoreError::DecisionRefused(problems) => super::decision_refused(problems),
        StoreError::Interrupted => "frågan avbröts".to_owned(),
        StoreError::Backend(e) => format!("databasfel: {e}"),
    }
}

/// What the user should know about a database that opened.
pub fn store_warning(warning: &puls_store::Warning) -> String {
    match warning {
        puls_store::Warning::WorldReadable(path) => {
            let path = path.display();
            tr!(
                format!(
                    "anyone on this machine can read {path}; `chmod o-r` on it keeps the arenas and people to your team"
                ),
                format!(
                    "alla på den här datorn kan läsa {path}; `chmod o-r` på den håller arenorna och personerna inom ert team"
                )
            )
        }
    }
}

/// What an audit row is about: `arena #12`, `person 4`.
pub fn history_entity(entity: &str, id: i64) -> String {
    match entity {
        "arena" => format!("arena #{id}"),
        "person" => tr!(format!("person {id}"), format!("person {id}")),
        other => format!("{other} {id}"),
    }
}

pub fn history_empty(since: Option<DateTime<Utc>>, arena: Option<i64>) -> String {
    let of = arena.map_or(String::new(), |id| {
        tr!(format!(" of arena #{id}"), format!(" i arena #{id}"))
    });
    match since {
        Some(at) => {
            let at = local_time(at);
            tr!(
                format!("No changes{of} since {at}."),
                format!("Inga ändringar{of} sedan {at}.")
            )
        }
        None => tr!(
            format!("No changes{of} yet."),
            format!("Inga ändringar{of} än.")
        ),
    }
}

pub fn since_too_far(raw: &str) -> String {
    tr!(
        format!(
            "\"{raw}\" is too far away: write a date from 1900 to 9999, or a time ago of at most 100 years (36525d)"
        ),
        format!(
            "\"{raw}\" ligger för långt bort: skriv ett datum från 1900 till 9999, eller en tid sedan av högst 100 år (36525d)"
        )
    )
}

pub fn since_invalid(raw: &str) -> String {
    tr!(
        format!(
            "\"{raw}\" is not a time: write a date (2026-11-01), a date and time (2026-11-01T09:00) or a time ago (7d, 24h, 30m)"
        ),
        format!(
            "\"{raw}\" är ingen tidpunkt: skriv ett datum (2026-11-01), ett datum och en tid (2026-11-01T09:00) eller en tid sedan (7d, 24h, 30m)"
        )
    )
}

/// A backup written; `team` when it is the team's group's to read, else its owner's alone.
pub fn backup_written(file: &std::path::Path, team: bool) -> String {
    let file = file.display();
    match team {
        false => tr!(
            format!("Backup written to {file} (readable by you only) and checked: sound."),
            format!(
                "Säkerhetskopian är skriven till {file} (bara du kan läsa den) och kontrollerad: hel."
            )
        ),
        true => tr!(
            format!("Backup written to {file} (readable by your team) and checked: sound."),
            format!(
                "Säkerhetskopian är skriven till {file} (ditt team kan läsa den) och kontrollerad: hel."
            )
        ),
    }
}

pub fn restored(
    target: &std::path::Path,
    file: &std::path::Path,
    replaced: Option<&std::path::Path>,
    newest: Option<DateTime<Utc>>,
) -> String {
    let newest = newest.map_or(String::new(), |at| {
        let at = local_time(at);
        tr!(
            format!(" Its newest change is from {at}."),
            format!(" Dess senaste ändring är från {at}.")
        )
    });
    let kept = replaced.map_or(String::new(), |p| {
        let p = p.display();
        tr!(
            format!(" The database it replaced is kept as {p}."),
            format!(" Databasen den ersatte finns kvar som {p}.")
        )
    });
    let (target, file) = (target.display(), file.display());
    tr!(
        format!("Restored {target} from {file}.{newest}{kept}"),
        format!("Återställde {target} från {file}.{newest}{kept}")
    )
}

pub fn restore_would_lose(
    lost: usize,
    target: &std::path::Path,
    target_newest: DateTime<Utc>,
    file: &std::path::Path,
    file_newest: Option<DateTime<Utc>>,
) -> String {
    let local = super::local_format;
    let list = file_newest.map_or("puls history".to_owned(), |at| {
        format!("puls history --since {}", local(at, "%Y-%m-%dT%H:%M"))
    });
    let (target, file) = (target.display(), file.display());
    let last = local(target_newest, "%Y-%m-%d %H:%M:%S");
    tr!(
        format!(
            "{target} holds {} that {file} does not (the last at {last}): restoring would lose them. `{list}` lists them; add --force to restore anyway (the current database is kept beside it).",
            plural(lost, "change", "changes"),
        ),
        format!(
            "{target} har {} som {file} saknar (den senaste {last}): en återställning skulle förlora dem. `{list}` listar dem; lägg till --force för att ändå återställa (den nuvarande databasen sparas bredvid).",
            plural(lost, "ändring", "ändringar"),
        )
    )
}

pub fn check_sound() -> &'static str {
    tr!(
        "The database is sound: every page, index and reference checks out.",
        "Databasen är hel: varje sida, index och referens stämmer."
    )
}

pub fn check_damage(line: &str) -> String {
    tr!(format!("Damaged: {line}"), format!("Skadad: {line}"))
}

/// A row that points at one that is not there, in the domain's words where the table has one.
pub fn check_dangling(table: &str, row: Option<i64>, parent: &str) -> String {
    let noun = |table: &str| match table {
        "arenas" => "arena".to_owned(),
        "people" => "person".to_owned(),
        "units" => tr!("unit", "enhet").to_owned(),
        "competences" => tr!("competence", "kompetens").to_owned(),
        "needs" => tr!("need", "behov").to_owned(),
        "allocations" => tr!("allocation", "bemanning").to_owned(),
        "holdings" => tr!("competence holding", "kompetensinnehav").to_owned(),
        other => tr!(format!("row of {other}"), format!("rad i {other}")),
    };
    let row = row.map_or(String::new(), |r| format!(" {r}"));
    let (table, parent) = (noun(table), noun(parent));
    tr!(
        format!("The {table}{row} refers to a {parent} that does not exist."),
        format!(
            "{}{row} hänvisar till {parent} som inte finns.",
            capitalised(&table)
        )
    )
}

/// `bemanning` as `Bemanning`, to begin a sentence.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

pub fn check_schema(schema: usize, known: usize) -> Option<String> {
    if schema > known {
        Some(tr!(
            format!(
                "Written by a newer puls (schema {schema}; this puls knows {known}): update puls before opening it."
            ),
            format!(
                "Skriven av en nyare puls (schema {schema}; den här puls känner till {known}): uppdatera puls innan du öppnar den."
            )
        ))
    } else if schema < known {
        Some(tr!(
            format!(
                "Schema {schema} of {known}: puls brings it up to date the next time it opens it."
            ),
            format!("Schema {schema} av {known}: puls uppdaterar det nästa gång databasen öppnas.")
        ))
    } else {
        None
    }
}

pub fn check_world_writable(path: &std::path::Path) -> String {
    let path = path.display();
    tr!(
        format!(
            "Anyone on this machine can write {path}: puls refuses to open the database until `chmod o-w` on it."
        ),
        format!(
            "Alla på den här datorn kan skriva {path}: puls vägrar öppna databasen tills du kört `chmod o-w` på den."
        )
    )
}

pub fn demo_refused(path: &std::path::Path) -> String {
    let path = path.display();
    tr!(
        format!(
            "{path} already holds arenas that are not the demo; puls will not mix the demo into it. Choose a new file with --db."
        ),
        format!(
            "{path} har redan arenor som inte hör till demon; puls blandar inte in demon där. Välj en ny fil med --db."
        )
    )
}

pub fn demo_needs_db() -> &'static str {
    tr!(
        "the demo never goes into your own database; name a new file with --db",
        "demon hamnar aldrig i din egen databas; ange en ny fil med --db"
    )
}

pub fn demo_already_there(path: &std::path::Path) -> String {
    let path = path.display();
    tr!(
        format!("{path} already holds this demo; open it with: puls --db {path}"),
        format!("{path} har redan den här demon; öppna den med: puls --db {path}")
    )
}

pub fn demo_ready(path: &std::path::Path) -> String {
    let path = path.display();
    tr!(
        format!("The demo is in {path}; open it with: puls --db {path}"),
        format!("Demon finns i {path}; öppna den med: puls --db {path}")
    )
}

/// What the large demo generated: `counts` as (what, how many), the words from
/// `large_demo_nouns`.
pub fn large_demo_ready(
    path: &std::path::Path,
    counts: &[(&str, usize)],
    seed: u64,
    took: std::time::Duration,
) -> String {
    let counts = counted(counts);
    let (seconds, path) = (super::decimal(took.as_secs_f64()), path.display());
    tr!(
        format!(
            "Generated {counts} from seed {seed} in {seconds} s.\nOpen it with: puls --db {path}"
        ),
        format!(
            "Skapade {counts} från fröet {seed} på {seconds} s.\nÖppna den med: puls --db {path}"
        )
    )
}

/// What the region demo generated: the large demo in each of `municipalities`, `counts` its
/// whole (the words from `large_demo_nouns`), and how a login role gets one of them.
pub fn region_demo_ready(
    url: &std::path::Path,
    municipalities: &[&str],
    counts: &[(&str, usize)],
    seed: u64,
    took: std::time::Duration,
) -> String {
    let counts = counted(counts);
    let (seconds, url) = (super::decimal(took.as_secs_f64()), url.display());
    let (n, names) = (municipalities.len(), municipalities.join(", "));
    tr!(
        format!(
            "Generated a region of {n} municipalities ({names}): {counts} from seed {seed} in {seconds} s.\nGive a login role one of them with: puls --db {url} region add-role ROLE MUNICIPALITY"
        ),
        format!(
            "Skapade en region med {n} kommuner ({names}): {counts} från fröet {seed} på {seconds} s.\nGe en inloggningsroll en av dem med: puls --db {url} region add-role ROLL KOMMUN"
        )
    )
}

/// What the region demo generated into a SQLite file: a first municipality and one for each of
/// `others`, `counts` their whole (the words from `large_demo_nouns`), all of it one
/// organisation's, since a SQLite file keeps no municipalities apart.
pub fn region_file_ready(
    path: &std::path::Path,
    others: &[&str],
    counts: &[(&str, usize)],
    seed: u64,
    took: std::time::Duration,
) -> String {
    let counts = counted(counts);
    let (seconds, path) = (super::decimal(took.as_secs_f64()), path.display());
    let (n, names) = (others.len() + 1, others.join(", "));
    tr!(
        format!(
            "Generated a region's volume in one file, {n} municipalities' worth (the first, then {names}: their names follow each person's and unit's): {counts} from seed {seed} in {seconds} s.\nA SQLite file belongs to one organisation: everything in it is visible to everyone who opens it. A region whose municipalities each see their own lives on PostgreSQL.\nOpen it with: puls --db {path}"
        ),
        format!(
            "Skapade en regions volym i en fil, {n} kommuners (den första, sedan {names}: deras namn står efter varje persons och enhets): {counts} från fröet {seed} på {seconds} s.\nEn SQLite-fil hör till en organisation: allt i den syns för alla som öppnar den. En region där varje kommun ser sitt eget finns i PostgreSQL.\nÖppna den med: puls --db {path}"
        )
    )
}

/// "2,000 arenas, 5,000 people, ...": what a generated demo holds.
fn counted(counts: &[(&str, usize)]) -> String {
    counts
        .iter()
        .map(|(what, n)| format!("{} {what}", thousands(*n)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the large demo counts, in the order of `demo_large::Counts`.
pub fn large_demo_nouns() -> [&'static str; 12] {
    tr!(
        [
            "arenas",
            "people",
            "units",
            "competences",
            "allocations",
            "needs",
            "contacts",
            "criteria",
            "activities",
            "knowledge entries",
            "reviews",
            "audit rows",
        ],
        [
            "arenor",
            "personer",
            "enheter",
            "kompetenser",
            "bemanningar",
            "behov",
            "kontakter",
            "kriterier",
            "aktiviteter",
            "poster i kunskapsbanken",
            "genomgångar",
            "rader i ändringsloggen",
        ]
    )
}

pub fn no_data_folder() -> &'static str {
    tr!(
        "cannot find a data folder for puls (is HOME set?); choose a file with --db or PULS_DB",
        "hittar ingen datamapp för puls (är HOME satt?); välj en fil med --db eller PULS_DB"
    )
}

pub fn config_no_missions() -> &'static str {
    tr!(
        "missions: at least one mission is needed",
        "missions: minst ett huvuduppdrag behövs"
    )
}

/// `puls backup` on PostgreSQL: the server's own tool writes its backups.
pub fn backup_on_server(command: &str) -> String {
    tr!(
        format!(
            "A PostgreSQL database is backed up with PostgreSQL's own tool, pg_dump:\n  {command}"
        ),
        format!(
            "En PostgreSQL-databas säkerhetskopieras med PostgreSQL:s eget verktyg, pg_dump:\n  {command}"
        )
    )
}

/// `puls region` on a SQLite file.
pub fn region_needs_server() -> &'static str {
    tr!(
        "A region lives on PostgreSQL: name its database with --db postgres://...; a SQLite file is one municipality.",
        "En region finns i PostgreSQL: ange dess databas med --db postgres://...; en SQLite-fil är en kommun."
    )
}

pub fn role_mapped(role: &str, municipality: &str) -> String {
    tr!(
        format!("The role {role} acts for {municipality} now, and may use puls's tables."),
        format!("Rollen {role} agerar nu för {municipality} och får använda puls tabeller.")
    )
}

pub fn not_for_server(command: &str) -> String {
    tr!(
        format!(
            "puls {command} works on a SQLite file; a PostgreSQL database is restored with pg_restore and checked by its server"
        ),
        format!(
            "puls {command} fungerar på en SQLite-fil; en PostgreSQL-databas återställs med pg_restore och kontrolleras av sin server"
        )
    )
}

/// `puls migrate --to` names no PostgreSQL database.
pub fn migrate_needs_url(to: &str) -> String {
    tr!(
        format!("--to takes a PostgreSQL URL (postgres://user@host/name), not {to}"),
        format!("--to tar en PostgreSQL-URL (postgres://användare@värd/namn), inte {to}")
    )
}

/// `puls migrate` into a database that holds something already.
pub fn migrate_target_not_empty(to: &std::path::Path) -> String {
    let to = to.display();
    tr!(
        format!("{to} already holds arenas or people; puls copies only into an empty database"),
        format!(
            "{to} innehåller redan arenor eller personer; puls kopierar bara till en tom databas"
        )
    )
}

/// `puls migrate` from a file with a table this puls cannot copy.
pub fn migrate_unknown_table(from: &std::path::Path, table: &str) -> String {
    let from = from.display();
    tr!(
        format!(
            "{from} holds rows in {table}, which this puls cannot copy to PostgreSQL; nothing was copied"
        ),
        format!(
            "{from} har rader i {table}, som den här versionen av puls inte kan kopiera till PostgreSQL; inget kopierades"
        )
    )
}

/// `puls migrate` counted a table differently on the two sides.
pub fn migrate_counts_differ(table: &str) -> String {
    tr!(
        format!("{table} was counted differently in the file and in PostgreSQL"),
        format!("{table} räknades olika i filen och i PostgreSQL")
    )
}

/// `puls migrate` is done.
pub fn migrated(
    from: &std::path::Path,
    to: &std::path::Path,
    rows: usize,
    tables: usize,
) -> String {
    let (from, to) = (from.display(), to.display());
    tr!(
        format!(
            "Copied {from} to {to}: {rows} rows in {tables} tables, counted on both sides, in one transaction."
        ),
        format!(
            "Kopierade {from} till {to}: {rows} rader i {tables} tabeller, räknade på båda sidor, i en transaktion."
        )
    )
}
