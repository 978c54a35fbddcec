-- Insights: supplier and workforce KPIs (issue 14). Interval facts copied from workforce's API (one row per
-- queue x supplier x interval, replaced when workforce re-sends an interval), a day rollup per market x queue x
-- supplier (local day of the queue's market), and the day-ahead forecast accuracy per queue and day.

create table insights_interval_fact (
    queue            varchar(64) not null,
    supplier         varchar(64) not null,
    interval_start   timestamptz not null,
    market           varchar(8)  not null,
    day              date        not null,
    interval_minutes int         not null,
    offered          int         not null,
    answered         int         not null,
    abandoned        int         not null,
    within_target    int         not null,
    handle_s         bigint      not null,
    wait_s           bigint      not null,
    agents_staffed   numeric(7, 2),
    primary key (queue, interval_start, supplier)
);
create index insights_interval_fact_day on insights_interval_fact (market, day);

create table insights_supplier_day (
    market            varchar(8)  not null,
    day               date        not null,
    queue             varchar(64) not null,
    supplier          varchar(64) not null,
    offered_intervals int    not null,  -- intervals with offered > 0
    answered_intervals int   not null,  -- intervals with answered > 0
    staffed_intervals int    not null,  -- intervals with agents_staffed > 0
    offered           bigint not null,
    answered          bigint not null,
    abandoned         bigint not null,
    within_target     bigint not null,
    handle_s          bigint not null,
    wait_s            bigint not null,
    staffed_agent_s   numeric(18, 2) not null,  -- sum of agents_staffed x interval seconds (staffed intervals: agents_staffed > 0)
    staffed_handle_s  bigint not null,          -- handle time in the staffed intervals
    staffed_answered  bigint not null,          -- answered contacts in the staffed intervals
    primary key (market, day, queue, supplier)
);
create index insights_supplier_day_day on insights_supplier_day (day);

create table insights_queue_accuracy (
    queue     varchar(64) not null,
    market    varchar(8)  not null,
    day       date        not null,
    actual    double precision not null,
    forecast  double precision not null,
    abs_error double precision not null,  -- sum over the day's intervals of |forecast - actual|
    primary key (queue, day)
);
create index insights_queue_accuracy_day on insights_queue_accuracy (market, day);
