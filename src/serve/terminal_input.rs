//! The bytes a client's terminal sends, as the events the App takes: terminput parses them (the
//! escape sequences of xterm, fixterms and kitty: arrows, function keys, modifiers, bracketed
//! paste, the mouse) and terminput-crossterm turns them into crossterm's events.
//!
//! A sequence may arrive split over two packets, so what does not parse yet waits for more; a
//! lone ESC is the Esc key only when nothing follows it in the same packet, as crossterm decides
//! for a local terminal.

use crossterm::event::Event;

#[derive(Default)]
pub struct TerminalInput {
    pending: Vec<u8>,
}

impl TerminalInput {
    /// The events `bytes` complete.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        let mut events = Vec::new();
        for (i, byte) in bytes.iter().enumerate() {
            self.pending.push(*byte);
            let more = i + 1 < bytes.len();
            if more && self.pending == b"\x1b" {
                continue;
            }
            match terminput::Event::parse_from(&self.pending) {
                Ok(Some(event)) => {
                    self.pending.clear();
                    if let Ok(event) = terminput_crossterm::to_crossterm(event) {
                        events.push(event);
                    }
                }
                Ok(None) => {}
                // Nothing any terminal sends: dropped, as crossterm drops it.
                Err(_) => self.pending.clear(),
            }
        }
        events
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn keys(events: &[Event]) -> Vec<KeyEvent> {
        events.iter().filter_map(|e| e.as_key_event()).collect()
    }

    #[test]
    fn arrows_letters_and_a_lone_escape() {
        let mut input = TerminalInput::default();
        let events = input.feed(b"\x1b[Bj\x1b");
        let codes: Vec<KeyCode> = keys(&events).iter().map(|k| k.code).collect();
        assert_eq!(codes, [KeyCode::Down, KeyCode::Char('j'), KeyCode::Esc]);
    }

    #[test]
    fn a_sequence_split_over_two_packets_is_one_key() {
        let mut input = TerminalInput::default();
        assert!(input.feed(b"\x1b[1;").is_empty());
        let events = input.feed(b"5C");
        let key = keys(&events)[0];
        assert_eq!(
            (key.code, key.modifiers),
            (KeyCode::Right, KeyModifiers::CONTROL)
        );
    }

    #[test]
    fn a_mouse_click_in_the_sgr_encoding_terminals_use() {
        let mut input = TerminalInput::default();
        let events = input.feed(b"\x1b[<0;10;5M");
        let Some(Event::Mouse(click)) = events.first() else {
            panic!("{events:?}");
        };
        assert_eq!((click.column, click.row), (9, 4));
    }

    #[test]
    fn a_bracketed_paste_is_one_event() {
        let mut input = TerminalInput::default();
        let events = input.feed(b"\x1b[200~two\nlines\x1b[201~");
        assert_eq!(events, [Event::Paste("two\nlines".to_owned())]);
    }
}
