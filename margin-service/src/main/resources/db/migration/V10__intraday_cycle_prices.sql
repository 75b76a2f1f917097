-- Prices of intraday settlement cycles (from settlement-service's AccountCycleSettled). Until the daily settlement
-- price of a later or the same business date arrives, the latest cycle's price is the instrument's reference price,
-- so a requirement between cycles is at the prices the last cycle settled at.
create table cycle_price (
    instrument_id varchar(64)    not null,
    cycle_id      varchar(60)    not null,
    business_date date           not null,
    price         numeric(24, 8) not null,
    settled_at    timestamptz    not null,
    primary key (instrument_id, cycle_id)
);
