-- Reporting schema: the supplier and workforce figures (stable column names; see docs/insights.md).

create or replace view insights_reporting.supplier_intervals as
select queue, supplier, interval_start, market, day, interval_minutes, offered, answered, abandoned,
       within_target as answered_within_target, handle_s as handle_seconds, wait_s as wait_seconds, agents_staffed
from insights_interval_fact;

create or replace view insights_reporting.supplier_daily as
select market, day, queue, supplier, offered, answered, abandoned, within_target as answered_within_target,
       handle_s as handle_seconds, wait_s as wait_seconds, staffed_agent_s as staffed_agent_seconds,
       staffed_handle_s as staffed_handle_seconds, staffed_answered,
       offered_intervals, answered_intervals, staffed_intervals
from insights_supplier_day;

create or replace view insights_reporting.forecast_accuracy as
select queue, market, day, actual, forecast, abs_error as absolute_error,
       case when actual > 0 then abs_error / actual end as wape
from insights_queue_accuracy;

do $$
begin
    if exists (select from pg_roles where rolname = 'paydesk_reporting') then
        grant select on insights_reporting.supplier_intervals, insights_reporting.supplier_daily,
            insights_reporting.forecast_accuracy to paydesk_reporting;
    end if;
end
$$;
