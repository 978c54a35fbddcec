-- Insights: four-eyes approval waiting time. Per case, every money action that waited for a second
-- person's decision: the whole minutes from the request to the approval or rejection (four_eyes_minutes)
-- and the local day of the decision (four_eyes_days), as parallel arrays in timeline order.
alter table insights_case_fact
    add column four_eyes_minutes integer[],
    add column four_eyes_days    date[];
