-- mynumber: one row whose lock serialises the creation of vault keys across processes, so that two
-- servers starting on an empty vault do not both create the first data key or the lookup key.
create table vault_key_lock (
    id smallint primary key check (id = 1)
);
insert into vault_key_lock (id) values (1);
