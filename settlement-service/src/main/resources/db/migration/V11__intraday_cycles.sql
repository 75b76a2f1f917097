-- Intraday settlement cycles: variation margin during the business day against the previous cycle's price (or the
-- previous end-of-day run's), at prices the risk team or back office give with the cycle. The end-of-day run of the
-- date continues from the last cycle of each instrument, so the day's cycles sum to what one run would have paid.
create table intraday_cycle (
    cycle_id      varchar(60)  primary key,
    business_date date         not null,
    sequence      integer      not null check (sequence > 0),
    -- the product families it settled, comma-separated; null: every instrument with positions
    families      varchar(400),
    run_by        varchar(128) not null,
    run_at        timestamptz  not null,
    accounts      integer      not null,
    postings      integer      not null,
    unique (business_date, sequence)
);

-- The price each instrument was settled at in the cycle: the next cycle's (or run's) previous price.
create table intraday_cycle_price (
    cycle_id      varchar(60)     not null references intraday_cycle,
    instrument_id varchar(64)     not null,
    price         numeric(30, 10) not null,
    primary key (cycle_id, instrument_id)
);

-- The day's legs the cycle settled (live when it ran): for the next cycle of the instrument they are part of the
-- position; one busted or given up since is reversed at the cycle's price.
create table intraday_cycle_leg (
    cycle_id      varchar(60) not null references intraday_cycle,
    instrument_id varchar(64) not null,
    leg_id        bigint      not null,
    primary key (cycle_id, instrument_id, leg_id)
);

create table intraday_cycle_total (
    cycle_id varchar(60)    not null references intraday_cycle,
    currency varchar(3)     not null,
    paid     numeric(30, 2) not null,
    received numeric(30, 2) not null,
    net      numeric(30, 2) not null check (net = 0),
    accounts integer        not null,
    primary key (cycle_id, currency)
);

-- One posting per account and currency; its lines (per instrument: start-of-cycle position, trades, prices, amount)
-- as JSON for the statements.
create table intraday_cycle_posting (
    posting_id varchar(200)   primary key,
    cycle_id   varchar(60)    not null references intraday_cycle,
    account_id varchar(64)    not null,
    member_id  varchar(64)    not null,
    currency   varchar(3)     not null,
    amount     numeric(30, 2) not null,
    lines      jsonb          not null,
    posted_at  timestamptz    not null
);

create index intraday_cycle_posting_account on intraday_cycle_posting (account_id, cycle_id);
