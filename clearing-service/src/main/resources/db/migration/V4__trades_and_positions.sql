-- Cleared trades, their two legs against the CCP (novation), and positions per account and instrument.

-- Ids come in blocks of 1,000 (Hibernate's pooled optimiser), so a batch of trades costs one sequence call per 1,000.
create sequence trade_seq start with 1 increment by 1000;
create sequence trade_leg_seq start with 1 increment by 1000;

create table trade (
    id                bigint        primary key,
    -- the exchange's id: a resubmission with the same id is the same trade
    exchange_trade_id varchar(64)   not null unique,
    instrument_id     varchar(20)   not null references instrument (id),
    quantity          bigint        not null check (quantity > 0),
    price             numeric(24,10) not null,
    buyer_account_id  varchar(40)   not null,
    seller_account_id varchar(40)   not null,
    trade_time        timestamptz   not null,
    business_date     date          not null references business_day (business_date),
    status            varchar(10)   not null check (status in ('CLEARED', 'BUSTED')),
    cleared_at        timestamptz   not null,
    check (buyer_account_id <> seller_account_id)
);

create index trade_by_business_date on trade (business_date);

-- One leg per side: the CCP sells to the buyer (BUY leg, quantity > 0) and buys from the seller (SELL leg, < 0).
-- Instrument, member and business date are repeated from the trade so an account's legs are found by index alone.
create table trade_leg (
    id            bigint      primary key,
    trade_id      bigint      not null references trade (id),
    side          varchar(4)  not null check (side in ('BUY', 'SELL')),
    account_id    varchar(40) not null,
    member_id     varchar(20) not null,
    instrument_id varchar(20) not null,
    quantity      bigint      not null check (quantity <> 0),
    business_date date        not null,
    check ((side = 'BUY') = (quantity > 0)),
    unique (trade_id, side)
);

create index trade_leg_by_account on trade_leg (account_id, instrument_id, business_date);

-- Netting accounts (house, client segregated) hold one net quantity, stored as long or short; client omnibus accounts
-- (gross) keep gross long and gross short. version rises with every change (PositionChanged carries it).
create table position (
    account_id     varchar(40) not null,
    instrument_id  varchar(20) not null references instrument (id),
    member_id      varchar(20) not null,
    gross          boolean     not null,
    long_quantity  bigint      not null check (long_quantity >= 0),
    short_quantity bigint      not null check (short_quantity >= 0),
    net_quantity   bigint      generated always as (long_quantity - short_quantity) stored,
    version        bigint      not null,
    business_date  date        not null,
    updated_at     timestamptz not null,
    primary key (account_id, instrument_id),
    check (gross or long_quantity = 0 or short_quantity = 0)
);

create index position_by_instrument on position (instrument_id);
