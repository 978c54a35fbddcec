-- Insights: a narrow rollup without the filter dimensions (provider, method, queue, category, priority),
-- one row per metric, market and local day. Unfiltered views (the overview, per-market comparisons,
-- daily series) read it instead of insights_daily / insights_daily_value, whose rows multiply with the
-- dimension combinations. Value histograms are stored on the same row as two arrays (ascending values,
-- and how many records had each), so an exact percentile over a period reads one row per market and day.
create table insights_market_day (
    family text     not null,
    metric text     not null,
    market text     not null,
    day    date     not null,
    n      bigint   not null,
    total  bigint   not null,
    vals   integer[],
    cnts   bigint[],
    primary key (metric, market, day)
);
create index insights_market_day_day_idx on insights_market_day (day);
create index insights_market_day_slice_idx on insights_market_day (family, market, day);

insert into insights_market_day (family, metric, market, day, n, total)
select family, metric, market, day, sum(n), sum(total) from insights_daily group by family, metric, market, day;

insert into insights_market_day (family, metric, market, day, n, total, vals, cnts)
select family, metric, market, day, sum(n), sum(value::bigint * n), array_agg(value order by value), array_agg(n order by value)
from (select family, metric, market, day, value, sum(n) n from insights_daily_value
      group by family, metric, market, day, value) v
group by family, metric, market, day;
