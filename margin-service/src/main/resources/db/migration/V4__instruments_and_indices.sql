-- Contract months listed by clearing-service: which instruments exist, and the index behind each family.
create table listed_instrument (
    instrument_id         varchar(32)    primary key,
    family                varchar(16)    not null,
    contract_month        varchar(7)     not null,
    last_trading_day      date           not null,
    currency              char(3)        not null,
    contract_unit         numeric(18, 4) not null,
    underlying_index_id   varchar(64)    not null,
    final_settlement_rule varchar(32)    not null,
    status                varchar(16)    not null,
    listed_at             timestamptz    not null,
    updated_at            timestamptz    not null
);
create index listed_instrument_family on listed_instrument (family);

-- Index history from settlement-service, the latest version per index and value date: the market data risk
-- parameter proposals are estimated from.
create table index_value (
    index_id     varchar(64)    not null,
    value_date   date           not null,
    value        numeric(24, 8) not null,
    currency     char(3)        not null,
    version      integer        not null,
    source       varchar(16)    not null,
    published_at timestamptz    not null,
    primary key (index_id, value_date)
);
