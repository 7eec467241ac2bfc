-- Provision, confirmation and exchange records are kept unchanged until their retention end
-- (PPC Rules Art. 21, 26); only then may records purge remove them.
create trigger provision_run_retained before update, delete on provision_run
    for each row call 'jp.kenpo.privacy.provision.RetainedRecord';
create trigger provision_record_retained before update, delete on provision_record
    for each row call 'jp.kenpo.privacy.provision.RetainedRecord';
create trigger acquisition_retained before update, delete on acquisition
    for each row call 'jp.kenpo.privacy.provision.RetainedRecord';
create trigger acquisition_member_retained before update, delete on acquisition_member
    for each row call 'jp.kenpo.privacy.provision.RetainedRecord';
create trigger online_eligibility_exchange_retained before update, delete on online_eligibility_exchange
    for each row call 'jp.kenpo.privacy.provision.RetainedRecord';
