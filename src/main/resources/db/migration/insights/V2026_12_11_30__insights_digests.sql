-- E-mail digests (issue 14): a user's subscriptions to a daily or weekly KPI digest of a set of markets,
-- and sent-markers so that a digest period or a target crossing is mailed at most once per user, even
-- after a restart, on a second node or when SMTP was down for a while (rows wait as 'pending').
create table insights_subscription (
    id            uuid        primary key,
    username      text        not null,
    frequency     text        not null check (frequency in ('DAILY', 'WEEKLY')),
    markets       text        not null, -- sorted market codes, comma-separated (the digest's identity)
    time_zone     text        not null,
    language      text        not null check (language in ('en', 'de')),
    send_hour     int         not null check (send_hour between 0 and 23),
    target_alerts boolean     not null default true,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       int         not null default 0,
    unique (username, frequency, markets)
);
create index insights_subscription_user_idx on insights_subscription (username);

-- One row per user, digest and period: the sent-marker. status: pending (due, not yet sent; retried),
-- sending (handed to SMTP, never retried), sent, no_address (user without e-mail: skipped),
-- out_of_scope (the user no longer sees any of the markets), failed (gave up after max attempts).
create table insights_digest_delivery (
    username      text        not null,
    frequency     text        not null,
    markets       text        not null,
    period_start  date        not null,
    period_end    date        not null, -- exclusive
    subscription  uuid,
    status        text        not null check (status in ('pending', 'sending', 'sent', 'no_address', 'out_of_scope', 'failed')),
    attempts      int         not null default 0,
    last_error    text,
    created_at    timestamptz not null,
    sent_at       timestamptz,
    primary key (username, frequency, markets, period_start)
);
create index insights_digest_delivery_open_idx on insights_digest_delivery (status) where status = 'pending';

-- One row per target crossing (insights_alert) and subscribed user: mailed at most once.
create table insights_alert_mail (
    alert_id    bigint      not null references insights_alert (id) on delete cascade,
    username    text        not null,
    status      text        not null check (status in ('pending', 'sending', 'sent', 'no_address', 'out_of_scope', 'failed')),
    attempts    int         not null default 0,
    last_error  text,
    created_at  timestamptz not null,
    sent_at     timestamptz,
    primary key (alert_id, username)
);
create index insights_alert_mail_open_idx on insights_alert_mail (status) where status = 'pending';
