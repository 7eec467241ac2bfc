-- accounts: who may sign in, with which role, and their API tokens
create table account (
    id                       bigint generated always as identity primary key,
    name                     varchar(64) not null unique,
    role                     varchar(16) not null
                             check (role in ('PRIVACY_OFFICER', 'CLERK', 'AUDITOR', 'SYSTEM', 'MEMBER')),
    -- a MEMBER account signs in as this member (SYMBOL-NUMBER-BRANCH)
    member_key               varchar(45),
    -- Spring Security's delegating encoding, e.g. {bcrypt}$2a$10$…; null: no password (SYSTEM)
    password_hash            varchar(200),
    password_change_required boolean not null,
    -- TOTP secrets, base32; the pending one waits for its first code
    totp_secret              varchar(64),
    totp_pending_secret      varchar(64),
    totp_last_step           bigint not null default 0,
    failed_sign_ins          integer not null default 0,
    locked_until             timestamp with time zone,
    enabled                  boolean not null,
    created_at               timestamp with time zone not null,
    created_by               varchar(128) not null,
    check ((role = 'MEMBER') = (member_key is not null)),
    check ((role = 'SYSTEM') = (password_hash is null))
);

create table api_token (
    id          bigint generated always as identity primary key,
    account_id  bigint not null references account (id),
    -- SHA-256 of the token: the token itself is shown once and never stored
    token_hash  char(64) not null unique,
    label       varchar(100) not null,
    created_at  timestamp with time zone not null,
    created_by  varchar(128) not null,
    expires_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone
);
create index api_token_account on api_token (account_id);
