-- The runtime role's grants with both V22_2's table (the persons of STABLE releases, kept as
-- released) and V23_1's (the My Number exchange records, kept until their retention end): each of
-- those migrations re-created the function from V21_1 with only its own table.
create or replace function kenpo_grant_runtime_role(runtime name) returns void language plpgsql as $$
declare
    s text := current_schema();
begin
    if runtime is null or runtime = current_user then
        return;
    end if;
    execute format('grant usage on schema %I to %I', s, runtime);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', s, runtime);
    execute format('grant usage, select on all sequences in schema %I to %I', s, runtime);
    -- the ledger, the audit trail and the published catalog versions: inserted, never changed
    execute format('revoke update, delete, truncate on consent_event, audit_entry, audit_entry_member, catalog_version, member_correction, rights_request_event,
                          release_registry, release_event, release_person from %I',
                   runtime);
    -- provision, confirmation and exchange records: kept as recorded; deleted only past their
    -- retention end, which their triggers check (V17_1, V23_1)
    execute format('revoke update, truncate on provision_run, provision_record, acquisition, acquisition_member, online_eligibility_exchange,
                          my_number_exchange, my_number_exchange_member from %I',
                   runtime);
    -- chain heads move forward (their triggers say how far) and are never removed; the audit
    -- trail's sixteen are made by its migration
    execute format('revoke delete, truncate on consent_chain_head, audit_chain_head, rights_request from %I', runtime);
    execute format('revoke insert on audit_chain_head from %I', runtime);
    if to_regclass('flyway_schema_history') is not null then
        execute format('revoke all on flyway_schema_history from %I', runtime);
    end if;
end
$$;
revoke all on function kenpo_grant_runtime_role(name) from public;
