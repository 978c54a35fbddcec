-- Evidence the merchant adds to a dispute (shipping, notes, customer messages, files) and each submission.

create table disputes_evidence (
    id              uuid primary key,
    dispute_id      uuid         not null references disputes_dispute (id),
    item            varchar(40)  not null,
    text            text,
    carrier         varchar(100),
    tracking_number varchar(100),
    shipped_on      date,
    delivered_on    date,
    file_name       varchar(200),
    content_type    varchar(100),
    content         bytea,
    created_by      varchar(120) not null,
    created_at      timestamptz  not null
);
create index disputes_evidence_dispute_idx on disputes_evidence (dispute_id, created_at);

create table disputes_submission (
    id                uuid primary key,
    dispute_id        uuid         not null references disputes_dispute (id),
    adapter           varchar(40)  not null,
    accepted          boolean      not null,
    provider_response text,
    completeness      double precision not null,
    submitted_by      varchar(120) not null,
    submitted_at      timestamptz  not null
);
create index disputes_submission_dispute_idx on disputes_submission (dispute_id, submitted_at);

-- Captured payments per merchant account and month (from PaymentRecorded), the denominator of ratio monitoring.
create table disputes_monthly_volume (
    merchant_account varchar(120) not null,
    month            date         not null,
    captures         bigint       not null default 0,
    primary key (merchant_account, month)
);
