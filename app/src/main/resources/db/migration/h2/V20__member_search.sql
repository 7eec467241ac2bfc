-- The staff console's member search: by the beginning of the kana or the name, by birth date.
create index member_kana_prefix on member (name_kana);
create index member_name_prefix on member (name_kanji);
create index member_birth_date on member (birth_date);
