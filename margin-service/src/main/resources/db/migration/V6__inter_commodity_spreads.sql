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

-- Defaults, ILLUSTRATIVE (no price history of these markets is behind them; the risk team replaces them over REST
-- with numbers backed by observed correlations). Both are one-to-one in delta, long one leg and short the other.
-- 1. GH100 / GB200 at 50%, priority 1: two GPU types rented for the same AI workloads, whose hourly prices follow the
--    same demand cycle and move together (a B200 hour is a faster substitute for H100 hours), so a long in one against
--    a short in the other keeps about half the price risk of the two outrights. Taken first, as the tighter pair.
-- 2. GH100 / TKFRN at 25%, priority 2: GPU-hours are the main input cost of serving tokens, so token prices follow GPU
--    rental prices, but loosely (model efficiency and competition between providers move token prices on their own);
--    a quarter of the price risk is credited. Both are in USD; TKFRC is in CNY and cannot be spread against them.
insert into inter_spread_set (version, effective_from, method, created_by)
values (1, date '2026-01-01', 'DELTA_WEIGHTED_PRICE_RISK', 'migration');
insert into inter_spread (version, priority, credit_rate) values (1, 1, 0.50), (1, 2, 0.25);
insert into inter_spread_leg (version, priority, leg, family, delta_ratio, side)
values (1, 1, 1, 'GH100', 1, 'A'), (1, 1, 2, 'GB200', 1, 'B'),
       (1, 2, 1, 'GH100', 1, 'A'), (1, 2, 2, 'TKFRN', 1, 'B');
insert into inter_spread_applied (version, applied_at) values (1, now());
