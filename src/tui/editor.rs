//! Running the user's editor on a piece of text: a private temporary file (0600, removed after),
//! `$VISUAL`, else `$EDITOR`, else `vi`, run through the shell as git does, so that an editor
//! named with its arguments ("code --wait") works.

use std::io::Write;
use std::process::Command;

use crate::messages;

/// The editor the user chose.
pub fn chosen() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "vi".to_owned())
}

/// Edits `text` in `editor`; the new text, or the message that says why the field stays.
/// The terminal must be handed over (cooked mode, main screen) before this is called.
pub fn edit(editor: &str, text: &str) -> Result<String, String> {
    let not_run = |e: std::io::Error| messages::editor_not_run(editor, &e);
    // tempfile creates the file 0600 and removes it when `file` is dropped.
    let mut file = tempfile::Builder::new()
        .prefix("puls-")
        .suffix(".txt")
        .tempfile()
        .map_err(not_run)?;
    // Editors expect a text file to end in a line break; it is taken off again below.
    writeln!(file, "{text}").map_err(not_run)?;
    file.flush().map_err(not_run)?;
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(editor)
        .arg(file.path())
        .status()
        .map_err(not_run)?;
    if !status.success() {
        return Err(messages::editor_failed(editor, &status.to_string()));
    }
    // Read by name: many editors save by writing a new file in place of the old one.
    let edited =
        crate::input::read_text(file.path(), crate::input::EDITED_TEXT).map_err(not_run)?;
    Ok(edited.trim_end_matches(['\n', '\r']).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editor_s_lines_come_back_without_the_final_line_break() {
        let edited = edit("sh -c 'echo added >> \"$1\"' sh", "the need\nsecond line").unwrap();
        assert_eq!(edited, "the need\nsecond line\nadded");
    }

    #[test]
    fn the_file_is_private_and_removed_after() {
        // The "editor" writes the file's mode and name into the file itself.
        let editor = "sh -c 'stat -c \"%a %n\" \"$1\" > \"$1.seen\"; cat \"$1.seen\" > \"$1\"; rm \"$1.seen\"' sh";
        let edited = edit(editor, "x").unwrap();
        let (mode, path) = edited.split_once(' ').unwrap();
        assert_eq!(mode, "600");
        assert!(
            !std::path::Path::new(path).exists(),
            "{path} is still there"
        );
    }

    #[test]
    fn an_editor_that_fails_changes_nothing_and_says_so() {
        let error = edit("sh -c 'echo junk >> \"$1\"; exit 3' sh", "kept").unwrap_err();
        assert!(error.contains("exit status: 3"), "{error}");
        assert!(error.contains("unchanged"), "{error}");
    }
}
