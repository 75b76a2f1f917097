-- The indices the default catalogue (clearing-service V2__default_catalogue.sql) settles against, each with
-- methodology version 1. Data, not code: the back office adds indices and methodology versions over REST.

insert into index_definition (id, name, unit, currency, value_scale, publication_time, publication_zone,
                              description, created_at, updated_at)
values ('SDH100RT', 'H100 GPU rental index', 'USD per GPU-hour (H100, on demand)', 'USD', 4, '16:00',
        'America/New_York',
        'Daily on-demand rental price of one H100 GPU-hour: the volume-weighted median of the panel''s rental '
            || 'transactions (listed prices only when too few providers transacted), after excluding stale '
            || 'observations and outliers.', now(), now()),
       ('SDB200RT', 'B200 GPU rental index', 'USD per GPU-hour (B200, on demand)', 'USD', 4, '16:00',
        'America/New_York',
        'Daily on-demand rental price of one B200 GPU-hour: the volume-weighted median of the panel''s rental '
            || 'transactions (listed prices only when too few providers transacted), after excluding stale '
            || 'observations and outliers.', now(), now()),
       ('TOKEN-FRONTIER-USD', 'Frontier-model output token index (USD)',
        'USD per million output tokens (frontier basket)', 'USD', 4, '16:00', 'America/New_York',
        'Daily price of one million output tokens of the frontier model basket in USD: the volume-weighted median '
            || 'of the panel''s billed prices (list prices only when too few providers billed), after excluding '
            || 'stale observations and outliers.', now(), now()),
       ('TOKEN-FRONTIER-CNY', 'Frontier-model output token index (CNY)',
        'CNY per million output tokens (frontier basket)', 'CNY', 4, '15:00', 'Asia/Shanghai',
        'Daily price of one million output tokens of the frontier model basket in CNY: the volume-weighted median '
            || 'of the panel''s billed prices (list prices only when too few providers billed), after excluding '
            || 'stale observations and outliers.', now(), now());

-- Version 1: volume-weighted median, at least 3 providers, observations at most 24 hours old at the cut-off,
-- outliers beyond 5 median absolute deviations excluded.
insert into index_methodology (index_id, version, method, trim_fraction, min_contributors, staleness_seconds,
                               outlier_mad_multiple, change_reason, created_by, created_at)
select id, 1, 'VOLUME_WEIGHTED_MEDIAN', 0, 3, 86400, 5, 'initial methodology', 'flyway', now()
from index_definition;
