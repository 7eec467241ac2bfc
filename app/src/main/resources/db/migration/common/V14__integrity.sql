-- Integrity: what the database itself now holds the application to.

-- catalog: purposes state whether they may use individual numbers (my_number_use). Versions
-- published before kept that in the flow or the statute's wording, and are read that way still.
alter table catalog_version add column number_use_stated boolean default true not null;
update catalog_version set number_use_stated = false;

-- enumerated columns that had no check: the values the code writes, and nothing else
alter table receipt_diagnosis add constraint receipt_diagnosis_record_type
    check (record_type in ('SY', 'HS', 'SB'));
alter table receipt_procedure add constraint receipt_procedure_record_type
    check (record_type in ('SI', 'SS'));
-- the value types the checkup reader accepts ('': an observation without a value)
alter table checkup_observation add constraint checkup_observation_value_type
    check (value_type in ('', 'PQ', 'CD', 'CO', 'CE', 'ST'));
alter table health_data_quarantine add constraint health_data_quarantine_reason
    check (reason in ('NO_MEMBER_KEY', 'UNKNOWN_MEMBER', 'AMBIGUOUS_MEMBER', 'INSURER_MISMATCH', 'PERSON_MISMATCH',
                      'UNREADABLE'));
-- a new AuditAction needs a migration that replaces this constraint (EnumeratedColumnsTest says which)
alter table audit_entry add constraint audit_entry_action
    check (action in ('SIGN_IN', 'SIGN_OUT', 'ACCESS_REFUSED', 'ACCOUNT_CREATED', 'ACCOUNT_DISABLED', 'ACCOUNT_ENABLED',
                      'ACCOUNT_RESET', 'PASSWORD_CHANGED', 'SECOND_FACTOR_STARTED', 'SECOND_FACTOR_ENROLLED',
                      'TOKEN_ISSUED', 'TOKEN_REVOKED', 'MEMBER_READ', 'MEMBERS_LISTED', 'MEMBERS_IMPORTED', 'MEMBER_CORRECTED',
                      'HEALTH_DATA_IMPORTED', 'CONSENT_RECORDED', 'CONSENT_READ', 'DECISION', 'BATCH_DECISION',
                      'CATALOG_PUBLISHED', 'MY_NUMBER_READ', 'MY_NUMBERS_READ', 'MY_NUMBER_MASKED_VIEW',
                      'MY_NUMBERS_IMPORTED', 'VAULT_KEYS_REWRAPPED', 'AUDIT_SEARCHED', 'AUDIT_VERIFIED',
                      'AUDIT_DIGEST_EXPORTED'));
alter table consent_event add constraint consent_event_category check (category is null or category >= 1);

-- foreign keys without an index: a dependent's insured person (dependentsOf), a file's
-- quarantined records, the numbers sealed under a data key
create index member_insured on member (insured_id);
create index health_data_quarantine_file on health_data_quarantine (file_id);
create index individual_number_key on individual_number (key_id);
