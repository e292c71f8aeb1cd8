//! What each command does, in help and in the status bar's hints; the help screen's sections.

use crate::command::Command;

/// The one line that explains a command, for help and hints.
pub fn command_description(command: Command) -> &'static str {
    match command {
        Command::Quit => tr!("quit puls", "avsluta puls"),
        Command::Back => tr!(
            "close, clear the filter, or quit",
            "stäng, rensa filtret eller avsluta"
        ),
        Command::Help => tr!("show every key", "visa alla tangenter"),
        Command::NextPane => tr!("focus the next pane", "gå till nästa panel"),
        Command::PreviousPane => tr!("focus the previous pane", "gå till föregående panel"),
        Command::FocusBoard => tr!("focus the board", "gå till tavlan"),
        Command::Zoom => tr!(
            "zoom the focused pane / back",
            "förstora panelen / tillbaka"
        ),
        Command::Undo => tr!("undo your last change", "ångra din senaste ändring"),
        Command::ColumnLeft => tr!("previous stage column", "föregående faskolumn"),
        Command::ColumnRight => tr!("next stage column", "nästa faskolumn"),
        Command::CardUp => tr!("previous arena", "föregående arena"),
        Command::CardDown => tr!("next arena", "nästa arena"),
        Command::FirstCard => tr!("first arena in the column", "första arenan i kolumnen"),
        Command::LastCard => tr!("last arena in the column", "sista arenan i kolumnen"),
        Command::PageUp => tr!("a page up", "en sida upp"),
        Command::PageDown => tr!("a page down", "en sida ner"),
        Command::OpenDetail => tr!("open the arena", "öppna arenan"),
        Command::NewSignal => tr!("record a new signal", "registrera en ny signal"),
        Command::Edit => tr!("edit the selected item", "redigera det markerade"),
        Command::NextStage => tr!("move to the next stage", "flytta till nästa fas"),
        Command::PreviousStage => tr!(
            "move back a stage / reopen",
            "flytta tillbaka en fas / öppna igen"
        ),
        Command::Decline => tr!(
            "decline a signal, with a reason",
            "avböj en signal, med skäl"
        ),
        Command::FilterMission => tr!(
            "filter by mission (cycles)",
            "filtrera på huvuduppdrag (växlar)"
        ),
        Command::FilterText => tr!("search / filter by text", "sök / filtrera på text"),
        Command::ToggleDeclined => tr!(
            "show / hide declined signals",
            "visa / dölj avböjda signaler"
        ),
        Command::ScrollUp => tr!("scroll up", "rulla upp"),
        Command::ScrollDown => tr!("scroll down", "rulla ner"),
        Command::NextField => tr!("next field", "nästa fält"),
        Command::PreviousField => tr!("previous field", "föregående fält"),
        Command::Save => tr!("save", "spara"),
        Command::Confirm => tr!("confirm", "bekräfta"),
        Command::FocusRoster => tr!("focus the roster", "gå till kompetenskartan"),
        Command::RowUp => tr!("previous row", "föregående rad"),
        Command::RowDown => tr!("next row", "nästa rad"),
        Command::FirstRow => tr!("first row", "första raden"),
        Command::LastRow => tr!("last row", "sista raden"),
        Command::NextView => tr!(
            "team / people / competences",
            "team / personer / kompetenser"
        ),
        Command::CycleSort => tr!(
            "sort by name, unit or free time",
            "sortera efter namn, enhet eller ledig tid"
        ),
        Command::FilterCompetence => tr!("filter by competence", "filtrera på kompetens"),
        Command::FilterUnit => tr!("filter by unit", "filtrera på enhet"),
        Command::CycleSide => tr!("all / internal / external", "alla / interna / externa"),
        Command::ToggleFree => tr!("only people with free time", "bara personer med ledig tid"),
        Command::ToggleInactive => tr!("show / hide inactive", "visa / dölj inaktiva"),
        Command::NewEntry => tr!(
            "add a person, competence or need",
            "lägg till en person, kompetens eller ett behov"
        ),
        Command::ToggleActive => tr!("deactivate / reactivate", "inaktivera / aktivera igen"),
        Command::Delete => tr!(
            "delete (a person only if never allocated)",
            "ta bort (en person bara om hen aldrig bemannat)"
        ),
        Command::FindStaff => tr!("find staff for the arena", "hitta bemanning till arenan"),
        Command::Release => tr!(
            "release a member from the arena",
            "entlediga någon från arenan"
        ),
        Command::SwitchList => tr!(
            "switch between needs and people",
            "växla mellan behov och personer"
        ),
        Command::FocusPlan => tr!("focus the PULS plan", "gå till PULS-planen"),
        Command::PreviousStep => tr!("previous step of the plan", "föregående steg i planen"),
        Command::NextStep => tr!("next step of the plan", "nästa steg i planen"),
        Command::CycleStatus => tr!(
            "next status of an activity or need",
            "nästa status för en aktivitet eller ett behov"
        ),
        Command::Block => tr!(
            "mark an activity blocked, with the reason",
            "markera en aktivitet som blockerad, med skäl"
        ),
        Command::MoveUp => tr!("move an activity up", "flytta en aktivitet uppåt"),
        Command::MoveDown => tr!("move an activity down", "flytta en aktivitet nedåt"),
        Command::History => tr!("the arena's whole history", "arenans hela historik"),
        Command::Standup => tr!(
            "stand-up: this arena and the coordinator's others",
            "stand-up: den här arenan och koordinatorns övriga"
        ),
        Command::NextArena => tr!("next arena in the stand-up", "nästa arena i stand-upen"),
        Command::PreviousArena => tr!(
            "previous arena in the stand-up",
            "föregående arena i stand-upen"
        ),
        Command::Timer => tr!(
            "start / stop the stand-up clock",
            "starta / stoppa stand-up-klockan"
        ),
        Command::Done => tr!(
            "mark the selected activity done",
            "markera den valda aktiviteten som klar"
        ),
        Command::AddActivity => tr!(
            "add an activity to the arena",
            "lägg till en aktivitet i arenan"
        ),
        Command::AddContact => tr!(
            "note a contact with the recipient",
            "anteckna en kontakt med mottagaren"
        ),
        Command::FocusBank => tr!("focus the knowledge bank", "gå till kunskapsbanken"),
        Command::CycleKind => tr!("filter by kind (cycles)", "filtrera på slag (växlar)"),
        Command::FilterTag => tr!("filter by tag", "filtrera på tagg"),
        Command::Figures => tr!("key figures for the management", "nyckeltal för ledningen"),
        Command::Palette => super::palette_description(),
        Command::OpenEditor => super::open_editor_description(),
        Command::ToggleMouse => super::toggle_mouse_description(),
        Command::RestrictedRecord => super::restricted_record_description(),
        Command::Review => super::review_description(),
        Command::FileReview => super::file_review_description(),
        Command::Maturity => super::maturity_description(),
        Command::RateMaturity => super::rate_maturity_description(),
        Command::RequestsToMe => tr!(
            "staffing requests waiting for you",
            "bemanningsförfrågningar som väntar på dig"
        ),
        Command::ApproveRequest => tr!(
            "approve the request: the allocation is made",
            "godkänn förfrågan: bemanningen görs"
        ),
        Command::DeclineRequest => tr!(
            "decline the request, with a reason",
            "avslå förfrågan, med ett skäl"
        ),
        Command::WithdrawRequest => tr!(
            "withdraw your waiting request for the person",
            "återkalla din väntande förfrågan om personen"
        ),
        Command::NextRecord => super::next_record_description(),
        Command::PreviousRecord => super::previous_record_description(),
        Command::OpenRecord => super::open_record_description(),
        Command::SignUp => tr!(
            "sign yourself up for the marked session",
            "anmäl dig till det markerade tillfället"
        ),
        Command::WithdrawSignUp => tr!(
            "withdraw from the marked session",
            "avanmäl dig från det markerade tillfället"
        ),
    }
}

