//! The roster: people, competences, teams and finding staff.

texts! {
    capacity_invalid => "Capacity is a whole number of percent, 0 to 100.",
        "Kapaciteten är ett helt antal procent, 0 till 100.";
    percent_invalid => "Write a share of the week from 1 to 100 (percent).",
        "Skriv en andel av veckan från 1 till 100 (procent).";
    edit_from_people => "Pick a person in the People view (v) to edit them.",
        "Välj en person i vyn Personer (v) för att redigera hen.";
    no_open_needs => "No unfilled needs: n adds the competence the arena needs.",
        "Inga otillsatta behov: n lägger till kompetensen arenan behöver.";
    roster_title => "Roster", "Kompetenskarta";
    view_team => "Team", "Team";
    view_people => "People", "Personer";
    view_competences => "Competences", "Kompetenser";
    no_arena_selected => "Select an arena on the board to see its team.",
        "Välj en arena på tavlan för att se dess team.";
    no_people => "Nobody on the roster matches. n adds a person; Esc clears filters.",
        "Ingen i kompetenskartan matchar. n lägger till en person; Esc rensar filtren.";
    no_competences => "No competences yet. n adds one.",
        "Inga kompetenser än. n lägger till en.";
    unfilled => "Unfilled", "Otillsatt";
    no_members => " Nobody allocated yet: a finds staff.",
        " Ingen bemannar arenan än: a hittar bemanning.";
    over => "OVER", "ÖVER";
    inactive => "inactive", "inaktiv";
    external => "ext", "ext";
    find_staff_title => "Find staff", "Hitta bemanning";
    find_staff_hint => "j/k move · Tab switch · Enter allocate · n add need · Esc close",
        "j/k flyttar · Tab byter · Enter bemannar · n nytt behov · Esc stänger";
    needs_heading => "Unfilled needs", "Otillsatta behov";
    candidates_heading => "Best fit first", "Bäst lämpad först";
    no_candidates => "Nobody active holds this competence.",
        "Ingen aktiv person har den här kompetensen.";
    in_team => "in team", "i teamet";
    add_need_prompt => "Which competence does the arena need? (name: reason)",
        "Vilken kompetens behöver arenan? (namn: skäl)";
    competences_hint =>
        "one a line: name: level (1 aware, 2 practising, 3 experienced, 4 teaches)",
        "en per rad: namn: nivå (1 känner till, 2 övar, 3 erfaren, 4 lär ut)";
    form_new_person => "New person", "Ny person";
    form_edit_person => "Edit person", "Redigera person";
    form_new_competence => "New competence", "Ny kompetens";
    form_edit_competence => "Edit competence", "Redigera kompetens";
    free_only => "with time", "med tid";
}

pub fn level_invalid(line: &str) -> String {
    tr!(
        format!("\"{line}\": the level is 1, 2, 3 or 4."),
        format!("\"{line}\": nivån är 1, 2, 3 eller 4.")
    )
}

pub fn competence_unknown(name: &str) -> String {
    tr!(
        format!("\"{name}\" is not in the catalogue: add it in the Competences view first."),
        format!("\"{name}\" finns inte i katalogen: lägg först till den i vyn Kompetenser.")
    )
}

pub fn competence_suggestions(typed: &str, like: &[&str]) -> String {
    if like.is_empty() {
        tr!(
            format!("No competence is called \"{typed}\"."),
            format!("Ingen kompetens heter \"{typed}\".")
        )
    } else {
        let like = like.iter().take(4).copied().collect::<Vec<_>>().join(", ");
        tr!(
            format!("Not exact. Did you mean: {like}?"),
            format!("Inte exakt. Menade du: {like}?")
        )
    }
}

pub fn person_unknown(name: &str) -> String {
    tr!(
        format!("Nobody on the roster is called \"{name}\"."),
        format!("Ingen i kompetenskartan heter \"{name}\".")
    )
}

pub fn person_saved(name: &str) -> String {
    tr!(format!("{name} saved."), format!("{name} är sparad."))
}

pub fn competence_saved(name: &str) -> String {
    tr!(
        format!("Competence \"{name}\" saved."),
        format!("Kompetensen \"{name}\" är sparad.")
    )
}

pub fn activity_changed(name: &str, active: bool) -> String {
    if active {
        tr!(
            format!("{name} is active again."),
            format!("{name} är aktiv igen.")
        )
    } else {
        tr!(
            format!(
                "{name} is inactive: kept in history, no longer offered as staff. d again restores."
            ),
            format!(
                "{name} är inaktiv: finns kvar i historiken men föreslås inte längre för bemanning. d igen återställer."
            )
        )
    }
}

