-- The core tables: catalog versions, the member registry, the consent ledger.
-- One set of migrations for H2 and PostgreSQL; what only one database can do lives in
-- db/migration/h2 and db/migration/postgresql.

-- catalog: every published version of the purpose catalog, as the file that was published
create table catalog_version (
    version        integer primary key,
    effective_from date not null unique,
    published_at   timestamp with time zone not null,
    published_by   varchar(128) not null,
    source_sha256  char(64) not null,
    source         varchar(1000000) not null
);

-- members: the registry of insured persons and dependents
create table member (
    id             bigint generated always as identity primary key,
    insurer_number char(8) not null,
    symbol         varchar(20) not null,
    number         varchar(20) not null,
    branch         char(2) not null,
    kind           varchar(9) not null check (kind in ('INSURED', 'DEPENDENT')),
    insured_id     bigint references member (id),
    name_kanji     varchar(100) not null,
    name_kana      varchar(100) not null,
    sex            smallint not null check (sex in (1, 2)),
    birth_date     date not null,
    -- the registry revision that last changed the member (see registry_revision)
    revision       bigint not null,
    constraint member_key unique (symbol, number, branch)
);
create index member_revision on member (revision);

create table member_eligibility (
    member_id   bigint not null references member (id),
    acquired_on date not null,
    lost_on     date,
    primary key (member_id, acquired_on),
    check (lost_on is null or lost_on > acquired_on)
);

-- One row, updated first by every transaction that changes the registry: registry changes are
-- serialised by its row lock, so revisions become visible in order and a reader can catch up
-- with "revision > last seen" without missing a change.
create table registry_revision (
    id       smallint primary key check (id = 1),
    revision bigint not null
);
insert into registry_revision (id, revision) values (1, 0);

-- consent: the append-only ledger of reservations and consents, hash-chained per member
create table consent_event (
    seq          bigint generated always as identity primary key,
    member_id    bigint not null references member (id),
    member_seq   integer not null,
    kind         varchar(8) not null check (kind in ('RESERVE', 'GIVE', 'WITHDRAW', 'LIFT')),
    purpose_code varchar(8),
    category     smallint,
    received_on  date not null,
    channel      varchar(8) not null check (channel in ('PAPER', 'COUNTER', 'PHONE', 'PORTAL')),
    filed_by     varchar(20) not null check (filed_by in ('SELF', 'INSURED_PERSON', 'LEGAL_REPRESENTATIVE')),
    recorded_by  varchar(128) not null,
    recorded_at  timestamp with time zone not null,
    note         varchar(2000),
    prev_hash    char(64) not null,
    hash         char(64) not null,
    check ((purpose_code is null) <> (category is null)),
    constraint consent_event_member_seq unique (member_id, member_seq)
);
