-- Inter-commodity spreads as risk parameters: the whole set is versioned (a change is a new version effective from a
-- date, never an update), like the families' parameters. Credits are computed by the CME standard method
-- (delta-weighted price risk): spreads = min(|available delta| / delta ratio) over the legs, credit per leg =
-- spreads x ratio x weighted price risk x credit rate, deltas consumed, then the next priority.
create table inter_spread_set (
    version        integer      primary key,
    effective_from date         not null,
    method         varchar(32)  not null check (method in ('DELTA_WEIGHTED_PRICE_RISK')),
    created_by     varchar(128) not null,
    created_at     timestamptz  not null default now()
);

create table inter_spread (
    version     integer      not null references inter_spread_set (version),
    priority    integer      not null check (priority > 0),
    -- share of each leg's price risk credited
    credit_rate numeric(9, 6) not null check (credit_rate >= 0 and credit_rate <= 1),
    primary key (version, priority)
);

create table inter_spread_leg (
    version     integer        not null,
    priority    integer        not null,
    leg         integer        not null,
    family      varchar(16)    not null,
    -- net delta of the family per spread
    delta_ratio numeric(18, 6) not null check (delta_ratio > 0),
    -- legs on side A need net deltas of one sign, legs on side B the other
    side        char(1)        not null check (side in ('A', 'B')),
    primary key (version, priority, leg),
    unique (version, priority, family),
    foreign key (version, priority) references inter_spread (version, priority)
);

-- Versions whose effective date has arrived and whose legs' accounts have been re-margined with them.
create table inter_spread_applied (
    version    integer     primary key,
    applied_at timestamptz not null
);

-- The default spreads (GH100/GB200, GH100/TKFRN) are reference data, not schema: see
-- reference-data/default-risk-parameters.sql.
