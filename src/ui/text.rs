//! Fitting text into cells: wide characters count double, and nothing unsafe is drawn.

use unicode_width::UnicodeWidthChar;

use crate::domain::text;

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
    fn keeps_short_text_and_strips_controls() {
        assert_eq!(fit("Åsa\x1b[2J", 20), "Åsa[2J");
    }
}
