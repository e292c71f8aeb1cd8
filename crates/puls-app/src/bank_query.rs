//! The bank's list as a question to the store. Ranking thousands of matching entries takes
//! longer than a keystroke may, so the terminal driver answers these on a worker thread, and a
//! newer question cancels an older one; tests and tools answer them at once.

use puls_store::prelude::*;
use puls_store::{EntryFilter, EntryHit, StoreError};

/// How many results a list holds: a search shows its best, the related view its closest.
const SEARCH_LIMIT: usize = 200;
const RELATED_LIMIT: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankQuery {
    /// The arena's own entries, then those whose text best matches its title and need.
    Related { arena: i64 },
    /// The whole bank, ranked by what the user typed, or newest first when nothing is typed.
    Search { query: String, filter: EntryFilter },
}

impl BankQuery {
    /// True for a search, which ranks thousands of matches in one statement: stopped at once
    /// when a newer question comes. The related entries ask a few short statements, and stop
    /// before the next of them.
    pub fn runs_long(&self) -> bool {
        matches!(self, BankQuery::Search { .. })
    }

    pub fn run(&self, store: &dyn Backend) -> Result<Vec<EntryHit>, StoreError> {
        match self {
            BankQuery::Related { arena } => {
                let mut hits = store.arena_entries(*arena, RELATED_LIMIT)?;
                hits.extend(store.related_entries(*arena, RELATED_LIMIT)?);
                Ok(hits)
            }
            BankQuery::Search { query, filter } => {
                store.search_entries(query, filter, SEARCH_LIMIT)
            }
        }
    }
}

/// Where the app sends a bank question it need not wait for. Answers come back, numbered by
/// `ticket`, through [`crate::App::bank_answer`].
pub trait BankQueries: Send {
    /// False when the question cannot be taken (the worker is gone): ask the store directly.
    fn ask(&self, ticket: u64, query: BankQuery) -> bool;
}
