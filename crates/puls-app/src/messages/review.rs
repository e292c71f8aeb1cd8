//! An arena's meetings: the sponsor's checking questions, the review with citizens, the case
//! discussion among colleagues, and when the next of each is due.

use chrono::NaiveDate;

use puls_domain::review::{Light, Question, ReviewKind};

texts! {
    review_description => "record a meeting (sponsor, citizens, colleagues)",
        "för in ett möte (sponsor, medborgare, kollegor)";
    file_review_description => "file the newest case discussion in the bank",
        "lägg senaste kollegiala genomgången i banken";
    label_held_on => "Held on", "Hölls";
    label_led_by => "Led by", "Leddes av";
    label_light => "Light", "Signal";
    label_review_kind => "Meeting", "Möte";
    detail_reviews => "Meetings", "Möten";
    detail_no_reviews => "  none recorded yet", "  inga införda än";
    problem_statement_heading => "Problem statement", "Problemformulering";
    no_case_to_file => "No case discussion of this arena is waiting to go to the bank.",
        "Ingen kollegial genomgång i arenan väntar på att läggas i banken.";
    standup_reviews => "Meetings", "Möten";
    review_late => "meeting late", "möte sent";
    no_light => "not set", "ej satt";
    next_record_description => "select the next meeting, rating or session",
        "välj nästa möte, skattning eller tillfälle";
    previous_record_description => "select the previous meeting, rating or session",
        "välj föregående möte, skattning eller tillfälle";
    open_record_description => "edit the selected meeting or rating",
        "redigera valt möte eller vald skattning";
    open_record_hint => "open", "öppna";
    no_record_to_open => "This arena has no meeting or rating yet: r records a meeting, M rates maturity.",
        "Arenan har inget möte eller ingen skattning än: r för in ett möte, M skattar mognaden.";
}

pub fn review_kind(kind: ReviewKind) -> &'static str {
    match kind {
        ReviewKind::Sponsor => tr!("Sponsor review", "Sponsorgenomgång"),
        ReviewKind::Citizen => tr!("Citizen review", "Medborgargenomgång"),
        ReviewKind::Case => tr!("Case discussion", "Kollegial genomgång"),
    }
}

/// The kind in a word, for the stand-up's one line.
pub fn review_kind_short(kind: ReviewKind) -> &'static str {
    match kind {
        ReviewKind::Sponsor => tr!("sponsor", "sponsor"),
        ReviewKind::Citizen => tr!("citizens", "medborgare"),
        ReviewKind::Case => tr!("case", "kollegor"),
    }
}

/// The field's label: short enough for the form's label column.
pub fn question_label(question: Question) -> &'static str {
    match question {
        Question::ProblemStatement => tr!("Problem now", "Problemet nu"),
        Question::Surprise => tr!("Surprise", "Överraskning"),
        Question::Segmentation => tr!("Need varies?", "Behov lika?"),
        Question::TeamOkay => tr!("Team okay?", "Mår teamet?"),
        Question::Scope => tr!("Scope, next", "Omfång/beslut"),
        Question::Members => tr!("Members", "Politikerna"),
        Question::Shown => tr!("Shown", "Visades"),
        Question::Feedback => tr!("Feedback", "Återkoppling"),
        Question::Challenged => tr!("Challenged", "Ifrågasattes"),
        Question::Decisions => tr!("Decisions", "Beslut"),
        Question::CaseQuestion => tr!("Question", "Frågan"),
        Question::Participants => tr!("Taking part", "Deltog"),
        Question::Learned => tr!("Learned", "Lärdom"),
    }
}

/// The question asked in full: the field's placeholder and the detail's heading.
pub fn question_text(question: Question) -> &'static str {
    match question {
        Question::ProblemStatement => tr!(
            "What is the current iteration of the problem statement?",
            "Hur lyder problemformuleringen just nu?"
        ),
        Question::Surprise => tr!(
            "What has surprised you most so far?",
            "Vad har överraskat er mest hittills?"
        ),
        Question::Segmentation => tr!(
            "Is the need the same for everyone, or does it vary a lot?",
            "Är behovet lika för alla, eller skiljer det sig mycket?"
        ),
        Question::TeamOkay => tr!("Is the team okay?", "Mår teamet bra?"),
        Question::Scope => tr!(
            "How far could this reach, and which decisions lie ahead?",
            "Hur långt kan det här nå, och vilka beslut väntar?"
        ),
        Question::Members => tr!(
            "How are elected members engaged?",
            "Hur involveras de förtroendevalda?"
        ),
        Question::Shown => tr!(
            "What was shown to the citizens or stakeholders?",
            "Vad visades för medborgarna eller intressenterna?"
        ),
        Question::Feedback => tr!("What did they say?", "Vad sa de?"),
        Question::Challenged => tr!("What did they challenge?", "Vad ifrågasatte de?"),
        Question::Decisions => tr!("What was decided?", "Vad beslutades?"),
        Question::CaseQuestion => tr!(
            "Which question did the arena bring?",
            "Vilken fråga tog arenan med sig?"
        ),
        Question::Participants => tr!("Who took part?", "Vilka deltog?"),
        Question::Learned => tr!("What was learned?", "Vad lärde ni er?"),
    }
}

/// The light in words, so it reads without colour.
pub fn light(light: Option<Light>) -> &'static str {
    match light {
        Some(Light::Green) => tr!("green", "grön"),
        Some(Light::Amber) => tr!("amber", "gul"),
        Some(Light::Red) => tr!("red", "röd"),
        None => no_light(),
    }
}

pub fn review_form_title(arena: i64, edit: bool) -> String {
    match edit {
        true => tr!(
            format!("#{arena} Edit meeting"),
            format!("#{arena} Redigera möte")
        ),
        false => tr!(
            format!("#{arena} New meeting"),
            format!("#{arena} Nytt möte")
        ),
    }
}

pub fn review_saved(arena: i64, kind: ReviewKind) -> String {
    let kind = review_kind(kind);
    tr!(
        format!("{kind} of #{arena} saved."),
        format!("{kind} för #{arena} sparad.")
    )
}

pub fn review_filed(entry: i64) -> String {
    tr!(
        format!("What the case discussion learned is in the bank as entry {entry}."),
        format!("Det genomgången lärde finns i banken som post {entry}.")
    )
}

/// `v2 2026-11-02` beside a problem statement: which iteration, and since when.
pub fn statement_version(number: u32, on: NaiveDate) -> String {
    tr!(
        format!("v{number} since {on}"),
        format!("v{number} sedan {on}")
    )
}

/// `sponsor 12-01`, `citizens LATE 11-10`: the next meeting of one kind.
pub fn review_due(kind: ReviewKind, on: NaiveDate, late: bool) -> String {
    let kind = review_kind_short(kind);
    if late {
        format!("{kind} {} {}", super::late(), on.format("%m-%d"))
    } else {
        format!("{kind} {}", on.format("%m-%d"))
    }
}

/// `in the bank (entry 12)` after a filed case discussion.
pub fn review_in_bank(entry: i64) -> String {
    tr!(
        format!("in the bank: entry {entry}"),
        format!("i banken: post {entry}")
    )
}

/// `1 meeting late` in the board's title.
pub fn meetings_late(n: usize) -> String {
    tr!(
        super::plural(n, "meeting late", "meetings late"),
        super::plural(n, "möte sent", "möten sena")
    )
}
