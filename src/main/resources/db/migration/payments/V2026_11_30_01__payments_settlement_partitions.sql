-- Settlement lines partitioned by settlement batch. A large report for a batch never seen before is
-- loaded into a table of its own (COPY into a table created in the import's transaction, indexes built
-- in bulk afterwards, then attached as a partition); everything else (small files, other providers,
-- a batch seen before in a small file) goes to partition 0 with the row-by-row conflict check.

alter table payments_settlement_line rename to payments_settlement_line_p0;
alter index payments_settlement_line_pkey rename to payments_settlement_line_p0_key;
alter index payments_settlement_line_mod_idx rename to payments_settlement_line_p0_mod_idx;
alter index payments_settlement_line_psp_idx rename to payments_settlement_line_p0_psp_idx;
alter index payments_settlement_line_order_idx rename to payments_settlement_line_p0_order_idx;
alter index payments_settlement_line_booked_idx rename to payments_settlement_line_p0_booked_idx;
alter table payments_settlement_line_p0 add column part integer not null default 0;
alter table payments_settlement_line_p0 alter column source_file drop not null;
alter table payments_settlement_line_p0 add constraint payments_settlement_line_p0_part check (part = 0);

create table payments_settlement_line (like payments_settlement_line_p0 including defaults) partition by list (part);
alter table payments_settlement_line attach partition payments_settlement_line_p0 for values in (0);
-- Partition 0 keeps its B-tree indexes (renamed above) as its own: it takes rows one by one. Every
-- partition has the two BRIN indexes below, all a large batch's partition has: one heap scan each to
-- build instead of a sort per B-tree. The references are found through per-block-range bloom filters
-- (8 pages, about 320 lines, 1 % false positives per column, so a lookup reads a few hundred
-- kilobytes of a million-line batch), booking times through block-range minimum and maximum.
-- AdyenSettlementImport builds the same two on a new batch's table before attaching it.
create index payments_settlement_line_refs_bloom on payments_settlement_line using brin (
    psp_reference text_bloom_ops(n_distinct_per_range = 400),
    merchant_reference text_bloom_ops(n_distinct_per_range = 400),
    modification_reference text_bloom_ops(n_distinct_per_range = 400)) with (pages_per_range = 8);
create index payments_settlement_line_booked_brin on payments_settlement_line using brin (booked_at);

-- Which partition holds each settlement batch's lines (part 0: the shared one). Only the Adyen
-- settlement import registers batches; a line's key includes its account and batch, so a line can
-- only ever be in its batch's partition. The lines of a batch with a partition of its own name their
-- file here (source_file), not on every line.
create table payments_settlement_batch (
    provider         text        not null,
    merchant_account text        not null,
    batch            text        not null,
    part             integer     not null,
    source_file      text,
    registered_at    timestamptz not null default now(),
    primary key (provider, merchant_account, batch)
);
insert into payments_settlement_batch (provider, merchant_account, batch, part)
select distinct provider, merchant_account, batch, 0 from payments_settlement_line_p0
where provider = 'ADYEN' and batch is not null;

create sequence payments_settlement_part_seq start with 1;
