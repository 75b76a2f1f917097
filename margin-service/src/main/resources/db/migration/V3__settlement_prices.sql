-- Daily settlement prices from settlement-service, the latest version per instrument and business date. The latest
-- business date's price is the reference price of the instrument's risk array. Zero and negative prices are legal.
create table settlement_price (
    instrument_id varchar(32)    not null,
    business_date date           not null,
    price         numeric(24, 8) not null,
    currency      char(3)        not null,
    version       integer        not null,
    published_at  timestamptz    not null,
    received_at   timestamptz    not null,
    primary key (instrument_id, business_date)
);

-- Instruments finally settled: their positions are closed by clearing and no longer carry margin.
create table final_settlement (
    instrument_id          varchar(32)    primary key,
    business_date          date           not null,
    final_settlement_price numeric(24, 8) not null,
    currency               char(3)        not null,
    positions_settled      bigint         not null,
    settled_at             timestamptz    not null
);
