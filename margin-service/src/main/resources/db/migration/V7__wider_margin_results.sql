-- A requirement is the product of bounded inputs: a position (a bigint, 19 digits), the contract unit (14 digits), a
-- price (12 digits), the scan fraction (3), the extreme move multiple (5) and a margin ratio (5), summed over a
-- portfolio: up to about 60 digits before the point. numeric(20, 2) overflowed on large portfolios, failing the
-- request or the event that re-margined them; account-service keeps the same figures as unconstrained numeric.
alter table account_margin
    alter column initial_margin type numeric(80, 2),
    alter column maintenance_margin type numeric(80, 2);
