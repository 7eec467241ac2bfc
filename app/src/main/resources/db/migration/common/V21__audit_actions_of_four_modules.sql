-- The recipient register (V16), provision records (V17), releases (V18) and requests (V19) were
-- written side by side, each re-creating this check with the actions it knew; this one lists them
-- all, as AuditAction has them (SchemaIntegrityTest compares the two).
alter table audit_entry drop constraint audit_entry_action;
alter table audit_entry add constraint audit_entry_action
    check (action in ('SIGN_IN', 'SIGN_OUT', 'ACCESS_REFUSED', 'ACCOUNT_CREATED',
                      'ACCOUNT_DISABLED', 'ACCOUNT_ENABLED', 'ACCOUNT_RESET', 'PASSWORD_CHANGED',
                      'SECOND_FACTOR_STARTED', 'SECOND_FACTOR_ENROLLED', 'TOKEN_ISSUED',
                      'TOKEN_REVOKED', 'MEMBER_READ', 'MEMBERS_LISTED', 'MEMBERS_IMPORTED',
                      'MEMBER_CORRECTED', 'HEALTH_DATA_IMPORTED', 'CONSENT_RECORDED',
                      'CONSENT_READ', 'DECISION', 'BATCH_DECISION', 'CATALOG_PUBLISHED',
                      'MY_NUMBER_READ', 'MY_NUMBERS_READ', 'MY_NUMBER_MASKED_VIEW',
                      'MY_NUMBERS_IMPORTED', 'VAULT_KEYS_REWRAPPED', 'AUDIT_SEARCHED',
                      'AUDIT_VERIFIED', 'AUDIT_DIGEST_EXPORTED', 'RELEASE_BUILT',
                      'RELEASE_APPROVED', 'RELEASE_DELIVERED', 'RELEASE_KEY_USED', 'RELEASES_READ',
                      'RECIPIENT_ADDED', 'RECIPIENT_ENDED', 'RECIPIENT_REVIEWED', 'PROVISION_RUN',
                      'PROVISION_REFUSED', 'ACQUISITION_RECORDED', 'ONLINE_ELIGIBILITY_IMPORTED',
                      'RECORDS_PURGED', 'REQUEST_FILED', 'REQUEST_IDENTITY_VERIFIED',
                      'REQUEST_DECIDED', 'REQUEST_ANSWERED', 'REQUEST_READ', 'REQUESTS_LISTED'));
