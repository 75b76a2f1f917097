-- Stress scenarios as versioned data: a new version replaces the scenario from then on, old versions stay readable.
create table stress_scenario (
    scenario_id  varchar(40)    not null,
    version      integer        not null,
    name         varchar(200)   not null,
    kind         varchar(16)    not null check (kind in ('HYPOTHETICAL', 'HISTORICAL')),
    active       boolean        not null,
    -- HYPOTHETICAL: relative move of USD/CNY (0.10: one dollar buys 10 % more yuan), or null for none.
    fx_shock     numeric(12, 6),
    -- HISTORICAL: DOWN or UP, over holding_days business days of index values.
    direction    varchar(4)     check (direction in ('DOWN', 'UP')),
    holding_days integer,
    created_by   varchar(100)   not null,
    created_at   timestamptz    not null,
    primary key (scenario_id, version)
);

-- A hypothetical scenario's price shocks: per family, optionally per contract month; RELATIVE (a move, > -1) or
-- ABSOLUTE (the shocked price).
create table stress_scenario_shock (
    scenario_id    varchar(40)     not null,
    version        integer         not null,
    family         varchar(16)     not null,
    contract_month varchar(7),
    kind           varchar(8)      not null check (kind in ('RELATIVE', 'ABSOLUTE')),
    value          numeric(30, 10) not null,
    foreign key (scenario_id, version) references stress_scenario (scenario_id, version)
);
create unique index stress_scenario_shock_unique
    on stress_scenario_shock (scenario_id, version, family, coalesce(contract_month, ''));
