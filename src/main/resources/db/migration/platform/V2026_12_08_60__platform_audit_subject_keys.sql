-- Crypto-shredding of personal values in the audit log (issue 22). Personal values in an entry's
-- before/after states are stored encrypted (AES-256-GCM) under a key of their data subject and month;
-- the chain hashes the ciphertext, so destroying a key (erasure, retention) never breaks verification.
-- The subject is stored only as a keyed digest (HMAC under a key derived from the audit key, which the
-- database never holds); data keys are stored wrapped under another key derived from it.
create table platform_audit_subject_key (
    id             uuid        primary key,
    subject_digest char(64)    not null,
    period         char(7)     not null, -- YYYY-MM of the entries it protects (audit value retention)
    wrapped_key    bytea       not null,
    created_at     timestamptz not null,
    unique (subject_digest, period)
);
create index platform_audit_subject_key_period_idx on platform_audit_subject_key (period);

-- The once-only re-anchoring that encrypted the personal values of entries written before this change:
-- the verified old chain head it started from and the head it produced.
create table platform_audit_reanchoring (
    id                bigserial   primary key,
    at                timestamptz not null,
    verified_entries  bigint      not null,
    old_head_seq      bigint      not null,
    old_head_hash     char(64)    not null,
    rewritten_entries bigint      not null,
    new_head_hash     char(64)    not null,
    archived_checkpoints text
);
-- From this entry on every entry was written with personal values encrypted; null until re-anchored.
alter table platform_audit_head add column encrypted_from bigint;
-- A database whose log is still empty (a new installation) has nothing to re-anchor: every entry will be
-- written encrypted, and the application role of a least-privilege deployment never needs to rewrite it.
update platform_audit_head set encrypted_from = 1 where id = 1 and last_seq = 0;
