-- The admin password, hashed (PBKDF2-HMAC-SHA256 with a per-password salt); one row.
CREATE TABLE admin_credentials (
    id            BIGINT PRIMARY KEY CHECK (id = 1),
    password_hash TEXT    NOT NULL,
    set_at        BIGINT  NOT NULL
);
