-- The audit trail is append-only: the database itself refuses to change or remove an entry.
create trigger audit_entry_no_update before update on audit_entry
    for each row call 'jp.kenpo.privacy.audit.AppendOnly';
create trigger audit_entry_no_delete before delete on audit_entry
    for each row call 'jp.kenpo.privacy.audit.AppendOnly';
create trigger audit_entry_member_no_update before update on audit_entry_member
    for each row call 'jp.kenpo.privacy.audit.AppendOnly';
create trigger audit_entry_member_no_delete before delete on audit_entry_member
    for each row call 'jp.kenpo.privacy.audit.AppendOnly';
