-- Releases and their approvals and deliveries are history: the database refuses to change or remove one.
create trigger release_registry_no_update before update on release_registry
    for each row call 'jp.kenpo.privacy.audit.AppendOnly';
create trigger release_registry_no_delete before delete on release_registry
    for each row call 'jp.kenpo.privacy.audit.AppendOnly';
create trigger release_event_no_update before update on release_event
    for each row call 'jp.kenpo.privacy.audit.AppendOnly';
create trigger release_event_no_delete before delete on release_event
    for each row call 'jp.kenpo.privacy.audit.AppendOnly';
