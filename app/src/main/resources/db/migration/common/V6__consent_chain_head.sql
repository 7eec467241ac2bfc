-- The head (last event) of each member's consent chain, written in the same transaction as the
-- events. `ledger verify` compares every chain with its head, so that events cut off the end of a
-- chain, or a whole chain removed, are found like any other broken link. The database lets a head
-- only move forward (V6_1).
create table consent_chain_head (
    member_id  bigint primary key references member (id),
    member_seq integer not null check (member_seq > 0),
    hash       char(64) not null
);

insert into consent_chain_head (member_id, member_seq, hash)
select e.member_id, e.member_seq, e.hash
  from consent_event e
 where e.member_seq = (select max(l.member_seq) from consent_event l where l.member_id = e.member_id);
