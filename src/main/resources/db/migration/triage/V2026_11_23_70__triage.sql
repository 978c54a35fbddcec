-- Triage: taxonomy, classifier versions, labelled texts and corrections, triage queue,
-- repeat contacts, hourly counts and incidents.

create table triage_categories (
    code          varchar(64) primary key,
    parent_code   varchar(64) references triage_categories (code),
    names         jsonb not null default '{}'::jsonb,
    description   text,
    default_queue varchar(100),
    sop_ref       varchar(300),
    active        boolean not null default true,
    version       integer not null default 0,
    updated_at    timestamptz not null
);

create table triage_models (
    id            bigserial primary key,
    created_at    timestamptz not null,
    created_by    varchar(100) not null,
    source        varchar(200) not null,
    train_size    integer not null,
    embedder      varchar(100),
    accuracy      double precision not null,
    macro_f1      double precision not null,
    baseline_macro_f1 double precision,
    evaluation    jsonb not null,
    model         bytea not null,
    active        boolean not null default false,
    activated_at  timestamptz,
    activated_by  varchar(100),
    forced        boolean not null default false
);
create unique index triage_models_one_active on triage_models (active) where active;

-- Texts with their confirmed category: the training set "from the database".
create table triage_labelled_texts (
    item_ref      varchar(100) primary key,
    text          text not null,
    language      varchar(8),
    category      varchar(64) not null,
    source        varchar(20) not null,
    updated_at    timestamptz not null
);

create table triage_corrections (
    id            bigserial primary key,
    item_ref      varchar(100) not null,
    predicted     varchar(64),
    corrected     varchar(64) not null,
    corrected_by  varchar(100) not null,
    corrected_at  timestamptz not null,
    used_by_model bigint references triage_models (id)
);
create index triage_corrections_item on triage_corrections (item_ref);

create table triage_queue (
    item_ref      varchar(100) primary key,
    market        varchar(8),
    confidence    double precision not null,
    suggestions   jsonb not null,
    model_id      bigint references triage_models (id),
    queued_at     timestamptz not null,
    resolved_at   timestamptz,
    resolved_category varchar(64)
);
create index triage_queue_open on triage_queue (queued_at) where resolved_at is null;

create table triage_contacts (
    contact_ref   varchar(100) primary key,
    customer_ref  varchar(200),
    payment_ref   varchar(200),
    contacted_at  timestamptz not null,
    repeat_of     varchar(100)
);
create index triage_contacts_customer on triage_contacts (customer_ref, contacted_at);
create index triage_contacts_payment on triage_contacts (payment_ref, contacted_at);

create table triage_hourly_counts (
    hour          timestamptz not null,
    category      varchar(64) not null,
    provider      varchar(64) not null,
    market        varchar(8) not null,
    method        varchar(64) not null,
    contacts      integer not null,
    primary key (hour, category, provider, market, method)
);

-- One row per categorised contact, so an incident can gather its cases.
create table triage_observations (
    item_ref      varchar(100) primary key,
    hour          timestamptz not null,
    category      varchar(64) not null,
    provider      varchar(64) not null,
    market        varchar(8) not null,
    method        varchar(64) not null
);
create index triage_observations_cell on triage_observations (hour, category, provider, market, method);

create table triage_incidents (
    id            bigserial primary key,
    hour          timestamptz not null,
    category      varchar(64) not null,
    provider      varchar(64) not null,
    market        varchar(8) not null,
    method        varchar(64) not null,
    observed      integer not null,
    expected      double precision not null,
    p_value       double precision not null,
    status        varchar(20) not null,
    opened_at     timestamptz not null,
    closed_at     timestamptz,
    unique (hour, category, provider, market, method)
);

create table triage_incident_items (
    incident_id   bigint not null references triage_incidents (id),
    item_ref      varchar(100) not null,
    primary key (incident_id, item_ref)
);
