//! The config file, the keymap in it, the command palette and the user's own editor.

texts! {
    palette_description => "find a command by what it does", "hitta ett kommando efter vad det gör";
    palette_title => "Commands", "Kommandon";
    palette_footer => "type to find · ↑↓ choose · Enter run · Esc close",
        "skriv för att hitta · ↑↓ välj · Enter kör · Esc stäng";
    palette_nothing_found => "No command does that here.", "Inget kommando gör det här.";
    open_editor_description => "edit the field in $VISUAL or $EDITOR",
        "redigera fältet i $VISUAL eller $EDITOR";
    form_hint_multi_line => "Tab next field · Ctrl-E editor · Ctrl-S save · Esc cancel",
        "Tab nästa fält · Ctrl-E redigerare · Ctrl-S spara · Esc avbryt";
    open_editor_hint => "editor", "redigerare";
    editor_needs_multi_line => "Only a multi-line field opens in the editor.",
        "Bara ett fält med flera rader öppnas i redigeraren.";
    editor_done => "The field holds what the editor saved; Ctrl-S saves the form.",
        "Fältet har det redigeraren sparade; Ctrl-S sparar formuläret.";
    editor_unchanged => "The editor changed nothing.", "Redigeraren ändrade ingenting.";
}

/// `--config` or `PULS_CONFIG` names a file that is not there.
pub fn config_missing(path: &std::path::Path) -> String {
    let path = path.display();
    tr!(
        format!(
            "the config file {path} does not exist; check the name given with --config or PULS_CONFIG, or leave both out for the default file"
        ),
        format!(
            "inställningsfilen {path} finns inte; kontrollera namnet i --config eller PULS_CONFIG, eller utelämna båda för standardfilen"
        )
    )
}

/// A config file refused: `path:line:column: what`, the form editors jump to.
pub fn config_invalid(path: &std::path::Path, at: Option<(usize, usize)>, detail: &str) -> String {
    match at {
        Some((line, column)) => format!("{}:{line}:{column}: {detail}", path.display()),
        None => format!("{}: {detail}", path.display()),
    }
}

/// What is wrong with an entry of a keymap, in the words of the config file.
pub fn key_problem(problem: &crate::keymap::KeyProblem) -> String {
    use crate::keymap::{Context, KeyProblem};
    match problem {
        KeyProblem::Syntax(detail) => detail.clone(),
        KeyProblem::UnknownMode(mode) => {
            let modes = Context::ALL
                .iter()
                .map(|c| c.table())
                .collect::<Vec<_>>()
                .join(", ");
            tr!(
                format!("unknown mode [keys.{mode}]; the modes are {modes}"),
                format!("okänt läge [keys.{mode}]; lägena är {modes}")
            )
        }
        KeyProblem::UnknownCommand(name) => tr!(
            format!(
                "unknown command \"{name}\"; `puls config --print-default` lists every command"
            ),
            format!(
                "okänt kommando \"{name}\"; `puls config --print-default` listar alla kommandon"
            )
        ),
        KeyProblem::BadKey(key) => tr!(
            format!(
                "\"{key}\" is not a key; write one key such as \"x\", \"ctrl-s\", \"shift-tab\" or \"f2\", \
                 or two separated by a space, such as \"g g\""
            ),
            format!(
                "\"{key}\" är ingen tangent; skriv en tangent som \"x\", \"ctrl-s\", \"shift-tab\" eller \"f2\", \
                 eller två med ett mellanslag emellan, som \"g g\""
            )
        ),
        KeyProblem::NotAnswered { mode, command } => tr!(
            format!(
                "\"{command}\" does nothing in [keys.{mode}]; `puls config --print-default` shows where each command works"
            ),
            format!(
                "\"{command}\" gör ingenting i [keys.{mode}]; `puls config --print-default` visar var varje kommando fungerar"
            )
        ),
        KeyProblem::Duplicate { mode, key } => tr!(
            format!("\"{key}\" is bound twice in [keys.{mode}]; keep one of the two"),
            format!("\"{key}\" är bunden två gånger i [keys.{mode}]; behåll en av dem")
        ),
        KeyProblem::Prefix { mode, key, other } => tr!(
            format!(
                "\"{key}\" and \"{other}\" clash in [keys.{mode}]: one starts the other, so \
                 after its first key puls could not tell which is meant"
            ),
            format!(
                "\"{key}\" och \"{other}\" krockar i [keys.{mode}]: den ena börjar som den andra, så \
                 efter första tangenten kan puls inte veta vilken som menas"
            )
        ),
    }
}

