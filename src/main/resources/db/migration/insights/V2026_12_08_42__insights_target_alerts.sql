-- In-app alerts when a KPI crosses its target (status change per KPI and market), shown on the dashboards.
create table insights_alert (
    id         bigserial primary key,
    kpi        text        not null,
    market     varchar(2)  not null,
    status     text        not null check (status in ('on_target', 'at_risk', 'off_target')),
    previous   text,
    value      double precision not null,
    target     double precision not null,
    created_at timestamptz not null
);
create index insights_alert_market_idx on insights_alert (market, created_at desc);

create or replace view insights_reporting.target_alerts as
select id, kpi, market, status, previous as previous_status, value, target, created_at from insights_alert;
do $$
begin
    if exists (select from pg_roles where rolname = 'paydesk_reporting') then
        grant select on insights_reporting.target_alerts to paydesk_reporting;
    end if;
end
$$;
