//! Fitting text into cells: wide characters count double, and nothing unsafe is drawn.

use unicode_width::UnicodeWidthChar;

use puls_domain::text;

/// Stored text made safe and cut to `width` columns, with an ellipsis when cut.
pub fn fit(raw: &str, width: usize) -> String {
    let safe = text::one_line(raw);
    let total: usize = safe.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return safe.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in safe.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `fit`, then padded with spaces to exactly `width` columns: for a selected card's full bar.
pub fn fill(raw: &str, width: usize) -> String {
    let mut out = fit(raw, width);
    let used: usize = out.chars().map(|c| c.width().unwrap_or(0)).sum();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn cuts_wide_characters_by_columns_not_chars() {
        let cut = fit("日本語のテキスト", 7);
        assert!(cut.width() <= 7, "{cut}");
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn fills_to_the_exact_width_with_wide_characters() {
        assert_eq!(fill("日本", 7).width(), 7);
        assert_eq!(fill("日本語のテキスト", 7).width(), 7);
    }

    #[test]
    fn keeps_short_text_and_strips_controls() {
        assert_eq!(fit("Åsa\x1b[2J", 20), "Åsa[2J");
    }
}
