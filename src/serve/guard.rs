//! Refused logins by address: past the limit within the window, an address is refused outright
//! until its refusals age out, so nobody can try keys or passwords without end.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a refused login counts against its address.
pub const WINDOW: Duration = Duration::from_secs(10 * 60);

pub struct Guard {
    limit: u32,
    refusals: Mutex<HashMap<IpAddr, Vec<Instant>>>,
}

impl Guard {
    pub fn new(limit: u32) -> Guard {
        Guard {
            limit,
            refusals: Mutex::new(HashMap::new()),
        }
    }

    /// Whether `address` has used up its refusals at `now`.
    pub fn blocked(&self, address: IpAddr, now: Instant) -> bool {
        let mut refusals = self.refusals.lock().unwrap_or_else(|p| p.into_inner());
        let Some(times) = refusals.get_mut(&address) else {
            return false;
        };
        times.retain(|t| now.duration_since(*t) < WINDOW);
        let blocked = times.len() >= self.limit as usize;
        if times.is_empty() {
            refusals.remove(&address);
        }
        blocked
    }

    /// Counts a refused login from `address` at `now`.
    pub fn refused(&self, address: IpAddr, now: Instant) {
        let mut refusals = self.refusals.lock().unwrap_or_else(|p| p.into_inner());
        refusals.entry(address).or_default().push(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_past_its_refusals_is_blocked_until_they_age_out() {
        let guard = Guard::new(3);
        let (here, there): (IpAddr, IpAddr) =
            ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        let start = Instant::now();
        for _ in 0..3 {
            assert!(!guard.blocked(here, start));
            guard.refused(here, start);
        }
        assert!(guard.blocked(here, start));
        assert!(!guard.blocked(there, start));
        assert!(!guard.blocked(here, start + WINDOW));
    }
}
