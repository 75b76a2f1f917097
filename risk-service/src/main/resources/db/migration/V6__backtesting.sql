-- Margin backtesting (package io.computeclearing.risk.backtesting; method in docs/methodology.md#backtesting).

-- Each end of day risk-service has recorded for backtesting (its own consumer group on ccp.settlement.runs.v1): when
-- settlement completed it (the margin held then is the latest requirement calculated at or before), and when its
-- observations were made (null while the date's prices or rates have not arrived).
create table backtest_day (
    business_date            date primary key,
    end_of_day_completed_at  timestamptz not null,
    observed_at              timestamptz
);
create index backtest_day_waiting on backtest_day (business_date) where observed_at is null;

-- The positions held at each end of day (risk_position keeps only the latest): the next days' observations hold
-- them fixed.
create table backtest_position (
    business_date date        not null references backtest_day (business_date),
    account_id    varchar(20) not null,
    instrument_id varchar(32) not null,
    member_id     varchar(20) not null,
    net_quantity  bigint      not null,
    primary key (business_date, account_id, instrument_id)
);

-- One observation per account, business date and holding period (1 or 2 end-of-day runs back): the initial margin
-- held at the start (base_date) and the realised profit and loss of the positions then held, both in USD at the
-- business date's rates (scale 10, half even); exact when everything is in USD.
create table backtest_observation (
    business_date  date        not null references backtest_day (business_date),
    holding_days   smallint    not null,
    account_id     varchar(20) not null,
    member_id      varchar(20) not null,
    base_date      date        not null,
    initial_margin numeric     not null,
    profit_and_loss numeric    not null,
    exceedance     boolean     not null,
    primary key (business_date, holding_days, account_id)
);
create index backtest_observation_account on backtest_observation (account_id, holding_days, business_date);

-- The same observation per product family of the account: the family's exact profit and loss in its currency, in
-- USD, and the share of the account's margin attributed to the family (pro rata to the value held at the base date).
create table backtest_family_observation (
    business_date   date        not null,
    holding_days    smallint    not null,
    account_id      varchar(20) not null,
    family          varchar(16) not null,
    currency        char(3)     not null,
    profit_and_loss numeric     not null,
    profit_and_loss_usd numeric not null,
    initial_margin  numeric     not null,
    exceedance      boolean     not null,
    primary key (business_date, holding_days, account_id, family),
    foreign key (business_date, holding_days, account_id)
        references backtest_observation (business_date, holding_days, account_id)
);
create index backtest_family_observation_family on backtest_family_observation (family, holding_days, business_date);

-- The traffic light each family last showed per holding period: BacktestTrafficLightChanged is published once per
-- change.
create table backtest_family_light (
    family        varchar(16) not null,
    holding_days  smallint    not null,
    light         varchar(6)  not null,
    business_date date        not null,
    changed_at    timestamptz not null,
    primary key (family, holding_days)
);
