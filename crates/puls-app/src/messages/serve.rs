//! SSH: the keys that identify accounts, and `puls serve`.

texts! {
    field_key_comment => "key comment", "nyckelns kommentar";
    no_keys => "No SSH keys are listed. Add one with `puls users key add ACCOUNT FILE`.",
        "Inga SSH-nycklar finns. Lägg till en med `puls users key add KONTO FIL`.";
    key_is_private => "That is a private key: give the public one (the file ending in .pub).",
        "Det är en privat nyckel: ange den publika (filen som slutar på .pub).";
    key_file_empty => "No public key in the file.", "Ingen publik nyckel i filen.";
    editor_not_over_ssh => "No editor over SSH: edit the text here.",
        "Ingen textredigerare över SSH: redigera texten här.";
    serve_needs_pty => "The full screen needs a terminal: connect with `ssh -t`, or name a command.",
        "Helskärmen behöver en terminal: anslut med `ssh -t`, eller ange ett kommando.";
    serve_full => "puls is serving as many sessions as it may; try again in a while.",
        "puls har så många sessioner som tillåts; försök igen om en stund.";
    serve_goodbye => "puls is stopping on the server; what you saved is kept. Goodbye.",
        "puls stannar på servern; det du har sparat finns kvar. Hej då.";
    serve_idle => "Closed after a long time without keys; connect again to go on.",
        "Stängd efter lång tid utan tangenttryck; anslut igen för att fortsätta.";
    serve_unbalanced_quotes => "The command has a quote that is not closed.",
        "Kommandot har ett citattecken som inte avslutas.";
    serve_session_failed => "puls failed in this session and closed it; nothing unsaved was written.",
        "puls fick ett fel i den här sessionen och stängde den; inget osparat skrevs.";
}

/// A line of a key file that is not an OpenSSH public key.
pub fn key_unreadable(line: usize, problem: &str) -> String {
    tr!(
        format!("Line {line} is not an OpenSSH public key: {problem}."),
        format!("Rad {line} är ingen publik OpenSSH-nyckel: {problem}.")
    )
}

/// `key add`: the key's `ssh-keygen -l` description and its account.
pub fn key_added(account: &str, described: &str) -> String {
    tr!(
        format!("{account} may log in with {described}."),
        format!("{account} kan logga in med {described}.")
    )
}

pub fn key_removed(account: &str, described: &str) -> String {
    tr!(
        format!("{account} may no longer log in with {described}."),
        format!("{account} kan inte längre logga in med {described}.")
    )
}

pub fn key_not_listed(fingerprint: &str) -> String {
    tr!(
        format!("No listed key has the fingerprint {fingerprint}."),
        format!("Ingen nyckel har fingeravtrycket {fingerprint}.")
    )
}

/// Over SSH: a command that administers, asked by someone who is not an administrator.
pub fn serve_admin_only(command: &str) -> String {
    tr!(
        format!("`{command}` is for administrators."),
        format!("`{command}` är för administratörer.")
    )
}

/// Over SSH: a command or option that reads or writes files on the server.
pub fn serve_key_from_stdin() -> &'static str {
    tr!(
        "`users key add` over SSH reads the key from what you send, not from a file on the server: `ssh ... users key add ACCOUNT - < key.pub`.",
        "`users key add` över SSH läser nyckeln från det du skickar, inte från en fil på servern: `ssh ... users key add KONTO - < key.pub`."
    )
}

pub fn serve_not_remote(what: &str) -> String {
    tr!(
        format!("`{what}` works with files on the server and is not available over SSH."),
        format!("`{what}` arbetar med filer på servern och finns inte över SSH.")
    )
}

/// `puls serve` at start: where it listens and the host key's fingerprint.
pub fn serve_listening(address: &str, host_key: &str) -> String {
    tr!(
        format!("puls serves on {address}; host key {host_key}"),
        format!("puls tjänar på {address}; värdnyckel {host_key}")
    )
}

pub fn host_key_created(path: &std::path::Path) -> String {
    tr!(
        format!("A new host key was written to {} (0600).", path.display()),
        format!("En ny värdnyckel skrevs till {} (0600).", path.display())
    )
}

/// The host key file: readable by others, or not a key.
pub fn host_key_refused(path: &std::path::Path, problem: &str) -> String {
    tr!(
        format!("The host key {} cannot be used: {problem}", path.display()),
        format!(
            "Värdnyckeln {} kan inte användas: {problem}",
            path.display()
        )
    )
}

pub fn host_key_open_to_others(mode: u32) -> String {
    tr!(
        format!("others may read it (mode {mode:o}); chmod 600 it"),
        format!("andra kan läsa den (läge {mode:o}); kör chmod 600 på den")
    )
}

pub fn serve_check_ok(what: &str) -> String {
    tr!(format!("ok: {what}"), format!("ok: {what}"))
}

pub fn serve_cannot_listen(address: &str, problem: &str) -> String {
    tr!(
        format!("Cannot listen on {address}: {problem}"),
        format!("Kan inte lyssna på {address}: {problem}")
    )
}

pub fn unknown_language(code: &str) -> String {
    tr!(
        format!("No language is called \"{code}\": en, sv or none."),
        format!("Inget språk heter \"{code}\": en, sv eller none.")
    )
}

pub fn unknown_time_zone(name: &str) -> String {
    tr!(
        format!(
            "No time zone is called \"{name}\": an IANA name such as Europe/Stockholm, or none."
        ),
        format!("Ingen tidszon heter \"{name}\": ett IANA-namn som Europe/Stockholm, eller none.")
    )
}

/// `users settings`: what an account's sessions over SSH speak and count in.
pub fn account_settings_line(account: &str, settings: puls_store::AccountSettings) -> String {
    let language = match settings.language {
        Some(puls_domain::language::Language::English) => "en",
        Some(puls_domain::language::Language::Swedish) => "sv",
        None => "-",
    };
    let zone = settings.zone.map_or("-", |z| z.name());
    tr!(
        format!(
            "{account}: language {language}, time zone {zone} (- : the client's, else the server's)"
        ),
        format!("{account}: språk {language}, tidszon {zone} (- : klientens, annars serverns)")
    )
}
