-- A checkup is one checkup whatever it was delivered in (a document of its own, an exchange
-- archive, another archive): each stored checkup keeps the SHA-256 of its document, and a document
-- stored once is not stored again. Checkups stored before this have none (null, never equal).
alter table checkup add column document_sha256 char(64);
create unique index checkup_document_sha256 on checkup (document_sha256);