/// The status line while the first key of a sequence waits for the second.
pub fn key_pending(key: &str) -> String {
    tr!(
        format!("{key} … (next key, or Esc to cancel)"),
        format!("{key} … (nästa tangent, eller Esc för att avbryta)")
    )
}

/// The editor ended with an error: the field keeps its text.
pub fn editor_failed(editor: &str, status: &str) -> String {
    tr!(
        format!("The editor ({editor}) {status}: the field is unchanged."),
        format!("Redigeraren ({editor}) {status}: fältet är oförändrat.")
    )
}

/// The editor could not be started, or its file not written or read.
pub fn editor_not_run(editor: &str, error: &std::io::Error) -> String {
    tr!(
        format!("Could not edit in {editor}: {error}. The field is unchanged."),
        format!("Kunde inte redigera i {editor}: {error}. Fältet är oförändrat.")
    )
}

/// The head of `puls config --print-default`.
pub fn config_default_head(path: &str) -> String {
    tr!(
        format!(
            "# puls settings: {path}\n\
             # (or the file named by --config or PULS_CONFIG). Every setting below shows its default;\n\
             # keep only what you change: what the file leaves out keeps its default, and a setting\n\
             # or command puls does not know is refused at start, with its line.\n"
        ),
        format!(
            "# Inställningar för puls: {path}\n\
             # (eller filen som --config eller PULS_CONFIG anger). Varje inställning nedan visar sitt\n\
             # förval; behåll bara det du ändrar: det filen utelämnar behåller sitt förval, och en\n\
             # inställning eller ett kommando som puls inte känner till vägras vid start, med sin rad.\n"
        )
    )
}

