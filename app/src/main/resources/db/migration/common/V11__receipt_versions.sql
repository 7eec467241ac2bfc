-- claims: a receipt has an identity across files and keeps its versions.
-- A receipt is made per patient, facility, 診療年月 and レセプト種別 (医保/公費, 入院/入院外); when it
-- comes back corrected (返戻・再請求, 月遅れ請求, 過誤調整) it carries another 請求年月 and another
-- レセプト番号 in another file. The version with the latest 請求年月 is current; an earlier one stays,
-- pointing at the version that superseded it. Receipts stored before this version have no content
-- digest: a later import of the same receipt is stored as a new version of them.

-- the レセプト番号 in its file, as recorded
alter table receipt add column receipt_number integer;
-- SHA-256 of the receipt's records as read, without where it was filed (facility header, レセプト番号)
alter table receipt add column content_sha256 char(64);
-- the version that superseded this one; both null for the current version
alter table receipt add column superseded_by_file bigint;
alter table receipt add column superseded_by_seq integer;

create index receipt_identity on receipt (facility_code, treatment_month, member_id);

-- receipts of a file already stored with the same content (an edited file imported again): not stored again
alter table health_data_file add column unchanged integer default 0 not null;
