-- The default catalogue: GPU-hour futures (GH100, GB200) and frontier-model token futures (TKFRN in USD, TKFRC in
-- CNY), the products of the demo and of the tests (see docs/methodology.md for what they are and why these terms).
-- Reference data, not schema: loaded at start-up only when ccp.reference-data.defaults is on (DefaultCatalogue), and
-- only the families that are absent. An exchange with its own products leaves the switch off and defines families
-- over REST (POST /catalogue/families). Instruments are listed by the service itself, by each family's cycle.

insert into contract_family (symbol, description, underlying_index_id, currency, contract_unit, unit_description,
                             tick_size, listing_cycle_months, last_trading_day_rule, last_trading_day_offset,
                             final_settlement_rule, created_at)
values ('GH100', 'H100 GPU-hour futures: 1,000 H100 GPU-hours, quoted in USD per GPU-hour', 'SDH100RT', 'USD',
        1000, 'GPU-hour (H100)', 0.005, 12, 'LAST_BUSINESS_DAY_OF_MONTH', 0, 'AVERAGE_OVER_MONTH', now()),
       ('GB200', 'B200 GPU-hour futures: 1,000 B200 GPU-hours, quoted in USD per GPU-hour', 'SDB200RT', 'USD',
        1000, 'GPU-hour (B200)', 0.005, 12, 'LAST_BUSINESS_DAY_OF_MONTH', 0, 'AVERAGE_OVER_MONTH', now()),
       ('TKFRN', 'Frontier-model token futures (USD): 1,000 million output tokens of the frontier basket',
        'TOKEN-FRONTIER-USD', 'USD', 1000, 'million output tokens (frontier basket)', 0.01, 6,
        'LAST_BUSINESS_DAY_OF_MONTH', 0, 'SINGLE_FIXING', now()),
       ('TKFRC', 'Frontier-model token futures (CNY): 1,000 million output tokens of the frontier basket',
        'TOKEN-FRONTIER-CNY', 'CNY', 1000, 'million output tokens (frontier basket)', 0.05, 6,
        'LAST_BUSINESS_DAY_OF_MONTH', 0, 'SINGLE_FIXING', now())
on conflict (symbol) do nothing
returning 'contract family ' || symbol;
