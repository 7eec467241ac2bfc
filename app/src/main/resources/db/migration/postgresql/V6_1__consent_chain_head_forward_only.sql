-- A chain head only moves forward, to a later event of the same member: removing one, or moving it
-- back over events cut off the chain, is refused like any change of an event.
create function consent_chain_head_forward_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.member_id = old.member_id and new.member_seq > old.member_seq then
        return new;
    end if;
    raise exception 'consent_chain_head only moves forward: % refused', tg_op
        using errcode = 'integrity_constraint_violation';
end
$$;

create trigger consent_chain_head_forward
    before update or delete on consent_chain_head
    for each row execute function consent_chain_head_forward_only();

create trigger consent_chain_head_no_truncate
    before truncate on consent_chain_head
    for each statement execute function consent_event_refuse_change();
