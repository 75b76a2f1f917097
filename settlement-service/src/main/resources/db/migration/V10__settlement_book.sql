-- Settlement: the instruments, trade legs and closed days settlement learns from clearing-service, the daily
-- settlement prices, the end-of-day runs with their postings, final settlements and statement snapshots.

-- Instruments as clearing-service listed them: what cash flows and final settlement need.
create table settlement_instrument (
    instrument_id         varchar(64)    primary key,
    family                varchar(32)    not null,
    contract_month        varchar(7)     not null,
    last_trading_day      date           not null,
    currency              varchar(3)     not null,
    tick_size             numeric(30, 10) not null check (tick_size > 0),
    contract_unit         numeric(30, 10) not null check (contract_unit > 0),
    underlying_index_id   varchar(64)    not null,
    final_settlement_rule varchar(32)    not null,
    status                varchar(16)    not null,
    updated_at            timestamptz    not null
);

-- Every leg that ever belonged to an account (cleared, or received in a give-up). Signed quantity: + bought, - sold.
create table settlement_leg (
    leg_id          bigint         primary key,
    trade_id        bigint         not null,
    account_id      varchar(64)    not null,
    member_id       varchar(64)    not null,
    instrument_id   varchar(64)    not null,
    signed_quantity bigint         not null check (signed_quantity <> 0),
    price           numeric(30, 10) not null,
    currency        varchar(3)     not null,
    business_date   date           not null,
    origin          varchar(16)    not null check (origin in ('CLEARED', 'GIVE_UP')),
    recorded_at     timestamptz    not null
);
create index settlement_leg_date on settlement_leg (business_date);

-- A leg taken out of its date: busted, or given up to another account. Kept apart from the leg so that the order in
-- which the two accounts' events arrive does not matter.
create table settlement_leg_removal (
    leg_id        bigint      primary key,
    reason        varchar(16) not null check (reason in ('BUST', 'GIVE_UP')),
    business_date date        not null,
    recorded_at   timestamptz not null
);

-- Each trade event received, by the business date it counts for, to compare with the day's closing counts.
create table settlement_trade_receipt (
    event_id      uuid        primary key,
    kind          varchar(16) not null check (kind in ('CLEARED', 'BUSTED', 'GIVE_UP')),
    business_date date        not null
);
create index settlement_trade_receipt_date on settlement_trade_receipt (business_date, kind);

create table settlement_closed_day (
    business_date      date        primary key,
    trade_legs_cleared bigint      not null,
    trade_legs_busted  bigint      not null,
    give_ups_accepted  bigint      not null,
    closed_at          timestamptz not null
);

-- Daily settlement prices; the highest version of an instrument and date is in force.
create table settlement_price (
    instrument_id varchar(64)    not null,
    business_date date           not null,
    version       integer        not null check (version > 0),
    price         numeric(30, 10) not null,
    currency      varchar(3)     not null,
    source        varchar(16)    not null check (source in ('PUBLISHED', 'DERIVED')),
    index_id      varchar(64),
    index_value   numeric(30, 10),
    index_version integer,
    published_by  varchar(128)   not null,
    published_at  timestamptz    not null,
    primary key (instrument_id, business_date, version)
);

create table eod_run (
    business_date date         primary key,
    run_by        varchar(128) not null,
    run_at        timestamptz  not null,
    accounts      integer      not null,
    postings      integer      not null
);

-- Per run, kind and currency: what the CCP paid and received; net is zero by the run's own check.
create table eod_run_total (
    business_date date          not null references eod_run,
    kind          varchar(32)   not null,
    currency      varchar(3)    not null,
    paid          numeric(30, 2) not null,
    received      numeric(30, 2) not null,
    net           numeric(30, 2) not null check (net = 0),
    accounts      integer       not null,
    primary key (business_date, kind, currency)
);

-- The price each instrument was settled at in a run: the next run's previous price.
create table eod_run_price (
    business_date date           not null references eod_run,
    instrument_id varchar(64)    not null,
    kind          varchar(16)    not null check (kind in ('DAILY', 'FINAL')),
    price         numeric(30, 10) not null,
    primary key (business_date, instrument_id)
);

create table settlement_posting (
    posting_id    varchar(200)   primary key,
    kind          varchar(32)    not null,
    business_date date           not null references eod_run,
    account_id    varchar(64)    not null,
    member_id     varchar(64)    not null,
    currency      varchar(3)     not null,
    amount        numeric(30, 2) not null,
    posted_at     timestamptz    not null
);

create table final_settlement (
    instrument_id         varchar(64)    primary key,
    business_date         date           not null references eod_run,
    rule                  varchar(32)    not null,
    index_id              varchar(64)    not null,
    unrounded_value       numeric(40, 20) not null,
    final_settlement_price numeric(30, 10) not null,
    currency              varchar(3)     not null,
    positions_settled     bigint         not null,
    settled_at            timestamptz    not null
);

create table final_settlement_input (
    instrument_id varchar(64)    not null references final_settlement,
    value_date    date           not null,
    value         numeric(30, 10) not null,
    version       integer        not null,
    source        varchar(32),
    primary key (instrument_id, value_date)
);

-- Inputs for statements: the latest margin requirement, collateral assessment, and the cash movements.
create table statement_margin_requirement (
    account_id        varchar(64)    not null,
    currency          varchar(3)     not null,
    initial_margin    numeric(30, 2) not null,
    maintenance_margin numeric(30, 2) not null,
    calculated_at     timestamptz    not null,
    primary key (account_id, currency)
);

create table statement_collateral_assessment (
    account_id       varchar(64)    primary key,
    member_id        varchar(64)    not null,
    base_currency    varchar(3)     not null,
    collateral_value numeric(30, 2) not null,
    requirement      numeric(30, 2) not null,
    excess           numeric(30, 2) not null,
    assessed_at      timestamptz    not null
);

create table statement_cash_movement (
    entry_id    varchar(64)    primary key,
    account_id  varchar(64)    not null,
    movement    varchar(32)    not null,
    asset       varchar(32)    not null,
    quantity    numeric(30, 10) not null,
    recorded_at timestamptz    not null
);
create index statement_cash_movement_account on statement_cash_movement (account_id, recorded_at);

-- A statement as the run produced it, so it never changes later.
create table account_statement (
    account_id    varchar(64) not null,
    business_date date        not null references eod_run,
    member_id     varchar(64) not null,
    body          text        not null,
    primary key (account_id, business_date)
);
