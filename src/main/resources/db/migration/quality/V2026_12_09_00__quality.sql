-- Quality: versioned scorecards and reviews of resolved cases (issue 15).
create table quality_scorecard (
    id             uuid primary key,
    name           varchar(120) not null,
    version        int not null,
    category_group varchar(120),
    market         varchar(8),
    status         varchar(16) not null,
    criteria       jsonb not null,
    created_at     timestamptz not null,
    created_by     varchar(120) not null,
    unique (name, version)
);
create unique index quality_scorecard_one_active on quality_scorecard (name) where status = 'ACTIVE';

create table quality_review (
    id                uuid primary key,
    case_id           uuid not null,
    case_key          varchar(40) not null,
    market            varchar(8) not null,
    category          varchar(120),
    scorecard_id      uuid not null references quality_scorecard (id),
    reviewer          varchar(120) not null,
    agent             varchar(120),
    status            varchar(16) not null,
    answers           jsonb not null,
    score_percent     numeric(5, 2) not null,
    earned            bigint not null,
    available         bigint not null,
    critical_failed   boolean not null,
    agent_comment     varchar(2000),
    decision_note     varchar(2000),
    submitted_at      timestamptz not null,
    updated_at        timestamptz not null,
    version           int not null default 0
);
create index quality_review_agent on quality_review (agent, submitted_at);
create index quality_review_case on quality_review (case_id);
