-- The recipient register (提供先・委託先台帳): who the society sends data to. Name, address and
-- representative are what a provision record names of its recipient (PPC Rules Art. 20(1)(i));
-- a consignee's reviewed_on is the last review of its safety measures (APPI Art. 25).
create table recipient (
    id                  varchar(64)    not null primary key,
    kind                varchar(32)    not null,
    name                varchar(200)   not null,
    address             varchar(400)   not null,
    representative      varchar(200)   not null,
    contract_reference  varchar(200)   not null,
    contract_from       date           not null,
    contract_to         date,
    reviewed_on         date,
    open_pgp_public_key varchar(65536),
    ended_on            date,
    registered_at       timestamp with time zone not null,
    registered_by       varchar(128)   not null,
    constraint recipient_kind
        check (kind in ('THIRD_PARTY', 'CONSIGNEE', 'JOINT_USE', 'REVIEW_PAYMENT_ORGANISATION', 'PUBLIC_BODY')),
    constraint recipient_contract check (contract_to is null or contract_to >= contract_from),
    constraint recipient_review check (reviewed_on is null or kind = 'CONSIGNEE')
);

-- the purposes a recipient may receive data for (catalog codes)
create table recipient_purpose (
    recipient_id varchar(64) not null references recipient (id),
    purpose_code varchar(5)  not null,
    primary key (recipient_id, purpose_code)
);

alter table audit_entry drop constraint audit_entry_action;
alter table audit_entry add constraint audit_entry_action
    check (action in ('SIGN_IN', 'SIGN_OUT', 'ACCESS_REFUSED', 'ACCOUNT_CREATED', 'ACCOUNT_DISABLED', 'ACCOUNT_ENABLED',
                      'ACCOUNT_RESET', 'PASSWORD_CHANGED', 'SECOND_FACTOR_STARTED', 'SECOND_FACTOR_ENROLLED',
                      'TOKEN_ISSUED', 'TOKEN_REVOKED', 'MEMBER_READ', 'MEMBERS_LISTED', 'MEMBERS_IMPORTED', 'MEMBER_CORRECTED',
                      'HEALTH_DATA_IMPORTED', 'CONSENT_RECORDED', 'CONSENT_READ', 'DECISION', 'BATCH_DECISION',
                      'CATALOG_PUBLISHED', 'MY_NUMBER_READ', 'MY_NUMBERS_READ', 'MY_NUMBER_MASKED_VIEW',
                      'MY_NUMBERS_IMPORTED', 'VAULT_KEYS_REWRAPPED', 'AUDIT_SEARCHED', 'AUDIT_VERIFIED',
                      'AUDIT_DIGEST_EXPORTED', 'RECIPIENT_ADDED', 'RECIPIENT_ENDED', 'RECIPIENT_REVIEWED'));
