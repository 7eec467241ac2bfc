-- What was released is history: the database refuses to change or remove a release's persons.
create trigger release_person_no_update before update on release_person
    for each row call 'jp.kenpo.privacy.audit.AppendOnly';
create trigger release_person_no_delete before delete on release_person
    for each row call 'jp.kenpo.privacy.audit.AppendOnly';
