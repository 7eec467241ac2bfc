-- Exchange records are kept unchanged until their retention end (My Number Act Art. 23(1) and its
-- Order: 7 years); only then may records purge remove them.
create trigger my_number_exchange_retained before update, delete on my_number_exchange
    for each row call 'jp.kenpo.privacy.provision.RetainedRecord';
create trigger my_number_exchange_member_retained before update, delete on my_number_exchange_member
    for each row call 'jp.kenpo.privacy.provision.RetainedRecord';
