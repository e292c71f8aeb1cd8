//! The demo municipality: a roster and arenas in every stage, with weeks of believable history.
//!
//! Every arena is built through the same store calls a coordinator's keys make, on a clock
//! moved back in time, so its history, ages and late dates look like real use.

mod courses;
mod knowledge;
mod maturity;
mod plans;
mod purposes;
mod reviews;
mod swedish;

use crate::store::prelude::*;
use std::cell::RefCell;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use crate::domain::arena::Stage;
use crate::domain::clock::{Clock, ManualClock};
use crate::domain::decision::{Body, Decision};
use crate::domain::knowledge::EntryKind;
use crate::domain::language::Language;
use crate::domain::puls::ActivityStatus;
use crate::domain::roster::Level;
use crate::domain::session::{self, Session};
use crate::store::{
    ActivityEdit, ArenaEdit, ContactEdit, CriterionEdit, EntryEdit, NewAllocation, NewSignal,
    PersonEdit, Proactivity, Result, Store,
};

/// Marks a database as holding the demo, so `--demo` may open it again.
pub const DEMO_MARK: &str = "demo";

/// The body that decides on the demo's signals: the strategic coordination group, as the
/// default config names it.
fn deciding_body() -> Body {
    crate::config::default_bodies().remove(0)
}

/// The missions that take part in an arena another mission leads.
fn taking_part(title: &str) -> Vec<String> {
    let codes: &[&str] = match title {
        "A twelve-year-old falling behind, with addiction at home" => &["HC"],
        "A family stuck between a plot and a detailed plan" => &["LF", "HC"],
        "Going home from hospital with dementia, safely" => &["CD"],
        _ => &[],
    };
    codes.iter().map(|c| (*c).to_owned()).collect()
}

/// The manager in each mission who takes its signals to the management group.
fn manager_of(mission: &str) -> &'static str {
    match mission {
        "LF" => "Per Holm",
        "HC" => "Oskar Lund",
        "CD" => "Anders Vik",
        _ => "Tomas Nyström",
    }
}

/// The OS account of a demo person's line manager: the head of their unit, and the municipal
/// director's for the heads. Outside partners answer to their own organisations: none.
fn line_manager_of(name: &str, unit: &str) -> &'static str {
    let head = match unit {
        "Learning & family" => ("Per Holm", "per"),
        "Health & care" => ("Oskar Lund", "oskar"),
        "Community development" => ("Anders Vik", "anders"),
        "Service support" => ("Tomas Nyström", "tomas"),
        _ => return "",
    };
    match name {
        "Tomas Nyström" => "",
        n if n == head.0 => "tomas",
        _ => head.1,
    }
}

/// A demo person's OS account: their first name in lower case, in ASCII (`Åsa Berg`: `asa`),
/// as the unit heads' accounts above are.
fn account_of(name: &str) -> String {
    let first = name.split_whitespace().next().unwrap_or(name);
    first
        .chars()
        .map(|c| match c {
            'å' | 'ä' | 'Å' | 'Ä' | 'á' | 'à' => 'a',
            'ö' | 'Ö' | 'ó' => 'o',
            'é' | 'è' | 'É' => 'e',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Who records the bodies' decisions in the demo: the municipal director, who chairs the SSG.
const DIRECTOR: &str = "tomas";

/// The demo arena's registration number (diarienummer) in the municipality's registry.
fn registration(id: i64) -> String {
    format!("KS 2026/{:04}", 100 + id)
}

/// Units: name, external partner?
const UNITS: &[(&str, bool)] = &[
    ("Learning & family", false),
    ("Health & care", false),
    ("Community development", false),
    ("Service support", false),
    ("Regional health service", true),
    ("Police", true),
    ("Employment service", true),
    ("Ådalen sports club", true),
    ("Norrbo housing company", true),
];

/// The competence catalogue: name, category.
const COMPETENCES: &[(&str, &str)] = &[
    ("Language teacher", "Education"),
    ("Special-needs teacher", "Education"),
    ("Study and career counsellor", "Education"),
    ("Employment officer", "Work"),
    ("Social worker", "Social services"),
    ("Social worker with authority to decide", "Social services"),
    ("Addiction counsellor", "Social services"),
    ("School nurse", "Health"),
    ("Trauma counsellor", "Health"),
    ("Eating-disorder specialist", "Health"),
    ("Gambling-addiction specialist", "Health"),
    ("Dementia nurse", "Care"),
    ("Disability support officer", "Care"),
    ("Building-permit officer", "Planning"),
    ("Planning architect", "Planning"),
    ("Environment inspector", "Environment"),
    ("Water and streets engineer", "Technical"),
    ("Youth leader", "Leisure"),
    ("Sports coach", "Leisure"),
    ("Community police officer", "Safety"),
];

struct Member {
    name: &'static str,
    unit: &'static str,
    role: &'static str,
    capacity: u32,
    coordinator: bool,
    competences: &'static [(&'static str, Level)],
}

const fn member(
    name: &'static str,
    unit: &'static str,
    role: &'static str,
    capacity: u32,
    competences: &'static [(&'static str, Level)],
) -> Member {
    Member {
        name,
        unit,
        role,
        capacity,
        coordinator: false,
        competences,
    }
}

