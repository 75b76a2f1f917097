-- The product catalogue: contract families (one per compute-price index and currency) and their listed instruments
-- (one per contract month).

create table contract_family (
    symbol                  varchar(12)   primary key,
    description             varchar(200)  not null,
    underlying_index_id     varchar(40)   not null,
    currency                varchar(3)    not null,
    contract_unit           numeric(20,4) not null check (contract_unit > 0),
    unit_description        varchar(100)  not null,
    tick_size               numeric(20,8) not null check (tick_size > 0),
    listing_cycle_months    integer       not null check (listing_cycle_months between 1 and 60),
    last_trading_day_rule   varchar(40)   not null
        check (last_trading_day_rule in ('LAST_BUSINESS_DAY_OF_MONTH', 'BUSINESS_DAYS_BEFORE_MONTH_END')),
    last_trading_day_offset integer       not null default 0 check (last_trading_day_offset between 0 and 10),
    final_settlement_rule   varchar(30)   not null check (final_settlement_rule in ('SINGLE_FIXING', 'AVERAGE_OVER_MONTH')),
    created_at              timestamptz   not null
);

-- Weekdays a family does not trade (weekends never trade and are not listed).
create table contract_family_holiday (
    family_symbol varchar(12) not null references contract_family (symbol),
    holiday       date        not null,
    primary key (family_symbol, holiday)
);

create table instrument (
    id               varchar(20) primary key,
    family_symbol    varchar(12) not null references contract_family (symbol),
    -- first day of the contract month
    contract_month   date        not null check (extract(day from contract_month) = 1),
    last_trading_day date        not null,
    status           varchar(20) not null check (status in ('ACTIVE', 'EXPIRING', 'EXPIRED')),
    listed_at        timestamptz not null,
    unique (family_symbol, contract_month)
);

create index instrument_by_status on instrument (status, family_symbol);
