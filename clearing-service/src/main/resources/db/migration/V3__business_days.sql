-- Clearing business days: trades are accepted only into an open one. Once closed (end of day has run), a day stays
-- closed.

create table business_day (
    business_date date        primary key,
    status        varchar(10) not null check (status in ('OPEN', 'CLOSED')),
    opened_at     timestamptz not null,
    closed_at     timestamptz,
    check ((status = 'CLOSED') = (closed_at is not null))
);
