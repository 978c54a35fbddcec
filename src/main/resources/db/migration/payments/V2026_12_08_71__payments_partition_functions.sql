-- A large settlement batch gets a partition of its own at run time (AdyenSettlementImport). Creating a
-- table, indexing it and attaching it to payments_settlement_line need the owner of those tables: the
-- migration role (PAYDESK_DB_MIGRATION_USERNAME) when the application runs with least privilege
-- (docs/deployment.md). These functions run with their owner's rights (SECURITY DEFINER) inside the
-- import's own transaction, so a crash halfway still leaves nothing behind. They only ever touch
-- tables named payments_settlement_line_p<part> for part >= 1, and the index definitions are fixed
-- here, never passed in.

create function payments_settlement_partition_create(part bigint, provider text) returns text
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    t text := 'payments_settlement_line_p' || part;
begin
    if part < 1 then
        raise exception 'partition % is not a batch partition', part;
    end if;
    execute format('create table %I (like payments_settlement_line including defaults)', t);
    execute format('alter table %I add constraint %I check (part = %s), alter column part set default %s, '
                   'alter column provider set default %L', t, t || '_part', part, part, provider);
    execute format('grant select, insert, update, delete on %I to %I', t, session_user);
    return t;
end $$;

create function payments_settlement_partition_attach(part bigint) returns void
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    t text := 'payments_settlement_line_p' || part;
begin
    if part < 1 then
        raise exception 'partition % is not a batch partition', part;
    end if;
    execute format('create index on %I using brin (psp_reference text_bloom_ops(n_distinct_per_range = 400), '
                   'merchant_reference text_bloom_ops(n_distinct_per_range = 400), '
                   'modification_reference text_bloom_ops(n_distinct_per_range = 400)) with (pages_per_range = 8)', t);
    execute format('create index on %I using brin (booked_at)', t);
    execute format('alter table %I alter column part drop default, alter column provider drop default', t);
    execute format('alter table payments_settlement_line attach partition %I for values in (%s)', t, part);
end $$;

-- drops a staging table that did not become a partition; an attached partition (stored lines) never
create function payments_settlement_partition_drop(part bigint) returns void
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    t text := 'payments_settlement_line_p' || part;
begin
    if part < 1 or exists (select 1 from pg_class c where c.oid = to_regclass(t) and c.relispartition) then
        raise exception 'table % is not a staging table', t;
    end if;
    execute format('drop table %I', t);
end $$;
