-- Shared by every service (shipped in the platform jar): the transactional outbox and the consumer inbox.

create table outbox_event (
    position       bigint generated always as identity primary key,
    event_id       uuid         not null unique,
    topic          varchar(200) not null,
    aggregate_type varchar(50)  not null,
    aggregate_id   varchar(100) not null,
    event_type     varchar(100) not null,
    schema_version integer      not null,
    occurred_at    timestamptz  not null,
    payload        jsonb        not null,
    published_at   timestamptz
);

create index outbox_event_pending on outbox_event (position) where published_at is null;

create table inbox_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    event_type   varchar(100) not null,
    aggregate_id varchar(100) not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);
