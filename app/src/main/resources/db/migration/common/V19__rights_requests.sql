-- requests: the member's requests under APPI Art. 32-35 (notification of purposes, disclosure,
-- disclosure of the provision records, correction, suspension of use or provision, erasure),
-- received, verified (Art. 37(2)), decided and answered.
--
-- rights_request is the request as it stands now: its state only moves forward (RECEIVED,
-- IDENTITY_VERIFIED, DECIDED, ANSWERED), the service updating it from exactly the state it read.
-- rights_request_event is its history, one row per change, append-only (V19_1): what was done,
-- by whom, when. Nothing of an identity document is kept, only how identity was checked and by whom.
create table rights_request (
    id            bigint generated always as identity primary key,
    member_id     bigint not null references member (id),
    kind          varchar(32) not null check (kind in ('NOTIFY_PURPOSE', 'DISCLOSE', 'DISCLOSE_PROVISION_RECORDS',
                      'CORRECT', 'SUSPEND_USE', 'ERASE', 'SUSPEND_PROVISION', 'HARM_SUSPEND_USE', 'HARM_ERASE',
                      'HARM_SUSPEND_PROVISION')),
    purpose_code  varchar(8),
    filed_by      varchar(24) not null check (filed_by in ('SELF', 'INSURED_PERSON', 'LEGAL_REPRESENTATIVE', 'AGENT')),
    channel       varchar(8) not null check (channel in ('PAPER', 'COUNTER', 'PHONE', 'PORTAL')),
    received_on   date not null,
    delivery_form varchar(10) check (delivery_form in ('ELECTRONIC', 'PAPER')),
    fee_yen       integer not null check (fee_yen >= 0),
    deadline      date not null,
    state         varchar(20) not null check (state in ('RECEIVED', 'IDENTITY_VERIFIED', 'DECIDED', 'ANSWERED')),
    -- answered: out of the open list, which is read by (closed, deadline, id)
    closed        boolean not null,
    outcome       varchar(8) check (outcome in ('FULL', 'PARTIAL', 'REFUSED')),
    ground        varchar(40) check (ground in ('ART_32_2_PROVISO', 'ART_33_2_I', 'ART_33_2_II', 'ART_33_2_III',
                      'ART_34_2_NOT_INACCURATE', 'ART_35_2_PROVISO', 'ART_35_4_PROVISO', 'ART_35_6_PROVISO',
                      'STATUTORY_BASIS', 'NOT_HELD')),
    -- a partial disclosure: the sections of the package withheld, comma-separated
    withheld      varchar(200),
    answered_on   date,
    filed_at      timestamp with time zone not null,
    recorded_by   varchar(128) not null
);
create index rights_request_open on rights_request (closed, deadline, id);
create index rights_request_member on rights_request (member_id, id);

create table rights_request_event (
    id                  bigint generated always as identity primary key,
    request_id          bigint not null references rights_request (id),
    state               varchar(20) not null check (state in ('RECEIVED', 'IDENTITY_VERIFIED', 'DECIDED', 'ANSWERED')),
    event_at            timestamp with time zone not null,
    by_account          varchar(128) not null,
    -- IDENTITY_VERIFIED: how (Art. 37(2)), and for a representative the proof of their authority (Art. 37(3))
    verification_method varchar(24) check (verification_method in ('SIGNED_IN_ACCOUNT', 'MY_NUMBER_CARD',
                            'DRIVERS_LICENSE', 'PASSPORT', 'RESIDENCE_CARD', 'ELIGIBILITY_CERTIFICATE',
                            'OTHER_PHOTO_ID', 'TWO_DOCUMENTS')),
    representation      varchar(24) check (representation in ('POWER_OF_ATTORNEY', 'FAMILY_REGISTER',
                            'GUARDIANSHIP_REGISTRY')),
    -- DECIDED
    outcome             varchar(8) check (outcome in ('FULL', 'PARTIAL', 'REFUSED')),
    ground              varchar(40) check (ground in ('ART_32_2_PROVISO', 'ART_33_2_I', 'ART_33_2_II', 'ART_33_2_III',
                            'ART_34_2_NOT_INACCURATE', 'ART_35_2_PROVISO', 'ART_35_4_PROVISO', 'ART_35_6_PROVISO',
                            'STATUTORY_BASIS', 'NOT_HELD')),
    withheld            varchar(200),
    consent_seq         bigint,
    correction_id       bigint,
    -- ANSWERED: the package sent, by its digest
    answer_sha256       char(64),
    note                varchar(2000)
);
create index rights_request_event_request on rights_request_event (request_id, id);

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
                      'RECORDS_PURGED', 'REQUEST_FILED', 'REQUEST_IDENTITY_VERIFIED', 'REQUEST_DECIDED',
                      'REQUEST_ANSWERED', 'REQUEST_READ', 'REQUESTS_LISTED'));
