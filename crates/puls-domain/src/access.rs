//! Who may do what: roles given to OS accounts, and who may open a restricted record.
//!
//! On one SQLite file the OS file permissions are the security boundary; these rules are guard
//! rails for people acting in good faith (see README).

/// A role an administrator gives an OS account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Coordinator,
    Member,
    /// Someone from outside the municipality (police, regional health service, an NGO).
    External,
    /// Gives and takes roles, links accounts to people, writes subject extracts.
    Administrator,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Coordinator,
        Role::Member,
        Role::External,
        Role::Administrator,
    ];

    /// The code stored in the database and typed on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Role::Coordinator => "coordinator",
            Role::Member => "member",
            Role::External => "external",
            Role::Administrator => "administrator",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        let code = code.trim().to_lowercase();
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Whether the person an account is may open an arena's restricted record: only its coordinator
/// and its communication lead, and never an external account.
pub fn may_open_restricted(
    person: Option<i64>,
    roles: &[Role],
    coordinator: Option<i64>,
    lead: Option<i64>,
) -> bool {
    let Some(person) = person else {
        return false;
    };
    !roles.contains(&Role::External) && (coordinator == Some(person) || lead == Some(person))
}

/// By what right an account changes who coordinates an arena or is its communication lead: who
/// holds those places opens the restricted record, so taking one is not an ordinary edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Appointer {
    /// The database has no administrator yet: no roles are set up, no account is linked to a
    /// person, so nobody opens a restricted record and there is nothing to guard.
    Unguarded,
    Administrator,
    /// The arena's coordinator, handing over or naming a communication lead.
    Coordinator,
}

/// Whether the person an account is (with its roles) may change an arena's coordinator or
/// communication lead: its current coordinator or an administrator, once the database has one.
/// `None`: refused. (The commissioning body is a name on the arena, not accounts: it cannot be
/// asked here.)
pub fn appointer(
    guarded: bool,
    person: Option<i64>,
    roles: &[Role],
    coordinator: Option<i64>,
) -> Option<Appointer> {
    if !guarded {
        Some(Appointer::Unguarded)
    } else if roles.contains(&Role::Administrator) {
        Some(Appointer::Administrator)
    } else if person.is_some() && person == coordinator && !roles.contains(&Role::External) {
        Some(Appointer::Coordinator)
    } else {
        None
    }
}

/// Whether an account may share a knowledge entry with the region, or stop sharing it: a
/// coordinator or an administrator; anyone while the database has no administrator (no roles
/// are set up, as for [`Appointer::Unguarded`]).
pub fn may_share(roles: &[Role], any_administrator: bool) -> bool {
    !any_administrator || roles.contains(&Role::Coordinator) || roles.contains(&Role::Administrator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_coordinators_and_administrators_share_entries_once_roles_are_set_up() {
        assert!(may_share(&[Role::Coordinator], true));
        assert!(may_share(&[Role::Administrator], true));
        assert!(!may_share(&[Role::Member], true));
        assert!(!may_share(&[], true));
        assert!(may_share(&[], false));
    }

    #[test]
    fn roles_read_back_from_their_codes_in_any_case() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(
            Role::from_code(" Administrator "),
            Some(Role::Administrator)
        );
        assert_eq!(Role::from_code("root"), None);
    }

    #[test]
    fn only_the_coordinator_and_the_lead_open_a_restricted_record() {
        assert!(may_open_restricted(Some(1), &[], Some(1), Some(2)));
        assert!(may_open_restricted(Some(2), &[], Some(1), Some(2)));
        assert!(!may_open_restricted(Some(3), &[], Some(1), Some(2)));
        assert!(!may_open_restricted(None, &[], None, None));
        assert!(
            !may_open_restricted(Some(1), &[Role::Administrator], None, Some(2)),
            "an administrator is not the coordinator"
        );
        assert!(!may_open_restricted(
            Some(1),
            &[Role::External],
            Some(1),
            None
        ));
    }

    #[test]
    fn only_the_coordinator_or_an_administrator_appoints_once_roles_are_set_up() {
        use Appointer::*;
        assert_eq!(appointer(false, None, &[], Some(1)), Some(Unguarded));
        assert_eq!(
            appointer(true, None, &[Role::Administrator], Some(1)),
            Some(Administrator)
        );
        assert_eq!(appointer(true, Some(1), &[], Some(1)), Some(Coordinator));
        assert_eq!(appointer(true, Some(2), &[Role::Member], Some(1)), None);
        assert_eq!(appointer(true, Some(2), &[Role::Coordinator], None), None);
        assert_eq!(
            appointer(true, None, &[], None),
            None,
            "nobody is nobody's coordinator"
        );
        assert_eq!(appointer(true, Some(1), &[Role::External], Some(1)), None);
    }
}