const fn coordinator(
    name: &'static str,
    unit: &'static str,
    competences: &'static [(&'static str, Level)],
) -> Member {
    Member {
        name,
        unit,
        role: "Arena coordinator",
        capacity: 60,
        coordinator: true,
        competences,
    }
}

use Level::{Aware, Experienced, Practising, Teaches};

const ROSTER: &[Member] = &[
    coordinator(
        "Maja Lindqvist",
        "Learning & family",
        &[("Social worker", Experienced)],
    ),
    coordinator(
        "Jonas Ekberg",
        "Health & care",
        &[("Dementia nurse", Practising)],
    ),
    coordinator(
        "Sofia Rahimi",
        "Community development",
        &[("Planning architect", Experienced)],
    ),
    coordinator(
        "Elin Backman",
        "Learning & family",
        &[("Study and career counsellor", Teaches)],
    ),
    member(
        "Tomas Nyström",
        "Service support",
        "Knowledge manager",
        40,
        &[],
    ),
    member(
        "Leila Haddad",
        "Learning & family",
        "Language teacher",
        30,
        &[("Language teacher", Teaches), ("Trauma counsellor", Aware)],
    ),
    member(
        "Per Holm",
        "Learning & family",
        "Employment officer",
        40,
        &[
            ("Employment officer", Experienced),
            ("Study and career counsellor", Practising),
        ],
    ),
    member(
        "Karin Svedberg",
        "Learning & family",
        "Social worker",
        30,
        &[
            ("Social worker with authority to decide", Experienced),
            ("Social worker", Teaches),
        ],
    ),
    member(
        "Anders Vik",
        "Community development",
        "Building-permit officer",
        30,
        &[
            ("Building-permit officer", Teaches),
            ("Planning architect", Practising),
        ],
    ),
    member(
        "Nora Blom",
        "Regional health service",
        "School nurse",
        20,
        &[
            ("School nurse", Experienced),
            ("Eating-disorder specialist", Practising),
        ],
    ),
    member(
        "Oskar Lund",
        "Health & care",
        "Addiction counsellor",
        40,
        &[
            ("Addiction counsellor", Experienced),
            ("Gambling-addiction specialist", Practising),
        ],
    ),
    member(
        "Ida Sjögren",
        "Community development",
        "Environment inspector",
        30,
        &[
            ("Environment inspector", Experienced),
            ("Water and streets engineer", Aware),
        ],
    ),
    member(
        "Hanna Öberg",
        "Learning & family",
        "Special-needs teacher",
        25,
        &[("Special-needs teacher", Experienced)],
    ),
    member(
        "Farid Karimi",
        "Regional health service",
        "Psychologist",
        20,
        &[
            ("Trauma counsellor", Teaches),
            ("Eating-disorder specialist", Experienced),
        ],
    ),
    member(
        "Lars Åkesson",
        "Ådalen sports club",
        "Club chair",
        10,
        &[("Sports coach", Experienced), ("Youth leader", Practising)],
    ),
    member(
        "Emma Strand",
        "Employment service",
        "Job coach",
        20,
        &[("Employment officer", Teaches)],
    ),
    member(
        "Ahmed Yusuf",
        "Community development",
        "Youth leader",
        40,
        &[("Youth leader", Teaches), ("Sports coach", Practising)],
    ),
    member(
        "Britt Sundin",
        "Health & care",
        "Home-care nurse",
        30,
        &[("Dementia nurse", Experienced)],
    ),
    member(
        "Mikael Berg",
        "Police",
        "Community police officer",
        15,
        &[("Community police officer", Experienced)],
    ),
    member(
        "Sara Lind",
        "Health & care",
        "Disability support officer",
        30,
        &[
            ("Disability support officer", Experienced),
            ("Social worker", Practising),
        ],
    ),
    member(
        "Johan Eklund",
        "Community development",
        "Water and streets engineer",
        20,
        &[("Water and streets engineer", Experienced)],
    ),
    member(
        "Ulla Persson",
        "Norrbo housing company",
        "Property manager",
        10,
        &[],
    ),
];

