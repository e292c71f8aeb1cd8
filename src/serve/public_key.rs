//! OpenSSH public keys as puls lists them: read from a `.pub` file (or several keys, one a line,
//! as in `authorized_keys` without options) and described exactly as `ssh-keygen -l` describes
//! them, `256 SHA256:... karin@laptop (ED25519)`, so an administrator can compare the two.

use russh::keys::ssh_key::public::KeyData;
use russh::keys::{EcdsaCurve, HashAlg, PublicKey};

use crate::messages;
use crate::store::AccountKey;

/// What a login offered, in the words the store lists keys by.
pub struct Identity {
    pub fingerprint: String,
    /// As OpenSSH writes it, without a comment.
    pub public_key: String,
}

/// The fingerprint and the bare key of `key`.
pub fn identity(key: &PublicKey) -> Identity {
    let mut bare = key.clone();
    bare.set_comment("");
    Identity {
        fingerprint: key.fingerprint(HashAlg::Sha256).to_string(),
        public_key: bare.to_openssh().unwrap_or_default(),
    }
}

/// Every public key in `text`, each listed for `account`; blank lines and `#` comments are
/// skipped. A private key, or a line that is not a public key, is refused with a message that
/// says which.
pub fn read(account: &str, text: &str) -> Result<Vec<AccountKey>, String> {
    if text.contains("PRIVATE KEY-----") {
        return Err(messages::key_is_private().to_owned());
    }
    let mut keys = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let key = PublicKey::from_openssh(line)
            .map_err(|e| messages::key_unreadable(number + 1, &e.to_string()))?;
        keys.push(listed(account, &key));
    }
    if keys.is_empty() {
        return Err(messages::key_file_empty().to_owned());
    }
    Ok(keys)
}

fn listed(account: &str, key: &PublicKey) -> AccountKey {
    let Identity {
        fingerprint,
        public_key,
    } = identity(key);
    let (kind, bits) = kind_and_bits(key.key_data());
    AccountKey {
        account: account.to_owned(),
        public_key,
        fingerprint,
        kind: kind.to_owned(),
        bits,
        comment: key.comment().as_str_lossy().to_owned(),
    }
}

/// ssh-keygen's name for the kind of key and its size in bits (`sshkey_type`, `sshkey_size`).
fn kind_and_bits(data: &KeyData) -> (&'static str, u32) {
    match data {
        KeyData::Rsa(rsa) => ("RSA", rsa.key_size()),
        KeyData::Ecdsa(ecdsa) => (
            "ECDSA",
            match ecdsa.curve() {
                EcdsaCurve::NistP256 => 256,
                EcdsaCurve::NistP384 => 384,
                EcdsaCurve::NistP521 => 521,
            },
        ),
        KeyData::Ed25519(_) => ("ED25519", 256),
        KeyData::SkEcdsaSha2NistP256(_) => ("ECDSA-SK", 256),
        KeyData::SkEd25519(_) => ("ED25519-SK", 256),
        KeyData::Dsa(_) => ("DSA", 1024),
        _ => ("UNKNOWN", 0),
    }
}

/// `256 SHA256:... comment (ED25519)`, as `ssh-keygen -l -f FILE` prints the key.
pub fn described(key: &AccountKey) -> String {
    let comment = if key.comment.is_empty() {
        "no comment"
    } else {
        &key.comment
    };
    format!("{} {} {comment} ({})", key.bits, key.fingerprint, key.kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Made by `ssh-keygen -t ed25519 -C karin@laptop`; `ssh-keygen -l` printed [`ED25519_LISTED`].
    const ED25519: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGH7D1ArAyYGHY5eqqS1oxz3zu6+rWaTYmIjs4jBdhKV karin@laptop";
    const ED25519_LISTED: &str =
        "256 SHA256:ydmq+uM4mHZVi2lV4BpGKLRr05ZtDacMpE8Ysg+pMKE karin@laptop (ED25519)";

    #[test]
    fn reads_a_public_key_and_describes_it_as_ssh_keygen_does() {
        let keys = read("karin", ED25519).unwrap();
        assert_eq!(keys.len(), 1);
        assert_eq!(described(&keys[0]), ED25519_LISTED);
        assert!(!keys[0].public_key.contains("karin@laptop"));
    }

    #[test]
    fn refuses_a_private_key_and_says_which_line_is_not_a_key() {
        let private =
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----\n";
        assert_eq!(
            read("karin", private).unwrap_err(),
            messages::key_is_private()
        );
        let problem = read(
            "karin",
            &format!("# mine\n{ED25519}\nssh-ed25519 nonsense\n"),
        );
        assert!(problem.unwrap_err().starts_with("Line 3 "));
        assert_eq!(
            read("karin", "\n# only a comment\n").unwrap_err(),
            messages::key_file_empty()
        );
    }
}
