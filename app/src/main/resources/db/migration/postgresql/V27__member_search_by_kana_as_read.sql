-- The フリガナ as it is read, whatever width it was written in: half-width katakana (ｼｹﾝ, a voiced
-- mark as its own character) as full width, a full-width space as an ASCII one, runs of spaces as
-- one. The console's search compares a typed prefix, normalised the same way (NFKC, hiragana as
-- katakana: MemberSearch), with this column. The registry keeps name_kana as it was given.
alter table member add column name_kana_search varchar(200)
    generated always as (btrim(regexp_replace(normalize(name_kana, NFKC), ' +', ' ', 'g'))) stored;
drop index member_kana_prefix;
-- text_pattern_ops lets a LIKE 'prefix%' use the index whatever the database's collation
create index member_kana_search on member (name_kana_search text_pattern_ops);
