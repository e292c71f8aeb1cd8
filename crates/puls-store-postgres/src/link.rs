//! The one connection of each pool that listens for writes (`NOTIFY` on `puls_changed`), for
//! every store on the pool: the notifications are counted, on the pool's driver, for each
//! store but the one that wrote (each store marks its own with the payload: its writes come
//! from whichever pooled connection it had).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::{SystemTime, UNIX_EPOCH};

use futures_executor::block_on;
use futures_util::StreamExt;
use futures_util::stream;
use tokio_postgres::{AsyncMessage, Client, NoTls};

use puls_store::StoreError;

use crate::db::backend_error;
use crate::pool;

/// The channel every write notifies on commit, and every pool listens to.
pub const CHANNEL: &str = "puls_changed";

/// Numbers the stores of this process, so each knows its own notifications.
static STORES: AtomicU64 = AtomicU64::new(0);

/// What one store has heard: other stores' writes since it last asked.
pub struct Ear {
    store: u64,
    heard: Arc<AtomicU64>,
    seen: u64,
}

impl Ear {
    /// The store this ear is for, as its notifications name it.
    pub fn store(&self) -> u64 {
        self.store
    }

    /// Whether anything was heard since the last time it was asked.
    fn changed(&mut self) -> bool {
        let heard = self.heard.load(Ordering::Acquire);
        let changed = heard != self.seen;
        self.seen = heard;
        changed
    }
}

/// The stores that listen, by number; a store that is gone leaves a dead entry behind, swept
/// by the next notification.
#[derive(Default)]
struct Ears(Mutex<HashMap<u64, Weak<AtomicU64>>>);

impl Ears {
    /// Counts a notification for every store but `writer`.
    fn hear(&self, writer: Option<u64>) {
        let mut ears = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        ears.retain(|store, ear| match ear.upgrade() {
            Some(heard) => {
                if writer != Some(*store) {
                    heard.fetch_add(1, Ordering::AcqRel);
                }
                true
            }
            None => false,
        });
    }
}

/// A pool's listening connection, and the stores it listens for.
pub struct Listener {
    url: String,
    /// This pool's mark on its stores' notifications, unique among the processes that write.
    mark: String,
    ears: Arc<Ears>,
    client: Mutex<Option<Arc<Client>>>,
}

impl Listener {
    pub fn new(url: &str) -> Listener {
        let since = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        Listener {
            url: url.to_owned(),
            mark: format!(
                "{}.{since}.{}",
                std::process::id(),
                STORES.fetch_add(1, Ordering::Relaxed)
            ),
            ears: Arc::default(),
            client: Mutex::new(None),
        }
    }

    /// An ear for a new store, hearing every write committed from now on but its own.
    pub fn ear(&self) -> Result<Ear, StoreError> {
        self.listening()?;
        let ear = Ear {
            store: STORES.fetch_add(1, Ordering::Relaxed),
            heard: Arc::default(),
            seen: 0,
        };
        self.ears
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(ear.store, Arc::downgrade(&ear.heard));
        Ok(ear)
    }

    /// The payload of `store`'s notifications.
    pub fn payload(&self, store: u64) -> String {
        format!("{}/{store}", self.mark)
    }

    /// Whether another store (of this process or any other) committed since `ear` last asked.
    /// One round trip first: the server hands over what it holds for the listener before it
    /// answers, so a commit that finished before this call is always heard. A listener that
    /// dropped is opened again, and counts as a change for every store: what it missed is
    /// unknown.
    pub fn others_changed(&self, ear: &mut Ear) -> Result<bool, StoreError> {
        let client = self.listening()?;
        if block_on(client.batch_execute("SELECT 1")).is_err() {
            self.reconnect(&client)?;
        }
        Ok(ear.changed())
    }

    /// The listening connection, opened when there is none or it has closed.
    fn listening(&self) -> Result<Arc<Client>, StoreError> {
        let held = self
            .client
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        match held {
            Some(client) if !client.is_closed() => Ok(client),
            Some(client) => self.reconnect(&client),
            None => {
                let mut held = self.client.lock().unwrap_or_else(PoisonError::into_inner);
                if let Some(client) = held.as_ref() {
                    return Ok(Arc::clone(client));
                }
                let client = Arc::new(self.connect()?);
                *held = Some(Arc::clone(&client));
                Ok(client)
            }
        }
    }

    /// Replaces the listening connection `failed`, unless another store has already.
    fn reconnect(&self, failed: &Arc<Client>) -> Result<Arc<Client>, StoreError> {
        let mut held = self.client.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(client) = held.as_ref()
            && !Arc::ptr_eq(client, failed)
        {
            return Ok(Arc::clone(client));
        }
        let client = Arc::new(self.connect()?);
        *held = Some(Arc::clone(&client));
        self.ears.hear(None);
        Ok(client)
    }

    /// Connects, listens, and counts what is heard on the pool's driver until the client is
    /// dropped or the connection breaks.
    fn connect(&self) -> Result<Client, StoreError> {
        let (url, mark, ears) = (self.url.clone(), self.mark.clone(), Arc::clone(&self.ears));
        let client = pool::run(async move {
            let (client, mut connection) = tokio_postgres::connect(&url, NoTls)
                .await
                .map_err(|e| unreachable(&url, &e))?;
            tokio::spawn(async move {
                let mut messages = stream::poll_fn(move |cx| connection.poll_message(cx));
                while let Some(Ok(message)) = messages.next().await {
                    if let AsyncMessage::Notification(n) = message {
                        ears.hear(writer(n.payload(), &mark));
                    }
                }
            });
            Ok::<_, StoreError>(client)
        })??;
        block_on(client.batch_execute(&format!("LISTEN {CHANNEL}")))
            .map_err(|e| backend_error(&e))?;
        Ok(client)
    }
}

/// The store of this pool that wrote, by the notification's payload; None for another pool's,
/// another process's or one without a mark.
fn writer(payload: &str, mark: &str) -> Option<u64> {
    let (of, store) = payload.rsplit_once('/')?;
    if of == mark { store.parse().ok() } else { None }
}

/// The server could not be reached, or refused us: said with where, never with a password.
pub fn unreachable(url: &str, e: &tokio_postgres::Error) -> StoreError {
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
    fn a_notification_names_its_writer_only_when_this_pool_marked_it() {
        assert_eq!(writer("41.7.2/9", "41.7.2"), Some(9));
        assert_eq!(writer("41.7.3/9", "41.7.2"), None, "another pool's store 9");
        assert_eq!(writer("", "41.7.2"), None, "a NOTIFY of someone else's");
    }

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
