-- What was released is history: the database refuses to change or remove a release's persons
-- (audit_refuse_change comes with the audit trail, V2_1).
create trigger release_person_no_update_delete
    before update or delete on release_person
    for each row execute function audit_refuse_change();
create trigger release_person_no_truncate
    before truncate on release_person
    for each statement execute function audit_refuse_change();