struct Spec {
    title: &'static str,
    need: &'static str,
    mission: &'static str,
    from: &'static str,
    /// Days ago the signal came in, and days spent in each later stage reached.
    signalled_days_ago: i64,
    stage: Stage,
    coordinator: &'static str,
    mandate: &'static str,
    /// Target date, in days from today (negative: already passed).
    target_in_days: Option<i64>,
    decline_reason: &'static str,
    /// Members allocated while staffing: person, competence, percent of their week.
    team: &'static [(&'static str, &'static str, u32)],
    /// Competences needed that nobody fills yet.
    gaps: &'static [&'static str],
}

const ARENAS: &[Spec] = &[
    Spec {
        title: "Work, Swedish and a network for a newly arrived young man",
        need: "Case LF-2026-014: 18 years old, recently granted asylum, lives in a village far from town.\nWants a job soon; needs language lessons, guidance, people to know and support after what he fled.",
        mission: "LF",
        from: "Per Holm",
        signalled_days_ago: 70,
        stage: Stage::Active,
        coordinator: "Maja Lindqvist",
        mandate: "Within four months: a language course he attends, a work placement, one activity with the local sports club, and contact with trauma support.",
        target_in_days: Some(40),
        decline_reason: "",
        team: &[
            ("Leila Haddad", "Language teacher", 10),
            ("Per Holm", "Employment officer", 10),
            ("Lars Åkesson", "Sports coach", 5),
            ("Karin Svedberg", "Social worker", 10),
        ],
        gaps: &["Trauma counsellor"],
    },
    Spec {
        title: "A twelve-year-old falling behind, with addiction at home",
        need: "Case LF-2026-021: father abuses drugs, parents divorced, the boy has started smoking and drinking.\nMother is anxious and drinks too. School results are falling.",
        mission: "LF",
        from: "Nora Blom",
        signalled_days_ago: 30,
        stage: Stage::Staffing,
        coordinator: "Elin Backman",
        mandate: "A joint plan with school, social services and the regional health service before the spring term.",
        target_in_days: Some(60),
        decline_reason: "",
        team: &[
            ("Hanna Öberg", "Special-needs teacher", 10),
            ("Nora Blom", "School nurse", 10),
        ],
        gaps: &[
            "Social worker with authority to decide",
            "Addiction counsellor",
        ],
    },
    Spec {
        title: "A family stuck between a plot and a detailed plan",
        need: "Case CD-2026-007: moved from the capital, bought a plot, no building permit until a new detailed plan is adopted.\nLiving with a grandmother; the daughter's eating disorder has returned, the father gambles.",
        mission: "CD",
        from: "Anders Vik",
        signalled_days_ago: 120,
        stage: Stage::Active,
        coordinator: "Sofia Rahimi",
        mandate: "Clarify the planning timeline with the family, find interim housing options, and connect the family with school health and addiction support.",
        target_in_days: Some(-9),
        decline_reason: "",
        team: &[
            ("Anders Vik", "Building-permit officer", 15),
            ("Farid Karimi", "Eating-disorder specialist", 10),
            ("Oskar Lund", "Gambling-addiction specialist", 10),
            (
                "Karin Svedberg",
                "Social worker with authority to decide",
                15,
            ),
        ],
        gaps: &["Water and streets engineer"],
    },
    Spec {
        title: "Widower alone at home, turning down home care",
        need: "Case HC-2026-031: lost his wife in the summer; neighbours say he rarely goes out and refuses help.",
        mission: "HC",
        from: "Jonas Ekberg",
        signalled_days_ago: 4,
        stage: Stage::Signal,
        coordinator: "",
        mandate: "",
        target_in_days: None,
        decline_reason: "",
        team: &[],
        gaps: &[],
    },
    Spec {
        title: "Going home from hospital with dementia, safely",
        need: "Case HC-2026-019: repeated readmissions; care at home, the hospital and the family do not share one plan.",
        mission: "HC",
        from: "Oskar Lund",
        signalled_days_ago: 150,
        stage: Stage::Returning,
        coordinator: "Jonas Ekberg",
        mandate: "One discharge routine agreed by the ward, home care and the family; fewer readmissions over three months.",
        target_in_days: Some(10),
        decline_reason: "",
        team: &[("Britt Sundin", "Dementia nurse", 20)],
        gaps: &[],
    },
    Spec {
        title: "Young people gathering in the empty square at night",
        need: "Shop owners and the youth centre report unrest and vandalism after closing time.",
        mission: "CD",
        from: "Ida Sjögren",
        signalled_days_ago: 2,
        stage: Stage::Signal,
        coordinator: "",
        mandate: "",
        target_in_days: None,
        decline_reason: "",
        team: &[],
        gaps: &[],
    },
    Spec {
        title: "Summer jobs for young people in Norrbacka",
        need: "Few young people in the estate found summer work; employers say they never meet them.",
        mission: "LF",
        from: "Per Holm",
        signalled_days_ago: 300,
        stage: Stage::Closed,
        coordinator: "Maja Lindqvist",
        mandate: "Twenty summer jobs through local employers and the housing company.",
        target_in_days: Some(-100),
        decline_reason: "",
        team: &[("Per Holm", "Employment officer", 10)],
        gaps: &[],
    },
    Spec {
        title: "New parents who need support with a newborn",
        need: "Case HC-2026-025: both parents have intellectual disabilities; maternity care asks for coordinated support at home.",
        mission: "HC",
        from: "Nora Blom",
        signalled_days_ago: 45,
        stage: Stage::Active,
        coordinator: "Jonas Ekberg",
        mandate: "Daily routines that work for the family, with child health care, disability support and social services in one team.",
        target_in_days: Some(25),
        decline_reason: "",
        team: &[
            ("Sara Lind", "Disability support officer", 20),
            ("Karin Svedberg", "Social worker", 10),
        ],
        gaps: &[],
    },
    Spec {
        title: "Flooded basements in the old mill district",
        need: "Third flood in two years; residents, the water company and the property owners blame each other.",
        mission: "CD",
        from: "Ida Sjögren",
        signalled_days_ago: 25,
        stage: Stage::Staffing,
        coordinator: "Sofia Rahimi",
        mandate: "A shared picture of the cause and a plan the property owners and the water company both sign.",
        target_in_days: Some(90),
        decline_reason: "",
        team: &[("Johan Eklund", "Water and streets engineer", 10)],
        gaps: &["Environment inspector"],
    },
    Spec {
        title: "Siblings absent from school for months",
        need: "Case LF-2026-033: three siblings, absent since the autumn break; the family does not answer the school.",
        mission: "LF",
        from: "Karin Svedberg",
        signalled_days_ago: 6,
        stage: Stage::Signal,
        coordinator: "",
        mandate: "",
        target_in_days: None,
        decline_reason: "",
        team: &[],
        gaps: &[],
    },
    Spec {
        title: "Reopening the village hall with the local association",
        need: "The association wants to run the hall again but needs permits, a fire inspection and a lease.",
        mission: "CD",
        from: "Anders Vik",
        signalled_days_ago: 260,
        stage: Stage::Closed,
        coordinator: "Sofia Rahimi",
        mandate: "The hall open for the association's activities by midsummer.",
        target_in_days: Some(-150),
        decline_reason: "",
        team: &[("Ida Sjögren", "Environment inspector", 5)],
        gaps: &[],
    },
    Spec {
        title: "A private pool at the care home",
        need: "Relatives ask for a pool to be built at the care home.",
        mission: "HC",
        from: "Oskar Lund",
        signalled_days_ago: 40,
        stage: Stage::Declined,
        coordinator: "",
        mandate: "",
        target_in_days: None,
        decline_reason: "Not a need that crosses units: facility management handles the request.",
        team: &[],
        gaps: &[],
    },
    Spec {
        title: "Newly arrived women: from language class to a workplace",
        need: "Women finishing language courses rarely reach work placements; childcare and transport get in the way.",
        mission: "LF",
        from: "Leila Haddad",
        signalled_days_ago: 200,
        stage: Stage::Returning,
        coordinator: "Elin Backman",
        mandate: "A route from language class to placement that ten women complete, with childcare solved.",
        target_in_days: Some(-3),
        decline_reason: "",
        team: &[
            ("Leila Haddad", "Language teacher", 10),
            ("Emma Strand", "Employment officer", 10),
        ],
        gaps: &[],
    },
    Spec {
        title: "One way in for employers' permit questions",
        need: "Employers who want to hire newcomers are sent between five offices for permits and support.",
        mission: "SS",
        from: "Tomas Nyström",
        signalled_days_ago: 18,
        stage: Stage::Commissioned,
        coordinator: "Tomas Nyström",
        mandate: "One contact point and a shared checklist used by every office involved.",
        target_in_days: Some(120),
        decline_reason: "",
        team: &[],
        gaps: &[],
    },
];

