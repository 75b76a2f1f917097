-- risk-service's view of the market, built from the other services' events only. Columns are sized for the
-- producers' bounds (docs/api.md#bounds): ids varchar(20)/(32)/(40), prices and index values at most 12 digits
-- before the point and 8 after (numeric(30,10) leaves room), contract units 14 + 4, amounts scale 2 (margin
-- requirements up to 78 digits before the point, as margin-service may publish for an extreme position).

-- Members and whom they are affiliated with (MemberRegistered.parentMemberId, MemberAffiliationChanged).
create table risk_member (
    member_id        varchar(20) primary key,
    parent_member_id varchar(20),
    updated_at       timestamptz not null
);

-- Latest position per account and instrument (PositionChanged, highest version).
create table risk_position (
    account_id     varchar(20) not null,
    instrument_id  varchar(32) not null,
    member_id      varchar(20) not null,
    long_quantity  bigint      not null,
    short_quantity bigint      not null,
    net_quantity   bigint      not null,
    business_date  date        not null,
    version        bigint      not null,
    updated_at     timestamptz not null,
    primary key (account_id, instrument_id)
);

-- Instruments as listed (InstrumentListed, InstrumentStatusChanged).
create table risk_instrument (
    instrument_id       varchar(32)    primary key,
    family              varchar(16)    not null,
    contract_month      varchar(7)     not null,
    last_trading_day    date           not null,
    currency            char(3)        not null,
    contract_unit       numeric(18, 4) not null,
    underlying_index_id varchar(40)    not null,
    status              varchar(16)    not null,
    updated_at          timestamptz    not null
);
create index risk_instrument_family on risk_instrument (family);

-- Settlement prices with their history: the latest version per instrument and business date.
create table risk_settlement_price (
    instrument_id varchar(32)    not null,
    business_date date           not null,
    price         numeric(30, 10) not null,
    currency      char(3)        not null,
    version       integer        not null,
    published_at  timestamptz    not null,
    primary key (instrument_id, business_date)
);
create index risk_settlement_price_date on risk_settlement_price (business_date);

-- Index values with their history: the latest version per index and value date (restatements replace).
create table risk_index_value (
    index_id     varchar(40)     not null,
    value_date   date            not null,
    value        numeric(30, 10) not null,
    currency     char(3)         not null,
    version      integer         not null,
    published_at timestamptz     not null,
    primary key (index_id, value_date)
);

-- Margin requirements with their history per account (MarginRequirementCalculated): one row per currency.
create table risk_margin_requirement (
    account_id         varchar(20)    not null,
    calculated_at      timestamptz    not null,
    currency           char(3)        not null,
    initial_margin     numeric(80, 2) not null,
    maintenance_margin numeric(80, 2) not null,
    primary key (account_id, calculated_at, currency)
);

-- Exchange rates with their history (FxRateRecorded): one base costs rate quote as of as_of.
create table risk_fx_rate (
    base_currency  char(3)         not null,
    quote_currency char(3)         not null,
    as_of          timestamptz     not null,
    rate           numeric(30, 10) not null,
    recorded_at    timestamptz     not null,
    primary key (base_currency, quote_currency, as_of)
);

-- End-of-day runs settlement-service completed (EndOfDayRunCompleted): a stress run needs one for its date.
create table risk_end_of_day_run (
    business_date    date primary key,
    accounts_settled integer     not null,
    postings         integer     not null,
    completed_at     timestamptz not null
);
