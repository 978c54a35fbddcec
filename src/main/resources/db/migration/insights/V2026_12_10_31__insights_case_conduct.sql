-- Insights: what a case's history says about how it was handled (issue 14, case KPIs): reopenings,
-- replies sent, whether it repeats an earlier contact, the PSD2 reply and OLA clocks with the day each
-- was decided, and when its CSAT survey was sent. Rows written before this migration keep the defaults
-- until `bin/paydesk insights rebuild` (or the next event about the case) reads the case again.
alter table insights_case_fact
    add column reopens        integer not null default 0,
    add column replies_out    integer not null default 0,
    add column repeat_contact boolean not null default false,
    add column psd2_state     text,
    add column psd2_day       date,
    add column ola_state      text,
    add column ola_day        date,
    add column csat_sent_at   timestamptz,
    add column csat_sent_day  date;
create index insights_case_fact_psd2_idx on insights_case_fact (market, psd2_day);
create index insights_case_fact_ola_idx on insights_case_fact (market, ola_day);
create index insights_case_fact_csat_sent_idx on insights_case_fact (market, csat_sent_day);
