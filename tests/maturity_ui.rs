//! Partnering maturity on screen: the rating form from the detail, the chart of ratings over
//! time in colour, mono and ASCII at 80x24 and 120x40, and the key figures' distribution.

#[path = "shared/app.rs"]
pub mod app;

use app::{Screen, text_of};
use puls::ui::Theme;
use puls::ui::glyphs;

/// The demo's dementia arena: a baseline and a rating at Returning.
const RATED: &str = "#5";

fn open_chart(screen: &mut Screen) {
    screen.keys(&format!("/{RATED}<enter><enter>m"));
}

#[test]
fn the_chart_shows_each_dimension_with_its_levels_written_at_80x24_and_120x40() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut screen = Screen::demo(width, height);
        open_chart(&mut screen);
        let text = screen.text();
        assert!(text.contains("#5 Partnering maturity"), "{text}");
        assert!(text.contains("A baseline"), "{text}");
        assert!(text.contains("B at Returning"), "{text}");
        assert!(text.contains("Goa"), "{text}");
        insta::assert_snapshot!(format!("maturity_chart_{width}x{height}"), text);
    }
}

#[test]
fn the_chart_reads_in_mono_and_ascii() {
    let mut screen = Screen::demo(80, 24);
    open_chart(&mut screen);
    let mono = text_of(&screen.draw_with(&Theme::mono()));
    assert!(mono.contains("+3 since baseline"), "{mono}");
    insta::assert_snapshot!("maturity_chart_mono_80x24", mono);
    let mut ascii = screen.draw_with(&Theme::ansi16());
    glyphs::to_ascii(&mut ascii);
    let ascii = text_of(&ascii);
    assert!(ascii.is_ascii(), "{ascii}");
    insta::assert_snapshot!("maturity_chart_ascii_80x24", ascii);
}

#[test]
fn a_rating_from_the_detail_starts_from_the_last_and_shows_in_the_chart() {
    let mut screen = Screen::demo(120, 40);
    screen.keys(&format!("/{RATED}<enter><enter><M>"));
    let form = screen.text();
    assert!(form.contains("#5 Rate partnering maturity"), "{form}");
    assert!(form.contains("at Returning"), "{form}");
    insta::assert_snapshot!("rating_form_120x40", form);
    // Goals is focused with the last level, 5: make it 6 with a note, and save.
    screen.keys("<bs>6 one plan for the whole winter<c-s>");
    let text = screen.text();
    assert!(text.contains("Partnering maturity of #5 saved."), "{text}");
    assert!(text.contains("C at Returning 2026-11-23"), "{text}");
    assert!(text.contains("one plan for the whole winter"), "{text}");
}

#[test]
fn a_level_outside_1_to_6_is_refused_at_its_dimension() {
    let mut screen = Screen::demo(80, 24);
    screen.keys(&format!("/{RATED}<enter><enter><M><bs>9<c-s>"));
    let text = screen.text();
    assert!(text.contains("start with a level from 1 to 6"), "{text}");
}

#[test]
fn the_key_figures_show_the_distribution_and_the_change_from_baseline() {
    let mut screen = Screen::demo(120, 40);
    screen.keys("<K>");
    screen.keys(&"j".repeat(20));
    let text = screen.text();
    assert!(
        text.contains("Partnering maturity: how many at each level"),
        "{text}"
    );
    assert!(text.contains("3 arenas and 2 partnerships rated"), "{text}");
    insta::assert_snapshot!("figures_maturity_120x40", text);
}

#[test]
fn m_in_the_key_figures_opens_the_partnerships_charts_one_at_a_time() {
    // The demo rates Bostadsbolaget Ängen once and Grannstöd Norrbacka twice.
    let mut screen = Screen::demo(80, 24);
    screen.keys("<K>m");
    let first = screen.text();
    screen.keys("n");
    let second = screen.text();
    screen.keys("n");
    let still_second = screen.text();

    assert!(
        first.contains("Partnering maturity with Bostadsbolaget Ängen 1/2"),
        "{first}"
    );
    assert!(
        second.contains("Partnering maturity with Grannstöd Norrbacka 2/2"),
        "{second}"
    );
    assert!(second.contains("since baseline"), "{second}");
    insta::assert_snapshot!("partnership_chart_80x24", second);
    assert_eq!(still_second, second);
}

#[test]
fn m_in_the_key_figures_without_partnerships_says_how_to_rate_one() {
    let mut screen = Screen::empty(120, 40);
    screen.keys("<K>m");
    let text = screen.text();
    assert!(
        text.contains("No partnership with an outside partner is rated yet"),
        "{text}"
    );
}

#[test]
fn enter_on_a_rating_opens_it_with_its_levels_and_notes_at_80x24_and_120x40() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut screen = Screen::demo(width, height);
        // Past the meetings, the selection stops at the last rating: the one at Returning.
        screen.keys(&format!("/{RATED}<enter><enter>nnnnnnnnnn<enter>"));
        let text = screen.text();
        assert!(
            text.contains("#5 Edit partnering-maturity rating"),
            "{text}"
        );
        assert!(text.contains("at Returning"), "{text}");
        insta::assert_snapshot!(format!("rating_edit_form_{width}x{height}"), text);
    }
}

#[test]
fn an_edited_rating_replaces_the_old_and_the_history_says_edited() {
    let mut screen = Screen::demo(120, 40);
    screen.keys(&format!(
        "/{RATED}<enter><enter>nnnnnnnnnn<enter><tab><tab>Region Norrbotten<c-s>"
    ));
    let text = screen.text();
    assert!(text.contains("Partnering maturity of #5 saved."), "{text}");
    assert!(text.contains("(Region Norrbotten)"), "{text}");
    assert!(!text.contains("C at Returning"), "{text}");
    screen.keys("<esc><H>");
    assert!(
        screen.text().contains("edited returning"),
        "{}",
        screen.text()
    );
}

#[test]
fn in_swedish_the_rating_opens_to_be_edited_and_the_detail_lists_it() {
    puls::messages::set_language(puls::messages::Language::Swedish);
    let mut screen = Screen::demo(120, 40);
    screen.keys(&format!("/{RATED}<enter><enter>"));
    screen.keys(&"j".repeat(40));
    let detail = screen.text();
    assert!(detail.contains("Skattningar av mognad (2)"), "{detail}");
    assert!(detail.contains("vid återföring"), "{detail}");
    screen.keys("nnnnnnnnnn<enter>");
    let form = screen.text();
    assert!(
        form.contains("#5 Redigera skattning av samverkansmognad"),
        "{form}"
    );
}
