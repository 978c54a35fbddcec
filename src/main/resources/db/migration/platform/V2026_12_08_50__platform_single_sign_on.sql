-- Single sign-on (OpenID Connect, issue 22). Which identity-provider groups or claims grant which Paydesk
-- roles and markets: the rules only an all-markets administrator may change. A sign-in through an
-- identity provider is linked to one Paydesk user by (provider, subject); users created just in time
-- sign in only through their provider (password_login false).
create table platform_sso_rule (
    id          uuid        primary key,
    position    integer     not null,
    provider    text        not null check (provider <> ''),   -- a registration id, or '*' for every provider
    claim       text        not null check (claim <> ''),      -- e.g. groups
    claim_value text        not null check (claim_value <> ''),
    roles       text[]      not null,
    markets     text[]      not null,
    all_markets boolean     not null default false
);

create table platform_user_identity (
    provider      text        not null,
    subject       text        not null,
    user_id       uuid        not null references platform_user (id) on delete cascade,
    issuer        text        not null,
    linked_at     timestamptz not null,
    last_login_at timestamptz not null,
    primary key (provider, subject)
);
create index platform_user_identity_user_ix on platform_user_identity (user_id);

alter table platform_user add column password_login boolean not null default true;
