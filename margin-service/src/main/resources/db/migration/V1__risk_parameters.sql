-- Risk parameters per product family, as data: each change is a new version effective from a date, never an update.
create table risk_parameters (
    id                       bigserial primary key,
    family                   varchar(16)    not null,
    version                  integer        not null,
    effective_from           date           not null,
    currency                 char(3)        not null,
    -- units of the underlying in one contract (1000 GPU-hours or 1000 token units)
    contract_unit            numeric(18, 4) not null check (contract_unit > 0),
    -- price scan range as a fraction of the reference price
    price_scan_fraction      numeric(9, 6)  not null check (price_scan_fraction > 0),
    -- price the risk arrays are built at, until settlement prices are published to this service
    reference_price          numeric(18, 6) not null check (reference_price > 0),
    extreme_move_multiple    numeric(9, 4)  not null check (extreme_move_multiple > 0),
    extreme_move_cover       numeric(9, 4)  not null check (extreme_move_cover > 0 and extreme_move_cover <= 1),
    -- flat intra-commodity spread charge per spread (one long and one short month), in currency
    intra_spread_charge      numeric(18, 2) not null check (intra_spread_charge >= 0),
    ratio_house              numeric(9, 4)  not null check (ratio_house >= 1),
    ratio_client_omnibus     numeric(9, 4)  not null check (ratio_client_omnibus >= 1),
    ratio_client_segregated  numeric(9, 4)  not null check (ratio_client_segregated >= 1),
    created_by               varchar(128)   not null,
    created_at               timestamptz    not null default now(),
    unique (family, version)
);

-- The default parameters (GH100, GB200, TKFRN, TKFRC) are reference data, not schema: see
-- reference-data/default-risk-parameters.sql and docs/methodology.md.

-- The latest position of each account in each instrument, as clearing-service published it.
create table account_position (
    account_id     varchar(64) not null,
    instrument_id  varchar(32) not null,
    member_id      varchar(64) not null,
    long_quantity  bigint      not null,
    short_quantity bigint      not null,
    net_quantity   bigint      not null,
    business_date  date        not null,
    version        bigint      not null,
    updated_at     timestamptz not null,
    primary key (account_id, instrument_id)
);

-- The last margin requirement of each account, one row per currency, with the SPAN breakdown per combined commodity.
create table account_margin (
    account_id         varchar(64)    not null,
    currency           char(3)        not null,
    initial_margin     numeric(20, 2) not null,
    maintenance_margin numeric(20, 2) not null,
    calculated_at      timestamptz    not null,
    breakdown          jsonb          not null,
    primary key (account_id, currency)
);
