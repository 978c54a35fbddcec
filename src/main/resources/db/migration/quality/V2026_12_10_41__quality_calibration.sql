-- Quality: calibration sessions, in which several reviewers score the same cases blind (issue 15).
create table quality_calibration (
    id           uuid primary key,
    name         varchar(120) not null,
    market       varchar(8) not null,
    scorecard_id uuid not null references quality_scorecard (id),
    case_keys    jsonb not null,
    reviewers    jsonb not null,
    status       varchar(16) not null,
    created_by   varchar(120) not null,
    created_at   timestamptz not null
);

create table quality_calibration_rating (
    session_id   uuid not null references quality_calibration (id),
    reviewer     varchar(120) not null,
    case_key     varchar(40) not null,
    answers      jsonb not null,
    submitted_at timestamptz not null,
    primary key (session_id, reviewer, case_key)
);