/// The comment above one setting in `puls config --print-default`; `None` for an unknown name.
pub fn config_setting_comment(name: &str) -> Option<&'static str> {
    Some(match name {
        "db" => tr!(
            "The database when --db names none: a file, or a PostgreSQL URL (postgres://user@host/name).",
            "Databasen när --db inte anger någon: en fil, eller en PostgreSQL-URL (postgres://användare@värd/namn)."
        ),
        "group" => tr!(
            "On a shared server: the team's group. A new database is made 0660 and given to it.",
            "På en delad server: teamets grupp. En ny databas får rättigheterna 0660 och ges till gruppen."
        ),
        "standup_minutes" => tr!(
            "How many minutes each arena's turn in a stand-up lasts.",
            "Hur många minuter varje arenas tur i en avstämning varar."
        ),
        "coaching_questions" => tr!(
            "The coaching questions a stand-up rotates through.",
            "De coachande frågor som en avstämning går igenom i tur och ordning."
        ),
        "health_terms" => tr!(
            "Words that mark health data in free text (whole words, any case): saving them asks first.",
            "Ord som visar hälsouppgifter i fritext (hela ord, oavsett skiftläge): att spara dem frågar först."
        ),
        "missions" => tr!(
            "The main missions, in board order: a code stored on each arena, and its name.",
            "Huvuduppdragen, i tavlans ordning: en kod som lagras på varje arena, och dess namn."
        ),
        "bodies" => tr!(
            "The bodies that commission and decline arenas: a code, a name, a kind (\"coordination-group\", \"management-group\" or \"council-committee\") and the OS accounts of the members who may record their decisions.",
            "Organen som beställer och avböjer arenor: en kod, ett namn, ett slag (\"coordination-group\", \"management-group\" eller \"council-committee\") och OS-kontona för de ledamöter som får registrera deras beslut."
        ),
        "criteria_before_active" => tr!(
            "An arena becomes active only with at least one evaluation criterion: what it will be judged by is set before the work.",
            "En arena blir aktiv bara med minst ett utvärderingskriterium: vad den ska bedömas efter bestäms före arbetet."
        ),
        "staffing_approval" => tr!(
            "Finding staff sends a staffing request to the person's line manager, and the allocation is made when the manager approves; false allocates directly, for small teams.",
            "Att hitta bemanning skickar en bemanningsförfrågan till personens linjechef, och bemanningen görs när chefen godkänner; false bemannar direkt, för små team."
        ),
        "language" => tr!(
            "\"sv\" or \"en\"; when not set, the locale (LC_ALL, LC_MESSAGES, LANG) decides.",
            "\"sv\" eller \"en\"; när det inte är satt avgör språkmiljön (LC_ALL, LC_MESSAGES, LANG)."
        ),
        "time_zone" => tr!(
            "Where days are counted and times shown, such as \"Europe/Stockholm\"; when not set, the machine's zone (TZ, else the system's).",
            "Var dagar räknas och tider visas, till exempel \"Europe/Stockholm\"; när det inte är satt gäller maskinens zon (TZ, annars systemets)."
        ),
        "theme" => tr!(
            "Colours by meaning: \"ansi16\", \"high-contrast\", \"mono\" or \"truecolor\". NO_COLOR means mono.",
            "Färger efter betydelse: \"ansi16\", \"high-contrast\", \"mono\" eller \"truecolor\". NO_COLOR ger mono."
        ),
        "ascii" => tr!(
            "Borders and marks in ASCII only, for old terminals and fonts (or --ascii).",
            "Ramar och markeringar bara i ASCII, för gamla terminaler och typsnitt (eller --ascii)."
        ),
        "plain" => tr!(
            "For screen readers: no box drawing, one item per line, the focused item in the status line (or --plain).",
            "För skärmläsare: inga ramar, en sak per rad, det markerade i statusraden (eller --plain)."
        ),
        "mouse" => tr!(
            "Clicks and the wheel (Ctrl-O switches); while off, the terminal's own text selection works.",
            "Klick och scrollhjul (Ctrl-O växlar); när det är av fungerar terminalens egen textmarkering."
        ),
        "retention" => tr!(
            "Retention rules, each a name, what it clears (\"contacts\": a closed arena's contact details and restricted record; \"read-log\": old read-log rows) and after how many days.",
            "Gallringsregler, var och en med namn, vad den rensar (\"contacts\": en avslutad arenas kontaktuppgifter och skyddade uppgifter; \"read-log\": gamla rader i läsloggen) och efter hur många dagar."
        ),
        "idle_timeout" => tr!(
            "puls serve: seconds without a key before a session over SSH is closed.",
            "puls serve: sekunder utan tangenttryck innan en session över SSH stängs."
        ),
        "max_sessions" => tr!(
            "puls serve: how many sessions over SSH may be open at once.",
            "puls serve: hur många sessioner över SSH som får vara öppna samtidigt."
        ),
        "pool_size" => tr!(
            "Connections to a PostgreSQL database this process keeps open at most, shared by all its sessions (default: four more than the machine's cores); a session holds one only while it works.",
            "Anslutningar till en PostgreSQL-databas som processen håller öppna som mest, delade av alla dess sessioner (standard: fyra fler än maskinens kärnor); en session håller en bara medan den arbetar."
        ),
        "failed_logins" => tr!(
            "puls serve: refused logins from one address within ten minutes before it is refused outright until they pass.",
            "puls serve: nekade inloggningar från en adress inom tio minuter innan den nekas helt tills de passerat."
        ),
        "review_rhythm" => tr!(
            "Days between an arena's sponsor reviews, citizen reviews and case discussions (0: not expected); the board and the stand-up say when one is due or late.",
            "Dagar mellan en arenas sponsorgenomgångar, medborgargenomgångar och kollegiala genomgångar (0: förväntas inte); tavlan och avstämningen säger när ett möte ska hållas eller är sent."
        ),
        _ => return None,
    })
}

/// The comment above the keymap in `puls config --print-default`.
pub fn config_keys_comment() -> &'static str {
    tr!(
        "# Keys, one table per mode. A key is a character or a name (enter, esc, tab, backtab, up,\n\
         # pageup, home, f1, space...) with ctrl-, alt- or shift- in front; two keys separated by a\n\
         # space (\"g g\") are a sequence: the first waits for the second, Esc cancels. A key you\n\
         # bind replaces what its mode bound to it before; the keys you leave out keep their default.\n\
         # Keys of [keys.global] work wherever no text is typed.",
        "# Tangenter, en tabell per läge. En tangent är ett tecken eller ett namn (enter, esc, tab,\n\
         # backtab, up, pageup, home, f1, space...) med ctrl-, alt- eller shift- framför; två tangenter\n\
         # med mellanslag emellan (\"g g\") är en följd: den första väntar på den andra, Esc avbryter.\n\
         # En tangent du binder ersätter det dess läge band till den förut; de du utelämnar behåller\n\
         # sitt förval. Tangenterna i [keys.global] gäller överallt där ingen text skrivs."
    )
}

/// `puls config` without a flag: where the settings are read from.
pub fn config_path_line(path: &std::path::Path, exists: bool) -> String {
    match exists {
        true => format!("{}", path.display()),
        false => tr!(
            format!(
                "{} (not there yet: `puls config --print-default > {}` writes one)",
                path.display(),
                path.display()
            ),
            format!(
                "{} (finns inte än: `puls config --print-default > {}` skriver en)",
                path.display(),
                path.display()
            )
        ),
    }
}
