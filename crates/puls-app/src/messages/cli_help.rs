//! The command line's own help (`puls --help`, `puls help signal`): clap's words, and the
//! Swedish of what the doc comments of `cli*.rs` say in English.

texts! {
    help_usage => "Usage:", "Användning:";
    help_commands => "Commands", "Kommandon";
    help_arguments => "Arguments", "Argument";
    help_options => "Options", "Flaggor";
    help_possible_values_heading => "Possible values:", "Möjliga värden:";
    help_possible_values => "possible values", "möjliga värden";
    help_env => "env", "miljövariabel";
    help_default => "default", "standard";
    help_command => "Print this message or the help of the given subcommand(s)",
        "Visa den här hjälpen eller hjälpen för de angivna underkommandona";
    help_flag => "Print help", "Visa hjälp";
    help_flag_short => "Print help (see more with '--help')", "Visa hjälp (mer med '--help')";
    help_flag_long => "Print help (see a summary with '-h')",
        "Visa hjälp (en sammanfattning med '-h')";
    version_flag => "Print version", "Visa versionen";

    // The fields named when the command line refuses personal data (`puls signal`, `puls import`,
    // `puls register`). Only what is printed is translated: the audit log keeps the English
    // labels of `cli_privacy`, as stored data keeps one language.
    field_title => "title", "titel";
    field_need => "need", "behov";
    field_from => "from", "signalerad av";
    field_account => "account", "konto";
    field_person => "roster person", "person på kompetenskartan";
    field_mission => "mission", "huvuduppdrag";
    field_coordinator => "coordinator", "koordinator";
    field_mandate => "mandate", "mandat";
    field_commissioned_by => "commissioned by", "beställd av";
    field_recipient => "recipient", "mottagare";
    field_communication_lead => "communication lead", "kommunikationsansvarig";
    field_registration => "registration", "diarienummer";
    field_channel => "channel", "kanal";
    field_summary => "summary", "innehåll";
    field_by => "by", "av";
    field_reason => "reason", "skäl";
    field_competence => "competence", "kompetens";
    field_text => "text", "text";
    field_measure => "measure", "mäts genom";
    field_target => "target", "mål";
    field_result => "result", "resultat";
    field_no_result_because => "no result because", "inget resultat eftersom";
    field_owner => "owner", "ansvarig";
    field_blocked_because => "blocked because", "blockerad eftersom";
}

/// The Swedish help of a command (`argument` empty) or of one of its arguments: the short
/// help, and the long one where the English has one. `command` is the path below puls
/// (`""`, `"roster import"`); a global argument is found under `""`.
pub fn help_sv(command: &str, argument: &str) -> Option<(&'static str, Option<&'static str>)> {
    help_table_sv()
        .iter()
        .find(|(c, a, _, _)| *c == command && *a == argument)
        .map(|(_, _, help, long)| (*help, (!long.is_empty()).then_some(*long)))
}

/// The Swedish help of one possible value of an argument.
pub fn value_help_sv(command: &str, argument: &str, value: &str) -> Option<&'static str> {
    value_table_sv()
        .iter()
        .find(|(c, a, v, _)| *c == command && *a == argument && *v == value)
        .map(|(_, _, _, help)| *help)
}

/// (command path, argument id or "" for the command itself, help, long help or "").
type Help = (&'static str, &'static str, &'static str, &'static str);

