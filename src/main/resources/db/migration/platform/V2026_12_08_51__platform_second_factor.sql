-- Second factor (issue 22): a TOTP authenticator per user (RFC 6238), its one-time recovery codes
-- (stored as SHA-256 hashes of random codes), and administrators' requests to reset someone's
-- factor, which a second administrator must approve (four eyes).
create table platform_totp (
    user_id        uuid        primary key references platform_user (id) on delete cascade,
    secret         bytea       not null,
    confirmed      boolean     not null default false,
    created_at     timestamptz not null,
    -- the newest 30-second time step a code was accepted for: a code of that step or an earlier one
    -- is refused, so a code seen over someone's shoulder cannot be used again within its window
    last_used_step bigint      not null default 0
);

create table platform_recovery_code (
    user_id   uuid        not null references platform_user (id) on delete cascade,
    code_hash char(64)    not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);

create table platform_factor_reset (
    id           uuid        primary key,
    user_id      uuid        not null references platform_user (id) on delete cascade,
    requested_by uuid        not null references platform_user (id) on delete cascade,
    requested_at timestamptz not null,
    approved_by  uuid        references platform_user (id) on delete set null,
    approved_at  timestamptz
);
create unique index platform_factor_reset_open_uq on platform_factor_reset (user_id) where approved_at is null;