/// The language the demo writes in: each text as written here in English, or its Swedish.
/// Texts without a Swedish version are written in English and kept, for the test that
/// wants none.
struct Voice {
    language: Language,
    untranslated: RefCell<Vec<String>>,
}

impl Voice {
    fn say(&self, english: &str) -> String {
        if self.language != Language::Swedish || english.is_empty() {
            return english.to_owned();
        }
        match swedish::in_swedish(english) {
            Some(swedish) => swedish.to_owned(),
            None => {
                self.untranslated.borrow_mut().push(english.to_owned());
                english.to_owned()
            }
        }
    }
}

/// Fills the empty database at `path` with the demo, as it would look at `now`, in the
/// language of the session.
pub fn fill(path: &Path, who: &str, now: DateTime<Utc>) -> Result<()> {
    fill_in(path, who, now, session::current().language).map(|_| ())
}

/// Fills the empty database at `path` with the demo in `language`. Returns the texts it had
/// to write in English for want of a translation.
pub fn fill_in(
    path: &Path,
    who: &str,
    now: DateTime<Utc>,
    language: Language,
) -> Result<Vec<String>> {
    let clock = Arc::new(ManualClock::new(now));
    let mut store = Store::open(path, who, clock.clone())?;
    fill_store_in(&mut store, &clock, now, language)
}

