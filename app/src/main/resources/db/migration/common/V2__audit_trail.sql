-- audit: the append-only, hash-chained audit trail (APPI Art. 23 safety management measures).
-- The trail is 16 interleaved chains, so that concurrent transactions do not all queue on one
-- chain head; seq orders every entry, (chain, chain_seq) places it in its chain.
create table audit_entry (
    seq          bigint generated always as identity primary key,
    chain        smallint not null check (chain between 0 and 15),
    chain_seq    bigint not null check (chain_seq >= 1),
    recorded_at  timestamp with time zone not null,
    actor        varchar(128) not null,
    actor_role   varchar(32) not null,
    source       varchar(100) not null,
    action       varchar(32) not null,
    outcome      varchar(8) not null check (outcome in ('SUCCESS', 'REFUSED', 'FAILED')),
    purpose_code varchar(8),
    -- the member keys the action touched, comma-separated; audit_entry_member indexes them
    members      varchar(1000000) not null,
    detail       varchar(2000) not null,
    prev_hash    char(64) not null,
    hash         char(64) not null,
    constraint audit_entry_place unique (chain, chain_seq)
);
create index audit_entry_actor on audit_entry (actor, seq);
create index audit_entry_recorded_at on audit_entry (recorded_at);

-- which entries name a member: the index behind "search by member"
create table audit_entry_member (
    member_key varchar(45) not null,
    chain      smallint not null,
    chain_seq  bigint not null,
    primary key (member_key, chain, chain_seq),
    foreign key (chain, chain_seq) references audit_entry (chain, chain_seq)
);

-- The head of each chain: its row lock orders the writers of that chain. Verification checks it
-- against the entries, so entries removed from the end of a chain are noticed.
create table audit_chain_head (
    chain     smallint primary key check (chain between 0 and 15),
    chain_seq bigint not null,
    hash      char(64) not null
);
insert into audit_chain_head (chain, chain_seq, hash)
select x, 0, '0000000000000000000000000000000000000000000000000000000000000000'
  from (values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15)) as t (x);
