-- The release registry (匿名加工情報, APPI Art. 43; PPC Rules Art. 34-37): one row per release
-- built, never changed; approvals and deliveries are rows of release_event. Each row's SHA-256 is
-- in the audit trail's chain (RELEASE_BUILT), so a row changed behind the triggers is seen.
create table release_registry (
    id              bigint generated always as identity primary key,
    release_id      varchar(20) not null unique,
    built_at        timestamp with time zone not null,
    built_by        varchar(128) not null,
    spec_file       varchar(1000) not null,
    spec_sha256     char(64) not null,
    spec_text       varchar(200000) not null,
    catalog_version integer not null,
    recipient       varchar(64) not null,
    method          varchar(16) not null check (method in ('ELECTRONIC', 'PHYSICAL_MEDIA')),
    pseudonyms      varchar(12) not null check (pseudonyms in ('PER_RELEASE', 'STABLE')),
    period_from     date not null,
    period_to       date not null,
    cut_off         date not null,
    items           varchar(4000) not null,
    figures         varchar(100000) not null,
    files           varchar(100000) not null,
    location        varchar(2000) not null,
    archive_sha256  char(64),
    manifest_sha256 char(64),
    row_sha256      char(64) not null
);
create index release_registry_recipient on release_registry (recipient, period_to);

create table release_event (
    id          bigint generated always as identity primary key,
    release_id  bigint not null references release_registry (id),
    kind        varchar(10) not null check (kind in ('APPROVED', 'DELIVERED')),
    at_time     timestamp with time zone not null,
    by_whom     varchar(128) not null,
    one_person  boolean not null,
    detail      varchar(2000) not null
);
create index release_event_release on release_event (release_id);

alter table audit_entry drop constraint audit_entry_action;
alter table audit_entry add constraint audit_entry_action
    check (action in ('SIGN_IN', 'SIGN_OUT', 'ACCESS_REFUSED', 'ACCOUNT_CREATED', 'ACCOUNT_DISABLED', 'ACCOUNT_ENABLED',
                      'ACCOUNT_RESET', 'PASSWORD_CHANGED', 'SECOND_FACTOR_STARTED', 'SECOND_FACTOR_ENROLLED',
                      'TOKEN_ISSUED', 'TOKEN_REVOKED', 'MEMBER_READ', 'MEMBERS_LISTED', 'MEMBERS_IMPORTED', 'MEMBER_CORRECTED',
                      'HEALTH_DATA_IMPORTED', 'CONSENT_RECORDED', 'CONSENT_READ', 'DECISION', 'BATCH_DECISION',
                      'CATALOG_PUBLISHED', 'MY_NUMBER_READ', 'MY_NUMBERS_READ', 'MY_NUMBER_MASKED_VIEW',
                      'MY_NUMBERS_IMPORTED', 'VAULT_KEYS_REWRAPPED', 'AUDIT_SEARCHED', 'AUDIT_VERIFIED',
                      'AUDIT_DIGEST_EXPORTED', 'RELEASE_BUILT', 'RELEASE_APPROVED', 'RELEASE_DELIVERED',
                      'RELEASE_KEY_USED', 'RELEASES_READ', 'RECIPIENT_ADDED', 'RECIPIENT_ENDED', 'RECIPIENT_REVIEWED'));
