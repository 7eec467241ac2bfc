-- A member's corrections are history: the database refuses to change or remove one
-- (audit_refuse_change comes with the audit trail, V2_1).
create trigger member_correction_no_update_delete
    before update or delete on member_correction
    for each row execute function audit_refuse_change();
create trigger member_correction_no_truncate
    before truncate on member_correction
    for each statement execute function audit_refuse_change();
