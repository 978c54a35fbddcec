-- Settlement report lines and the merchant's own refund requests, for reconciliation.

create table payments_settlement_line (
    line_key               uuid        primary key,
    provider               text        not null,
    merchant_account       text        not null,
    batch                  text,
    line_number            integer     not null,
    psp_reference          text,
    merchant_reference     text,
    modification_reference text,
    payment_method         text,
    record_type            text        not null,
    booked_at              timestamptz,
    gross_currency         char(3),
    gross_debit_minor      bigint,
    gross_credit_minor     bigint,
    net_currency           char(3),
    net_debit_minor        bigint,
    net_credit_minor       bigint,
    fees_minor             bigint      not null default 0,
    source_file            text        not null
);
create index payments_settlement_line_mod_idx on payments_settlement_line (modification_reference);

create table payments_refund_request (
    refund_reference   text        primary key,
    merchant_reference text        not null,
    amount_minor       bigint      not null,
    currency           char(3)     not null,
    requested_at       timestamptz not null
);
create index payments_refund_request_order_idx on payments_refund_request (merchant_reference);

create table payments_import (
    id          uuid        primary key,
    kind        text        not null,
    file_name   text        not null,
    rows_read   integer     not null,
    rows_new    integer     not null,
    rows_bad    integer     not null,
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    actor       text        not null
);
