-- Reference data to value collateral: the securities master with versioned prices, and FX rates. Prices and
-- rates are kept as history (latest as-of wins), so a valuation can always be explained afterwards.

create table collateral_security (
    id          varchar(30)  primary key,
    description varchar(200) not null,
    asset_type  varchar(30)  not null check (asset_type in ('TREASURY_BILL', 'GOVERNMENT_BOND', 'CORPORATE_BOND', 'GOLD')),
    currency    varchar(3)   not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

create table security_price (
    id          bigint       generated always as identity primary key,
    security_id varchar(30)  not null references collateral_security (id),
    -- per 100 nominal (bond convention)
    price       numeric      not null check (price >= 0),
    as_of       timestamptz  not null,
    recorded_by varchar(200) not null,
    recorded_at timestamptz  not null
);

create index security_price_latest on security_price (security_id, as_of desc, id desc);

create table fx_rate (
    id             bigint       generated always as identity primary key,
    -- one unit of base_currency costs rate units of quote_currency
    base_currency  varchar(3)   not null,
    quote_currency varchar(3)   not null,
    rate           numeric      not null check (rate > 0),
    as_of          timestamptz  not null,
    recorded_by    varchar(200) not null,
    recorded_at    timestamptz  not null,
    check (base_currency <> quote_currency)
);

create index fx_rate_latest on fx_rate (base_currency, quote_currency, as_of desc, id desc);

create trigger security_price_append_only before update or delete on security_price
    for each row execute function refuse_change_of_append_only_table();
create trigger fx_rate_append_only before update or delete on fx_rate
    for each row execute function refuse_change_of_append_only_table();
