-- The indices the default catalogue (clearing-service reference-data/default-catalogue.sql) settles against, each
-- with methodology version 1 (docs/methodology.md). Reference data, not schema: loaded at start-up only when
-- ccp.reference-data.defaults is on (DefaultIndices), and only the indices that are absent; an index already defined
-- keeps its definition and methodology. The back office defines its own indices and methodology versions over REST.

-- Version 1: volume-weighted median, at least 3 providers, observations at most 24 hours old at the cut-off,
-- outliers beyond 5 median absolute deviations excluded. Definition and methodology go in one statement, so only the
-- indices added here get one: the foreign key is checked at the statement's end.
with definition as (
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
            'Daily price of one million output tokens of the frontier model basket in USD: the volume-weighted '
                || 'median of the panel''s billed prices (list prices only when too few providers billed), after '
                || 'excluding stale observations and outliers.', now(), now()),
           ('TOKEN-FRONTIER-CNY', 'Frontier-model output token index (CNY)',
            'CNY per million output tokens (frontier basket)', 'CNY', 4, '15:00', 'Asia/Shanghai',
            'Daily price of one million output tokens of the frontier model basket in CNY: the volume-weighted '
                || 'median of the panel''s billed prices (list prices only when too few providers billed), after '
                || 'excluding stale observations and outliers.', now(), now())
    on conflict (id) do nothing
    returning id),
methodology as (
    insert into index_methodology (index_id, version, method, trim_fraction, min_contributors, staleness_seconds,
                                   outlier_mad_multiple, change_reason, created_by, created_at)
    select id, 1, 'VOLUME_WEIGHTED_MEDIAN', 0, 3, 86400, 5, 'initial methodology', 'reference-data', now()
    from definition
    returning index_id)
select 'index ' || index_id || ' with methodology version 1' from methodology;
