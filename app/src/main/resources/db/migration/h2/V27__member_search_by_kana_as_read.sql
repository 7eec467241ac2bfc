-- The フリガナ as it is read, whatever width it was written in: half-width katakana (ｼｹﾝ, a voiced
-- mark as its own character) as full width, a full-width space as an ASCII one, runs of spaces as
-- one. The console's search compares a typed prefix, normalised the same way (NFKC, hiragana as
-- katakana: MemberSearch), with this column. The registry keeps name_kana as it was given.
-- H2 has no NFKC: the expression below is NFKC for every character a フリガナ may hold
-- (MemberFieldRules: katakana, half-width katakana, spaces); MemberSearchTest compares the two.
alter table member add column name_kana_search varchar(200) generated always as (
    trim(regexp_replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(translate(name_kana, '･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ　', '・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゙゚ '), 'ヿ', 'コト'), 'ヴ', 'ヴ'), 'ガ', 'ガ'), 'ギ', 'ギ'), 'グ', 'グ'), 'ゲ', 'ゲ'), 'ゴ', 'ゴ'), 'ザ', 'ザ'), 'ジ', 'ジ'), 'ズ', 'ズ'), 'ゼ', 'ゼ'), 'ゾ', 'ゾ'), 'ダ', 'ダ'), 'ヂ', 'ヂ'), 'ヅ', 'ヅ'), 'デ', 'デ'), 'ド', 'ド'), 'バ', 'バ'), 'パ', 'パ'), 'ビ', 'ビ'), 'ピ', 'ピ'), 'ブ', 'ブ'), 'プ', 'プ'), 'ベ', 'ベ'), 'ペ', 'ペ'), 'ボ', 'ボ'), 'ポ', 'ポ'), 'ヷ', 'ヷ'), 'ヸ', 'ヸ'), 'ヹ', 'ヹ'), 'ヺ', 'ヺ'), 'ヾ', 'ヾ'), ' +', ' ')));
drop index member_kana_prefix;
create index member_kana_search on member (name_kana_search);
