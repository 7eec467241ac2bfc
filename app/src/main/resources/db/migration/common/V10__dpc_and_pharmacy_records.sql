-- claims: the DPC records (BU 診断群分類, SB 傷病) and the pharmacy records (SH 処方基本, CZ 調剤).

-- one BU per DPC receipt: its 診断群分類 is a property of the receipt (null for others)
alter table receipt add column dpc_code varchar(14);
alter table receipt add column dpc_admission_date date;
alter table receipt add column dpc_discharge_date date;
alter table receipt add column dpc_outcome varchar(1);

-- SB diagnoses go with the SY and HS ones, so that every reader of diagnoses finds them; what only
-- SB has (ICD-10, 傷病名区分) is null for the others. Rows stored before this version are SY, or HS
-- on dental receipts.
alter table receipt_diagnosis add column record_type varchar(2);
update receipt_diagnosis set record_type = case when (select r.kind from receipt r
        where r.file_id = receipt_diagnosis.file_id and r.seq = receipt_diagnosis.receipt_seq) = 'DENTAL'
    then 'HS' else 'SY' end;
alter table receipt_diagnosis alter column record_type set not null;
alter table receipt_diagnosis add column icd10 varchar(5);
alter table receipt_diagnosis add column dpc_category varchar(2);

-- 調剤 TO records have no 回数
alter table receipt_material alter column times drop not null;

-- SH: one prescribed preparation (RP); its CZ and IY records follow it in the receipt
create table receipt_prescription (
    file_id          bigint not null,
    receipt_seq      integer not null,
    seq              integer not null,
    rp_number        varchar(2) not null,
    dosage_form      varchar(1) not null,
    usage_code       varchar(3),
    instruction      varchar(400),
    unit_drug_points integer not null,
    primary key (file_id, receipt_seq, seq),
    foreign key (file_id, receipt_seq) references receipt (file_id, seq)
);

-- the RP a pharmacy drug belongs to (null for other drugs)
alter table receipt_drug add column prescription_seq integer;
alter table receipt_drug add constraint receipt_drug_prescription
    foreign key (file_id, receipt_seq, prescription_seq) references receipt_prescription (file_id, receipt_seq, seq);

-- CZ: one dispensing of an RP
create table receipt_dispensing (
    file_id          bigint not null,
    receipt_seq      integer not null,
    seq              integer not null,
    prescription_seq integer,
    doctor_number    varchar(2),
    prescribed_on    date not null,
    dispensed_on     date not null,
    reception        integer not null,
    quantity         integer not null,
    drug_points      integer,
    packaging_days   integer,
    primary key (file_id, receipt_seq, seq),
    foreign key (file_id, receipt_seq) references receipt (file_id, seq),
    foreign key (file_id, receipt_seq, prescription_seq) references receipt_prescription (file_id, receipt_seq, seq)
);

-- the fees of a dispensing, in recorded order: 調剤料, 加算料, 外来服薬支援料2, 調剤管理料 and its 時間外等加算
create table receipt_dispensing_fee (
    file_id        bigint not null,
    receipt_seq    integer not null,
    dispensing_seq integer not null,
    seq            integer not null,
    fee            varchar(24) not null
        check (fee in ('PREPARATION', 'ADDITION', 'OUTPATIENT_SUPPORT', 'MANAGEMENT', 'MANAGEMENT_OVERTIME')),
    burden         varchar(1),
    code           varchar(9) not null,
    points         integer,
    primary key (file_id, receipt_seq, dispensing_seq, seq),
    foreign key (file_id, receipt_seq, dispensing_seq) references receipt_dispensing (file_id, receipt_seq, seq)
);
