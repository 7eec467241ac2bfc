-- accounts: a session is good only while its account is enabled and has the credential version it
-- was signed in with. Disabling, a reset, a password change and a second-factor change count it
-- up, which ends every session opened before (each request compares it, by the unique name index).
alter table account add column credential_version bigint not null default 0;
