-- Quality: stored samples of resolved cases and their review assignments (issue 15).
create table quality_sample (
    id          uuid primary key,
    market      varchar(8) not null,
    period_from date not null,
    period_to   date not null,
    seed        bigint not null,
    created_at  timestamptz not null,
    created_by  varchar(120) not null,
    unique (market, period_from, period_to)
);

create table quality_assignment (
    id        uuid primary key,
    sample_id uuid not null references quality_sample (id),
    case_key  varchar(40) not null,
    market    varchar(8) not null,
    agent     varchar(120) not null,
    reviewer  varchar(120),
    reason    varchar(200) not null,
    due_on    date not null,
    review_id uuid references quality_review (id),
    unique (sample_id, case_key)
);
create index quality_assignment_reviewer on quality_assignment (reviewer, due_on);
create index quality_assignment_case on quality_assignment (case_key) where review_id is null;
