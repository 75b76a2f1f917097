-- Instruments are announced on ccp.clearing.instruments.v1. announced_at says when an instrument's InstrumentListed
-- was recorded in the outbox; instruments listed before this version have none and are announced once at start-up.
alter table instrument add column announced_at timestamptz;
create index instrument_unannounced on instrument (id) where announced_at is null;

-- SETTLED: final settlement done, every position in the instrument closed at the final settlement price.
alter table instrument drop constraint instrument_status_check;
alter table instrument add constraint instrument_status_check
    check (status in ('ACTIVE', 'EXPIRING', 'EXPIRED', 'SETTLED'));

-- The closing of an instrument at final settlement, as settlement-service reported it (FinalSettlementCompleted).
create table final_settlement (
    instrument_id          varchar(20)    primary key references instrument (id),
    business_date          date           not null,
    final_settlement_price numeric(24,10) not null,
    currency               varchar(3)     not null,
    -- what settlement-service counted, and what clearing closed (the accounts with a non-zero position)
    positions_settled      bigint         not null,
    positions_closed       integer        not null,
    settled_at             timestamptz    not null,
    closed_at              timestamptz    not null,
    event_id               uuid           not null
);

-- Each position the final settlement closed, as it stood before: the audit of who held what at the end.
create table final_settlement_position (
    instrument_id  varchar(20) not null references final_settlement (instrument_id),
    account_id     varchar(40) not null,
    member_id      varchar(20) not null,
    long_quantity  bigint      not null,
    short_quantity bigint      not null,
    net_quantity   bigint      not null,
    -- the position's version after closing (the PositionChanged that brought it to zero)
    closing_version bigint     not null,
    primary key (instrument_id, account_id)
);

-- Counting a business date's trade events when it closes.
create index trade_leg_by_business_date on trade_leg (business_date, kind);
