-- The default catalogue (docs: shared guide, DOMAIN.md section 1). Data, not code: the back office adds families over
-- REST. Instruments are listed by the service itself at start-up and every day, from the current date.

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
        'LAST_BUSINESS_DAY_OF_MONTH', 0, 'SINGLE_FIXING', now());