/// Fills `store`, an empty database of any backend opened on `clock`, with the demo as it would
/// look at `now`, in the language of the session. The clock is moved back and forth so the
/// history reads as lived.
pub fn fill_store(store: &mut dyn Backend, clock: &ManualClock, now: DateTime<Utc>) -> Result<()> {
    fill_store_in(store, clock, now, session::current().language).map(|_| ())
}

/// [`fill_store`] in `language`; returns the texts it had to write in English.
pub fn fill_store_in(
    store: &mut dyn Backend,
    clock: &ManualClock,
    now: DateTime<Utc>,
    language: Language,
) -> Result<Vec<String>> {
    let voice = Voice {
        language,
        untranslated: RefCell::new(Vec::new()),
    };
    // The draft entries' titles and anything else messages write speak the demo's language.
    let speaking = Session {
        language,
        ..session::current()
    };
    speaking.enter(|| write_demo(store, clock, now, &voice))?;
    Ok(voice.untranslated.into_inner())
}

fn write_demo(
    store: &mut dyn Backend,
    clock: &ManualClock,
    now: DateTime<Utc>,
    voice: &Voice,
) -> Result<()> {
    clock.set(now - Duration::days(400));
    for (name, external) in UNITS {
        store.set_unit(&voice.say(name), *external)?;
    }
    // A region's catalogue is shared: a second municipality's demo finds it filled already.
    let catalogue: Vec<String> = store
        .roster_competences()?
        .into_iter()
        .map(|c| c.name.to_lowercase())
        .collect();
    for (name, category) in COMPETENCES {
        let name = voice.say(name);
        if !catalogue.contains(&name.to_lowercase()) {
            store.add_competence(&name, &voice.say(category))?;
        }
    }
    for m in ROSTER {
        store.add_person(&PersonEdit {
            name: m.name.to_owned(),
            unit: voice.say(m.unit),
            role: voice.say(m.role),
            contact: format!("{}@kommun.example", m.name.to_lowercase().replace(' ', ".")),
            capacity: m.capacity,
            coordinator: m.coordinator,
            competences: m
                .competences
                .iter()
                .map(|(c, l)| (voice.say(c), *l))
                .collect(),
            manager: line_manager_of(m.name, m.unit).to_owned(),
        })?;
    }
    // Each arena's history names who did each thing: the signaller, the manager, the body's
    // chair, the coordinator. The rest is written by whoever fills the demo.
    let filler = store.who().to_owned();
    let mut closing = Vec::new();
    for spec in ARENAS {
        closing.extend(build(store, clock, spec, now, voice)?);
    }
    clock.set(now - Duration::days(2));
    ask_for_an_inspector(store, voice)?;
    store.act_as(&filler)?;
    knowledge::fill_knowledge(store, clock, now, voice)?;
    reviews::fill_reviews(store, clock, now, voice)?;
    maturity::fill_maturity(store, clock, now, voice)?;
    // The director keeps the purpose and its meeting's notes; courses are the filler's.
    store.act_as(DIRECTOR)?;
    purposes::fill_purposes(store, clock, now, voice)?;
    store.act_as(&filler)?;
    courses::fill_courses(store, clock, now, voice)?;
    for (id, at) in closing {
        clock.set(at);
        let arena = store.arena(id)?;
        store.act_as(&account_of(arena.coordinator.as_deref().unwrap_or(&filler)))?;
        store.move_arena(id, arena.version, Stage::Closed)?;
    }
    store.act_as(&filler)?;
    clock.set(now);
    store.set_meta(DEMO_MARK, "1")
}

/// A staffing request waiting for a line manager: the flooded basements' environment inspector,
/// asked of Ida Sjögren's manager (`anders`, who sees it in "Requests to me").
fn ask_for_an_inspector(store: &mut dyn Backend, voice: &Voice) -> Result<()> {
    let flooded = voice.say("Flooded basements in the old mill district");
    // Found by its title: in a region the numbers are shared by every municipality's arenas.
    let Some(arena) = store
        .board_cards(false)?
        .into_iter()
        .find(|c| c.title == flooded)
        .map(|c| c.id)
    else {
        return Ok(());
    };
    let inspector = voice.say("Environment inspector");
    let competence = store
        .roster_competences()?
        .into_iter()
        .find(|c| c.name == inspector)
        .map(|c| c.id);
    let ida = store
        .roster_people()?
        .into_iter()
        .find(|p| p.name == "Ida Sjögren")
        .map(|p| p.id);
    if let Some(person) = ida {
        let coordinator = store.arena(arena)?.coordinator.unwrap_or_default();
        store.act_as(&account_of(&coordinator))?;
        store.request_staff(&NewAllocation {
            person_id: person,
            arena_id: arena,
            competence_id: competence,
            percent: 10,
            from: store.today(),
            to: None,
        })?;
    }
    Ok(())
}

