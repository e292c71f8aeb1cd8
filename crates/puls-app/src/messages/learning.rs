//! Collegial learning: who can teach, the courses, and the knowledge capital.

texts! {
    can_teach_heading => "Can teach it (level 4)", "Kan lära ut (nivå 4)";
    courses_heading => "Courses in the bank", "Kurser i banken";
    nobody_can_teach => "nobody yet", "ingen än";
    fig_capital => "Knowledge capital: holders at level 1 2 3 4", "Kunskapskapital: innehavare på nivå 1 2 3 4";
    fig_nobody_teaches => "Nobody can teach", "Ingen kan lära ut";
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
