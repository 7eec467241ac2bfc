-- Provision, confirmation and exchange records are kept unchanged until their retention end
-- (PPC Rules Art. 21, 26); only then may records purge remove them.
create function provision_record_retained() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        raise exception '% is kept as recorded: UPDATE refused', tg_table_name using errcode = '23000';
    end if;
    if old.retention_until >= (now() at time zone 'Asia/Tokyo')::date then
        raise exception '% is within its retention period (until %): DELETE refused', tg_table_name, old.retention_until
            using errcode = '23000';
    end if;
    return old;
end
$$;
create trigger provision_run_retained before update or delete on provision_run
    for each row execute function provision_record_retained();
create trigger provision_record_retained before update or delete on provision_record
    for each row execute function provision_record_retained();
create trigger acquisition_retained before update or delete on acquisition
    for each row execute function provision_record_retained();
create trigger acquisition_member_retained before update or delete on acquisition_member
    for each row execute function provision_record_retained();
create trigger online_eligibility_exchange_retained before update or delete on online_eligibility_exchange
    for each row execute function provision_record_retained();
create trigger provision_run_no_truncate before truncate on provision_run
    for each statement execute function audit_refuse_change();
create trigger provision_record_no_truncate before truncate on provision_record
    for each statement execute function audit_refuse_change();
create trigger acquisition_no_truncate before truncate on acquisition
    for each statement execute function audit_refuse_change();
create trigger acquisition_member_no_truncate before truncate on acquisition_member
    for each statement execute function audit_refuse_change();
create trigger online_eligibility_exchange_no_truncate before truncate on online_eligibility_exchange
    for each statement execute function audit_refuse_change();