/// Builds one arena; one that closes returns its number and when it closes.
fn build(
    store: &mut dyn Backend,
    clock: &ManualClock,
    spec: &Spec,
    now: DateTime<Utc>,
    voice: &Voice,
) -> Result<Option<(i64, DateTime<Utc>)>> {
    let start = now - Duration::days(spec.signalled_days_ago);
    clock.set(start);
    let manager = account_of(manager_of(spec.mission));
    store.act_as(&account_of(spec.from))?;
    let mut arena = store.create_signal(&NewSignal {
        title: voice.say(spec.title),
        need: voice.say(spec.need),
        mission: spec.mission.to_owned(),
        signalled_by: spec.from.to_owned(),
        manager: manager_of(spec.mission).to_owned(),
        target_date: None,
    })?;
    if spec.stage == Stage::Declined {
        store.act_as(DIRECTOR)?;
        clock.set(start + Duration::days(7));
        let on = clock.now().date_naive();
        store.decline(
            arena.id,
            arena.version,
            &deciding_body(),
            on,
            &voice.say(spec.decline_reason),
        )?;
        return Ok(None);
    }
    if spec.stage == Stage::Signal {
        // The manager took it to the SSG, whose next meeting is in a fortnight.
        let meeting = (now + Duration::days(14)).date_naive();
        store.act_as(&manager)?;
        store.forward(arena.id, arena.version, &deciding_body(), meeting)?;
        return Ok(None);
    }
    let target_date = spec
        .target_in_days
        .map(|d| (now + Duration::days(d)).date_naive());
    clock.set(start + Duration::hours(30));
    // The manager who took the signal on proposes the coordinator and the mandate.
    store.act_as(&manager)?;
    arena = store.edit_arena(
        arena.id,
        arena.version,
        &ArenaEdit {
            title: arena.title.clone(),
            need: arena.need.clone(),
            mission: arena.mission.clone(),
            coordinator: Some(spec.coordinator.to_owned()),
            mandate: voice.say(spec.mandate),
            target_date,
            participating: taking_part(spec.title),
        },
    )?;
    let plan = plans::plan_for(spec.title);
    let steps = Stage::FLOW
        .iter()
        .position(|s| *s == spec.stage)
        .unwrap_or(0);
    // Spread the moves evenly over the arena's life so far, leaving time in the current stage.
    let span = spec.signalled_days_ago.max(1) * 3 / 4;
    // What an arena did is dated back from the day it closed, or from today if it is open, so
    // nothing of a closed arena happens after its close.
    let closes = start + Duration::days(span) + Duration::hours(2);
    let reference = if spec.stage == Stage::Closed {
        closes
    } else {
        now
    };
    let mut criteria = Vec::new();
    for (i, to) in Stage::FLOW.iter().copied().enumerate().skip(1).take(steps) {
        clock.set(start + Duration::days(span * i as i64 / steps as i64) + Duration::hours(2));
        if to == Stage::Active || (to == Stage::Staffing && spec.stage == Stage::Staffing) {
            staff(store, spec, arena.id, clock.now().date_naive(), voice)?;
            arena = store.arena(arena.id)?;
        }
        if to == Stage::Returning {
            record_results(store, plan, &criteria, voice)?;
            arena = store.arena(arena.id)?;
        }
        if to == Stage::Closed {
            // A closed arena is drawn up, locked: everything it holds is written first, and
            // the close waits until the bank has its entries too.
            return_knowledge(store, spec, arena.id, voice)?;
            add_contacts(store, spec, plan, arena.id, reference, voice)?;
            return Ok(Some((arena.id, clock.now())));
        }
        arena = if to == Stage::Commissioned {
            store.act_as(DIRECTOR)?;
            let decided = store.commission(
                arena.id,
                arena.version,
                &decision(spec, &arena, clock, voice),
            )?;
            // The coordinator writes the program once the arena is commissioned, not before,
            // and does what the arena does from then on.
            clock.set(clock.now() + Duration::hours(20));
            store.act_as(&account_of(spec.coordinator))?;
            criteria = write_program(store, spec, plan, &decided, reference, voice)?;
            store.arena(arena.id)?
        } else {
            store.move_arena(arena.id, arena.version, to)?
        };
    }
    clock.set(now - Duration::hours(1));
    add_contacts(store, spec, plan, arena.id, now, voice)?;
    Ok(None)
}

