-- Privacy (issue 22): retention periods per kind of personal data, legal holds and data-subject
-- erasure requests with four-eyes approval.

create table privacy_retention (
    kind       text primary key check (kind in ('CASE_MESSAGES', 'CUSTOMER_CONTACT', 'WEBHOOK_PAYLOADS',
                                                'QUARANTINE', 'TRAINING_TEXTS', 'AUDIT_VALUES')),
    days       integer check (days between 1 and 36500), -- null: kept until erased
    updated_by text,
    updated_at timestamptz
);
insert into privacy_retention (kind) values ('CASE_MESSAGES'), ('CUSTOMER_CONTACT'), ('WEBHOOK_PAYLOADS'),
    ('QUARANTINE'), ('TRAINING_TEXTS'), ('AUDIT_VALUES');

-- A retention duty or other reason that forbids erasing a customer's data (open disputes come from
-- the disputes module). The subject is a customer reference or an e-mail address (lower case).
create table privacy_legal_hold (
    id          uuid primary key,
    subject     text        not null,
    reason      text        not null check (length(reason) between 1 and 500),
    until_date  date,
    created_by  text        not null,
    created_at  timestamptz not null,
    released_by text,
    released_at timestamptz
);
create index privacy_legal_hold_subject_idx on privacy_legal_hold (subject) where released_at is null;

-- Erasure of a data subject: requested by one person, carried out when a second approves. Once done
-- the subject is replaced by the pseudonym; the row records that the erasure happened and what it did.
create table privacy_erasure_request (
    id           uuid primary key,
    subject      text,
    pseudonym    text        not null,
    reason       text        not null,
    status       text        not null check (status in ('PENDING', 'DONE', 'REJECTED', 'REFUSED')),
    requested_by text        not null,
    requested_at timestamptz not null,
    decided_by   text,
    decided_at   timestamptz,
    result       text,
    check (decided_by is null or decided_by <> requested_by)
);
create index privacy_erasure_request_pending_idx on privacy_erasure_request (requested_at) where status = 'PENDING';
