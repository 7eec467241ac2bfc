-- 情報提供等の記録 (My Number Act Art. 23(1)): every read of individual numbers for an info-linkage
-- purpose (category 7) names the other institution and is recorded here, in the transaction that
-- audits the read. Art. 23(1) asks for the names of the requesting and the providing institution,
-- the date and time, and the items of the specified personal information; the member is kept so
-- that a member asking what was exchanged about them (APPI Art. 33(5)) and a regulator asking what
-- went to one institution get their answer. Kept 7 years (the Act's Order), then records purge.

-- One exchange: the counterparty as it stood in the register, the purpose, which way the data went
-- (RECEIVED: the society asked, 7.1-7.4; SENT: it provided, 7.5-7.6), the items, when and by whom.
create table my_number_exchange (
    id                          bigint generated always as identity primary key,
    counterparty_id             varchar(64)   not null references recipient (id),
    counterparty_name           varchar(200)  not null,
    counterparty_address        varchar(400)  not null,
    counterparty_representative varchar(200)  not null,
    purpose_code                varchar(5)    not null,
    direction                   varchar(8)    not null,
    items                       varchar(4000) not null,
    exchanged_at                timestamp with time zone not null,
    exchanged_on                date          not null,
    read_by                     varchar(128)  not null,
    members                     integer       not null,
    retention_until             date          not null,
    constraint my_number_exchange_direction check (direction in ('SENT', 'RECEIVED'))
);
create index my_number_exchange_counterparty on my_number_exchange (counterparty_id, exchanged_on);
create index my_number_exchange_retention on my_number_exchange (retention_until);

-- One member of one exchange: whose number was read for it.
create table my_number_exchange_member (
    exchange_id     bigint not null references my_number_exchange (id),
    member_id       bigint not null references member (id),
    exchanged_on    date   not null,
    retention_until date   not null,
    primary key (exchange_id, member_id)
);
create index my_number_exchange_member_member on my_number_exchange_member (member_id, exchanged_on);
create index my_number_exchange_member_retention on my_number_exchange_member (retention_until);
