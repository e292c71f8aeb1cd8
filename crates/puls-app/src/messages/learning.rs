//! Collegial learning: who can teach, the courses, and the knowledge capital.

texts! {
    can_teach_heading => "Can teach it (level 4)", "Kan lära ut (nivå 4)";
    courses_heading => "Courses in the bank", "Kurser i banken";
    nobody_can_teach => "nobody yet", "ingen än";
    fig_capital => "Knowledge capital: holders at level 1 2 3 4", "Kunskapskapital: innehavare på nivå 1 2 3 4";
    fig_nobody_teaches => "Nobody can teach", "Ingen kan lära ut";
    not_a_course_to_sign_up => "Only a course has sessions to sign up for.", "Bara en kurs har tillfällen att anmäla sig till.";
    no_session_to_sign_up => "The course has no session planned yet.", "Kursen har inget tillfälle planerat än.";
    course_you_are_signed_up => "you are signed up", "du är anmäld";
    course_read_hint => "n/p session · s sign up · w withdraw · Esc close", "n/p tillfälle · s anmäl · w avanmäl · Esc stänger";
}

/// `Farid Karimi's course: Eating disorders at school`.
pub fn course_line(title: &str, by: &str) -> String {
    tr!(format!("{title} (by {by})"), format!("{title} (av {by})"))
}

/// `  School nurse      0 2 1 1`.
pub fn fig_capital_line(competence: &str, at_level: &[u32; 4]) -> String {
    let counts: Vec<String> = at_level.iter().map(|n| n.to_string()).collect();
    format!("  {competence:<24} {}", counts.join(" "))
}

/// `12  Trauma-informed first conversations · Farid Karimi`.
pub fn course_heading(entry: i64, title: &str, teacher: Option<&str>) -> String {
    let teacher = teacher.unwrap_or(tr!("no teacher named", "ingen lärare angiven"));
    format!("{entry:>3}  {title} · {teacher}")
}

/// `     session 3: 2026-12-09, Town hall · 10 of 12 seats left`.
pub fn session_line(id: i64, on: chrono::NaiveDate, place: &str, left: u32, seats: u32) -> String {
    tr!(
        format!("     session {id}: {on}, {place} · {left} of {seats} seats left"),
        format!("     tillfälle {id}: {on}, {place} · {left} av {seats} platser kvar")
    )
}

pub fn teacher_set(entry: i64, person: &str) -> String {
    tr!(
        format!("{person} gives course {entry}."),
        format!("{person} håller kurs {entry}.")
    )
}

pub fn session_added(id: i64) -> String {
    tr!(
        format!("Session {id} added."),
        format!("Tillfälle {id} tillagt.")
    )
}

pub fn withdrawn_from_session(session: i64, person: &str) -> String {
    tr!(
        format!("{person} is no longer signed up for session {session}."),
        format!("{person} är inte längre anmäld till tillfälle {session}.")
    )
}

pub fn signed_up(session: i64, person: &str) -> String {
    tr!(
        format!("{person} is signed up for session {session}."),
        format!("{person} är anmäld till tillfälle {session}.")
    )
}

pub fn course_sessions_heading() -> &'static str {
    tr!("Sessions", "Tillfällen")
}

pub fn course_given_by(teacher: &str) -> String {
    tr!(format!("Given by {teacher}"), format!("Hålls av {teacher}"))
}

pub fn course_no_sessions() -> &'static str {
    tr!("No session planned yet.", "Inget tillfälle är planerat än.")
}

/// One session as a course's reading lists it: its day, place and seats, and who signed up.
pub fn course_session_line(
    on: &str,
    place: &str,
    left: u32,
    seats: u32,
    signed_up: usize,
) -> String {
    if left == 0 {
        tr!(
            format!(
                "{on} · {place} · full, {}",
                super::plural(seats as usize, "seat", "seats")
            ),
            format!(
                "{on} · {place} · fullt, {}",
                super::plural(seats as usize, "plats", "platser")
            )
        )
    } else {
        tr!(
            format!("{on} · {place} · {left} of {seats} seats left, {signed_up} signed up"),
            format!("{on} · {place} · {left} av {seats} platser kvar, {signed_up} anmälda")
        )
    }
}

/// The account at the keyboard is nobody on the roster, so the screen cannot sign it up.
pub fn account_not_on_roster(account: &str) -> String {
    tr!(
        format!(
            "Your account {account} is not linked to a person on the roster: an administrator links it with puls users link {account} \"NAME\"."
        ),
        format!(
            "Ditt konto {account} är inte kopplat till en person i kompetenskartan: en administratör kopplar det med puls users link {account} \"NAMN\"."
        )
    )
}

pub fn you_signed_up(on: chrono::NaiveDate, place: &str) -> String {
    tr!(
        format!("You are signed up for {on}, {place}."),
        format!("Du är anmäld till {on}, {place}.")
    )
}

pub fn you_withdrew(on: chrono::NaiveDate, place: &str) -> String {
    tr!(
        format!("You are no longer signed up for {on}, {place}."),
        format!("Du är inte längre anmäld till {on}, {place}.")
    )
}

/// Why signing up for (or withdrawing from) the session on `on` at `place` was refused, in
/// the words of the one at the keyboard; anything else in the store's own words.
pub fn sign_up_refused(
    error: &puls_store::StoreError,
    on: chrono::NaiveDate,
    place: &str,
) -> String {
    use puls_store::StoreError;
    match error {
        StoreError::SessionFull(_) => tr!(
            format!("No seat left on {on}, {place}: the session is full."),
            format!("Ingen plats kvar {on}, {place}: tillfället är fullt.")
        ),
        StoreError::AlreadySignedUp { .. } => tr!(
            format!("You are already signed up for {on}, {place}."),
            format!("Du är redan anmäld till {on}, {place}.")
        ),
        StoreError::NotSignedUp { .. } => tr!(
            format!("You are not signed up for {on}, {place}: there is nothing to withdraw from."),
            format!("Du är inte anmäld till {on}, {place}: det finns inget att avanmäla dig från.")
        ),
        other => super::store_error(other),
    }
}
