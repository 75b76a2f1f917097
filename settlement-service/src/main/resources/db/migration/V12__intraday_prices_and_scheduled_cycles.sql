-- Intraday prices the back office publishes for the scheduled settlement cycles of a date (the latest per instrument
-- is the one a cycle uses), and each scheduled cycle attempted, once per date, family and due time: whatever the
-- number of replicas, the primary key lets one of them run it.
create table intraday_price (
    business_date date            not null,
    instrument_id varchar(64)     not null,
    price         numeric(30, 10) not null,
    published_by  varchar(128)    not null,
    published_at  timestamptz     not null,
    primary key (business_date, instrument_id)
);

create table scheduled_cycle (
    business_date date          not null,
    family        varchar(12)   not null,
    due_at        timestamptz   not null,
    outcome       varchar(10)   not null check (outcome in ('RUN', 'REFUSED')),
    cycle_id      varchar(60),
    detail        varchar(2000),
    attempted_at  timestamptz   not null,
    primary key (business_date, family, due_at)
);
