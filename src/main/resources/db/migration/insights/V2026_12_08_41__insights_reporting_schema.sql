-- The reporting schema: SQL views with stable column names over the insights facts and rollups, for
-- Tableau, Metabase or plain SQL users, and a read-only role limited to it. Columns may be added;
-- existing ones keep their names and meaning (see docs/insights.md).
create schema if not exists insights_reporting;

create or replace view insights_reporting.kpi_daily as
select family, metric, market, day, provider, method, queue, category, priority, n as records, total
from insights_daily;

create or replace view insights_reporting.kpi_daily_values as
select family, metric, market, day, provider, method, queue, category, priority, value, n as records
from insights_daily_value;

create or replace view insights_reporting.cases as
select case_id, case_key, market, provider, queue, category, priority, created_at, opened_day, resolved_at,
       resolved_day, first_reply_at, first_reply_day, first_response_minutes, fr_state as first_response_clock,
       fr_day as first_response_decided_day, res_state as resolution_clock, res_day as resolution_decided_day,
       csat_rating, csat_day
from insights_case_fact;

create or replace view insights_reporting.payments as
select transaction_id, kind, provider_reference, merchant_reference, market, provider, method, occurred_at, day,
       failed, amount_minor, currency, requested_at, turnaround_minutes
from insights_payment_fact;

create or replace view insights_reporting.disputes as
select dispute_id, market, provider, network, reason_category, status, opened_at, opened_day, closed_at, closed_day,
       amount_minor, currency
from insights_dispute_fact;

create or replace view insights_reporting.targets as
select kpi, market, target, at_risk_margin from insights_target;

-- The role: NOLOGIN (an administrator grants it to a login user, or sets LOGIN and a password). Creating
-- roles needs CREATEROLE; where the migration user lacks it, the views are still created and the notice
-- says what to run.
do $$
begin
    if not exists (select from pg_roles where rolname = 'paydesk_reporting') then
        begin
            create role paydesk_reporting nologin;
        exception when insufficient_privilege then
            raise notice 'paydesk_reporting not created (no CREATEROLE): create it and grant usage on schema insights_reporting and select on its views';
        end;
    end if;
    if exists (select from pg_roles where rolname = 'paydesk_reporting') then
        grant usage on schema insights_reporting to paydesk_reporting;
        grant select on all tables in schema insights_reporting to paydesk_reporting;
        revoke all on schema public from paydesk_reporting;
    end if;
end
$$;
