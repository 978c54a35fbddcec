-- Case desk: queues and agents, routing rules, SLA policies, cases with links, one timeline per case,
-- clocks (a snapshot recomputed from the timeline), money actions under four-eyes, CSAT, macros,
-- SOPs, saved views and outbound webhooks.

create sequence cases_case_number start with 100001;

create table cases_queue (
    code          text primary key check (code ~ '^[a-z0-9][a-z0-9-]*$'),
    name          text    not null,
    strategy      text    not null default 'LEAST_LOADED' check (strategy in ('MANUAL', 'ROUND_ROBIN', 'LEAST_LOADED')),
    peer_function text    check (peer_function in ('TECH', 'RISK', 'FINANCE', 'PRODUCT')),
    ola_minutes   integer check (ola_minutes > 0),
    rr_cursor     bigint  not null default 0
);

create table cases_agent (
    username  text primary key,
    capacity  integer not null default 20 check (capacity >= 0),
    languages text[]  not null default '{}',
    providers text[]  not null default '{}',
    active    boolean not null default true
);

create table cases_queue_member (
    queue_code text not null references cases_queue (code) on delete cascade,
    username   text not null references cases_agent (username) on delete cascade,
    primary key (queue_code, username)
);

-- First matching rule (lowest position) decides the queue; null columns match anything.
create table cases_routing_rule (
    id         bigserial primary key,
    position   integer not null,
    category   text,
    market     varchar(2),
    language   text,
    provider   text,
    min_amount_minor bigint,
    currency   char(3),
    queue_code text    not null references cases_queue (code),
    priority   text    check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT'))
);

-- SLA targets in business minutes; the most specific policy (category x market x priority) applies.
create table cases_sla_policy (
    id                      bigserial primary key,
    name                    text    not null,
    category                text,
    market                  varchar(2),
    priority                text check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    first_response_minutes  integer check (first_response_minutes > 0),
    next_response_minutes   integer check (next_response_minutes > 0),
    resolution_minutes      integer check (resolution_minutes > 0),
    warn_before_minutes     integer not null default 60 check (warn_before_minutes >= 0),
    pause_reasons           text[]  not null default '{CUSTOMER,PROVIDER}',
    version                 integer not null default 0
);
create unique index cases_sla_policy_scope_uq
    on cases_sla_policy (coalesce(category, '*'), coalesce(market, '*'), coalesce(priority, '*'));

create table cases_case (
    id              uuid primary key,
    number          bigint      not null unique default nextval('cases_case_number'),
    subject         text        not null,
    description     text        not null default '',
    category        text,
    market          varchar(2)  not null,
    language        text        not null default 'en',
    priority        text        not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    status          text        not null check (status in ('NEW', 'OPEN', 'WAITING', 'RESOLVED', 'CLOSED')),
    waiting_reason  text        check (waiting_reason in ('CUSTOMER', 'PROVIDER', 'INTERNAL')),
    queue_code      text        references cases_queue (code),
    assignee        text,
    tags            text[]      not null default '{}',
    source          text        not null check (source in ('API', 'CSV', 'EMAIL', 'UI', 'FINDING', 'DISPUTE', 'ESCALATION')),
    customer_ref    text,
    customer_email  text,
    provider        text,
    amount_minor    bigint,
    currency        char(3),
    parent_id       uuid references cases_case (id),
    merged_into     uuid references cases_case (id),
    exceptional     boolean     not null default false,
    external_due_at timestamptz,
    external_due_label text,
    next_due_at     timestamptz,
    breached        boolean     not null default false,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    resolved_at     timestamptz,
    version         integer     not null default 0,
    -- full-text document: subject and customer (A), description (B), every message and note (C);
    -- kept by the case desk as text arrives, so one GIN index answers search over cases and messages
    search          tsvector    not null default ''::tsvector
);
-- queue views read these in their sort order (next due first, then key) and stop after a page
create index cases_case_assignee_idx on cases_case (assignee, next_due_at, number) where status not in ('RESOLVED', 'CLOSED');
create index cases_case_queue_idx on cases_case (queue_code, next_due_at, number) where status not in ('RESOLVED', 'CLOSED');
create index cases_case_unassigned_idx on cases_case (next_due_at, number) where assignee is null and status not in ('RESOLVED', 'CLOSED');
create index cases_case_due_idx on cases_case (next_due_at, number) where status not in ('RESOLVED', 'CLOSED');
create index cases_case_waiting_idx on cases_case (updated_at, number) where status = 'WAITING';
create index cases_case_updated_idx on cases_case (updated_at, number);
create index cases_case_search_idx on cases_case using gin (search);
create index cases_case_customer_idx on cases_case (customer_ref);
create index cases_case_parent_idx on cases_case (parent_id) where parent_id is not null;

-- First-class links to other modules' records, by their reference.
create table cases_link (
    case_id uuid not null references cases_case (id) on delete cascade,
    kind    text not null check (kind in ('ORDER', 'PAYMENT', 'REFUND', 'DISPUTE', 'FINDING', 'CASE', 'INCIDENT')),
    ref     text not null,
    primary key (case_id, kind, ref)
);
create index cases_link_ref_idx on cases_link (kind, ref);

-- The case history: append-only. Clocks are recomputed from it.
create table cases_entry (
    id          bigserial primary key,
    case_id     uuid        not null references cases_case (id),
    kind        text        not null,
    at          timestamptz not null,
    author      text        not null,
    body        text,
    data        jsonb,
    message_id  text
);
create index cases_entry_case_idx on cases_entry (case_id, at, id);
create unique index cases_entry_message_uq on cases_entry (message_id) where message_id is not null;

