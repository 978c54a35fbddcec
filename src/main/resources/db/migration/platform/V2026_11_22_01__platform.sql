-- Platform: markets with business calendars, users with roles and market scopes, API tokens,
-- and the append-only, hash-chained audit log.

create table platform_market (
    code            varchar(2)  primary key check (code ~ '^[A-Z]{2}$'),
    name            text        not null,
    currency        char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    time_zone       text        not null,
    languages       text[]      not null,
    holiday_country varchar(2),
    version         integer     not null default 0,
    created_at      timestamptz not null default now()
);

create table platform_opening_hours (
    market_code varchar(2) not null references platform_market (code) on delete cascade,
    day_of_week smallint   not null check (day_of_week between 1 and 7),
    opens       time       not null,
    closes      time       not null check (closes > opens),
    primary key (market_code, day_of_week, opens)
);

-- Manual corrections to the holiday library: an extra closing day, or a library holiday worked.
create table platform_holiday_override (
    market_code varchar(2) not null references platform_market (code) on delete cascade,
    day         date       not null,
    name        text       not null,
    kind        text       not null check (kind in ('CLOSED', 'OPEN')),
    primary key (market_code, day)
);

create table platform_user (
    id                   uuid        primary key,
    username             text        not null,
    display_name         text        not null,
    email                text,
    password_hash        text        not null,
    roles                text[]      not null,
    markets              text[]      not null,
    all_markets          boolean     not null default false,
    enabled              boolean     not null default true,
    must_change_password boolean     not null default false,
    version              integer     not null default 0,
    created_at           timestamptz not null default now()
);
create unique index platform_user_username_uq on platform_user (lower(username));

create table platform_api_token (
    id           uuid        primary key,
    user_id      uuid        not null references platform_user (id) on delete cascade,
    name         text        not null,
    token_hash   bytea       not null unique,
    prefix       text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index platform_api_token_user_idx on platform_api_token (user_id);

create table platform_audit_log (
    seq          bigint      primary key,
    occurred_at  timestamptz not null,
    actor        text        not null,
    action       text        not null,
    entity_type  text        not null,
    entity_id    text        not null,
    market       varchar(2),
    before_state text,
    after_state  text,
    prev_hash    char(64)    not null,
    hash         char(64)    not null
);
create index platform_audit_log_entity_idx on platform_audit_log (entity_type, entity_id);
create index platform_audit_log_time_idx on platform_audit_log (occurred_at);

-- The chain's head: serialises writers and lets verification notice a deleted tail.
create table platform_audit_head (
    id        integer  primary key check (id = 1),
    last_seq  bigint   not null,
    last_hash char(64) not null
);
insert into platform_audit_head (id, last_seq, last_hash) values (1, 0, repeat('0', 64));

create function platform_audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'platform_audit_log is append-only';
end;
$$;

create trigger platform_audit_log_no_update before update or delete on platform_audit_log
    for each row execute function platform_audit_log_append_only();
create trigger platform_audit_log_no_truncate before truncate on platform_audit_log
    for each statement execute function platform_audit_log_append_only();
