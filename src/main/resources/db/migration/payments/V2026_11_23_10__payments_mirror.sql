-- Payments mirror: orders, normalised money movements, raw inbound events and a quarantine.

create table payments_order (
    merchant_reference text        primary key,
    market             varchar(2),
    customer_reference text,
    amount_due_minor   bigint,
    currency           char(3),
    expected_method    text,
    placeholder        boolean     not null default false,
    created_at         timestamptz not null default now()
);
create index payments_order_customer_idx on payments_order (customer_reference);

-- One row per money movement; the natural key (provider, kind, provider_reference) makes every
-- redelivery and every second event about the same movement (e.g. payment_intent.succeeded and
-- charge.succeeded) land on the same row.
create table payments_transaction (
    id                 uuid        primary key,
    provider           text        not null,
    merchant_account   text        not null,
    kind               text        not null,
    provider_reference text        not null,
    original_reference text,
    merchant_reference text,
    customer_reference text,
    status             text        not null,
    amount_minor       bigint      not null,
    currency           char(3)     not null,
    method             text,
    card_brand         text,
    card_bin           varchar(8),
    card_last4         varchar(4),
    occurred_at        timestamptz not null,
    booked_at          timestamptz,
    recorded_at        timestamptz not null default now(),
    unique (provider, kind, provider_reference)
);
create index payments_transaction_order_idx on payments_transaction (merchant_reference, occurred_at);
create index payments_transaction_ref_idx on payments_transaction (provider_reference);
create index payments_transaction_orig_idx on payments_transaction (original_reference);
create index payments_transaction_customer_idx on payments_transaction (customer_reference);
create index payments_transaction_last4_idx on payments_transaction (card_last4);
create index payments_transaction_time_idx on payments_transaction (occurred_at);

-- Every accepted inbound event, card data masked, unique per provider event key.
create table payments_inbound_event (
    id               uuid        primary key,
    provider         text        not null,
    merchant_account text        not null,
    event_key        text        not null,
    event_type       text        not null,
    outcome          text        not null,
    payload          text        not null,
    received_at      timestamptz not null,
    unique (provider, event_key)
);

-- Authentic but unusable input (malformed payloads, bad file rows), kept for a fix and replay.
create table payments_quarantine (
    id               uuid        primary key,
    source           text        not null,
    provider         text        not null,
    merchant_account text,
    line_number      integer,
    reason           text        not null,
    payload          text        not null,
    received_at      timestamptz not null,
    replayed_at      timestamptz
);
create index payments_quarantine_open_idx on payments_quarantine (received_at) where replayed_at is null;
