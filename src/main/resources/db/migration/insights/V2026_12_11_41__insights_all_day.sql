-- Insights: the narrow rollup summed over all markets, one row per metric and day (no market column;
-- records without a market count here too, as they do for all-markets users). Requests of users who see
-- every market, without a market, dimension filter or grouping other than by day (the overview), read
-- it: one row per metric and day instead of one per market. Value histograms as in insights_market_day.
-- Kept by the same delta as insights_market_day (under the slice lock of the day's '*' slice).
create table insights_all_day (
    family text     not null,
    metric text     not null,
    day    date     not null,
    n      bigint   not null,
    total  bigint   not null,
    vals   integer[],
    cnts   bigint[],
    primary key (metric, day)
) with (fillfactor = 70);
create index insights_all_day_day_idx on insights_all_day (day);
create index insights_all_day_family_idx on insights_all_day (family, day);

insert into insights_all_day (family, metric, day, n, total)
select family, metric, day, sum(n), sum(total) from insights_market_day where vals is null group by family, metric, day;

insert into insights_all_day (family, metric, day, n, total, vals, cnts)
select family, metric, day, sum(n), sum(value::bigint * n), array_agg(value order by value), array_agg(n order by value)
from (select family, metric, day, value, sum(n) n from insights_daily_value group by family, metric, day, value) v
group by family, metric, day;
