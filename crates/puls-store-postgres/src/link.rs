//! One connection to the server, driven on a thread of its own: the socket is read there, so
//! the store's synchronous calls work from anywhere (inside the app's runtime too), and the
//! notifications of other sessions are counted there the moment they arrive.

use std::sync::Arc;
use std::sync::atomic::{AtomicI32, AtomicU64, Ordering};
use std::sync::mpsc;

use futures_util::StreamExt;
use futures_util::stream;
use tokio_postgres::{AsyncMessage, Client, NoTls};

use puls_store::StoreError;

use crate::db::backend_error;

/// The channel every write notifies on commit, and every store listens to.
pub const CHANNEL: &str = "puls_changed";

/// What the connection's thread tells the store.
#[derive(Default)]
pub struct Heard {
    /// Notifications from other sessions (not this connection's own writes).
    pub changes: AtomicU64,
    /// This connection's server process, whose own notifications are not news.
    pub own_pid: AtomicI32,
}

/// A client whose connection runs on its own thread until the client is dropped.
pub fn connect(url: &str) -> Result<(Client, Arc<Heard>), StoreError> {
    let heard = Arc::new(Heard::default());
    let (sent, received) = mpsc::channel();
    let url = url.to_owned();
    let counted = heard.clone();
    std::thread::Builder::new()
        .name("postgres".to_owned())
        .spawn(move || drive(&url, &counted, &sent))
        .map_err(|e| StoreError::Backend(format!("no thread for the connection: {e}")))?;
    let client = received
        .recv()
        .map_err(|_| StoreError::Backend("the connection's thread stopped".to_owned()))??;
    Ok((client, heard))
}

/// Connects, hands the client over, then reads the socket until the client hangs up.
fn drive(url: &str, heard: &Heard, sent: &mpsc::Sender<Result<Client, StoreError>>) {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            let _ = sent.send(Err(StoreError::Backend(e.to_string())));
            return;
        }
    };
    runtime.block_on(async {
        let (client, mut connection) = match tokio_postgres::connect(url, NoTls).await {
            Ok(pair) => pair,
            Err(e) => {
                let _ = sent.send(Err(unreachable(url, &e)));
                return;
            }
        };
        if sent.send(Ok(client)).is_err() {
            return;
        }
        let mut messages = stream::poll_fn(move |cx| connection.poll_message(cx));
        while let Some(Ok(message)) = messages.next().await {
            if let AsyncMessage::Notification(n) = message
                && n.process_id() != heard.own_pid.load(Ordering::Acquire)
            {
                heard.changes.fetch_add(1, Ordering::AcqRel);
            }
        }
    });
}

/// The server could not be reached, or refused us: said with where, never with a password.
fn unreachable(url: &str, e: &tokio_postgres::Error) -> StoreError {
    match e.as_db_error() {
        Some(_) => backend_error(e),
        None => StoreError::Backend(format!("cannot reach {}: {e}", shown(url))),
    }
}

/// A connection URL as it may be shown: the password left out.
pub fn shown(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let user = &url[scheme + 3..at];
            let user = user.split(':').next().unwrap_or_default();
            format!("{}{user}@{}", &url[..scheme + 3], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_shown_without_its_password() {
        assert_eq!(
            shown("postgres://puls:s3cret@db.example:5432/region"),
            "postgres://puls@db.example:5432/region"
        );
        assert_eq!(
            shown("postgres://db.example/region"),
            "postgres://db.example/region"
        );
    }
}
