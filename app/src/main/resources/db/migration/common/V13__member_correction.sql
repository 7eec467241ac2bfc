-- members: corrections (訂正) of who a member key names. An import never changes a registered
-- member's insurer number, names, sex or birth date; a correction does, with a reason, and keeps
-- here the whole identity before and after (APPI Art. 22 accuracy, Art. 34 correction).
-- Append-only (db/migration/h2 and postgresql V13_1): the history is not rewritten.
create table member_correction (
    id                 bigint generated always as identity primary key,
    member_id          bigint not null references member (id),
    corrected_at       timestamp with time zone not null,
    corrected_by       varchar(128) not null,
    reason             varchar(2000) not null,
    -- the registry revision the correction made (see registry_revision)
    revision           bigint not null,
    old_insurer_number char(8) not null,
    old_name_kanji     varchar(100) not null,
    old_name_kana      varchar(100) not null,
    old_sex            smallint not null check (old_sex in (1, 2)),
    old_birth_date     date not null,
    new_insurer_number char(8) not null,
    new_name_kanji     varchar(100) not null,
    new_name_kana      varchar(100) not null,
    new_sex            smallint not null check (new_sex in (1, 2)),
    new_birth_date     date not null
);
create index member_correction_member on member_correction (member_id, id);
