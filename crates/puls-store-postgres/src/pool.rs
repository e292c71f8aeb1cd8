//! One pool of connections per database in a process, shared by every store opened on it: the
//! screens of `puls serve`, their readers and the bank's workers take a connection while they
//! work and give it back when their session rests, so a hundred screens need a few connections,
//! not a hundred (PostgreSQL's default `max_connections` is 100).
//!
//! Every pooled connection, and each pool's one listening connection (`link`), is driven by one
//! thread of the process's (`driver`): the store's synchronous calls poll their questions with
//! `futures_executor::block_on` wherever they run, inside the app's runtime too, while the
//! sockets are read there.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, LazyLock, Mutex, PoisonError, Weak};
use std::time::Duration;

use deadpool_postgres::{
    Manager, ManagerConfig, Object, ObjectId, PoolError, QueueMode, RecyclingMethod, Timeouts,
};
use futures_executor::block_on;
use tokio::runtime::Handle;
use tokio_postgres::NoTls;

use puls_store::StoreError;

use crate::Result;
use crate::cancel::Server;
use crate::link::{self, Listener};

/// The connections to one database, and the one that listens for its writes.
pub struct Pool {
    url: String,
    /// Where its connections' cancels go.
    cancels: Option<Server>,
    connections: deadpool_postgres::Pool,
    pub listener: Listener,
    /// Whose session each connection was last set up for (account and lock timeout), so a
    /// session taking back a connection set up for it skips the round trip that sets it.
    set_up_for: Mutex<HashMap<ObjectId, String>>,
}

/// The pools of this process by URL, kept while a store uses one: a database nobody uses any
/// more (a test's, dropped after it) holds no connection.
static POOLS: LazyLock<Mutex<HashMap<String, Weak<Pool>>>> = LazyLock::new(Mutex::default);

/// The pool for `url`, made with room for `size` connections when this process has none yet
/// (the first store to open a database sizes its pool).
pub fn of(url: &str, size: usize) -> Result<Arc<Pool>> {
    let mut pools = POOLS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(pool) = pools.get(url).and_then(Weak::upgrade) {
        return Ok(pool);
    }
    pools.retain(|_, pool| pool.strong_count() > 0);
    let config: tokio_postgres::Config = url
        .parse()
        .map_err(|e| StoreError::Backend(format!("{}: {e}", link::shown(url))))?;
    let cancels = Server::of(&config);
    let manager = Manager::from_config(
        config,
        NoTls,
        ManagerConfig {
            // A closed connection is left behind; a live one keeps its prepared statements.
            recycling_method: RecyclingMethod::Fast,
        },
    );
    let connections = deadpool_postgres::Pool::builder(manager)
        .max_size(size.max(1))
        // The connection given back last is taken first: in a screen's process it was set up
        // for the same account, and its prepared statements are the warm ones.
        .queue_mode(QueueMode::Lifo)
        .runtime(deadpool_postgres::Runtime::Tokio1)
        .build()
        .map_err(|e| StoreError::Backend(e.to_string()))?;
    let pool = Arc::new(Pool {
        url: url.to_owned(),
        cancels,
        connections,
        listener: Listener::new(url),
        set_up_for: Mutex::default(),
    });
    pools.insert(url.to_owned(), Arc::downgrade(&pool));
    Ok(pool)
}

impl Pool {
    /// A connection of the pool's, waiting up to `wait` for one to come back when all are in
    /// use; then `Busy`, as a write that waited too long for a lock.
    pub fn checkout(&self, wait: Duration) -> Result<Object> {
        let connections = self.connections.clone();
        let timeouts = Timeouts {
            wait: Some(wait),
            create: None,
            recycle: None,
        };
        match run(async move { connections.timeout_get(&timeouts).await })? {
            Ok(connection) => Ok(connection),
            Err(PoolError::Timeout(_)) => Err(StoreError::Busy),
            Err(PoolError::Backend(e)) => Err(link::unreachable(&self.url, &e)),
            Err(e) => Err(StoreError::Backend(e.to_string())),
        }
    }

    /// Where its connections' cancels go.
    pub fn cancels(&self) -> Option<&Server> {
        self.cancels.as_ref()
    }

    /// How many connections the pool holds at most.
    pub fn max_size(&self) -> usize {
        self.connections.status().max_size
    }

    /// Whether `connection` was last set up for `setup`.
    pub fn is_set_up_for(&self, connection: &Object, setup: &str) -> bool {
        let set_up = self
            .set_up_for
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        set_up.get(&Object::id(connection)).map(String::as_str) == Some(setup)
    }

    /// Remembers that `connection` is now set up for `setup`.
    pub fn set_up(&self, connection: &Object, setup: &str) {
        let mut set_up = self
            .set_up_for
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        // A closed connection's entry is never asked for again (ids are not reused); past a
        // few per connection the memory is simply started afresh.
        if set_up.len() > 4 * self.max_size() {
            set_up.clear();
        }
        set_up.insert(Object::id(connection), setup.to_owned());
    }
}

/// The thread that reads the sockets of every pooled and listening connection of the process.
static DRIVER: LazyLock<Mutex<Option<Handle>>> = LazyLock::new(Mutex::default);

/// The driver's runtime, started by the first store to ask.
fn driver() -> Result<Handle> {
    let mut driver = DRIVER.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(handle) = driver.as_ref() {
        return Ok(handle.clone());
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| StoreError::Backend(format!("no runtime for the connections: {e}")))?;
    let handle = runtime.handle().clone();
    std::thread::Builder::new()
        .name("postgres".to_owned())
        .spawn(move || runtime.block_on(std::future::pending::<()>()))
        .map_err(|e| StoreError::Backend(format!("no thread for the connections: {e}")))?;
    *driver = Some(handle.clone());
    Ok(handle)
}

/// Runs `work` on the driver and waits for its end: what must run inside a tokio runtime
/// (connecting, the pool's timeouts) from a caller that may or may not be in one.
pub fn run<F>(work: F) -> Result<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    block_on(driver()?.spawn(work))
        .map_err(|e| StoreError::Backend(format!("the connections' thread stopped: {e}")))
}

/// Starts `work` on the driver without waiting for it.
pub fn spawn<F>(work: F) -> Result<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    driver()?.spawn(work);
    Ok(())
}