fn help_table_sv() -> &'static [Help] {
    &[
        (
            "",
            "",
            "Agila arenor och deras PULS-program, i terminalen",
            "",
        ),
        (
            "",
            "db",
            "Databasen: en fil (standard: ~/.local/share/puls/puls.db) eller en PostgreSQL-URL (postgres://användare@värd/namn)",
            "",
        ),
        (
            "",
            "demo",
            "Öppna demokommunen (en egen fil om inte --db anger en ny eller tom)",
            "",
        ),
        (
            "",
            "config",
            "Inställningsfilen (standard: ~/.config/puls/config.toml)",
            "",
        ),
        (
            "",
            "allow_personal_data",
            "Spara text som ser ut som ett personnummer eller en hälsouppgift; beslutet loggas. Utan flaggan vägras sådan text",
            "",
        ),
        (
            "",
            "theme",
            "Färger efter betydelse (standard: inställningens `theme`, annars ansi16). NO_COLOR betyder mono",
            "",
        ),
        (
            "",
            "ascii",
            "Ramar och markeringar bara i ASCII, för gamla terminaler och typsnitt",
            "",
        ),
        (
            "",
            "plain",
            "För skärmläsare: inga ramar, en sak per rad, den markerade saken i statusraden",
            "",
        ),
        (
            "signal",
            "",
            "Registrera en signal: ett medborgarbehov som kräver mer än en enhet. Skriver ut dess nummer",
            "",
        ),
        (
            "signal",
            "text",
            "Det du såg, på en rad: det blir arenans rubrik",
            "",
        ),
        ("signal", "from", "Vem som signalerar (standard: du)", ""),
        (
            "signal",
            "mission",
            "Huvuduppdraget det gäller, med kod eller namn (standard: det första i inställningarna)",
            "",
        ),
        ("signal", "need", "Mer om behovet", ""),
        (
            "signal",
            "manager",
            "Din närmaste chef, som tar signalen vidare",
            "",
        ),
        (
            "forward",
            "",
            "Sätt upp en signal på ett organs dagordning inför dess möte: puls forward 12 --body SSG --meeting 2026-12-10",
            "Sätt upp en signal på ett organs dagordning inför dess möte: puls forward 12 --body SSG --meeting 2026-12-10\n\nSignalens chef får, och den som registrerar organets beslut.",
        ),
        ("forward", "arena", "Arenans nummer, med eller utan #", ""),
        (
            "forward",
            "body",
            "Organet, med kod eller namn (inställningarnas [[bodies]])",
            "",
        ),
        ("forward", "meeting", "Mötets dag (ÅÅÅÅ-MM-DD)", ""),
        (
            "agenda",
            "",
            "Signalerna som väntar på ett organs möte: puls agenda SSG --format md",
            "",
        ),
        (
            "agenda",
            "body",
            "Organet, med kod eller namn (inställningarnas [[bodies]])",
            "",
        ),
        ("agenda", "format", "Format: text eller md", ""),
        (
            "commission",
            "",
            "Registrera ett organs beslut att beställa en signal: puls commission 12 --body SSG --date 2026-11-20 --ref \"KS 2026/0142\" --mandate \"...\"",
            "Registrera ett organs beslut att beställa en signal: puls commission 12 --body SSG --date 2026-11-20 --ref \"KS 2026/0142\" --mandate \"...\"\n\nBara en ledamot i organet (eller en administratör) registrerar dess beslut, och aldrig den koordinator beslutet utser. Det som utelämnas behåller det signalen redan säger.",
        ),
        (
            "commission",
            "arena",
            "Arenans nummer, med eller utan #",
            "",
        ),
        (
            "commission",
            "body",
            "Det beslutande organet, med kod eller namn (inställningarnas [[bodies]])",
            "",
        ),
        (
            "commission",
            "date",
            "Beslutets dag (ÅÅÅÅ-MM-DD); standard: i dag",
            "",
        ),
        ("commission", "registration", "Beslutets diarienummer", ""),
        (
            "commission",
            "coordinator",
            "Vem som är koordinator för arenan (standard: den signalen anger)",
            "",
        ),
        (
            "commission",
            "mandate",
            "Vad arenan ska åstadkomma (standard: signalens mandat)",
            "",
        ),
        (
            "commission",
            "budget",
            "Budgeten arenan får använda, med beslutets ord",
            "",
        ),
        (
            "commission",
            "may_ask",
            "Vilka arenan får be om personer eller hjälp",
            "",
        ),
        (
            "commission",
            "until",
            "Hur länge befogenheterna gäller (ÅÅÅÅ-MM-DD)",
            "",
        ),
        (
            "commission",
            "own_share",
            "Koordinatorns egen andel av en vecka för arenan, bemannad med beslutet; 0 för ingen",
            "",
        ),
        (
            "requests",
            "",
            "Bemanningsförfrågningar som väntar på ditt beslut som linjechef: puls requests",
            "Bemanningsförfrågningar som väntar på ditt beslut som linjechef: puls requests\n\nGodkänn en med puls requests approve ID, eller avslå den med puls requests decline ID --reason \"...\". Bemanningen görs när förfrågan godkänns.",
        ),
        (
            "requests",
            "all",
            "Alla väntande förfrågningar (för administratörer)",
            "",
        ),
        ("requests", "format", "Format: text eller md", ""),
        (
            "requests approve",
            "",
            "Godkänn en bemanningsförfrågan; bemanningen görs: puls requests approve 3 --share 20",
            "",
        ),
        (
            "requests approve",
            "id",
            "Förfrågans nummer (se puls requests)",
            "",
        ),
        (
            "requests approve",
            "share",
            "Andelen av en vecka som godkänns (standard: den efterfrågade)",
            "",
        ),
        (
            "requests approve",
            "from",
            "Första dagen (ÅÅÅÅ-MM-DD; standard: den efterfrågade)",
            "",
        ),
        (
            "requests approve",
            "until",
            "Sista dagen (ÅÅÅÅ-MM-DD; standard: den efterfrågade)",
            "",
        ),
        (
            "requests decline",
            "",
            "Avslå en bemanningsförfrågan med ett skäl: puls requests decline 3 --reason \"...\"",
            "",
        ),
        (
            "requests decline",
            "id",
            "Förfrågans nummer (se puls requests)",
            "",
        ),
        ("requests decline", "reason", "Varför förfrågan avslås", ""),
        (
            "decline",
            "",
            "Registrera ett organs beslut att avböja en signal, med skälet: puls decline 12 --body SSG --reason \"...\"",
            "",
        ),
        ("decline", "arena", "Arenans nummer, med eller utan #", ""),
        (
            "decline",
            "body",
            "Det beslutande organet, med kod eller namn (inställningarnas [[bodies]])",
            "",
        ),
        (
            "decline",
            "date",
            "Beslutets dag (ÅÅÅÅ-MM-DD); standard: i dag",
            "",
        ),
        ("decline", "reason", "Varför organet avböjer den", ""),
        ("show", "", "Skriv ut en arena: puls show 12", ""),
        ("show", "arena", "Arenans nummer, med eller utan #", ""),
        (
            "roster",
            "",
            "Kompetenskartan till och från ett kalkylark: puls roster import people.csv",
            "",
        ),
        (
            "roster import",
            "",
            "Lägg till och uppdatera personer och kompetenser från en CSV-fil: varje rad eller ingen",
            "",
        ),
        (
            "roster import",
            "file",
            "Kalkylarket, sparat som \"CSV UTF-8\"",
            "",
        ),
        (
            "roster import",
            "dry_run",
            "Kontrollera filen och säg vad som skulle ändras, utan att skriva något",
            "",
        ),
        (
            "roster export",
            "",
            "Skriv kompetenskartan till standard ut i det format som import läser",
            "",
        ),
        (
            "demo",
            "",
            "Fyll filen som --db anger med en demo: puls demo --size large --db big.db",
            "",
        ),
        (
            "demo",
            "size",
            "small: tretton arenor att prova puls på; large: kommunen som prestandatestet mäter",
            "",
        ),
        (
            "demo",
            "seed",
            "Den stora demons frö: samma frö ger samma kommun",
            "",
        ),
        (
            "demo",
            "language",
            "Den lilla demons språk (annars sessionens); den stora blandar båda, som en svensk kommuns kunskapsbank gör",
            "",
        ),
        (
            "export",
            "",
            "Skriv ut en arena: dess PULS-program som Markdown eller JSON",
            "",
        ),
        (
            "export arena",
            "",
            "En arenas PULS-program: puls export arena 12 --format md",
            "",
        ),
        (
            "export arena",
            "arena",
            "Arenans nummer, med eller utan #",
            "",
        ),
        (
            "export arena",
            "out",
            "Skriv till den här filen i stället för standard ut",
            "",
        ),
        (
            "export arena",
            "force",
            "Ersätt filen som --out anger om den finns",
            "",
        ),
        (
            "standup",
            "",
            "Öppna helskärmen i en stand-up: en arena, sedan koordinatorns andra öppna arenor",
            "",
        ),
        (
            "standup",
            "arena",
            "Arenan att börja med (standard: den första öppna arenan)",
            "",
        ),
        (
            "bank",
            "",
            "Kunskapsbanken som fil: puls bank export --format json --out bank.json",
            "",
        ),
        (
            "bank export",
            "",
            "Varje post i kunskapsbanken: puls bank export --format json --out bank.json",
            "",
        ),
        (
            "bank export",
            "out",
            "Skriv till den här filen i stället för standard ut",
            "",
        ),
        (
            "bank export",
            "force",
            "Ersätt filen som --out anger om den finns",
            "",
        ),
        (
            "bank import",
            "",
            "Lägg till posterna i en fil skriven av `puls bank export --format json`: alla eller ingen. Poster som redan finns i banken hoppas över",
            "",
        ),
        ("bank import", "file", "JSON-filen", ""),
        (
            "bank import",
            "dry_run",
            "Kontrollera filen och säg vad som skulle ändras, utan att skriva något",
            "",
        ),
        (
            "bank share",
            "",
            "Dela en post med regionens alla kommuner (de läser den, ni skriver den fortfarande): puls bank share 12. En koordinator eller en administratör får",
            "",
        ),
        ("bank share", "entry", "Postens nummer", ""),
        (
            "bank unshare",
            "",
            "Sluta dela en post med regionen: puls bank unshare 12",
            "",
        ),
        ("bank unshare", "entry", "Postens nummer", ""),
        (
            "region",
            "",
            "En region i PostgreSQL: vilken kommun varje databasroll agerar för: puls region add-role ROLL KOMMUN",
            "",
        ),
        (
            "region add-role",
            "",
            "Koppla en PostgreSQL-roll till dess kommun: puls region add-role north_puls \"Norrby\"",
            "Koppla en PostgreSQL-roll till dess kommun: puls region add-role north_puls \"Norrby\"\n\nRollen (skapad med CREATE ROLE ... LOGIN, varken superuser eller BYPASSRLS) ser och skriver sedan bara sin kommuns rader och de poster regionen delar. Kör det som rollen som skapade puls tabeller; en roll som kopplas igen flyttar.",
        ),
        (
            "import",
            "",
            "Läs in en arena skriven av `puls export arena ID --format json`; skriver ut dess nya nummer",
            "",
        ),
        ("import", "file", "JSON-filen", ""),
        (
            "migrate",
            "",
            "Kopiera en SQLite-databas hel till en tom PostgreSQL-databas: puls migrate --from FIL.db --to postgres://...",
            "",
        ),
        ("migrate", "from", "SQLite-databasen som kopieras", ""),
        (
            "migrate",
            "to",
            "Den tomma PostgreSQL-databasen den kopieras till (postgres://användare@värd/namn)",
            "",
        ),
        (
            "config",
            "",
            "Inställningsfilen: var den läses från, eller dess standardvärden med en kommentar till varje",
            "",
        ),
        (
            "config",
            "print_default",
            "Skriv ut varje inställning och tangent med sitt standardvärde: puls config --print-default > FIL",
            "",
        ),
        (
            "completions",
            "",
            "Skriv ut komplettering för skalet: puls completions bash > ~/.local/share/bash-completion/completions/puls",
            "",
        ),
        (
            "completions",
            "shell",
            "bash, zsh, fish (även elvish, powershell)",
            "",
        ),
        (
            "man",
            "",
            "Skriv ut manualsidan (roff): puls man > ~/.local/share/man/man1/puls.1",
            "",
        ),
        (
            "figures",
            "",
            "Skriv ut nyckeltalen som tabeller och staplar: puls figures --from 2026-01-01",
            "Skriv ut nyckeltalen som tabeller och staplar: puls figures --from 2026-01-01\n\nArenor per fas och huvuduppdrag, dagar till etablering och till avslut, sena arenor, uppfyllda kriterier, återförd kunskap, bemanningsluckor och överbelastning.\n\nEn arena hör till perioden om den levde någon gång under den: signalerad senast --to och inte avslutad eller avböjd före --from. Tiderna räknar de arenor som etablerades (eller avslutades) under perioden. Sena arenor och bemanning gäller i dag.",
        ),
        (
            "figures",
            "from",
            "Periodens första dag (ÅÅÅÅ-MM-DD); standard: ingen början",
            "",
        ),
        (
            "figures",
            "mission",
            "Ett huvuduppdrags nyckeltal, med kod eller namn: arenorna det leder och de det deltar i, räknade var för sig",
            "",
        ),
        (
            "report",
            "mission",
            "Ett huvuduppdrags rapport, med kod eller namn: arenorna det leder och de det deltar i, räknade var för sig",
            "",
        ),
        (
            "figures",
            "to",
            "Periodens sista dag (ÅÅÅÅ-MM-DD); standard: inget slut",
            "",
        ),
        (
            "report",
            "",
            "Skriv nyckeltalen och arenorna som md, csv eller json: puls report --out h1.md",
            "Skriv nyckeltalen och arenorna som md, csv eller json: puls report --out h1.md\n\nPerioden fungerar som för `puls figures`. CSV-filen har bara arenalistan (nummer, rubrik, fas, huvuduppdrag, koordinator, datum, sen, PULS-markeringar, bedömda kriterier, kunskapsposter), en rad per arena efter en rubrikrad; nyckeltalen finns i md och json.",
        ),
        (
            "report",
            "from",
            "Periodens första dag (ÅÅÅÅ-MM-DD); standard: ingen början",
            "",
        ),
        (
            "report",
            "to",
            "Periodens sista dag (ÅÅÅÅ-MM-DD); standard: inget slut",
            "",
        ),
        (
            "report",
            "bom",
            "CSV: börja med en byte-order mark, så att Excel läser filen som UTF-8",
            "",
        ),
        (
            "report",
            "semicolon",
            "CSV: semikolon mellan kolumnerna, för Excel med svenska inställningar",
            "",
        ),
        (
            "report",
            "out",
            "Skriv till den här filen i stället för standard ut",
            "",
        ),
        (
            "report",
            "force",
            "Ersätt filen som --out anger om den finns",
            "",
        ),
        (
            "history",
            "",
            "Skriv ut vem som ändrade vad och när, äldst först: puls history --since 7d --arena 12",
            "",
        ),
        (
            "history",
            "since",
            "Från när: 2026-11-01, 2026-11-01T09:00 (din lokala tid) eller en tid sedan: 7d, 24h, 30m",
            "",
        ),
        ("history", "arena", "Bara den här arenans historik", ""),
        (
            "history",
            "limit",
            "Högst så här många ändringar: de senaste",
            "",
        ),
        (
            "backup",
            "",
            "Kopiera databasen till FIL medan andra fortsätter arbeta; kopian är bara din och kontrollerad",
            "",
        ),
        (
            "backup",
            "file",
            "Vart kopian ska; en befintlig fil ersätts bara med --force",
            "",
        ),
        ("backup", "force", "Ersätt FIL om den finns", ""),
        (
            "restore",
            "",
            "Ersätt databasen med säkerhetskopian FIL; den ersatta sparas bredvid",
            "",
        ),
        (
            "restore",
            "file",
            "En säkerhetskopia skriven av `puls backup`",
            "",
        ),
        (
            "restore",
            "force",
            "Återställ även när andra har databasen öppen eller den har nyare ändringar",
            "",
        ),
        (
            "check",
            "",
            "Kontrollera databasens sidor, index och referenser, och vem som får skriva i den",
            "",
        ),
        (
            "register",
            "",
            "Ange en arenas diarienummer: puls register 12 \"KS 2026/0142\"",
            "Ange en arenas diarienummer: puls register 12 \"KS 2026/0142\"\n\npuls är inte kommunens diarium, men pekar på det. Ett tomt NUMBER tar bort diarienumret.",
        ),
        ("register", "arena", "Arenans nummer, med eller utan #", ""),
        ("register", "number", "Numret i diariet", ""),
        (
            "retention",
            "",
            "Tillämpa gallringsreglerna: puls retention run --dry-run",
            "",
        ),
        (
            "retention run",
            "",
            "Tillämpa gallringsreglerna i config.toml, varje arena noterad i historiken",
            "Tillämpa gallringsreglerna i config.toml, varje arena noterad i historiken.\n\nStandardregeln contacts-365: mottagaren, kontaktanteckningarna och de skyddade uppgifterna för arenor som avslutades för mer än 365 dagar sedan blir \"[anonymised YYYY-MM-DD under rule contacts-365]\", även i de upprättade versionerna och där historiken nämner mottagaren.",
        ),
        (
            "retention run",
            "dry_run",
            "Lista vad som skulle ändras, och ändra ingenting",
            "",
        ),
        (
            "extract",
            "",
            "Utdrag: puls extract subject LF-2026-014, puls extract public 12",
            "",
        ),
        (
            "extract subject",
            "",
            "Allt som finns om en ärendereferens: puls extract subject LF-2026-014 --out x.md",
            "Allt som finns om en ärendereferens: puls extract subject LF-2026-014 --out x.md\n\nVarje arena som har den (som mottagare, i sin text, i en upprättad version eller i sin historik), med sitt program, sina kontakter, skyddade uppgifter, upprättade versioner, historik och läslogg, och vad gallringen har avidentifierat. För en administratör; varje läsning av skyddade uppgifter loggas. En fil som skrivs kan bara läsas av sin ägare (eller teamets grupp, när en sådan är inställd).",
        ),
        (
            "extract subject",
            "case_ref",
            "Ärendereferensen, som arenorna anger sin mottagare",
            "",
        ),
        (
            "extract subject",
            "out",
            "Skriv till den här filen i stället för standard ut",
            "",
        ),
        (
            "extract subject",
            "force",
            "Ersätt filen som --out anger om den finns",
            "",
        ),
        (
            "extract public",
            "",
            "En arenas upprättade handlingar, maskerade för granskning före utlämnande: puls extract public 12",
            "En arenas upprättade handlingar, maskerade för granskning före utlämnande: puls extract public 12\n\nDen senaste versionen som upprättades när arenan avslutades, med mottagaren och varje personnummer och hälsouppgift maskerade. De skyddade uppgifterna finns aldrig med.",
        ),
        (
            "extract public",
            "arena",
            "Arenans nummer, med eller utan #",
            "",
        ),
        (
            "extract public",
            "out",
            "Skriv till den här filen i stället för standard ut",
            "",
        ),
        (
            "extract public",
            "force",
            "Ersätt filen som --out anger om den finns",
            "",
        ),
        (
            "users",
            "",
            "OS-konton, deras roller och vilka de är i kompetenskartan: puls users list",
            "",
        ),
        (
            "users list",
            "",
            "Varje konto, dess roller och personen det är",
            "",
        ),
        (
            "users grant",
            "",
            "Ge ett OS-konto en roll: coordinator, member, external eller administrator",
            "Ge ett OS-konto en roll: coordinator, member, external eller administrator.\n\nBara en administratör får; i en databas utan administratör blir det första konto som ger en roll dess administratör (noterat i historiken).",
        ),
        (
            "purpose",
            "",
            "Syften som arenor tjänar, och vad syftesmöten antecknar: puls purpose list",
            "",
        ),
        (
            "purpose list",
            "",
            "Lista syftena och hur många arenor som tjänar vart och ett",
            "",
        ),
        (
            "purpose add",
            "",
            "Lägg till ett syfte: puls purpose add \"Alla barn i skolan\"",
            "",
        ),
        (
            "purpose add",
            "description",
            "Vad syftet betyder för medborgarna",
            "",
        ),
        (
            "purpose link",
            "",
            "Lägg arenor under ett syfte: puls purpose link 1 3 7 (0 för inget)",
            "",
        ),
        (
            "purpose link",
            "purpose",
            "Syftets nummer, eller 0 för inget",
            "",
        ),
        ("purpose link", "arenas", "Arenornas nummer", ""),
        (
            "purpose note",
            "",
            "För in vad ett syftesmöte sa: puls purpose note 1 --kind dilemma \"...\"",
            "",
        ),
        ("purpose note", "on", "Mötets dag (standard: i dag)", ""),
        (
            "agenda",
            "",
            "Ett mötes dagordning: puls agenda purpose 1 --format md",
            "",
        ),
        (
            "agenda",
            "what",
            "Vad dagordningen gäller: `purpose` och syftets nummer",
            "",
        ),
        (
            "agenda",
            "id",
            "Syftets nummer (se `puls purpose list`)",
            "",
        ),
        (
            "course",
            "",
            "Kurser som kolleger håller: lärare, tillfällen och anmälningar: puls course list",
            "",
        ),
        (
            "maturity",
            "",
            "Samverkansmognad i partnerskap med externa parter: puls maturity partnerships",
            "",
        ),
        (
            "maturity partnerships",
            "",
            "Lista de skattade partnerskapen med externa parter",
            "",
        ),
        (
            "maturity rate",
            "",
            "Skatta ett partnerskap: puls maturity rate Fryshuset --level goals=3 --level \"culture=4 tilliten växer\"",
            "",
        ),
        ("maturity rate", "partner", "Den externa partens namn", ""),
        (
            "maturity rate",
            "levels",
            "En dimensions nivå 1-6 och en anteckning: DIMENSION=NIVÅ [ANTECKNING], en gång för var och en av goals, resources, activities, communications, governance, processes, culture",
            "",
        ),
        (
            "maturity rate",
            "on",
            "Skattningens dag (ÅÅÅÅ-MM-DD; standard: i dag)",
            "",
        ),
        (
            "maturity rate",
            "occasion",
            "baseline, returning eller check (standard: baseline för den första skattningen, annars check)",
            "",
        ),
        (
            "maturity show",
            "",
            "Ett partnerskaps skattningar över tid som diagram: puls maturity show Fryshuset",
            "",
        ),
        (
            "maturity show",
            "partner",
            "Den externa partens namn (skiftläget spelar ingen roll)",
            "",
        ),
        (
            "course list",
            "",
            "Lista bankens kurser: lärare, tillfällen och platser kvar",
            "",
        ),
        (
            "course teacher",
            "",
            "Ange kollegan som håller en kurs: puls course teacher 12 \"Farid Karimi\"",
            "",
        ),
        (
            "course session",
            "",
            "Lägg till ett tillfälle: puls course session 12 --on 2026-12-09 --place \"Rum 3\" --seats 12",
            "",
        ),
        ("course session", "on", "Tillfällets dag (ÅÅÅÅ-MM-DD)", ""),
        ("course session", "place", "Var det hålls", ""),
        ("course session", "seats", "Hur många som kan delta", ""),
        (
            "course sign-up",
            "",
            "Anmäl en kollega till ett tillfälle: puls course sign-up 3 \"Per Holm\"",
            "",
        ),
        (
            "course withdraw",
            "",
            "Ta bort en kollega från ett tillfälle: puls course withdraw 3 \"Per Holm\"",
            "",
        ),
        (
            "users revoke",
            "",
            "Ta en roll från ett OS-konto (den sista administratören behåller sin)",
            "",
        ),
        (
            "users link",
            "",
            "Säg vilken person i kompetenskartan ett OS-konto är: puls users link karin \"Karin Svensson\"",
            "Säg vilken person i kompetenskartan ett OS-konto är: puls users link karin \"Karin Svensson\"\n\nArenans koordinator och kommunikationsansvarig är personer i kompetenskartan; så vet puls att kontot vid tangentbordet får öppna deras skyddade uppgifter. Ett tomt PERSON kopplar bort kontot.",
        ),
        (
            "users settings",
            "",
            "Språket och tidszonen för ett kontos sessioner över SSH: puls users settings karin --language sv",
            "Språket och tidszonen för ett kontos sessioner över SSH: puls users settings karin --language sv\n\nUtan flaggor skrivs de ut. `none` lämnar valet åt klientens LANG och serverns inställningar. En administratör ändrar allas; ett konto får ändra sina egna.",
        ),
        ("users settings", "language", "en eller sv, eller none", ""),
        (
            "users settings",
            "time_zone",
            "En IANA-tidszon (Europe/Stockholm), eller none",
            "",
        ),
        (
            "users key",
            "",
            "SSH-nycklarna som `puls serve` känner igen ett konto på: puls users key add karin id.pub",
            "",
        ),
        (
            "users key add",
            "",
            "Lägg till de publika OpenSSH-nycklarna i FIL (eller på standard in, `-`) för KONTO",
            "Lägg till de publika OpenSSH-nycklarna i FIL (eller på standard in, `-`) för KONTO.\n\nBara en administratör får; i en databas utan administratör blir det första konto som lägger till en nyckel dess administratör (noterat i historiken).",
        ),
        (
            "users key list",
            "",
            "Varje nyckel (eller KONTOTS), så som `ssh-keygen -l` visar den",
            "",
        ),
        (
            "users key remove",
            "",
            "Ta bort nyckeln med det här fingeravtrycket (SHA256:..., som `key list` visar det)",
            "",
        ),
        (
            "serve",
            "",
            "Visa helskärmen och kommandona över SSH: puls serve --host-key /srv/puls/host_key",
            "",
        ),
        ("serve", "listen", "Adressen och porten att lyssna på", ""),
        (
            "serve",
            "host_key",
            "Serverns privata nyckel (OpenSSH-format); skrivs, läsbar bara för dig, om den saknas",
            "",
        ),
        (
            "serve",
            "check",
            "Kontrollera värdnyckeln, databasen och porten, och avsluta utan att starta",
            "",
        ),
        (
            "serve",
            "pool_size",
            "Anslutningar till en PostgreSQL-databas som hålls öppna som mest, delade av alla sessioner (config `pool_size`; standard fyra fler än kärnorna)",
            "",
        ),
    ]
}

