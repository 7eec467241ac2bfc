-- mynumber: the vault of individual numbers (特定個人情報), apart from the member table.
-- Numbers are sealed with AES-256-GCM under a data key; data keys are stored only wrapped by a
-- master key that is kept outside the database (番号法第12条 safety management; PPC guideline).
create table vault_key (
    id            integer generated always as identity primary key,
    -- DATA seals numbers; LOOKUP keys the HMAC that finds a number already registered to someone
    kind          varchar(8) not null check (kind in ('DATA', 'LOOKUP')),
    -- the fingerprint of the master key that wraps it (never the key)
    master_key_id varchar(16) not null,
    -- nonce and AES-GCM ciphertext of the key under the master key
    wrapped       bytea not null,
    created_at    timestamp with time zone not null,
    rewrapped_at  timestamp with time zone,
    -- 1 for the one LOOKUP key (unique, so that two processes cannot both create one), null for data keys
    lookup_slot   smallint unique check (lookup_slot = 1),
    check ((kind = 'LOOKUP') = (lookup_slot is not null))
);

create table individual_number (
    member_id   bigint primary key references member (id),
    key_id      integer not null references vault_key (id),
    nonce       bytea not null,
    ciphertext  bytea not null,
    -- HMAC-SHA256 of the number under the LOOKUP key: one number belongs to one member
    lookup      char(64) not null unique,
    recorded_at timestamp with time zone not null,
    recorded_by varchar(128) not null
);
