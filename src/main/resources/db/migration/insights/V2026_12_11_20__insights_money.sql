-- Money KPIs per currency (issue 14): one fact row per source record and metric, and a per-currency
-- day rollup of them. Kept apart from insights_daily / insights_market_day, which carry no currency.
--
-- metric: risk_in (a reconciliation finding first seen), risk_out (that finding resolved),
--         won (a dispute won), lost (write-off, goodwill, double loss, dispute lost/expired/accepted),
--         captured, refunded, refund_failed (payment movements), refund_settled (a refund's settlement line).
-- kind:   the finding type, money action type, DISPUTE_<status> or the movement kind.
create table insights_money_fact (
    source_id    uuid        not null,
    metric       text        not null,
    source       text        not null,
    kind         text        not null,
    market       text        not null default '',
    provider     text        not null default '',
    reference    text,
    currency     char(3)     not null,
    amount_minor bigint      not null,
    at           timestamptz not null,
    day          date        not null,
    minutes      int,
    primary key (source_id, metric)
);
create index insights_money_fact_slice on insights_money_fact (market, day);
create index insights_money_fact_metric on insights_money_fact (metric, day);

-- minutes = -1 on rows that carry no duration; refund_settled rows keep a histogram (one row per whole minute).
create table insights_money_day (
    metric       text    not null,
    market       text    not null,
    day          date    not null,
    currency     char(3) not null,
    kind         text    not null,
    minutes      int     not null,
    n            bigint  not null,
    total_minor  bigint  not null,
    primary key (metric, market, day, currency, kind, minutes)
);
create index insights_money_day_market on insights_money_day (market, day);

create or replace view insights_reporting.money_daily as
select metric, market, day, currency, kind, n as records, total_minor as amount_minor
from insights_money_day where minutes = -1;

create or replace view insights_reporting.money_records as
select source_id, metric, source, kind, market, provider, reference, currency, amount_minor, at, day,
       minutes as settle_minutes
from insights_money_fact;

create or replace view insights_reporting.fx_rates as
select day, currency, per_eur from insights_fx_rate;

do $$
begin
    if exists (select from pg_roles where rolname = 'paydesk_reporting') then
        grant select on insights_reporting.money_daily, insights_reporting.money_records,
            insights_reporting.fx_rates to paydesk_reporting;
    end if;
end
$$;
