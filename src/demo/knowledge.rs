//! The demo's knowledge bank: what the returning and closed arenas learned, and the methods,
//! contacts and courses colleagues filed over the past year.

use crate::store::prelude::*;
use chrono::{DateTime, Duration, Utc};

use crate::domain::clock::ManualClock;
use crate::domain::knowledge::EntryKind::{self, CaseSummary, Contact, Course, Lesson, Method};
use crate::store::{EntryEdit, Result};

struct EntrySpec {
    days_ago: i64,
    /// The title of the arena it came from; empty for none.
    arena: &'static str,
    author: &'static str,
    kind: EntryKind,
    title: &'static str,
    body: &'static str,
    tags: &'static [&'static str],
    competences: &'static [&'static str],
}

const DEMENTIA: &str = "Going home from hospital with dementia, safely";
const WOMEN: &str = "Newly arrived women: from language class to a workplace";
const SUMMER: &str = "Summer jobs for young people in Norrbacka";
const HALL: &str = "Reopening the village hall with the local association";

const ENTRIES: &[EntrySpec] = &[
    EntrySpec {
        days_ago: 380,
        arena: "",
        author: "Tomas Nyström",
        kind: Method,
        title: "How to write an entry for the knowledge bank",
        body: "Four questions are enough: what did we try, what worked, what would we do differently, and who can tell more.\n\nNever a citizen's name or personal number: a case code is enough. Tag the entry with the words a colleague will search for, in Swedish too if that is how people talk about it.",
        tags: &["knowledge bank", "writing"],
        competences: &[],
    },
    EntrySpec {
        days_ago: 340,
        arena: "",
        author: "Oskar Lund",
        kind: Course,
        title: "Motivational interviewing: a half-day course",
        body: "For colleagues who meet addiction in families and do not know how to raise it.\nThe basics of motivational interviewing, with practice in pairs. Four times a year in the town hall; ask Oskar for the next date.",
        tags: &["addiction", "collegial learning", "course"],
        competences: &["Addiction counsellor"],
    },
    EntrySpec {
        days_ago: 300,
        arena: "",
        author: "Maja Lindqvist",
        kind: Contact,
        title: "Ådalen sports club: a way into the village for newcomers",
        body: "Lars Åkesson, the club chair, finds a team or a volunteer role for a newcomer within a week.\nThe club asks for a short introduction from the arena first, and for someone to come along to the first training.",
        tags: &["network", "newly arrived", "sports"],
        competences: &["Sports coach"],
    },
    EntrySpec {
        days_ago: 250,
        arena: "",
        author: "Farid Karimi",
        kind: Course,
        title: "Trauma-informed first conversations",
        body: "Two afternoons for staff who meet young people who fled war or persecution: what trauma does to memory and trust, and how to ask without pushing.\nGiven by the regional health service; places for arena members are free.",
        tags: &["course", "newly arrived", "trauma"],
        competences: &["Trauma counsellor"],
    },
    EntrySpec {
        days_ago: 150,
        arena: "",
        author: "Karin Svedberg",
        kind: Method,
        title: "A home visit works better than letters for school absence",
        body: "When a family stops answering the school, letters only add to the pile. A joint visit by the school nurse and a social worker, announced by phone the day before, opened the door in five of six families.\nBring the timetable and one concrete offer: a shorter day, a quiet room, a named adult.",
        tags: &["family", "school absence", "skola"],
        competences: &["School nurse", "Social worker"],
    },
    EntrySpec {
        days_ago: 95,
        arena: SUMMER,
        author: "Per Holm",
        kind: Lesson,
        title: "Employers hire the young people they have met",
        body: "Adverts brought almost no applications from the estate. A speed-meeting evening in the housing company's community room, with ten local employers, led to most of the summer jobs.\nThe young people came because the youth leaders asked them personally.",
        tags: &["employers", "summer jobs", "youth"],
        competences: &["Employment officer", "Youth leader"],
    },
    EntrySpec {
        days_ago: 90,
        arena: SUMMER,
        author: "Maja Lindqvist",
        kind: CaseSummary,
        title: "Summer jobs in Norrbacka: 23 jobs against a target of 20",
        body: "Twenty-three young people from the estate worked at least three weeks over the summer, eleven of them for the first time.\nWhat made the difference: employers met them before they applied, and the housing company offered jobs of its own. Next time: start in February, not April.",
        tags: &["employers", "summer jobs", "youth"],
        competences: &["Employment officer"],
    },
    EntrySpec {
        days_ago: 80,
        arena: HALL,
        author: "Sofia Rahimi",
        kind: Lesson,
        title: "Book the fire inspection before the lease is signed",
        body: "The hall's lease was ready weeks before anyone checked the emergency exits; the fire inspection then found two faults that took a month to mend.\nBook it first: it decides what the association may use the hall for.",
        tags: &["association", "permits", "village hall"],
        competences: &["Building-permit officer", "Environment inspector"],
    },
    EntrySpec {
        days_ago: 78,
        arena: HALL,
        author: "Ida Sjögren",
        kind: Method,
        title: "One permit meeting instead of five letters",
        body: "Gather the building-permit officer, the environment inspector and the fire service with the association at one table, with the drawings on it.\nEvery question answered on the spot, one list of what remains, one contact person. It replaced weeks of letters between offices.",
        tags: &["association", "permits"],
        competences: &["Building-permit officer", "Environment inspector"],
    },
    EntrySpec {
        days_ago: 45,
        arena: WOMEN,
        author: "Elin Backman",
        kind: Lesson,
        title: "Childcare first, then the work placement",
        body: "Every woman who completed her placement had a place in förskola arranged before her first day at work.\nThose who started without one dropped out within two weeks. Sort out childcare and the bus route while the language course still runs.",
        tags: &["childcare", "förskola", "newly arrived", "work"],
        competences: &["Employment officer", "Language teacher"],
    },
    EntrySpec {
        days_ago: 40,
        arena: WOMEN,
        author: "Leila Haddad",
        kind: Method,
        title: "A språkcafé at the workplace",
        body: "Once a week, half an hour of Swedish over coffee at the employer's, with colleagues instead of a teacher: a språkcafé (language café) where the words of the job are practised.\nThe colleagues learned as much as the newcomers: how to speak plainly, and who their new workmate is.",
        tags: &["language", "språkcafé", "work"],
        competences: &["Language teacher"],
    },
    EntrySpec {
        days_ago: 38,
        arena: WOMEN,
        author: "Elin Backman",
        kind: Contact,
        title: "Emma Strand, job coach at the Employment service",
        body: "Knows which employers in the region take placements for newly arrived adults, and which of them can offer part-time hours around childcare.\nBest reached on Tuesday mornings.",
        tags: &["employers", "newly arrived", "work"],
        competences: &["Employment officer"],
    },
    EntrySpec {
        days_ago: 20,
        arena: DEMENTIA,
        author: "Jonas Ekberg",
        kind: Lesson,
        title: "One discharge checklist, owned by the ward",
        body: "Readmissions fell when the ward, home care and the family signed one checklist before discharge: medicines, who comes on the first evening, who the family calls at night.\nThe checklist only worked once the ward owned it; before that everyone assumed someone else had sent it.",
        tags: &["dementia", "discharge", "hälsa"],
        competences: &["Dementia nurse"],
    },
    EntrySpec {
        days_ago: 18,
        arena: DEMENTIA,
        author: "Britt Sundin",
        kind: Method,
        title: "Call the family the day after discharge",
        body: "A ten-minute call from the dementia nurse the day after someone comes home: did the medicines arrive, did the night go well, is anything missing?\nThree of the four problems we found would otherwise have ended in a new ambulance trip.",
        tags: &["dementia", "discharge", "family"],
        competences: &["Dementia nurse"],
    },
    EntrySpec {
        days_ago: 15,
        arena: DEMENTIA,
        author: "Jonas Ekberg",
        kind: CaseSummary,
        title: "Case HC-2026-019: from four readmissions to none",
        body: "Four readmissions in the three months before the arena, none in the three months after the shared discharge routine.\nThe family says the difference was knowing whom to call. The routine is now used on the whole ward.",
        tags: &["dementia", "discharge"],
        competences: &["Dementia nurse"],
    },
    EntrySpec {
        days_ago: 6,
        arena: "",
        author: "Tomas Nyström",
        kind: Lesson,
        title: "Hälsa first: a health check before the work plan",
        body: "In three arenas about work for newly arrived adults, health problems nobody had asked about stopped the plan halfway.\nAsk the regional health service for a health check (hälsoundersökning) in the first month, before the placement is planned.",
        tags: &["hälsa", "newly arrived", "work"],
        competences: &[],
    },
];

/// Files the demo's entries, each at its own time, linked to its arena when the demo has it.
pub(super) fn fill_knowledge(
    store: &mut dyn Backend,
    clock: &ManualClock,
    now: DateTime<Utc>,
    voice: &super::Voice,
) -> Result<()> {
    let arenas = store.board_cards(true)?;
    for spec in ENTRIES {
        clock.set(now - Duration::days(spec.days_ago) + Duration::hours(3));
        let arena = arenas
            .iter()
            .find(|a| !spec.arena.is_empty() && a.title == voice.say(spec.arena))
            .map(|a| a.id);
        let entry = EntryEdit {
            title: voice.say(spec.title),
            body: voice.say(spec.body),
            kind: spec.kind,
            tags: spec.tags.iter().map(|t| voice.say(t)).collect(),
            competences: spec.competences.iter().map(|c| voice.say(c)).collect(),
            arena,
        };
        store.act_as(&super::account_of(spec.author))?;
        store.add_entry_by(spec.author, &entry)?;
    }
    Ok(())
}
