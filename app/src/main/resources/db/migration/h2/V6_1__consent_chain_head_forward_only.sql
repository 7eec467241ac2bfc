-- A chain head only moves forward, to a later event of the same member (see the PostgreSQL migration).
create trigger consent_chain_head_forward before update on consent_chain_head
    for each row call 'jp.kenpo.privacy.consent.ForwardOnlyHeadTrigger';
create trigger consent_chain_head_no_delete before delete on consent_chain_head
    for each row call 'jp.kenpo.privacy.consent.ForwardOnlyHeadTrigger';
