-- A one-time password opens the account's setup once: the first sign-in with it marks it used, and
-- a second sign-in with it is refused (NIST SP 800-63B 5.1.1.2; issue 13). The setup session it
-- opened may still change the password, proving itself with it.
alter table account add column one_time_password_used boolean default false not null;
