-- Insights: the rollups are kept by delta (a changed fact subtracts its old row's contribution and adds
-- its new one's in the same transaction; rows left at zero are deleted before the commit). Most deltas
-- only change n and total of rows whose indexed columns stay the same: leave room in each page so those
-- updates stay heap-only (HOT) and the hot rows of today do not bloat the indexes.
alter table insights_daily set (fillfactor = 85);
alter table insights_daily_value set (fillfactor = 85);
alter table insights_market_day set (fillfactor = 85);