/// The body's decision on the signal, taken at its meeting the day before it is recorded.
fn decision(
    spec: &Spec,
    arena: &crate::domain::arena::Arena,
    clock: &ManualClock,
    voice: &Voice,
) -> Decision {
    let on = (clock.now() - Duration::days(1)).date_naive();
    Decision {
        body: deciding_body(),
        on,
        registration: registration(arena.id),
        coordinator: spec.coordinator.to_owned(),
        mandate: voice.say(spec.mandate),
        budget: String::new(),
        may_ask: String::new(),
        until: arena.target_date,
        own_share: 0,
    }
}

/// The contact log with the recipient, dated back from `now`.
fn add_contacts(
    store: &mut dyn Backend,
    spec: &Spec,
    plan: &plans::PlanSpec,
    arena: i64,
    now: DateTime<Utc>,
    voice: &Voice,
) -> Result<()> {
    let lead = plan.lead.unwrap_or(spec.coordinator);
    let commissioned = store.arena(arena)?.decided.and_then(|d| d.on);
    for (days_ago, channel, summary, by) in plan.contacts {
        let on = (now - Duration::days(*days_ago)).date_naive();
        // The recipient hears from the arena once it exists: no contact before its decision.
        if commissioned.is_some_and(|day| on < day) {
            continue;
        }
        store.add_contact(
            arena,
            &ContactEdit {
                on,
                channel: voice.say(channel),
                summary: voice.say(summary),
                by: if by.is_empty() { lead } else { by }.to_owned(),
            },
        )?;
    }
    Ok(())
}

/// The program as the coordinator writes it when the arena is commissioned: recipient, lead,
/// rhythm, criteria and activities. Returns the criteria's ids and versions.
fn write_program(
    store: &mut dyn Backend,
    spec: &Spec,
    plan: &plans::PlanSpec,
    arena: &crate::domain::arena::Arena,
    now: DateTime<Utc>,
    voice: &Voice,
) -> Result<Vec<(i64, usize)>> {
    let recipient = if plan.recipient.is_empty() {
        format!("{}-2026-{:03}", spec.mission, 40 + arena.id)
    } else {
        voice.say(plan.recipient)
    };
    store.set_proactivity(
        arena.id,
        arena.version,
        &Proactivity {
            recipient,
            lead: Some(plan.lead.unwrap_or(spec.coordinator).to_owned()),
            rhythm_days: Some(plan.rhythm_days),
        },
    )?;
    let mut criteria = Vec::new();
    for (i, (text, measure, target, _)) in plan.criteria.iter().enumerate() {
        let edit = CriterionEdit {
            text: voice.say(text),
            measure: voice.say(measure),
            target: voice.say(target),
            result: String::new(),
            no_result_reason: String::new(),
            met: None,
        };
        criteria.push((store.add_criterion(arena.id, &edit)?, i));
    }
    // A closed arena finished what it set out to do, before it closed.
    let closed = spec.stage == Stage::Closed;
    for (text, owner, due_in, status, reason) in plan.activities {
        let (due_in, status) = if closed {
            ((*due_in).min(-1), &ActivityStatus::Done)
        } else {
            (*due_in, status)
        };
        let edit = ActivityEdit {
            text: voice.say(text),
            owner: if owner.is_empty() {
                spec.coordinator
            } else {
                owner
            }
            .to_owned(),
            due: Some((now + Duration::days(due_in)).date_naive()),
        };
        let id = store.add_activity(arena.id, &edit)?;
        if *status != ActivityStatus::Todo {
            store.set_activity_status(id, 1, *status, &voice.say(reason))?;
        }
    }
    Ok(criteria)
}

/// Before an arena closes, it returns what it learned to the knowledge bank.
fn return_knowledge(store: &mut dyn Backend, spec: &Spec, arena: i64, voice: &Voice) -> Result<()> {
    let entry = EntryEdit {
        title: crate::messages::entry_draft_title(&voice.say(spec.title)),
        body: format!(
            "{}\n\n{}",
            voice.say(spec.mandate),
            voice.say(
                "What made the difference: one plan that every unit used, and a team that met the recipient together."
            )
        ),
        kind: EntryKind::Lesson,
        tags: vec![spec.mission.to_lowercase()],
        competences: spec.team.iter().map(|(_, c, _)| voice.say(c)).collect(),
        arena: Some(arena),
    };
    store.add_entry(&entry).map(|_| ())
}

