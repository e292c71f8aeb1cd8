-- The SSH public keys by which `puls serve` knows who is connecting: each key is one account's,
-- the account roles, links, audit rows and the read log already use.

CREATE TABLE account_keys (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    -- The key as OpenSSH writes it, without its comment: "ssh-ed25519 AAAA...".
    public_key  TEXT NOT NULL,
    -- "SHA256:..." as ssh-keygen -l shows it: how a login finds its key, and how a key is removed.
    fingerprint TEXT NOT NULL UNIQUE,
    -- ssh-keygen's words for the key: "ED25519", "RSA", "ECDSA"...
    kind        TEXT NOT NULL,
    bits        INTEGER NOT NULL,
    comment     TEXT NOT NULL DEFAULT '',
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL
);
-- The foreign key, and `puls users key list ACCOUNT` (UNIQUE gives fingerprint its index).
CREATE INDEX account_keys_by_account ON account_keys (account_id, id);

-- The language and time zone an account's sessions over SSH speak and count in, when set:
-- "en"/"sv" and an IANA zone ("Europe/Stockholm"). NULL: the client's LANG, else the server's.
ALTER TABLE accounts ADD COLUMN language TEXT;
ALTER TABLE accounts ADD COLUMN time_zone TEXT;
