-- The staff console's member search: by the beginning of the kana or the name, by birth date.
-- text_pattern_ops lets a LIKE 'prefix%' use the index whatever the database's collation.
create index member_kana_prefix on member (name_kana text_pattern_ops);
create index member_name_prefix on member (name_kanji text_pattern_ops);
create index member_birth_date on member (birth_date);
