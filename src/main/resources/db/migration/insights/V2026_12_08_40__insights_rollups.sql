-- Insights: one fact row per source record (a case, a capture or refund, a dispute), keyed by the
-- source's id so a replayed or late event overwrites instead of adding, and day-grain rollups in the
-- market's own time zone recomputed per (family, market, day) slice from those facts.
-- Dimensions are '' when a source does not know them (cases carry no payment method).

create table insights_case_fact (
    case_id          uuid primary key,
    case_key         text        not null,
    market           varchar(2)  not null,
    provider         text        not null default '',
    queue            text        not null default '',
    category         text        not null default '',
    priority         text        not null,
    assignee         text,
    created_at       timestamptz not null,
    opened_day       date        not null,
    resolved_at      timestamptz,
    resolved_day     date,
    first_reply_at   timestamptz,
    first_reply_day  date,
    first_response_minutes integer,
    fr_state         text,
    fr_day           date,
    res_state        text,
    res_day          date,
    csat_rating      smallint,
    csat_day         date,
    csat_pending     boolean     not null default false,
    refreshed_at     timestamptz not null
);
create index insights_case_fact_opened_idx on insights_case_fact (market, opened_day);
create index insights_case_fact_resolved_idx on insights_case_fact (market, resolved_day);
-- a slice refresh reads each day column of one (market, day): every one is indexed
create index insights_case_fact_reply_idx on insights_case_fact (market, first_reply_day);
create index insights_case_fact_fr_idx on insights_case_fact (market, fr_day);
create index insights_case_fact_res_idx on insights_case_fact (market, res_day);
create index insights_case_fact_csat_idx on insights_case_fact (market, csat_day);
create index insights_case_fact_pending_idx on insights_case_fact (case_id) where csat_pending;

create table insights_payment_fact (
    transaction_id     uuid primary key,
    kind               text        not null check (kind in ('CAPTURE', 'REFUND')),
    provider_reference text        not null,
    merchant_reference text,
    market             text        not null default '',
    provider           text        not null,
    method             text        not null default '',
    occurred_at        timestamptz not null,
    day                date        not null,
    failed             boolean     not null default false,
    amount_minor       bigint      not null,
    currency           char(3)     not null,
    requested_at       timestamptz,
    turnaround_minutes integer
);
create index insights_payment_fact_day_idx on insights_payment_fact (market, day);

create table insights_dispute_fact (
    dispute_id      uuid primary key,
    market          text        not null default '',
    provider        text        not null,
    network         text        not null,
    reason_category text        not null,
    status          text        not null,
    opened_at       timestamptz not null,
    opened_day      date        not null,
    closed_at       timestamptz,
    closed_day      date,
    amount_minor    bigint      not null,
    currency        char(3)     not null
);
create index insights_dispute_fact_opened_idx on insights_dispute_fact (market, opened_day);
create index insights_dispute_fact_closed_idx on insights_dispute_fact (market, closed_day);

-- Counts (n) and sums (total) per metric, day (market time zone) and dimension combination.
create table insights_daily (
    family   text    not null,
    metric   text    not null,
    market   text    not null,
    day      date    not null,
    provider text    not null,
    method   text    not null,
    queue    text    not null,
    category text    not null,
    priority text    not null,
    n        bigint  not null,
    total    bigint  not null,
    primary key (metric, market, day, provider, method, queue, category, priority)
);
create index insights_daily_slice_idx on insights_daily (family, market, day);

-- Value histograms (whole minutes) for exact percentiles over any period: n records had this value.
create table insights_daily_value (
    family   text    not null,
    metric   text    not null,
    market   text    not null,
    day      date    not null,
    provider text    not null,
    method   text    not null,
    queue    text    not null,
    category text    not null,
    priority text    not null,
    value    integer not null,
    n        bigint  not null,
    primary key (metric, market, day, provider, method, queue, category, priority, value)
);
create index insights_daily_value_slice_idx on insights_daily_value (family, market, day);

-- Targets per KPI and market (process managers).
create table insights_target (
    kpi        text        not null,
    market     varchar(2)  not null,
    target     numeric     not null,
    at_risk_margin numeric not null default 0,
    updated_by text        not null,
    updated_at timestamptz not null,
    last_status text,
    primary key (kpi, market)
);
