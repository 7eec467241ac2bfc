-- claims: receipts (レセ電) and specific health checkups (特定健診) received, linked to members.
-- (Versions 2 to 4 are the audit trail, accounts and the My Number vault.)

-- every file imported, by content: importing the same file again is recognised and skipped
create table health_data_file (
    id          bigint generated always as identity primary key,
    kind        varchar(8) not null check (kind in ('RECEIPT', 'CHECKUP')),
    sha256      char(64) not null unique,
    name        varchar(1000) not null,
    size_bytes  bigint not null,
    imported_at timestamp with time zone not null,
    imported_by varchar(128) not null,
    records     integer not null,
    linked      integer not null,
    quarantined integer not null
);

-- a receipt is numbered within its file; its child records within the receipt
create table receipt (
    file_id         bigint not null references health_data_file (id),
    seq             integer not null,
    line            bigint not null,
    member_id       bigint not null references member (id),
    kind            varchar(8) not null check (kind in ('MEDICAL', 'DENTAL', 'PHARMACY')),
    receipt_type    varchar(4) not null,
    treatment_month date not null,
    inpatient       boolean not null,
    admission_date  date,
    facility_code   varchar(10),
    prefecture      varchar(2),
    billing_month   date,
    days            integer,
    points          integer,
    primary key (file_id, seq)
);
create index receipt_member on receipt (member_id, treatment_month);

create table receipt_diagnosis (
    file_id     bigint not null,
    receipt_seq integer not null,
    seq         integer not null,
    code        varchar(7) not null,
    start_date  date,
    outcome     varchar(1),
    modifiers   varchar(100),
    name        varchar(200),
    main        boolean not null,
    primary key (file_id, receipt_seq, seq),
    foreign key (file_id, receipt_seq) references receipt (file_id, seq)
);
create index receipt_diagnosis_code on receipt_diagnosis (code);

create table receipt_procedure (
    file_id     bigint not null,
    receipt_seq integer not null,
    seq         integer not null,
    record_type varchar(2) not null,
    category    varchar(2),
    code        varchar(9) not null,
    quantity    bigint,
    points      integer,
    times       integer not null,
    primary key (file_id, receipt_seq, seq),
    foreign key (file_id, receipt_seq) references receipt (file_id, seq)
);

create table receipt_drug (
    file_id     bigint not null,
    receipt_seq integer not null,
    seq         integer not null,
    category    varchar(2),
    code        varchar(9) not null,
    quantity    numeric(13, 5),
    points      integer,
    times       integer,
    primary key (file_id, receipt_seq, seq),
    foreign key (file_id, receipt_seq) references receipt (file_id, seq)
);

create table receipt_material (
    file_id      bigint not null,
    receipt_seq  integer not null,
    seq          integer not null,
    category     varchar(2),
    code         varchar(9) not null,
    quantity     numeric(13, 5),
    points       integer,
    times        integer not null,
    unit_code    varchar(3),
    unit_price   numeric(13, 2),
    product_name varchar(200),
    primary key (file_id, receipt_seq, seq),
    foreign key (file_id, receipt_seq) references receipt (file_id, seq)
);

create table receipt_comment (
    file_id     bigint not null,
    receipt_seq integer not null,
    seq         integer not null,
    category    varchar(2),
    code        varchar(9) not null,
    text        varchar(2000),
    primary key (file_id, receipt_seq, seq),
    foreign key (file_id, receipt_seq) references receipt (file_id, seq)
);

create table checkup (
    file_id       bigint not null references health_data_file (id),
    seq           integer not null,
    document      varchar(500) not null,
    member_id     bigint not null references member (id),
    checkup_date  date not null,
    program_type  varchar(3),
    facility_code varchar(10),
    primary key (file_id, seq)
);
create index checkup_member on checkup (member_id, checkup_date);

create table checkup_observation (
    file_id           bigint not null,
    checkup_seq       integer not null,
    seq               integer not null,
    code              varchar(17) not null,
    value_type        varchar(2),
    value_text        varchar(500),
    unit              varchar(20),
    value_number      numeric(18, 6),
    value_code_system varchar(64),
    null_flavor       varchar(8),
    primary key (file_id, checkup_seq, seq),
    foreign key (file_id, checkup_seq) references checkup (file_id, seq)
);
create index checkup_observation_code on checkup_observation (code);

-- records that could not be linked to a member (or could not be read, in lenient mode): kept
-- with the reason and the record as read, never dropped
create table health_data_quarantine (
    id       bigint generated always as identity primary key,
    file_id  bigint not null references health_data_file (id),
    location varchar(600) not null,
    reason   varchar(20) not null,
    detail   varchar(1000) not null,
    record   varchar(1000000)
);
