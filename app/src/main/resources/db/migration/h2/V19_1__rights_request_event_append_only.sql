-- A request's history is not rewritten: the database refuses to change or remove an event.
create trigger rights_request_event_no_update before update on rights_request_event
    for each row call 'jp.kenpo.privacy.audit.AppendOnly';
create trigger rights_request_event_no_delete before delete on rights_request_event
    for each row call 'jp.kenpo.privacy.audit.AppendOnly';