create table cases_attachment (
    id           uuid primary key,
    case_id      uuid        not null references cases_case (id),
    entry_id     bigint      references cases_entry (id),
    filename     text        not null,
    content_type text        not null,
    size_bytes   integer     not null,
    content      bytea       not null,
    created_at   timestamptz not null
);
create index cases_attachment_case_idx on cases_attachment (case_id);

-- Intake idempotency: one case per (source, key).
create table cases_intake_key (
    source  text not null,
    key     text not null,
    case_id uuid not null references cases_case (id),
    primary key (source, key)
);

-- Snapshot of each clock as last computed from the history (for queue views and breach events).
create table cases_clock (
    case_id      uuid        not null references cases_case (id) on delete cascade,
    kind         text        not null check (kind in ('FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION', 'EXTERNAL', 'OLA')),
    state        text        not null check (state in ('RUNNING', 'PAUSED', 'MET', 'BREACHED')),
    due_at       timestamptz,
    remaining_minutes bigint,
    warned_at    timestamptz,
    breached_at  timestamptz,
    policy_id    bigint,
    primary key (case_id, kind)
);
create index cases_clock_due_idx on cases_clock (due_at) where state = 'RUNNING';

create table cases_money_action (
    id            uuid primary key,
    case_id       uuid        not null references cases_case (id),
    type          text        not null check (type in ('REFUND', 'RE_REFUND', 'GOODWILL', 'WRITE_OFF')),
    amount_minor  bigint      not null check (amount_minor > 0),
    currency      char(3)     not null,
    payment_ref   text,
    target_method text,
    reason        text        not null,
    market        varchar(2)  not null,
    status        text        not null check (status in ('PENDING_APPROVAL', 'APPROVED', 'REJECTED')),
    requested_by  text        not null,
    requested_at  timestamptz not null,
    needs_approval boolean    not null,
    approval_note text,
    decided_by    text,
    decided_at    timestamptz,
    decision_note text,
    version       integer     not null default 0,
    check (decided_by is null or decided_by <> requested_by)
);
create index cases_money_action_pending_idx on cases_money_action (market, requested_at) where status = 'PENDING_APPROVAL';

create table cases_csat (
    case_id     uuid primary key references cases_case (id),
    nonce       text        not null,
    sent_at     timestamptz not null,
    expires_at  timestamptz not null,
    rating      smallint    check (rating between 1 and 5),
    comment     text,
    answered_at timestamptz
);

create table cases_macro (
    code     text not null,
    language text not null,
    title    text not null,
    body     text not null,
    primary key (code, language)
);

create table cases_sop (
    id       bigserial primary key,
    category text    not null,
    market   varchar(2),
    version  integer not null,
    title    text    not null,
    steps    text[]  not null,
    created_at timestamptz not null,
    unique (category, market, version)
);

create table cases_sop_check (
    case_id  uuid    not null references cases_case (id),
    sop_id   bigint  not null references cases_sop (id),
    step     integer not null,
    done_by  text    not null,
    done_at  timestamptz not null,
    primary key (case_id, sop_id, step)
);

create table cases_saved_view (
    id       bigserial primary key,
    username text not null,
    name     text not null,
    query    text not null,
    unique (username, name)
);

create table cases_webhook (
    id       uuid primary key,
    url      text    not null,
    secret   text    not null,
    events   text[]  not null,
    active   boolean not null default true,
    created_at timestamptz not null
);

create table cases_webhook_delivery (
    id          bigserial primary key,
    webhook_id  uuid        not null references cases_webhook (id) on delete cascade,
    event_type  text        not null,
    payload     text        not null,
    attempts    integer     not null default 0,
    next_attempt_at timestamptz not null,
    status      text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    last_status integer,
    last_error  text,
    created_at  timestamptz not null,
    delivered_at timestamptz
);
create index cases_webhook_delivery_due_idx on cases_webhook_delivery (next_attempt_at) where status = 'PENDING';

-- Starting configuration every installation gets; process managers edit it.
insert into cases_queue (code, name, strategy) values
    ('triage', 'Triage', 'MANUAL'),
    ('payments', 'Payment problems', 'LEAST_LOADED'),
    ('refunds', 'Refunds', 'LEAST_LOADED'),
    ('disputes', 'Disputes', 'ROUND_ROBIN'),
    ('reconciliation', 'Reconciliation findings', 'LEAST_LOADED');
insert into cases_queue (code, name, strategy, peer_function, ola_minutes) values
    ('tech', 'Tech escalations', 'MANUAL', 'TECH', 960),
    ('risk', 'Risk escalations', 'MANUAL', 'RISK', 480),
    ('finance', 'Finance escalations', 'MANUAL', 'FINANCE', 960),
    ('product', 'Product escalations', 'MANUAL', 'PRODUCT', 2400);
insert into cases_sla_policy (name, first_response_minutes, next_response_minutes, resolution_minutes, warn_before_minutes)
    values ('Default', 480, 960, 2400, 60);
insert into cases_sla_policy (name, priority, first_response_minutes, next_response_minutes, resolution_minutes, warn_before_minutes)
    values ('Urgent', 'URGENT', 60, 120, 480, 30),
           ('High', 'HIGH', 240, 480, 1440, 60);

-- In-app notifications (clock warnings and breaches, approvals waiting).
create table cases_notification (
    id         bigserial primary key,
    username   text        not null,
    case_id    uuid        references cases_case (id),
    kind       text        not null,
    text       text        not null,
    created_at timestamptz not null,
    read_at    timestamptz
);
create index cases_notification_user_idx on cases_notification (username, created_at desc) where read_at is null;

-- Installation secrets (the CSAT link signing key when none is configured).
create table cases_setting (
    key   text primary key,
    value text not null
);
