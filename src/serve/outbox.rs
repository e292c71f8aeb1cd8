//! What goes back over one SSH channel, in the order it was written: frames or a command's
//! output, its errors, and at the end its exit status. A task of its own sends it, so a screen's
//! draw never waits for the network.

use std::io::{self, Write};

use russh::ChannelId;
use russh::server::Handle;
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

#[derive(Debug, PartialEq, Eq)]
pub enum Parcel {
    Out(Vec<u8>),
    Err(Vec<u8>),
    Exit(u32),
}

#[derive(Clone)]
pub struct Outbox(UnboundedSender<Parcel>);

impl Outbox {
    /// An outbox for `channel` of the connection `handle` speaks for.
    pub fn open(handle: Handle, channel: ChannelId) -> Outbox {
        let (outbox, mut parcels) = unbounded_channel();
        tokio::spawn(async move {
            while let Some(parcel) = parcels.recv().await {
                let sent = match parcel {
                    Parcel::Out(bytes) => handle.data(channel, bytes).await.is_ok(),
                    Parcel::Err(bytes) => handle.extended_data(channel, 1, bytes).await.is_ok(),
                    Parcel::Exit(status) => {
                        // The client may be gone already: then there is nobody to tell.
                        let _ = handle.exit_status_request(channel, status).await;
                        let _ = handle.eof(channel).await;
                        let _ = handle.close(channel).await;
                        false
                    }
                };
                if !sent {
                    break;
                }
            }
        });
        Outbox(outbox)
    }

    /// An outbox whose parcels the caller receives instead of a connection: for tests.
    #[cfg(test)]
    pub fn captured() -> (Outbox, tokio::sync::mpsc::UnboundedReceiver<Parcel>) {
        let (outbox, parcels) = unbounded_channel();
        (Outbox(outbox), parcels)
    }

    pub fn out(&self, bytes: Vec<u8>) {
        // A closed outbox is a connection gone: nothing more to send.
        let _ = self.0.send(Parcel::Out(bytes));
    }

    /// Ends the channel with `status`, after everything sent before.
    pub fn exit(&self, status: u32) {
        let _ = self.0.send(Parcel::Exit(status));
    }

    /// A writer of standard output (or, `error`, standard error), sending what it gathered at
    /// each flush.
    pub fn writer(&self, error: bool) -> OutboxWriter {
        OutboxWriter {
            outbox: self.clone(),
            error,
            gathered: Vec::new(),
        }
    }
}

pub struct OutboxWriter {
    outbox: Outbox,
    error: bool,
    gathered: Vec<u8>,
}

impl Write for OutboxWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.gathered.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.gathered.is_empty() {
            return Ok(());
        }
        let bytes = std::mem::take(&mut self.gathered);
        let parcel = if self.error {
            Parcel::Err(bytes)
        } else {
            Parcel::Out(bytes)
        };
        self.outbox
            .0
            .send(parcel)
            .map_err(|_| io::Error::from(io::ErrorKind::BrokenPipe))
    }
}
