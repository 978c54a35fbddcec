-- Insights: the rollups are kept by delta (a changed fact subtracts its old row's contribution and adds
-- its new one's). A row whose count falls to zero is removed at the end of the same transaction; these
-- partial indexes find those rows without scanning the slice (they are empty between transactions).
create index insights_daily_zero_idx on insights_daily (family) where n = 0;
create index insights_daily_value_zero_idx on insights_daily_value (family) where n = 0;
create index insights_market_day_zero_idx on insights_market_day (family) where n = 0 and vals is null;
