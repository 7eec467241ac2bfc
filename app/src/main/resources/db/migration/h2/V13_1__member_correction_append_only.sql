-- A member's corrections are history: the database refuses to change or remove one.
create trigger member_correction_no_update before update on member_correction
    for each row call 'jp.kenpo.privacy.audit.AppendOnly';
create trigger member_correction_no_delete before delete on member_correction
    for each row call 'jp.kenpo.privacy.audit.AppendOnly';
