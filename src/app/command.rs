//! What a user can bind to a key: a command. The keymap file names these in kebab-case.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Command {
    Quit,
    Back,
    Help,
    NextPane,
    PreviousPane,
    FocusBoard,
    Zoom,
    Undo,
    ColumnLeft,
    ColumnRight,
    CardUp,
    CardDown,
    FirstCard,
    LastCard,
    PageUp,
    PageDown,
    OpenDetail,
    NewSignal,
    Edit,
    NextStage,
    PreviousStage,
    Decline,
    FilterMission,
    FilterText,
    ToggleDeclined,
    ScrollUp,
    ScrollDown,
    NextField,
    PreviousField,
    Save,
    Confirm,
}
