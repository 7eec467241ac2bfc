-- Exchange records are kept unchanged until their retention end (My Number Act Art. 23(1) and its
-- Order: 7 years); only then may records purge remove them.
create trigger my_number_exchange_retained before update or delete on my_number_exchange
    for each row execute function provision_record_retained();
create trigger my_number_exchange_member_retained before update or delete on my_number_exchange_member
    for each row execute function provision_record_retained();
create trigger my_number_exchange_no_truncate before truncate on my_number_exchange
    for each statement execute function audit_refuse_change();
create trigger my_number_exchange_member_no_truncate before truncate on my_number_exchange_member
    for each statement execute function audit_refuse_change();

-- The runtime role's grants as V21_1 made them, with the exchange records among those kept as
-- recorded: no UPDATE or TRUNCATE, DELETE only past their retention end (the triggers above).
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
                          release_registry, release_event from %I',
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
