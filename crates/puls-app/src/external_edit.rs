//! Long text in the user's own editor: the app asks for it and takes the result back; the
//! terminal driver (`tui`) does the suspending and the running, so the app stays free of IO.

use super::App;
use super::popup::Popup;
use crate::messages;

impl App {
    /// Asks the driver to open the focused multi-line field of a form in `$VISUAL`/`$EDITOR`.
    pub(super) fn request_editor(&mut self) {
        let Some(Popup::Form(form)) = &self.popup else {
            return;
        };
        let field = form.focused();
        if field.is_choice() || !field.id.is_multi_line() {
            return self.info(messages::editor_needs_multi_line().to_owned());
        }
        self.editor_request = Some(field.value());
    }

    /// Whether the driver should run the editor now (see `take_editor_request`).
    pub fn wants_editor(&self) -> bool {
        self.editor_request.is_some()
    }

    /// The text to edit, once: the driver runs the editor on it and calls `editor_finished`.
    pub fn take_editor_request(&mut self) -> Option<String> {
        self.editor_request.take()
    }

    /// The editor's result: the new text of the field, or why the field stays as it was.
    pub fn editor_finished(&mut self, result: Result<String, String>) {
        self.step(|app| app.on_editor_finished(result))
    }

    fn on_editor_finished(&mut self, result: Result<String, String>) {
        let Some(Popup::Form(form)) = &mut self.popup else {
            return;
        };
        match result {
            Ok(text) if text != form.focused().value() => {
                form.focused_mut().replace_text(&text);
                form.dirty = true;
                form.discard_warned = false;
                form.privacy_warned = false;
                self.info(messages::editor_done().to_owned());
            }
            Ok(_) => self.info(messages::editor_unchanged().to_owned()),
            Err(why) => self.error(why),
        }
    }
}
