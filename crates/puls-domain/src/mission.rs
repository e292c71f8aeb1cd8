//! Main missions (huvuduppdrag). Their names are configuration: organisations rename them.

use serde::{Deserialize, Serialize};

/// One main mission or service support, as configured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mission {
    /// Short, stable code stored on each arena, e.g. `LF`.
    pub code: String,
    /// The name shown to people, e.g. "Learning & family".
    pub name: String,
}

impl Mission {
    pub fn new(code: &str, name: &str) -> Self {
        Self {
            code: code.to_owned(),
            name: name.to_owned(),
        }
    }
}

/// Finds a mission by code or by name, ignoring case, so `--mission "health & care"` and
/// `--mission hc` both work.
pub fn find<'a>(missions: &'a [Mission], wanted: &str) -> Option<&'a Mission> {
    let wanted = wanted.trim();
    missions.iter().find(|m| {
        m.code.eq_ignore_ascii_case(wanted) || m.name.to_lowercase() == wanted.to_lowercase()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_mission_by_code_or_name_in_any_case() {
        let missions = [
            Mission::new("HC", "Health & care"),
            Mission::new("CD", "Community development"),
        ];
        assert_eq!(find(&missions, "hc").map(|m| m.code.as_str()), Some("HC"));
        assert_eq!(
            find(&missions, "Community Development").map(|m| m.code.as_str()),
            Some("CD")
        );
        assert!(find(&missions, "parks").is_none());
    }
}