/// (command path, argument id, value, help).
type ValueHelp = (&'static str, &'static str, &'static str, &'static str);

fn value_table_sv() -> &'static [ValueHelp] {
    // `puls export`, `puls bank export` and `puls extract` share their formats.
    const FORMAT_MD_SV: &str = "Ett läsbart dokument för den strategiska samordningsgruppen";
    const FORMAT_JSON_SV: &str =
        "En fil som `puls import` läser tillbaka, i den här eller en annan databas";
    &[
        (
            "",
            "theme",
            "ansi16",
            "De 16 ANSI-färgerna: tunna klienter och Linux-konsolen",
        ),
        (
            "",
            "theme",
            "high-contrast",
            "Ljust på mörkt, fetstil och understruket: för nedsatt syn",
        ),
        (
            "",
            "theme",
            "mono",
            "Ingen färg: fetstil, svagt, omvänt och understruket bär betydelsen",
        ),
        (
            "",
            "theme",
            "truecolor",
            "24-bitars färg, eller den närmaste av 256 där terminalen inte har fler",
        ),
        (
            "purpose note",
            "kind",
            "note",
            "Något som sades eller kom överens om, för protokollet",
        ),
        (
            "purpose note",
            "kind",
            "dilemma",
            "En fråga som mötet inte kunde avgöra",
        ),
        ("purpose note", "kind", "decision", "Vad mötet beslutade"),
        (
            "agenda",
            "format",
            "md",
            "Ett Markdown-dokument att skicka med kallelsen",
        ),
        ("export arena", "format", "md", FORMAT_MD_SV),
        ("agenda", "format", "text", "Rader i terminalen"),
        ("requests", "format", "text", "Rader i terminalen"),
        (
            "requests",
            "format",
            "md",
            "En Markdown-tabell att skicka vidare",
        ),
        ("agenda", "format", "md", "Dokumentet för mötet"),
        ("export arena", "format", "json", FORMAT_JSON_SV),
        ("bank export", "format", "md", FORMAT_MD_SV),
        ("bank export", "format", "json", FORMAT_JSON_SV),
        ("extract subject", "format", "md", FORMAT_MD_SV),
        ("extract subject", "format", "json", FORMAT_JSON_SV),
        ("extract public", "format", "md", FORMAT_MD_SV),
        ("extract public", "format", "json", FORMAT_JSON_SV),
        (
            "report",
            "format",
            "md",
            "Ett dokument med nyckeltalen och arenalistan, för samordningsgruppen",
        ),
        (
            "report",
            "format",
            "csv",
            "Bara arenalistan, en rad per arena efter en rubrikrad: för ett kalkylark",
        ),
        (
            "report",
            "format",
            "json",
            "Allt: nyckeltalen och varje arena med sina siffror, för andra program",
        ),
    ]
}

/// A field of an arena's contact `n`: `contact 2: summary`.
pub fn contact_field(n: usize, field: &str) -> String {
    tr!(
        format!("contact {n}: {field}"),
        format!("kontakt {n}: {field}")
    )
}

/// A field of an arena's need `n`: `need 1: reason`.
pub fn need_field(n: usize, field: &str) -> String {
    tr!(format!("need {n}: {field}"), format!("behov {n}: {field}"))
}

/// A field of an arena's criterion `n`: `criterion 1: target`.
pub fn criterion_field(n: usize, field: &str) -> String {
    tr!(
        format!("criterion {n}: {field}"),
        format!("kriterium {n}: {field}")
    )
}

/// A field of an arena's activity `n`: `activity 3: owner`.
pub fn activity_field(n: usize, field: &str) -> String {
    tr!(
        format!("activity {n}: {field}"),
        format!("aktivitet {n}: {field}")
    )
}
