-- Findings from one batch or incident share one case with the list of its findings; case creation
-- from findings is rate limited behind a breaker, and findings wait while it is open (issue 21, #15).
create table cases_finding_group (
    group_key text primary key,
    case_id   uuid    not null references cases_case (id),
    findings  integer not null default 0
);

create table cases_grouped_finding (
    finding_id   uuid primary key,
    case_id      uuid        not null references cases_case (id),
    type         text        not null,
    payment_ref  text,
    amount_minor bigint      not null,
    currency     char(3)     not null,
    summary      text        not null,
    added_at     timestamptz not null,
    resolved_at  timestamptz
);
create index cases_grouped_finding_case_idx on cases_grouped_finding (case_id, added_at, finding_id);

create table cases_waiting_finding (
    finding_id   uuid primary key,
    type         text        not null,
    market       text,
    provider     text,
    order_ref    text,
    payment_ref  text,
    customer_ref text,
    amount_minor bigint      not null,
    currency     char(3)     not null,
    summary      text        not null,
    group_key    text,
    received_at  timestamptz not null
);
create index cases_waiting_finding_order_idx on cases_waiting_finding (received_at, finding_id);
