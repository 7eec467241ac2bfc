-- STABLE pseudonyms (APPI Art. 43(2); PPC Rules Art. 35). A recipient's pseudonym key is
-- processing-method information (加工方法等情報): kept apart from the releases, wrapped like the
-- vault's own keys by the master key outside the database (AES-256-GCM, bound to its recipient),
-- and re-wrapped with them by `./kenpo mynumber rewrap`. The mynumber module owns it.
create table pseudonym_key (
    recipient     varchar(64) primary key,
    master_key_id varchar(16) not null,
    wrapped       bytea not null,
    created_at    timestamp with time zone not null,
    rewrapped_at  timestamp with time zone
);

-- The persons of each STABLE release, as their quasi-identifiers were before generalisation (birth
-- as its month, unbanded): what the recipient holds of them, so that a later release checks k over
-- the cumulative person table (PPC Rules Art. 34(5)). Never changed; the release module owns it.
create table release_person (
    release_id  bigint not null references release_registry (id),
    member_id   bigint not null,
    sex         varchar(1) not null,
    birth_month varchar(7) not null,
    kind        varchar(4) not null,
    enrolled    varchar(7) not null,
    withdrawn   varchar(7) not null,
    primary key (release_id, member_id)
);
