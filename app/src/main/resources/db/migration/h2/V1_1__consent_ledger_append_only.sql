-- The consent ledger is append-only: the database itself refuses to change or remove an event.
create trigger consent_event_no_update before update on consent_event
    for each row call 'jp.kenpo.privacy.consent.AppendOnlyTrigger';
create trigger consent_event_no_delete before delete on consent_event
    for each row call 'jp.kenpo.privacy.consent.AppendOnlyTrigger';
