-- Workforce: queues, outsourcing suppliers, interval statistics per queue x supplier, planned downtimes.

create table workforce_queue (
    code             varchar(64) primary key,
    name             varchar(200) not null,
    channel          varchar(16)  not null check (channel in ('PHONE', 'CHAT', 'EMAIL', 'MESSAGING')),
    skill            varchar(64)  not null,
    market           varchar(2)   not null,
    language         varchar(8)   not null,
    interval_minutes int          not null check (interval_minutes in (15, 30)),
    aht_seconds      int          not null check (aht_seconds > 0),
    patience_seconds int          not null check (patience_seconds > 0),
    sl_target        numeric(5, 4) not null check (sl_target >= 0 and sl_target < 1),
    sl_seconds       int          not null check (sl_seconds >= 0),
    created_at       timestamptz  not null,
    version          bigint       not null default 0
);

create table workforce_supplier (
    code                  varchar(64) primary key,
    name                  varchar(200) not null,
    skills                varchar(64)[] not null default '{}',
    cost_per_hour_minor   bigint      not null check (cost_per_hour_minor >= 0),
    currency              char(3)     not null,
    qa_score              numeric(5, 2) not null check (qa_score between 0 and 100),
    fcr                   numeric(5, 4) not null check (fcr between 0 and 1),
    min_agents            int         not null default 0 check (min_agents >= 0),
    max_agents            int         not null check (max_agents >= min_agents),
    created_at            timestamptz not null,
    version               bigint      not null default 0
);

-- one row per queue x supplier x interval; re-sending an interval replaces it (live intervals during the day)
create table workforce_interval_stat (
    queue_code             varchar(64) not null references workforce_queue (code),
    supplier_code          varchar(64) not null references workforce_supplier (code),
    interval_start         timestamptz not null,
    offered                int not null check (offered >= 0),
    answered               int not null check (answered >= 0),
    abandoned              int not null check (abandoned >= 0),
    answered_within_target int not null check (answered_within_target >= 0 and answered_within_target <= answered),
    handle_time_s          bigint not null check (handle_time_s >= 0),
    wait_time_s            bigint not null default 0 check (wait_time_s >= 0),
    agents_staffed         numeric(7, 2),
    updated_at             timestamptz not null,
    primary key (queue_code, interval_start, supplier_code)
);

create table workforce_downtime (
    id             uuid primary key,
    queue_code     varchar(64) references workforce_queue (code),
    title          varchar(200) not null,
    starts_at      timestamptz not null,
    ends_at        timestamptz not null check (ends_at > starts_at),
    volume_uplift  numeric(6, 4) not null default 0,
    aht_change     numeric(6, 4) not null default 0,
    created_at     timestamptz not null
);
create index workforce_downtime_time on workforce_downtime (starts_at, ends_at);
