-- Payment-method bindings: a card, PayPal or Klarna token added to, updated for, failed for or
-- removed from a customer (pseudonymous reference), as the PSPs report it. Append-only; the current
-- state of a token is its latest change. Never a card number: brand, BIN (first 6), last 4, expiry.
create table payments_method_binding (
    id                 uuid        primary key,
    provider           text        not null,
    merchant_account   text        not null,
    market             varchar(2),
    event_key          text        not null,
    token              text        not null,
    customer_reference text,
    action             text        not null,
    method             text,
    card_brand         text,
    card_bin           varchar(6),
    card_last4         varchar(4),
    exp_month          smallint,
    exp_year           smallint,
    reason             text,
    occurred_at        timestamptz not null,
    recorded_at        timestamptz not null default now(),
    unique (provider, event_key, token)
);
create index payments_method_binding_customer_idx on payments_method_binding (customer_reference, occurred_at);
create index payments_method_binding_token_idx on payments_method_binding (provider, token);
