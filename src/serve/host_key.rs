//! The server's own key, by which clients know it is the same server each time: made on first
//! start, ed25519, readable by the service account alone.

use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

use color_eyre::Result;
use russh::keys::ssh_key::LineEnding;
use russh::keys::{Algorithm, HashAlg, PrivateKey};

use crate::cli::UserError;
use crate::messages;

/// The host key at `path`, made when there is none; true when it was made now.
pub fn load_or_create(path: &Path) -> Result<(PrivateKey, bool)> {
    if path.exists() {
        return Ok((load(path)?, false));
    }
    let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519)
        .map_err(|e| refused(path, &e.to_string()))?;
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| refused(path, &e.to_string()))?;
    // Made 0600 from its first byte, and never over a file that appeared meanwhile.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .map_err(|e| refused(path, &e.to_string()))?;
    Ok((key, true))
}

/// The host key at `path`, refused when others may read it or it is not a private key.
pub fn load(path: &Path) -> Result<PrivateKey> {
    let mode = std::fs::metadata(path)
        .map_err(|e| refused(path, &e.to_string()))?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(refused(
            path,
            &messages::host_key_open_to_others(mode & 0o777),
        ));
    }
    let text =
        crate::input::read_text(path, 64 * 1024).map_err(|e| refused(path, &e.to_string()))?;
    PrivateKey::from_openssh(&text).map_err(|e| refused(path, &e.to_string()))
}

/// `SHA256:...`, as `ssh-keygen -l` and a client's first connection show it.
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}

fn refused(path: &Path, problem: &str) -> color_eyre::Report {
    UserError(messages::host_key_refused(path, problem)).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_host_key_is_its_owners_alone_and_the_same_on_the_next_start() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("host_key");
        let (made, created) = load_or_create(&path).unwrap();
        assert!(created);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let (again, created) = load_or_create(&path).unwrap();
        assert!(!created);
        assert_eq!(fingerprint(&made), fingerprint(&again));
    }

    #[test]
    fn a_host_key_others_may_read_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("host_key");
        load_or_create(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let problem = load(&path).unwrap_err().to_string();
        assert!(problem.contains("chmod 600"), "{problem}");
    }
}
