-- Insights: the order count behind "cases per 1,000 orders". An order counts once, on the local day of
-- its first successful capture (or bank credit); later and partial captures do not count it again.
-- Rows written before this migration count as no order until `bin/paydesk insights rebuild`.
alter table insights_payment_fact add column first_capture boolean not null default false;
