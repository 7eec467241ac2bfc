-- The consent ledger is append-only: the database itself refuses to change or remove an event.
create function consent_event_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'consent_event is append-only: % refused', tg_op
        using errcode = 'integrity_constraint_violation';
end
$$;

create trigger consent_event_no_update_delete
    before update or delete on consent_event
    for each row execute function consent_event_refuse_change();

create trigger consent_event_no_truncate
    before truncate on consent_event
    for each statement execute function consent_event_refuse_change();
