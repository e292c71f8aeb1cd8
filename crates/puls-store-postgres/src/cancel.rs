//! Cancel requests that end when the server has acted on them.
//!
//! A cancel goes to the server over a connection of its own, and names a backend, not a
//! statement. `tokio_postgres` hangs up as soon as the request is written, while the server
//! has yet to start a process to read it: the signal may reach the backend milliseconds later,
//! by then running the session's next question, which it stops instead (on the large demo,
//! one stale search in three stopped the search for the last letter typed, which then ran
//! again from its start). The server closes a cancel's connection only after it has signalled
//! the backend, so waiting for that close says the cancel is spent: a question begun after it
//! is not the one it stops (a signal that finds the backend waiting for its next statement is
//! dropped there).

use std::io;
#[cfg(unix)]
use std::path::PathBuf;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
#[cfg(unix)]
use tokio::net::UnixStream;
use tokio_postgres::config::Host;
use tokio_postgres::{CancelToken, Config, NoTls};

/// How long a cancel may take to be delivered before it is given up: a server that never
/// answers would otherwise hold the session's next question for good.
const DELIVERY: Duration = Duration::from_secs(2);

/// Where the server takes cancel requests: where the pool connects.
#[derive(Debug, Clone)]
pub enum Server {
    Tcp(String, u16),
    #[cfg(unix)]
    Unix(PathBuf),
}

impl Server {
    /// The first host and port of `config`, as the pool's connections use; none when the
    /// configuration names no host.
    pub fn of(config: &Config) -> Option<Server> {
        let port = config.get_ports().first().copied().unwrap_or(5432);
        Some(match config.get_hosts().first()? {
            Host::Tcp(name) => Server::Tcp(name.clone(), port),
            #[cfg(unix)]
            Host::Unix(dir) => Server::Unix(dir.join(format!(".s.PGSQL.{port}"))),
        })
    }
}

/// Sends `token`'s cancel to `server` and waits until the server has acted on it (or the
/// connection failed, or [`DELIVERY`] passed). Without a `server`, the request is only sent.
pub async fn deliver(token: &CancelToken, server: Option<&Server>) {
    // Nobody to tell when the server cannot be reached: the question ends anyway.
    let _ = tokio::time::timeout(DELIVERY, async {
        match server {
            Some(Server::Tcp(host, port)) => {
                let stream = TcpStream::connect((host.as_str(), *port)).await?;
                token.cancel_query_raw(UntilClosed(stream), NoTls).await
            }
            #[cfg(unix)]
            Some(Server::Unix(path)) => {
                let stream = UnixStream::connect(path).await?;
                token.cancel_query_raw(UntilClosed(stream), NoTls).await
            }
            None => token.cancel_query(NoTls).await,
        }
        .map_err(io::Error::other)
    })
    .await;
}

/// A cancel's connection whose shutdown waits for the server to close it.
struct UntilClosed<S>(S);

impl<S: AsyncRead + Unpin> AsyncRead for UntilClosed<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncWrite for UntilClosed<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    /// The server sends nothing back to a cancel request: the first read that ends is its
    /// close.
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let mut byte = [0u8; 1];
        loop {
            let mut read = ReadBuf::new(&mut byte);
            ready!(Pin::new(&mut self.0).poll_read(cx, &mut read))?;
            if read.filled().is_empty() {
                return Poll::Ready(Ok(()));
            }
        }
    }
}
