//! Each session's work as a task of its own, watched: a failure or a panic ends that session
//! alone, is logged, and the client is told; its place among the sessions is given back either
//! way, so the server goes on.

use tokio::sync::OwnedSemaphorePermit;
use tracing::{error, info};

use super::outbox::Outbox;
use crate::domain::session::Session;
use crate::messages;

/// Whose session a supervisor watches, and how to tell them it failed.
pub struct Watch {
    pub account: String,
    pub session: Session,
    pub outbox: Outbox,
}

/// Runs a session's work as a task of its own: a failure or a panic ends that session alone,
/// is logged, and the client is told; its place among the sessions is given back either way.
pub async fn supervise(
    watch: Watch,
    permit: OwnedSemaphorePermit,
    work: impl std::future::Future<Output = color_eyre::Result<()>> + Send + 'static,
) {
    let Watch {
        account,
        session,
        outbox,
    } = watch;
    let outcome = tokio::spawn(work).await;
    let failed = match outcome {
        Ok(Ok(())) => false,
        Ok(Err(e)) => {
            error!(%account, error = %e, "session failed");
            true
        }
        Err(e) => {
            error!(%account, panic = %e, "session panicked");
            true
        }
    };
    if failed {
        // The alternate screen left, the cursor shown, then why.
        let reset = "\x1b[?1049l\x1b[?25h\r\n";
        let text = session.enter(messages::serve_session_failed);
        outbox.out(format!("{reset}{text}\r\n").into_bytes());
        outbox.exit(1);
    }
    info!(%account, "session closed");
    drop(permit);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::outbox::Parcel;
    use std::sync::Arc;
    use tokio::sync::Semaphore;

    #[tokio::test]
    async fn a_panicking_session_ends_alone_told_logged_and_its_place_given_back() {
        let places = Arc::new(Semaphore::new(2));
        let (outbox, mut parcels) = Outbox::captured();
        let watch = Watch {
            account: "karin".to_owned(),
            session: Session::default(),
            outbox,
        };
        let permit = Arc::clone(&places).try_acquire_owned().unwrap();
        let other = Arc::clone(&places).try_acquire_owned().unwrap();
        supervise(watch, permit, async { panic!("a bug in one screen") }).await;
        let Some(Parcel::Out(said)) = parcels.recv().await else {
            panic!("the client was not told");
        };
        let said = String::from_utf8(said).unwrap();
        assert!(said.contains(messages::serve_session_failed()), "{said}");
        assert!(
            said.starts_with("\x1b[?1049l"),
            "the terminal is given back first"
        );
        assert_eq!(parcels.recv().await, Some(Parcel::Exit(1)));
        assert_eq!(
            places.available_permits(),
            1,
            "its place is free, the other's kept"
        );
        drop(other);
    }
}
