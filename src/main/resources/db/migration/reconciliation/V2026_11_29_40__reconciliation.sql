-- Reconciliation: findings (one per anomaly, however often runs find it), runs, batch reports and
-- the orders waiting for an incremental run.

create table reconciliation_finding (
    id               uuid        primary key,
    anomaly_key      text        not null unique,
    type             text        not null,
    scope            text        not null,
    status           text        not null,
    market           varchar(2),
    provider         text,
    method           text,
    order_ref        text,
    payment_ref      text,
    customer_ref     text,
    amount_minor     bigint      not null,
    currency         char(3)     not null,
    summary          text        not null,
    evidence         text[]      not null,
    suggested_action text        not null,
    assignee         text,
    acknowledged_by  text,
    acknowledged_at  timestamptz,
    first_seen_at    timestamptz not null,
    last_seen_at     timestamptz not null,
    resolved_at      timestamptz,
    resolution       text,
    last_run         uuid,
    version          bigint      not null default 0
);
create index reconciliation_finding_open_idx on reconciliation_finding (type, market) where resolved_at is null;
create index reconciliation_finding_scope_idx on reconciliation_finding (scope) where resolved_at is null;
create index reconciliation_finding_order_idx on reconciliation_finding (order_ref);

create table reconciliation_run (
    id          uuid        primary key,
    kind        text        not null,
    range_from  timestamptz,
    range_to    timestamptz,
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    orders      integer     not null,
    lines       integer     not null,
    matched     integer     not null,
    anomalies   integer     not null,
    opened      integer     not null,
    reopened    integer     not null,
    resolved    integer     not null,
    actor       text        not null
);

create table reconciliation_batch (
    provider       text        not null,
    batch          text        not null,
    currency       char(3)     not null,
    lines          integer     not null,
    matched        integer     not null,
    unmatched      integer     not null,
    gross_minor    bigint      not null,
    net_minor      bigint      not null,
    fees_minor     bigint      not null,
    difference_minor bigint    not null,
    payout_minor   bigint      not null,
    reconciled     boolean     not null,
    last_run       uuid        not null,
    reported_at    timestamptz not null,
    primary key (provider, batch)
);

create table reconciliation_pending (
    merchant_reference text        primary key,
    queued_at          timestamptz not null
);
