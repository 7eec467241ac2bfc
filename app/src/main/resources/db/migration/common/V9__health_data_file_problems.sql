-- claims: problems of a file itself, not of one of its records (a GO total that disagrees with
-- the receipts, an archive index that counts other than its documents), found in lenient mode.
-- They are not records: they are kept with the file, apart from the quarantine and its counts.
alter table health_data_file add column file_problems integer default 0 not null;

create table health_data_file_problem (
    file_id bigint not null references health_data_file (id),
    seq     integer not null,
    problem varchar(1000) not null,
    primary key (file_id, seq)
);
