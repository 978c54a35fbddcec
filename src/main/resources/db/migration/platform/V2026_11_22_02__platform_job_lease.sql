-- Leases for scheduled jobs, so several Paydesk nodes on one PostgreSQL never run a job twice.
create table platform_job_lease (
    job          text        primary key,
    owner        text        not null,
    locked_until timestamptz not null,
    last_started timestamptz,
    last_ended   timestamptz
);
