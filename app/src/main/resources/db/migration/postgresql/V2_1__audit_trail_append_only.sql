-- The audit trail is append-only: the database itself refuses to change or remove an entry.
create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'integrity_constraint_violation';
end
$$;

create trigger audit_entry_no_update_delete
    before update or delete on audit_entry
    for each row execute function audit_refuse_change();
create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_refuse_change();
create trigger audit_entry_member_no_update_delete
    before update or delete on audit_entry_member
    for each row execute function audit_refuse_change();
create trigger audit_entry_member_no_truncate
    before truncate on audit_entry_member
    for each statement execute function audit_refuse_change();
