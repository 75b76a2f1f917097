-- The default risk parameters and inter-commodity spreads of the default catalogue (clearing-service
-- reference-data/default-catalogue.sql). Reference data, not schema: loaded at start-up only when
-- ccp.reference-data.defaults is on (DefaultRiskParameters), and only what is absent. The risk team replaces them over
-- REST (PUT /risk-parameters/{family}, PUT /risk-parameters/inter-spreads) with versions effective from a date.

-- Version 1 of each family that has no parameters at all. Scan ranges are wide because GPU-hour prices are very
-- volatile (docs/methodology.md); the intra-spread charge is 2% of one contract's scan range (GH100: 2.60 x 0.25 x
-- 1000 = 650.00, so 13.00). The floor on the scan range (money per contract) is the scan range at half the reference
-- price (GH100: 1.30 x 0.25 x 1000 = 325.00): margin stops falling once a price has halved, and a price near zero or
-- below is margined as if it stood at half its usual level. ILLUSTRATIVE until the index history is long enough for
-- the parameter proposal (GET /risk-parameters/{family}/proposal), which measures the floor from the index's daily
-- moves in money.
insert into risk_parameters (family, version, effective_from, currency, contract_unit, price_scan_fraction,
                             reference_price, extreme_move_multiple, extreme_move_cover, intra_spread_charge,
                             ratio_house, ratio_client_omnibus, ratio_client_segregated, price_scan_floor, created_by)
select d.family, 1, date '2026-01-01', d.currency, 1000, d.price_scan_fraction, d.reference_price, 3, 0.33,
       d.intra_spread_charge, 1.00, 1.10, 1.10, d.price_scan_floor, 'reference-data'
from (values ('GH100', 'USD', 0.25, 2.60, 13.00, 325.00),
             ('GB200', 'USD', 0.25, 5.30, 26.50, 662.50),
             ('TKFRN', 'USD', 0.30, 8.00, 48.00, 1200.00),
             ('TKFRC', 'CNY', 0.30, 55.00, 330.00, 8250.00))
         as d (family, currency, price_scan_fraction, reference_price, intra_spread_charge, price_scan_floor)
where not exists (select 1 from risk_parameters p where p.family = d.family)
on conflict (family, version) do nothing
returning 'risk parameters ' || family || ' version ' || version;

-- Version 1 of the inter-commodity spreads, when no version exists. ILLUSTRATIVE: no price history of these markets is
-- behind the rates; the risk team replaces them with numbers backed by observed correlations. Both are one-to-one in
-- delta, long one leg and short the other.
-- 1. GH100 / GB200 at 50%, priority 1: two GPU types rented for the same AI workloads, whose hourly prices follow the
--    same demand cycle and move together (a B200 hour is a faster substitute for H100 hours), so a long in one against
--    a short in the other keeps about half the price risk of the two outrights. Taken first, as the tighter pair.
-- 2. GH100 / TKFRN at 25%, priority 2: GPU-hours are the main input cost of serving tokens, so token prices follow GPU
--    rental prices, but loosely (model efficiency and competition between providers move token prices on their own);
--    a quarter of the price risk is credited. Both are in USD; TKFRC is in CNY and cannot be spread against them.
-- Parent and child rows go in one statement: the foreign keys are checked at its end.
with spread_set as (
    insert into inter_spread_set (version, effective_from, method, created_by)
    select 1, date '2026-01-01', 'DELTA_WEIGHTED_PRICE_RISK', 'reference-data'
    where not exists (select 1 from inter_spread_set)
    on conflict (version) do nothing
    returning version),
spread as (
    insert into inter_spread (version, priority, credit_rate)
    select s.version, d.priority, d.credit_rate
    from spread_set s cross join (values (1, 0.50), (2, 0.25)) as d (priority, credit_rate)
    returning priority),
leg as (
    insert into inter_spread_leg (version, priority, leg, family, delta_ratio, side)
    select s.version, d.priority, d.leg, d.family, 1, d.side
    from spread_set s cross join (values (1, 1, 'GH100', 'A'), (1, 2, 'GB200', 'B'),
                                         (2, 1, 'GH100', 'A'), (2, 2, 'TKFRN', 'B')) as d (priority, leg, family, side)
    returning priority)
select 'inter-commodity spreads version ' || version || ' (GH100/GB200 50%, GH100/TKFRN 25%)' from spread_set;
