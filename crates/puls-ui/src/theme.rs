//! Colours by meaning. The 16 ANSI colours by default (thin clients, the Linux console); none at
//! all under `NO_COLOR`, where bold, reverse and underline carry the same meaning. Whatever the
//! theme, a role that means something (selected, late, blocked, gap, over-allocated) also has a
//! mark in words or a modifier, so colour is never the only carrier.

use ratatui::style::{Color, Modifier, Style};

use puls_app::config::ThemeName;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub base: Style,
    pub muted: Style,
    pub title: Style,
    pub heading: Style,
    pub heading_selected: Style,
    pub selected: Style,
    pub late: Style,
    /// An activity that cannot go on.
    pub blocked: Style,
    /// A needed competence that nobody fills.
    pub gap: Style,
    /// A person allocated beyond their capacity.
    pub over: Style,
    pub error: Style,
    pub info: Style,
    pub key: Style,
    pub border: Style,
    pub border_focused: Style,
    pub field_error: Style,
}

/// How many colours the terminal shows, as its environment says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorDepth {
    TrueColor,
    Indexed256,
    Ansi16,
}

impl ColorDepth {
    /// `COLORTERM=truecolor|24bit` means 24-bit colour; else a `TERM` that names 256 colours;
    /// else the 16 that every terminal has.
    pub fn detect(colorterm: Option<&str>, term: Option<&str>) -> ColorDepth {
        let colorterm = colorterm.unwrap_or_default().to_ascii_lowercase();
        if colorterm == "truecolor" || colorterm == "24bit" {
            ColorDepth::TrueColor
        } else if term.unwrap_or_default().contains("256color") {
            ColorDepth::Indexed256
        } else {
            ColorDepth::Ansi16
        }
    }
}

/// What the environment says about colour: `NO_COLOR`, `COLORTERM` and `TERM`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColorEnv {
    pub no_color: bool,
    pub colorterm: Option<String>,
    pub term: Option<String>,
}

impl ColorEnv {
    pub fn from_env() -> ColorEnv {
        let var = |name| std::env::var(name).ok();
        ColorEnv {
            // no-color.org: set to anything but the empty string.
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            colorterm: var("COLORTERM"),
            term: var("TERM"),
        }
    }

    pub fn depth(&self) -> ColorDepth {
        ColorDepth::detect(self.colorterm.as_deref(), self.term.as_deref())
    }
}

impl Theme {
    /// A pane's border: brighter on the pane the keys go to.
    pub fn pane_border(&self, focused: bool) -> Style {
        if focused {
            self.border_focused
        } else {
            self.border
        }
    }

    /// The theme the user named, as far as the terminal can show it: `NO_COLOR` wins over any
    /// name, and truecolor steps down to 256 colours, then to the 16.
    pub fn choose(name: ThemeName, env: &ColorEnv) -> Theme {
        if env.no_color {
            return Theme::mono();
        }
        match name {
            ThemeName::Ansi16 => Theme::ansi16(),
            ThemeName::HighContrast => Theme::high_contrast(),
            ThemeName::Mono => Theme::mono(),
            ThemeName::Truecolor => match env.depth() {
                ColorDepth::TrueColor => Theme::truecolor(),
                ColorDepth::Indexed256 => Theme::truecolor().map_colors(to_256),
                ColorDepth::Ansi16 => Theme::ansi16(),
            },
        }
    }

    pub fn ansi16() -> Theme {
        let bold = Modifier::BOLD;
        let late = Style::new().fg(Color::Red).add_modifier(bold);
        Theme {
            base: Style::new(),
            muted: Style::new().fg(Color::DarkGray),
            title: Style::new().add_modifier(bold),
            heading: Style::new().fg(Color::Cyan).add_modifier(bold),
            heading_selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(bold),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            late,
            blocked: late,
            gap: late,
            over: late,
            error: Style::new().fg(Color::Red).add_modifier(bold),
            info: Style::new().fg(Color::Green),
            key: Style::new().fg(Color::Yellow).add_modifier(bold),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            field_error: Style::new().fg(Color::Red),
        }
    }

