-- The default fund: each sizing (the fund in force is the latest), the contribution it requires of each member, and
-- the daily runs that found the fund in force below their Cover-2. Amounts in the fund's currency (USD), scale 2.
create table default_fund_sizing (
    sizing_id            bigserial      primary key,
    effective_date       date           not null,
    period_from          date           not null,
    period_to            date           not null,
    runs                 integer        not null,
    reason               varchar(16)    not null check (reason in ('PERIODIC', 'SHORTFALL', 'ON_DEMAND')),
    requested_by         varchar(100)   not null,
    currency             char(3)        not null,
    risk_measure         varchar(40)    not null,
    max_cover2           numeric(80, 2) not null,
    max_cover2_run_id    bigint         not null references stress_run (run_id),
    max_cover2_date      date           not null,
    buffer               numeric        not null,
    buffered             numeric        not null,
    minimum              numeric(80, 2) not null,
    minimum_applied      boolean        not null,
    minimum_contribution numeric(80, 2) not null,
    fund_size            numeric(80, 2) not null,
    sized_at             timestamptz    not null
);

-- Per member: its risk measure over the period (exact, only ratios matter), the minimum and its pro rata share.
create table default_fund_contribution (
    sizing_id bigint         not null references default_fund_sizing (sizing_id),
    member_id varchar(20)    not null,
    measure   numeric        not null,
    minimum   numeric(80, 2) not null,
    pro_rata  numeric(80, 2) not null,
    amount    numeric(80, 2) not null,
    primary key (sizing_id, member_id)
);

-- A daily stress run whose Cover-2 exceeded the fund in force, once per run; resize_sizing_id is the sizing it led to
-- (null while pending or when resizing on a shortfall is off), resize_refused why that resize could not be made.
create table default_fund_shortfall (
    run_id           bigint         primary key references stress_run (run_id),
    business_date    date           not null,
    sizing_id        bigint         not null references default_fund_sizing (sizing_id),
    currency         char(3)        not null,
    fund_size        numeric(80, 2) not null,
    cover2           numeric(80, 2) not null,
    shortfall        numeric(80, 2) not null,
    detected_at      timestamptz    not null,
    resize_sizing_id bigint         references default_fund_sizing (sizing_id),
    resize_refused   varchar(500)
);
create index default_fund_shortfall_pending on default_fund_shortfall (run_id)
    where resize_sizing_id is null and resize_refused is null;
