-- members: a member's eligibility periods never overlap. The registry checks it before it writes;
-- the database now holds every writer to it. The member's id as a one-point range and the period
-- [acquired_on, lost_on) are both ranges, which GiST compares without the btree_gist extension
-- (CREATE EXTENSION would need more than the owner of the database). Checked at commit: an import
-- may move one period's end before it inserts the next.
alter table member_eligibility add constraint member_eligibility_no_overlap
    exclude using gist (int8range(member_id, member_id, '[]') with =, daterange(acquired_on, lost_on, '[)') with &&)
    deferrable initially deferred;

-- Two roles (README, "PostgreSQL roles"): the migration owner owns every table and runs this; the
-- runtime role the application connects as gets what it needs and not the owner's rights: it
-- cannot disable a trigger, alter or drop a table, and cannot change or remove what is append-only.
-- Called after every migration by the application (shared.DatabaseRoles) when the two differ, so
-- that tables of later versions are granted too; a later append-only table adds its revoke here.
create function kenpo_grant_runtime_role(runtime name) returns void language plpgsql as $$
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
    execute format('revoke update, delete, truncate on consent_event, audit_entry, audit_entry_member, catalog_version, member_correction from %I',
                   runtime);
    -- chain heads move forward (their triggers say how far) and are never removed; the audit
    -- trail's sixteen are made by its migration
    execute format('revoke delete, truncate on consent_chain_head, audit_chain_head from %I', runtime);
    execute format('revoke insert on audit_chain_head from %I', runtime);
    if to_regclass('flyway_schema_history') is not null then
        execute format('revoke all on flyway_schema_history from %I', runtime);
    end if;
end
$$;
revoke all on function kenpo_grant_runtime_role(name) from public;