    /// No colour at all: what `NO_COLOR` asks for.
    pub fn mono() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let late = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        Theme {
            base: Style::new(),
            muted: Style::new().add_modifier(Modifier::DIM),
            title: bold,
            heading: bold,
            heading_selected: Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            late,
            blocked: late,
            gap: late,
            over: late,
            error: bold,
            info: Style::new(),
            key: bold,
            border: Style::new(),
            border_focused: bold,
            field_error: Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    /// Bright colours only, never dim or dark grey, and every alert bold and underlined: for
    /// low vision and washed-out projectors. Still the 16 ANSI colours, so it works anywhere.
    pub fn high_contrast() -> Theme {
        let bold = Modifier::BOLD;
        let alert = Modifier::BOLD | Modifier::UNDERLINED;
        Theme {
            base: Style::new().fg(Color::White),
            muted: Style::new().fg(Color::Gray),
            title: Style::new().fg(Color::White).add_modifier(bold),
            heading: Style::new().fg(Color::LightCyan).add_modifier(bold),
            heading_selected: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(bold | Modifier::UNDERLINED),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(bold),
            late: Style::new().fg(Color::LightRed).add_modifier(alert),
            blocked: Style::new().fg(Color::LightMagenta).add_modifier(alert),
            gap: Style::new().fg(Color::LightYellow).add_modifier(alert),
            over: Style::new().fg(Color::LightRed).add_modifier(alert),
            error: Style::new().fg(Color::LightRed).add_modifier(alert),
            info: Style::new().fg(Color::LightGreen).add_modifier(bold),
            key: Style::new().fg(Color::LightYellow).add_modifier(bold),
            border: Style::new().fg(Color::White),
            border_focused: Style::new().fg(Color::LightYellow).add_modifier(bold),
            field_error: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::UNDERLINED),
        }
    }

    /// Softer 24-bit colours for terminals that have them.
    pub fn truecolor() -> Theme {
        let bold = Modifier::BOLD;
        let rgb = |hex: u32| Color::from_u32(hex);
        Theme {
            base: Style::new(),
            muted: Style::new().fg(rgb(0x8a_8f_98)),
            title: Style::new().add_modifier(bold),
            heading: Style::new().fg(rgb(0x61_af_ef)).add_modifier(bold),
            heading_selected: Style::new()
                .fg(rgb(0x1e_22_27))
                .bg(rgb(0x61_af_ef))
                .add_modifier(bold),
            selected: Style::new()
                .fg(rgb(0xff_ff_ff))
                .bg(rgb(0x2c_4a_78))
                .add_modifier(bold),
            late: Style::new().fg(rgb(0xe0_6c_75)).add_modifier(bold),
            blocked: Style::new().fg(rgb(0xc6_78_dd)).add_modifier(bold),
            gap: Style::new().fg(rgb(0xe5_a0_4b)).add_modifier(bold),
            over: Style::new().fg(rgb(0xe0_6c_75)).add_modifier(bold),
            error: Style::new().fg(rgb(0xe0_6c_75)).add_modifier(bold),
            info: Style::new().fg(rgb(0x98_c3_79)),
            key: Style::new().fg(rgb(0xe5_c0_7b)).add_modifier(bold),
            border: Style::new().fg(rgb(0x5c_63_70)),
            border_focused: Style::new().fg(rgb(0x61_af_ef)).add_modifier(bold),
            field_error: Style::new()
                .fg(rgb(0xe0_6c_75))
                .add_modifier(Modifier::UNDERLINED),
        }
    }

    /// The same theme with every colour passed through `f`.
    fn map_colors(self, f: fn(Color) -> Color) -> Theme {
        let m = |s: Style| Style {
            fg: s.fg.map(f),
            bg: s.bg.map(f),
            ..s
        };
        Theme {
            base: m(self.base),
            muted: m(self.muted),
            title: m(self.title),
            heading: m(self.heading),
            heading_selected: m(self.heading_selected),
            selected: m(self.selected),
            late: m(self.late),
            blocked: m(self.blocked),
            gap: m(self.gap),
            over: m(self.over),
            error: m(self.error),
            info: m(self.info),
            key: m(self.key),
            border: m(self.border),
            border_focused: m(self.border_focused),
            field_error: m(self.field_error),
        }
    }

