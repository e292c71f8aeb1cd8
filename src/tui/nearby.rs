//! The screens one process serves (`puls serve`), telling each other of their commits at once.
//!
//! Every screen has its own connection, and SQLite tells a connection only of the commits of
//! others when it asks (the store's watch, once a second). Here one more connection, the
//! process's own, asks after every step a screen took: whatever that step committed is news to
//! it, and the news wakes every screen, which then reloads if its own connection agrees that
//! something changed. Commits of other processes still arrive through each screen's watch.

use std::sync::{Arc, Mutex};

use tokio::sync::broadcast;

use crate::store::Backend;

/// The process's own look at the database, and where its news goes.
pub struct Commits {
    watch: Mutex<Box<dyn Backend + Send>>,
    news: broadcast::Sender<()>,
}

impl Commits {
    /// News of commits seen through `watch`, a connection of the process's own.
    pub fn new(watch: Box<dyn Backend + Send>) -> Arc<Commits> {
        // A screen that falls behind needs only to know that something changed.
        let (news, _) = broadcast::channel(16);
        Arc::new(Commits {
            watch: Mutex::new(watch),
            news,
        })
    }

    /// A screen's link to the others.
    pub fn join(self: &Arc<Commits>) -> Nearby {
        Nearby {
            commits: Arc::clone(self),
            news: self.news.subscribe(),
        }
    }

    /// Tells every screen when the database changed since the last look: after a screen's
    /// step, or a command run for someone over the connection.
    pub fn look(&self) {
        let changed = match self.watch.lock() {
            Ok(mut watch) => watch.others_changed().unwrap_or(true),
            // A screen panicked while looking: the connection is still sound, and news is cheap.
            Err(poisoned) => poisoned.into_inner().others_changed().unwrap_or(true),
        };
        if changed {
            // Nobody listening is no error: the last screen has closed.
            let _ = self.news.send(());
        }
    }
}

/// One screen's link to the others of its process.
pub struct Nearby {
    commits: Arc<Commits>,
    news: broadcast::Receiver<()>,
}

impl Nearby {
    /// The screen took a step that may have committed.
    pub fn stepped(&self) {
        self.commits.look();
    }
}

/// Waits for news of a commit; never, for a screen not linked to others.
pub async fn news(nearby: &mut Option<&mut Nearby>) {
    let Some(nearby) = nearby else {
        return std::future::pending().await;
    };
    match nearby.news.recv().await {
        Ok(()) | Err(broadcast::error::RecvError::Lagged(_)) => {}
        Err(broadcast::error::RecvError::Closed) => std::future::pending().await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::clock::SystemClock;
    use crate::store::prelude::*;
    use crate::store::{NewSignal, Store};
    use std::time::Duration;

    fn store(path: &std::path::Path, who: &str) -> Store {
        Store::open(path, who, Arc::new(SystemClock)).unwrap()
    }

    async fn woken(nearby: &mut Nearby) -> bool {
        let mut linked = Some(nearby);
        tokio::time::timeout(Duration::from_millis(50), news(&mut linked))
            .await
            .is_ok()
    }

    #[tokio::test]
    async fn a_step_that_committed_wakes_the_other_screens_and_one_that_did_not_wakes_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.db");
        let mut writer = store(&path, "maja");
        let commits = Commits::new(Box::new(store(&path, "puls")));
        let (mut mine, mut theirs) = (commits.join(), commits.join());
        mine.stepped();
        assert!(!woken(&mut theirs).await, "nothing was committed");
        writer
            .create_signal(&NewSignal {
                title: "A need".to_owned(),
                need: String::new(),
                mission: "LF".to_owned(),
                signalled_by: "maja".to_owned(),
                manager: String::new(),
                target_date: None,
            })
            .unwrap();
        mine.stepped();
        assert!(woken(&mut theirs).await);
        assert!(woken(&mut mine).await);
        mine.stepped();
        assert!(!woken(&mut theirs).await, "the same commit told twice");
    }
}
