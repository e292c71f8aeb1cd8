//! SSH keys of accounts: who a key is, and who may see the list (issue 15).

use puls::store::StoreError;
use puls::store::prelude::*;

use crate::Fixture;
use crate::support::at;

pub fn knows_an_account_by_its_exact_listed_key_and_lists_keys_to_administrators<F: Fixture>() {
    let db = F::new();
    let mut admin = db.session("root", at(23, 9));
    let key = puls::store::AccountKey {
        account: "karin".into(),
        public_key: "ssh-ed25519 AAAAkey".into(),
        fingerprint: "SHA256:key".into(),
        kind: "ED25519".into(),
        bits: 256,
        comment: "karin@laptop".into(),
    };
    assert!(admin.add_account_key(&key).unwrap().first_administrator);
    let server = db.session("puls", at(23, 9));
    let account = server.key_account("SHA256:key", "ssh-ed25519 AAAAkey");
    assert_eq!(account.unwrap().as_deref(), Some("karin"));
    let forged = server.key_account("SHA256:key", "ssh-ed25519 AAAAother");
    assert_eq!(forged.unwrap(), None);
    assert!(matches!(
        server.account_keys(None),
        Err(StoreError::NotAdministrator(_))
    ));
    assert_eq!(admin.account_keys(Some("karin")).unwrap(), vec![key]);
}