    /// Every role, for checks that hold across all of them.
    pub fn roles(&self) -> [(&'static str, Style); 16] {
        [
            ("base", self.base),
            ("muted", self.muted),
            ("title", self.title),
            ("heading", self.heading),
            ("heading_selected", self.heading_selected),
            ("selected", self.selected),
            ("late", self.late),
            ("blocked", self.blocked),
            ("gap", self.gap),
            ("over", self.over),
            ("error", self.error),
            ("info", self.info),
            ("key", self.key),
            ("border", self.border),
            ("border_focused", self.border_focused),
            ("field_error", self.field_error),
        ]
    }
}

/// The nearest of xterm's 256 colours to a 24-bit one: the 6x6x6 cube or the grey ramp,
/// whichever is closer. Other colours pass unchanged.
pub fn to_256(color: Color) -> Color {
    let Color::Rgb(r, g, b) = color else {
        return color;
    };
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let level = |v: u8| {
        (0..6)
            .min_by_key(|&i| (i32::from(LEVELS[i]) - i32::from(v)).abs())
            .unwrap_or(0)
    };
    let (ri, gi, bi) = (level(r), level(g), level(b));
    let cube = (LEVELS[ri], LEVELS[gi], LEVELS[bi]);
    let average = (u32::from(r) + u32::from(g) + u32::from(b)) / 3;
    // The ramp runs 8, 18, ..., 238 in 24 steps.
    let grey_index = (average.saturating_sub(3) / 10).min(23) as u8;
    let grey = 8 + 10 * grey_index;
    let distance = |(cr, cg, cb): (u8, u8, u8)| {
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        d(cr, r) + d(cg, g) + d(cb, b)
    };
    if distance((grey, grey, grey)) < distance(cube) {
        Color::Indexed(232 + grey_index)
    } else {
        Color::Indexed(16 + 36 * ri as u8 + 6 * gi as u8 + bi as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(no_color: bool, colorterm: Option<&str>, term: Option<&str>) -> ColorEnv {
        ColorEnv {
            no_color,
            colorterm: colorterm.map(str::to_owned),
            term: term.map(str::to_owned),
        }
    }

    fn colors(theme: &Theme) -> Vec<Color> {
        theme
            .roles()
            .iter()
            .flat_map(|(_, s)| [s.fg, s.bg])
            .flatten()
            .collect()
    }

    #[test]
    fn truecolor_steps_down_to_what_the_terminal_has() {
        use ColorDepth::*;
        let table = [
            (Some("truecolor"), Some("xterm-256color"), TrueColor),
            (Some("24bit"), Some("xterm"), TrueColor),
            (Some("TrueColor"), None, TrueColor),
            (None, Some("xterm-256color"), Indexed256),
            (Some("yes"), Some("screen-256color"), Indexed256),
            (None, Some("xterm"), Ansi16),
            (None, Some("linux"), Ansi16),
            (None, None, Ansi16),
        ];
        for (colorterm, term, depth) in table {
            assert_eq!(
                ColorDepth::detect(colorterm, term),
                depth,
                "COLORTERM={colorterm:?} TERM={term:?}"
            );
            let theme = Theme::choose(ThemeName::Truecolor, &env(false, colorterm, term));
            let all = colors(&theme);
            let fits = |c: &Color| match depth {
                TrueColor => matches!(c, Color::Rgb(..)),
                Indexed256 => matches!(c, Color::Indexed(_)),
                Ansi16 => !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
            };
            assert!(
                !all.is_empty() && all.iter().all(fits),
                "{depth:?}: {all:?}"
            );
        }
    }

    #[test]
    fn no_color_wins_over_any_theme_named() {
        for name in [
            ThemeName::Ansi16,
            ThemeName::HighContrast,
            ThemeName::Truecolor,
        ] {
            let theme = Theme::choose(name, &env(true, Some("truecolor"), None));
            assert_eq!(theme, Theme::mono(), "{name:?}");
        }
        assert_eq!(
            Theme::choose(ThemeName::HighContrast, &env(false, None, None)),
            Theme::high_contrast()
        );
    }

    #[test]
    fn meaning_never_rests_on_colour_alone() {
        // Given each theme, when its colours are taken away, then every alert and every
        // selection still differs from plain text by a modifier or a filled background.
        for theme in [
            Theme::ansi16(),
            Theme::mono(),
            Theme::high_contrast(),
            Theme::truecolor(),
        ] {
            let shape = |s: Style| (s.add_modifier, s.bg.is_some());
            for (name, style, plain) in [
                ("selected", theme.selected, theme.base),
                ("late", theme.late, theme.base),
                ("blocked", theme.blocked, theme.base),
                ("gap", theme.gap, theme.base),
                ("over", theme.over, theme.base),
                ("error", theme.error, theme.info),
                // The focused pane's border may differ by colour alone: its tab in the top bar
                // says which pane has the focus.
                ("heading_selected", theme.heading_selected, theme.heading),
            ] {
                assert_ne!(shape(style), shape(plain), "{name} in {theme:?}");
            }
        }
    }

    #[test]
    fn the_nearest_of_256_colours_is_the_cube_or_the_grey_ramp() {
        assert_eq!(to_256(Color::Rgb(0, 0, 0)), Color::Indexed(16));
        assert_eq!(to_256(Color::Rgb(255, 0, 0)), Color::Indexed(196));
        assert_eq!(to_256(Color::Rgb(0x61, 0xaf, 0xef)), Color::Indexed(75));
        assert_eq!(to_256(Color::Rgb(128, 128, 128)), Color::Indexed(244));
        assert_eq!(to_256(Color::Cyan), Color::Cyan);
    }
}
