-- Stress runs and their results. Amounts in the reporting currency (USD), scale 2; per-currency losses exact.
-- numeric(80, 2): a price shocked by a large move times a large unit and quantity goes far beyond 28 digits, and a
-- run must store what it computed rather than fail on a column.
create table stress_run (
    run_id           bigserial      primary key,
    business_date    date           not null,
    trigger          varchar(16)    not null check (trigger in ('END_OF_DAY', 'ON_DEMAND')),
    requested_by     varchar(100)   not null,
    currency         char(3)        not null,
    usd_cny          numeric(30, 10),
    accounts         integer        not null,
    groups           integer        not null,
    scenarios        integer        not null,
    cover1           numeric(80, 2) not null,
    cover1_scenario  varchar(40),
    cover1_group     varchar(20),
    cover2           numeric(80, 2) not null,
    cover2_scenario  varchar(40),
    cover2_groups    varchar(41),
    completed_at     timestamptz    not null
);
create index stress_run_date on stress_run (business_date);

-- Per scenario: what it applied and its covers.
create table stress_run_scenario (
    run_id           bigint         not null references stress_run (run_id),
    scenario_id      varchar(40)    not null,
    scenario_version integer        not null,
    name             varchar(200)   not null,
    kind             varchar(16)    not null,
    fx_shock         numeric(12, 6),
    usd_cny          numeric(30, 10),
    cover1           numeric(80, 2) not null,
    cover1_group     varchar(20),
    cover2           numeric(80, 2) not null,
    cover2_groups    varchar(41),
    primary key (run_id, scenario_id)
);

-- The move each scenario applied per family (and month): for a historical scenario, the observed move and its dates.
create table stress_run_move (
    run_id         bigint          not null,
    scenario_id    varchar(40)     not null,
    family         varchar(16)     not null,
    contract_month varchar(7),
    kind           varchar(8)      not null,
    value          numeric(30, 10) not null,
    observed_from  date,
    observed_to    date,
    foreign key (run_id, scenario_id) references stress_run_scenario (run_id, scenario_id)
);
create index stress_run_move_run on stress_run_move (run_id);

-- Per member group and scenario: loss, initial margin held and the uncovered loss (USD, scale 2).
create table stress_group_loss (
    run_id         bigint         not null,
    scenario_id    varchar(40)    not null,
    group_id       varchar(20)    not null,
    loss           numeric(80, 2) not null,
    initial_margin numeric(80, 2) not null,
    uncovered      numeric(80, 2) not null,
    primary key (run_id, scenario_id, group_id),
    foreign key (run_id, scenario_id) references stress_run_scenario (run_id, scenario_id)
);

-- Per account and scenario: the loss in each currency held (exact) and in USD (scale 2). One row per currency.
create table stress_account_loss (
    run_id      bigint          not null,
    scenario_id varchar(40)     not null,
    account_id  varchar(20)     not null,
    member_id   varchar(20)     not null,
    group_id    varchar(20)     not null,
    currency    char(3)         not null,
    loss        numeric         not null,
    loss_usd    numeric(80, 2)  not null,
    primary key (run_id, scenario_id, account_id, currency)
);
create index stress_account_loss_member on stress_account_loss (run_id, member_id);
