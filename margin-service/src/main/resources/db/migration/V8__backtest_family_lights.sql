-- The margin backtest traffic light risk-service last reported per product family and holding period
-- (BacktestTrafficLightChanged), shown beside the family's parameter proposal: the newest business date is kept. The
-- counts are the event's ints, so integer columns hold whatever risk-service can send; the lights are GREEN, YELLOW
-- or RED (checked before they are stored).
create table backtest_family_light (
    family         varchar(16) not null,
    holding_days   integer     not null,
    light          varchar(6)  not null,
    previous_light varchar(6)  not null,
    exceedances    integer     not null,
    observations   integer     not null,
    business_date  date        not null,
    changed_at     timestamptz not null,
    primary key (family, holding_days)
);