/// The one or two words a command gets in the status bar's hints.
pub fn command_hint(command: Command) -> &'static str {
    match command {
        Command::NewSignal => tr!("new", "ny"),
        Command::OpenDetail => tr!("open", "öppna"),
        Command::Edit => tr!("edit", "redigera"),
        Command::NextStage => tr!("next stage", "nästa fas"),
        Command::PreviousStage => tr!("back", "tillbaka"),
        Command::Decline => tr!("decline", "avböj"),
        Command::FilterText => tr!("filter", "filter"),
        Command::FilterMission => tr!("mission", "uppdrag"),
        Command::Undo => tr!("undo", "ångra"),
        Command::Help => tr!("help", "hjälp"),
        Command::ScrollDown => tr!("scroll", "rulla"),
        Command::NextField => tr!("next field", "nästa fält"),
        Command::Save => tr!("save", "spara"),
        Command::Back => tr!("close", "stäng"),
        Command::Confirm => tr!("ok", "ok"),
        Command::NextView => tr!("view", "vy"),
        Command::CycleSort => tr!("sort", "sortera"),
        Command::FilterCompetence => tr!("competence", "kompetens"),
        Command::FilterUnit => tr!("unit", "enhet"),
        Command::CycleSide => tr!("int/ext", "int/ext"),
        Command::ToggleFree => tr!("free", "ledig"),
        Command::NewEntry => tr!("add", "lägg till"),
        Command::ToggleActive => tr!("(de)activate", "(in)aktivera"),
        Command::FindStaff => tr!("staff", "bemanna"),
        Command::Release => tr!("release", "entlediga"),
        Command::SwitchList => tr!("switch", "växla"),
        Command::NextStep => tr!("step", "steg"),
        Command::CycleStatus => tr!("status", "status"),
        Command::Block => tr!("block", "blockera"),
        Command::MoveDown => tr!("move", "flytta"),
        Command::Delete => tr!("delete", "ta bort"),
        Command::NextArena => tr!("next", "nästa"),
        Command::Timer => tr!("clock", "klocka"),
        Command::Done => tr!("done", "klar"),
        Command::AddActivity => tr!("activity", "aktivitet"),
        Command::AddContact => tr!("contact", "kontakt"),
        Command::CycleKind => tr!("kind", "slag"),
        Command::FilterTag => tr!("tag", "tagg"),
        Command::OpenEditor => super::open_editor_hint(),
        Command::RequestsToMe => tr!("requests", "förfrågningar"),
        Command::ApproveRequest => tr!("approve", "godkänn"),
        Command::DeclineRequest => tr!("decline", "avslå"),
        Command::WithdrawRequest => tr!("withdraw", "återkalla"),
        Command::OpenRecord => super::open_record_hint(),
        Command::NextRecord => tr!("session", "tillfälle"),
        Command::SignUp => tr!("sign up", "anmäl"),
        Command::WithdrawSignUp => tr!("withdraw", "avanmäl"),
        other => command_description(other),
    }
}

pub fn context_label(context: crate::keymap::Context) -> &'static str {
    use crate::keymap::Context;
    match context {
        Context::Global => tr!("Everywhere", "Överallt"),
        Context::Board => tr!("Board", "Tavlan"),
        Context::Roster => tr!("Roster", "Kompetenskartan"),
        Context::Plan => tr!("PULS plan", "PULS-planen"),
        Context::Bank => tr!("Knowledge bank", "Kunskapsbanken"),
        Context::Detail => tr!("Arena detail", "Arenans detaljer"),
        Context::Staff => tr!("Find staff", "Hitta bemanning"),
        Context::Standup => tr!("Stand-up", "Stand-up"),
        Context::Help => tr!("Help", "Hjälp"),
        Context::Form => tr!("Forms", "Formulär"),
        Context::Prompt => tr!("Questions", "Frågor"),
        Context::Palette => super::palette_title(),
        Context::Requests => super::requests_title(),
        Context::Reading => tr!("Reading an entry", "Läsa en post"),
    }
}
