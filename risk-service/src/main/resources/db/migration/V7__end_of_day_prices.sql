-- The prices each end-of-day run settled at (EndOfDayRunCompleted): the date's stress run and backtest wait until the
-- price events they name have arrived (SettlementPricePublished or FinalSettlementCompleted, on their own topic) with
-- the same price, so neither revalues at a price older than the run's. A run settled again replaces its prices.
create table risk_end_of_day_price (
    business_date date            not null,
    instrument_id varchar(32)     not null,
    kind          varchar(5)      not null,
    price         numeric(30, 10) not null,
    primary key (business_date, instrument_id)
);
