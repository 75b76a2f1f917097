-- Shared by every service (shipped in the platform jar): events a consumer could not apply, kept per consumer and
-- aggregate in arrival order until an operator replays or discards them. Rows stay as the record of what happened.

create table parked_event (
    id             bigint generated always as identity primary key,
    consumer       varchar(100)  not null,
    event_id       uuid,                          -- null for a record that is not an event envelope
    event_type     varchar(100),
    aggregate_id   varchar(200)  not null,        -- the envelope's aggregateId, else the Kafka key
    payload        text          not null,        -- the record as received
    reason         varchar(1000) not null,
    parked_at      timestamptz   not null,
    status         varchar(20)   not null check (status in ('PARKED', 'REPLAYED', 'DISCARDED')),
    replayed_at    timestamptz,
    replayed_by    varchar(200),
    discarded_at   timestamptz,
    discarded_by   varchar(200),
    discard_reason varchar(1000)
);

-- A redelivered record that is already parked is not parked twice.
create unique index parked_event_once on parked_event (consumer, event_id) where event_id is not null;
create index parked_event_waiting on parked_event (consumer, aggregate_id, id) where status = 'PARKED';
