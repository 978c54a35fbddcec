-- Failed sign-ins per account (lower-cased username as typed, known or not) and per client address:
-- a progressive delay after repeated failures and a temporary lockout at the threshold.
create table platform_login_throttle (
    kind            text        not null check (kind in ('ACCOUNT', 'ADDRESS')),
    key             text        not null,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    locked_until    timestamptz,
    primary key (kind, key)
);