pub fn person_deleted(name: &str) -> String {
    tr!(format!("{name} deleted."), format!("{name} är borttagen."))
}

pub fn allocated(name: &str, arena: i64, percent: u32) -> String {
    tr!(
        format!("{name} allocated to #{arena}, {percent}% of the week."),
        format!("{name} bemannar #{arena}, {percent} % av veckan.")
    )
}

pub fn need_added(competence: &str, arena: i64) -> String {
    tr!(
        format!("#{arena} now needs: {competence}."),
        format!("#{arena} behöver nu: {competence}.")
    )
}

pub fn released(name: &str, arena: i64) -> String {
    tr!(
        format!("{name} released from #{arena}."),
        format!("{name} är entledigad från #{arena}.")
    )
}

pub fn allocate_prompt(name: &str, arena: i64, now: puls_domain::roster::Load) -> String {
    let over = if now.is_over() {
        format!(" {}", over())
    } else {
        String::new()
    };
    let now = load(now);
    tr!(
        format!("How much of {name}'s week goes to #{arena}? % (now {now}{over})"),
        format!("Hur stor del av veckan ger {name} till #{arena}? % (nu {now}{over})")
    )
}

pub fn release_prompt(name: &str, arena: i64) -> String {
    tr!(
        format!("Release {name} from #{arena}? Enter releases"),
        format!("Entlediga {name} från #{arena}? Enter entledigar")
    )
}

pub fn load(load: puls_domain::roster::Load) -> String {
    format!("{}/{}%", load.allocated, load.capacity)
}

pub fn holders(count: u32, by_level: [u32; 4], free: u32) -> String {
    let [aware, practising, experienced, teaches] = by_level;
    tr!(
        format!("{count} hold it ({aware}·{practising}·{experienced}·{teaches}), {free} with time"),
        format!("{count} har den ({aware}·{practising}·{experienced}·{teaches}), {free} med tid")
    )
}

/// A competence's row in the Competences view: how many hold it and how many have time.
pub fn held_and_free(held: u32, free: u32) -> String {
    tr!(
        format!(" {held:>3} held {free:>3} free "),
        format!(" {held:>3} har {free:>3} fria ")
    )
}

/// The arenas that lack a competence: `!2 gap: #4 #9`.
pub fn competence_gaps(count: usize, arenas: &str) -> String {
    tr!(
        format!("!{count} gap: {arenas}"),
        format!("!{count} lucka: {arenas}")
    )
}

/// A candidate's level of a competence, in a few letters: `L3` (level), `N3` (nivå).
pub fn level_mark(level: u8) -> String {
    tr!(format!("L{level}"), format!("N{level}"))
}

pub fn sort_label(sort: crate::roster::PeopleSort) -> &'static str {
    use crate::roster::PeopleSort;
    match sort {
        PeopleSort::Name => tr!("by name", "efter namn"),
        PeopleSort::Unit => tr!("by unit", "efter enhet"),
        PeopleSort::Free => tr!("most free first", "mest tid först"),
    }
}

pub fn side_label(side: crate::roster::Side) -> Option<&'static str> {
    use crate::roster::Side;
    match side {
        Side::All => None,
        Side::Internal => Some(tr!("internal", "interna")),
        Side::External => Some(tr!("external", "externa")),
    }
}

pub fn filter_prompt(target: crate::popup::FilterTarget) -> &'static str {
    use crate::popup::FilterTarget;
    match target {
        FilterTarget::Board => tr!(
            "Filter (title, #number, coordinator)",
            "Filtrera (titel, #nummer, koordinator)"
        ),
        FilterTarget::RosterSearch => tr!(
            "Search names, roles and competences",
            "Sök namn, roller och kompetenser"
        ),
        FilterTarget::RosterCompetence => tr!(
            "Only people holding a competence like",
            "Bara personer med en kompetens som"
        ),
        FilterTarget::RosterUnit => {
            tr!("Only people in a unit like", "Bara personer i en enhet som")
        }
        FilterTarget::Bank => tr!("Search the knowledge bank", "Sök i kunskapsbanken"),
        FilterTarget::BankTag => tr!("Only entries tagged", "Bara poster taggade"),
        FilterTarget::BankCompetence => tr!(
            "Only entries about a competence like",
            "Bara poster om en kompetens som"
        ),
    }
}

pub fn team_of(id: i64, title: &str) -> String {
    format!("#{id} {title}")
}

pub fn allocation_line(competence: Option<&str>, percent: u32) -> String {
    format!("{} · {percent}%", competence.unwrap_or("-"))
}