/// Before an arena returns its knowledge, every criterion gets its result.
fn record_results(
    store: &mut dyn Backend,
    plan: &plans::PlanSpec,
    criteria: &[(i64, usize)],
    voice: &Voice,
) -> Result<()> {
    for (id, i) in criteria {
        let (text, measure, target, result) = plan.criteria[*i];
        let edit = CriterionEdit {
            text: voice.say(text),
            measure: voice.say(measure),
            target: voice.say(target),
            result: voice.say(result),
            no_result_reason: String::new(),
            // The plain program's results are written as successes.
            met: Some(true),
        };
        store.edit_criterion(*id, 1, &edit)?;
    }
    Ok(())
}

/// Writes the recruitment plan and allocates the team, as a coordinator does while staffing.
fn staff(
    store: &mut dyn Backend,
    spec: &Spec,
    arena: i64,
    from: chrono::NaiveDate,
    voice: &Voice,
) -> Result<()> {
    let people = store.roster_people()?;
    let competences = store.roster_competences()?;
    for (person, competence, percent) in spec.team {
        let competence = voice.say(competence);
        store.add_need(arena, &competence, "")?;
        let person_id = people.iter().find(|p| p.name == *person).map(|p| p.id);
        let competence_id = competences
            .iter()
            .find(|c| c.name == competence)
            .map(|c| c.id);
        if let Some(person_id) = person_id {
            store.allocate(&NewAllocation {
                person_id,
                arena_id: arena,
                competence_id,
                percent: *percent,
                from,
                to: None,
            })?;
        }
    }
    for competence in spec.gaps {
        store.add_need(arena, &voice.say(competence), "")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::EntryFilter;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
    }

    #[test]
    fn the_swedish_demo_writes_every_text_in_swedish() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.db");
        let untranslated = fill_in(&path, "maja", now(), Language::Swedish).unwrap();
        assert!(untranslated.is_empty(), "no Swedish for {untranslated:#?}");
        let store = Store::open(&path, "maja", Arc::new(ManualClock::new(now()))).unwrap();
        let titles: Vec<String> = store
            .board_cards(true)
            .unwrap()
            .into_iter()
            .map(|c| c.title)
            .collect();
        assert!(titles.contains(&"Änkling ensam hemma som tackar nej till hemtjänst".into()));
        let entries = store.entries(&EntryFilter::default(), 100).unwrap();
        // The drafts the returning arenas wrote speak Swedish too.
        assert!(
            entries
                .iter()
                .any(|e| e.title.starts_with("Vad vi lärde oss: ")),
            "{:?}",
            entries.iter().map(|e| &e.title).collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_demos_dates_agree_with_its_decisions_and_closes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.db");
        fill_in(&path, "maja", now(), Language::English).unwrap();
        let store = Store::open(&path, "maja", Arc::new(ManualClock::new(now()))).unwrap();
        for card in store.board_cards(true).unwrap() {
            let arena = store.arena(card.id).unwrap();
            let plan = store.plan(card.id).unwrap();
            let history = store.arena_history(card.id, 1_000).unwrap();
            let decided = history
                .iter()
                .find(|r| r.action == "decision")
                .map(|r| r.at);
            // Nothing of the program is written before the decision that commissions it.
            for row in &history {
                if ["proactivity", "criterion", "activity", "contact"]
                    .contains(&row.action.as_str())
                {
                    let decided = decided
                        .unwrap_or_else(|| panic!("#{} {row:?} before any decision", card.id));
                    assert!(
                        row.at > decided,
                        "#{}: {row:?} before the decision",
                        card.id
                    );
                }
            }
            let decision_day = arena.decided.as_ref().and_then(|d| d.on);
            for contact in &plan.contacts {
                assert!(
                    decision_day.is_some_and(|day| contact.on >= day),
                    "#{}: a contact on {} before the decision",
                    card.id,
                    contact.on
                );
            }
            if arena.stage == Stage::Closed {
                let closed = arena.stage_since.date_naive();
                assert!(plan.contacts.iter().all(|c| c.on <= closed), "#{}", card.id);
                assert!(
                    plan.activities
                        .iter()
                        .all(|a| a.status == ActivityStatus::Done
                            && a.due.is_some_and(|d| d <= closed)),
                    "#{}: {:?}",
                    card.id,
                    plan.activities
                );
                assert_eq!(plan.next_contact(), None, "#{}", card.id);
            }
        }
    }

    #[test]
    fn the_english_demo_is_written_as_it_stands() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.db");
        assert!(
            fill_in(&path, "maja", now(), Language::English)
                .unwrap()
                .is_empty()
        );
        let store = Store::open(&path, "maja", Arc::new(ManualClock::new(now()))).unwrap();
        let cards = store.board_cards(true).unwrap();
        assert_eq!(cards.len(), ARENAS.len());
        assert!(
            cards
                .iter()
                .all(|c| ARENAS.iter().any(|a| a.title == c.title))
        );
    }
}
