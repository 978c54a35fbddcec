-- Business calendars: markets without a national holiday source, company-wide holiday sets that several markets
-- reference, and dated exceptions to the weekly opening hours. Closing times may be 24:00 (time '24:00:00').

alter table platform_market add column public_holidays boolean not null default true;

create table platform_holiday_set (
    name        text    primary key check (name ~ '^[A-Za-z0-9][A-Za-z0-9 _.-]{0,59}$'),
    description text    not null default '',
    version     integer not null default 0
);

create table platform_holiday_set_day (
    set_name text not null references platform_holiday_set (name) on delete cascade,
    day      date not null,
    name     text not null check (length(name) between 1 and 200),
    primary key (set_name, day)
);

create table platform_market_holiday_set (
    market_code varchar(2) not null references platform_market (code) on delete cascade,
    set_name    text       not null references platform_holiday_set (name),
    primary key (market_code, set_name)
);

create table platform_dated_hours (
    market_code varchar(2) not null references platform_market (code) on delete cascade,
    day         date       not null,
    note        text       not null default '',
    primary key (market_code, day)
);

create table platform_dated_hours_window (
    market_code varchar(2) not null,
    day         date       not null,
    opens       time       not null,
    closes      time       not null check (closes > opens),
    primary key (market_code, day, opens),
    foreign key (market_code, day) references platform_dated_hours (market_code, day) on delete cascade
);
