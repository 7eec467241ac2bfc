-- Provisions and their legal records (APPI Art. 29, 30; PPC Rules Art. 19-26; My Number Act Art. 23).
-- A record is kept until its retention end and may then be purged (records purge); before that the
-- database refuses to change or remove it (V17_1).

-- One outgoing dataset: its recipient as it stood (PPC Rules Art. 20(1)(i): name, address,
-- representative), purpose, the items sent, the file and its SHA-256. record_type says which record the
-- members' rows are: ART29 (a third-party provision), EXEMPT (consignment, joint use or under a law:
-- exemption names the article), MY_NUMBER_EXCHANGE (情報提供等の記録, 7.x).
create table provision_run (
    id                       bigint generated always as identity primary key,
    recipient_id             varchar(64)   not null references recipient (id),
    recipient_name           varchar(200)  not null,
    recipient_address        varchar(400)  not null,
    recipient_representative varchar(200)  not null,
    purpose_code             varchar(5)    not null,
    record_type              varchar(24)   not null,
    exemption                varchar(40),
    provided_at              timestamp with time zone not null,
    provided_on              date          not null,
    items                    varchar(4000) not null,
    file_name                varchar(255)  not null,
    file_sha256              char(64)      not null,
    input_name               varchar(1000) not null,
    rows_read                integer       not null,
    rows_written             integer       not null,
    members_written          integer       not null,
    left_out                 varchar(1000) not null,
    run_by                   varchar(128)  not null,
    retention_until          date          not null,
    constraint provision_run_record_type check (record_type in ('ART29', 'EXEMPT', 'MY_NUMBER_EXCHANGE')),
    constraint provision_run_exemption check ((record_type = 'ART29') = (exemption is null))
);
create index provision_run_recipient on provision_run (recipient_id, provided_on);

-- One member in one run: the provision record of that member (Art. 29) or its exempt counterpart.
-- For a provision on consent, the basis and the ledger event it rests on (an explicit consent, or the
-- lifted reservation that restored deemed consent; none for a member who never said anything).
create table provision_record (
    run_id          bigint      not null references provision_run (id),
    member_id       bigint      not null references member (id),
    provided_on     date        not null,
    basis           varchar(16) not null,
    consent_event   bigint,
    row_count       integer     not null,
    retention_until date        not null,
    primary key (run_id, member_id),
    constraint provision_record_basis check (basis in ('DEEMED_CONSENT', 'EXPLICIT_CONSENT', 'LEGAL_BASIS'))
);
create index provision_record_member on provision_record (member_id, provided_on);
create index provision_record_retention on provision_record (retention_until);

-- What the society receives from a third party: the confirmation record (Art. 30; Rule 24 items:
-- provider's name, address and representative, how the provider obtained the data, the date, the
-- members, the items). MY_NUMBER_EXCHANGE for what an info-linkage brings (7.1-7.4).
create table acquisition (
    id                      bigint generated always as identity primary key,
    provider_id             varchar(64)   not null references recipient (id),
    provider_name           varchar(200)  not null,
    provider_address        varchar(400)  not null,
    provider_representative varchar(200)  not null,
    obtained_how            varchar(400)  not null,
    purpose_code            varchar(5)    not null,
    record_type             varchar(24)   not null,
    exemption               varchar(40),
    received_on             date          not null,
    items                   varchar(4000) not null,
    file_name               varchar(1000) not null,
    file_sha256             char(64)      not null,
    recorded_at             timestamp with time zone not null,
    recorded_by             varchar(128)  not null,
    retention_until         date          not null,
    constraint acquisition_record_type check (record_type in ('ART30', 'EXEMPT', 'MY_NUMBER_EXCHANGE')),
    constraint acquisition_exemption check ((record_type = 'ART30') = (exemption is null))
);
create index acquisition_provider on acquisition (provider_id, received_on);

create table acquisition_member (
    acquisition_id  bigint  not null references acquisition (id),
    member_id       bigint  not null references member (id),
    received_on     date    not null,
    row_count       integer not null,
    retention_until date    not null,
    primary key (acquisition_id, member_id)
);
create index acquisition_member_member on acquisition_member (member_id, received_on);
create index acquisition_member_retention on acquisition_member (retention_until);

-- The online eligibility confirmation system (8.1 registrations sent, 8.2 data received), imported
-- from the society's exchange list (layout in docs/design-notes.md, "Online eligibility register").
create table online_eligibility_exchange (
    id              bigint generated always as identity primary key,
    direction       varchar(8)    not null,
    purpose_code    varchar(5)    not null,
    batch_file      varchar(255)  not null,
    exchanged_on    date          not null,
    member_id       bigint        not null references member (id),
    items           varchar(400)  not null,
    imported_at     timestamp with time zone not null,
    imported_by     varchar(128)  not null,
    retention_until date          not null,
    constraint online_eligibility_exchange_direction check (direction in ('SENT', 'RECEIVED')),
    constraint online_eligibility_exchange_unique unique (batch_file, member_id, direction, items)
);
create index online_eligibility_exchange_member on online_eligibility_exchange (member_id, exchanged_on);
create index online_eligibility_exchange_retention on online_eligibility_exchange (retention_until);

alter table audit_entry drop constraint audit_entry_action;
alter table audit_entry add constraint audit_entry_action
    check (action in ('SIGN_IN', 'SIGN_OUT', 'ACCESS_REFUSED', 'ACCOUNT_CREATED', 'ACCOUNT_DISABLED', 'ACCOUNT_ENABLED',
                      'ACCOUNT_RESET', 'PASSWORD_CHANGED', 'SECOND_FACTOR_STARTED', 'SECOND_FACTOR_ENROLLED',
                      'TOKEN_ISSUED', 'TOKEN_REVOKED', 'MEMBER_READ', 'MEMBERS_LISTED', 'MEMBERS_IMPORTED', 'MEMBER_CORRECTED',
                      'HEALTH_DATA_IMPORTED', 'CONSENT_RECORDED', 'CONSENT_READ', 'DECISION', 'BATCH_DECISION',
                      'CATALOG_PUBLISHED', 'MY_NUMBER_READ', 'MY_NUMBERS_READ', 'MY_NUMBER_MASKED_VIEW',
                      'MY_NUMBERS_IMPORTED', 'VAULT_KEYS_REWRAPPED', 'AUDIT_SEARCHED', 'AUDIT_VERIFIED',
                      'AUDIT_DIGEST_EXPORTED', 'RECIPIENT_ADDED', 'RECIPIENT_ENDED', 'RECIPIENT_REVIEWED',
                      'PROVISION_RUN', 'PROVISION_REFUSED', 'ACQUISITION_RECORDED', 'ONLINE_ELIGIBILITY_IMPORTED',
                      'RECORDS_PURGED'));
