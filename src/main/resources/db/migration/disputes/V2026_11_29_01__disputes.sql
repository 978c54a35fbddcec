-- Dispute desk: one row per provider dispute, an append-only history, processed provider event keys.

create table disputes_dispute (
    id                  uuid primary key,
    provider            varchar(16)  not null,
    merchant_account    varchar(120) not null,
    provider_dispute_id varchar(200) not null,
    network             varchar(16)  not null,
    market              varchar(8),
    stage               varchar(20)  not null,
    status              varchar(20)  not null,
    reason_code         varchar(120),
    reason_category     varchar(30)  not null,
    amount_minor        bigint       not null,
    currency            char(3)      not null,
    fee_minor           bigint       not null default 0,
    payment_reference   varchar(200),
    order_reference     varchar(200),
    customer_reference  varchar(200),
    due_at              timestamptz,
    due_estimated       boolean      not null default false,
    respond_by          timestamptz,
    opened_at           timestamptz  not null,
    last_signal_at      timestamptz  not null,
    closed_at           timestamptz,
    updated_at          timestamptz  not null,
    version             integer      not null,
    constraint disputes_dispute_provider_key unique (provider, merchant_account, provider_dispute_id)
);
create index disputes_dispute_open_idx on disputes_dispute (respond_by) where closed_at is null;
create index disputes_dispute_payment_idx on disputes_dispute (payment_reference);
create index disputes_dispute_order_idx on disputes_dispute (order_reference);
create index disputes_dispute_account_idx on disputes_dispute (merchant_account, opened_at);

-- A provider notification is applied once: a redelivery hits this key and changes nothing.
create table disputes_processed_event (
    provider     varchar(16)  not null,
    event_key    varchar(300) not null,
    dispute_id   uuid         not null references disputes_dispute (id),
    processed_at timestamptz  not null,
    primary key (provider, event_key)
);

create table disputes_history (
    id          bigserial primary key,
    dispute_id  uuid         not null references disputes_dispute (id),
    at          timestamptz  not null,
    kind        varchar(30)  not null,
    stage       varchar(20)  not null,
    status      varchar(20)  not null,
    detail      text         not null,
    actor       varchar(120) not null,
    event_key   varchar(300)
);
create index disputes_history_dispute_idx on disputes_history (dispute_id, id);

create function disputes_history_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'disputes_history is append-only';
end $$;
create trigger disputes_history_no_change before update or delete on disputes_history
    for each row execute function disputes_history_append_only();
