-- A floor on the price scan range in money per contract (the family's currency): the range is |price| x
-- price_scan_fraction x contract_unit but never less than the floor, so margin does not collapse as a price nears zero
-- or turns negative (docs/methodology.md, "The price scan floor"). Versions recorded before this column have none
-- (0.00): their margins do not change until the risk team records a version with a floor.
alter table risk_parameters
    add column price_scan_floor numeric(16, 2) not null default 0 check (price_scan_floor >= 0);
