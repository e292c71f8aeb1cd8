//! `puls serve`: one process owns the database as a service account and serves the full screen
//! and the commands over SSH, each person known by their key (see README, "Serving puls over
//! SSH"). Every screen is its own App over its own session on the database (on SQLite its own
//! connection; on PostgreSQL one of the process's pool while it answers a key, see
//! `puls_store_postgres`); a commit by one wakes the others at once (`tui::nearby`).

mod bank_pool;
mod exec;
mod guard;
mod host_key;
mod outbox;
pub mod public_key;
mod screen;
mod server;
mod supervisor;
mod terminal_input;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use color_eyre::Result;
use russh::MethodKind;
use russh::keys::PrivateKey;
use tokio::net::TcpListener;
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::{Semaphore, watch};
use tracing::info;

use crate::cli::UserError;
use crate::config;
use crate::database::{self, Location};
use crate::domain::clock::SystemClock;
use crate::domain::session;
use crate::messages;
use crate::output;
use crate::settings::Settings;
use crate::tui::nearby::Commits;
use server::{Server, Shared};

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The address and port to listen on.
    #[arg(long, default_value = "0.0.0.0:2222")]
    listen: String,
    /// The server's private key (OpenSSH format); written, readable by you alone, when missing.
    #[arg(long)]
    host_key: PathBuf,
    /// Check the host key, the database and the port, and exit without serving.
    #[arg(long)]
    check: bool,
    /// Connections to a PostgreSQL database kept open at most, shared by all the sessions
    /// (config `pool_size`; default four more than the cores).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    pool_size: Option<u16>,
}

/// Threads answering the bank's questions for all the screens: one a core.
const BANK_WORKERS: usize = 2;

/// How long the sessions have to say goodbye when the server is asked to stop.
const GOODBYE: Duration = Duration::from_secs(5);

pub fn run(args: ServeArgs, db: &Path, mut settings: Settings) -> Result<()> {
    logs();
    if let Some(size) = args.pool_size {
        settings.config.pool_size = Some(usize::from(size));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    if args.check {
        return runtime.block_on(check(&args, db, &settings));
    }
    let service = config::os_account();
    let options = settings.config.store_options();
    let location = Location::of(db);
    let open = || database::open(&location, &service, Arc::new(SystemClock), &options);
    let (logins, watch) = (open()?, open()?);
    let bank = bank_pool::BankPool::start(logins.as_ref(), BANK_WORKERS);
    for warning in logins.warnings() {
        output::error_line(format!("puls: {}", messages::store_warning(warning)));
    }
    let (key, created) = host_key::load_or_create(&args.host_key)?;
    if created {
        output::line(messages::host_key_created(&args.host_key))?;
    }
    let config = &settings.config;
    let (stop, stopping) = watch::channel(false);
    let max_sessions = config.max_sessions.max(1);
    let shared = Arc::new(Shared {
        db: db.to_owned(),
        ambient: session::current(),
        logins: Mutex::new(logins),
        bank,
        commits: Commits::new(database::backend(watch)),
        sessions: Arc::new(Semaphore::new(max_sessions)),
        guard: guard::Guard::new(config.failed_logins.max(1)),
        idle_timeout: Duration::from_secs(config.idle_timeout.max(1)),
        stopping,
        settings,
    });
    runtime.block_on(serve(&args, key, shared, stop, max_sessions))
}

async fn serve(
    args: &ServeArgs,
    key: PrivateKey,
    shared: Arc<Shared>,
    stop: watch::Sender<bool>,
    max_sessions: usize,
) -> Result<()> {
    let listener = listen(&args.listen).await?;
    let address = listener.local_addr()?.to_string();
    output::line(messages::serve_listening(
        &address,
        &host_key::fingerprint(&key),
    ))?;
    info!(%address, "listening");
    let mut terminate = signal(SignalKind::terminate())?;
    let mut interrupt = signal(SignalKind::interrupt())?;
    let ssh = Arc::new(russh::server::Config {
        keys: vec![key],
        methods: russh::MethodSet::from(&[MethodKind::PublicKey][..]),
        auth_rejection_time: Duration::from_millis(500),
        auth_rejection_time_initial: Some(Duration::ZERO),
        // The screen's own idle timeout closes an idle session with a word; this frees a
        // connection that never opened one.
        inactivity_timeout: Some(shared.idle_timeout + Duration::from_secs(60)),
        nodelay: true,
        ..Default::default()
    });
    let mut server = Server(Arc::clone(&shared));
    let mut running = russh::server::Server::run_on_socket(&mut server, ssh, &listener);
    let handle = running.handle();
    tokio::select! {
        result = &mut running => return Ok(result?),
        _ = terminate.recv() => {}
        _ = interrupt.recv() => {}
    }
    info!("stopping");
    let _ = stop.send(true);
    // Every session has said goodbye once it has given back its place.
    let places = u32::try_from(max_sessions).unwrap_or(u32::MAX);
    let _ = tokio::time::timeout(GOODBYE, shared.sessions.acquire_many(places)).await;
    // Their last bytes are on their way to the connections; then the connections close.
    tokio::time::sleep(Duration::from_millis(200)).await;
    handle.shutdown(messages::serve_goodbye().to_owned());
    let _ = tokio::time::timeout(GOODBYE, running).await;
    info!("stopped");
    Ok(())
}

async fn listen(address: &str) -> Result<TcpListener> {
    TcpListener::bind(address)
        .await
        .map_err(|e| UserError(messages::serve_cannot_listen(address, &e.to_string())).into())
}

/// `puls serve --check`: the host key is there and private, the database opens, the port is
/// free; nothing is written and nothing served.
async fn check(args: &ServeArgs, db: &Path, settings: &Settings) -> Result<()> {
    let key = host_key::load(&args.host_key)?;
    output::line(messages::serve_check_ok(&format!(
        "{} {}",
        args.host_key.display(),
        host_key::fingerprint(&key)
    )))?;
    let location = Location::of(db);
    if let Some(file) = location.file().filter(|file| !file.exists()) {
        return Err(crate::store::StoreError::NoSuchFile(file.to_owned()).into());
    }
    let options = settings.config.store_options();
    let store = database::open(
        &location,
        &config::os_account(),
        Arc::new(SystemClock),
        &options,
    )?;
    for warning in store.warnings() {
        output::error_line(format!("puls: {}", messages::store_warning(warning)));
    }
    output::line(messages::serve_check_ok(&db.display().to_string()))?;
    let listener = listen(&args.listen).await?;
    output::line(messages::serve_check_ok(
        &listener.local_addr()?.to_string(),
    ))?;
    Ok(())
}

/// Structured logs on standard error (`RUST_LOG` chooses how much; info by default): who
/// connected, logged in, was refused or left. Never what a screen shows.
fn logs() {
    let filter = std::env::var("RUST_LOG").unwrap_or_else(|_| "info".to_owned());
    let level = filter.parse().unwrap_or(tracing::Level::INFO);
    let _ = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init();
}
