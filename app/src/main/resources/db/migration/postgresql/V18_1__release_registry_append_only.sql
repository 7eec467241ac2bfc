-- Releases and their approvals and deliveries are history: the database refuses to change or
-- remove one (audit_refuse_change comes with the audit trail, V2_1).
create trigger release_registry_no_update_delete
    before update or delete on release_registry
    for each row execute function audit_refuse_change();
create trigger release_registry_no_truncate
    before truncate on release_registry
    for each statement execute function audit_refuse_change();
create trigger release_event_no_update_delete
    before update or delete on release_event
    for each row execute function audit_refuse_change();
create trigger release_event_no_truncate
    before truncate on release_event
    for each statement execute function audit_refuse_change();
