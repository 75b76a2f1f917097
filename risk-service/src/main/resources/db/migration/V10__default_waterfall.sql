-- The default waterfall as account-service applied it (DefaultWaterfallApplied), for the default report: the
-- amounts per layer and the whole event as published (survivors' shares, other currencies, journal entry ids).
create table default_waterfall (
    default_id             bigint        primary key,
    member_id              varchar(20)   not null,
    currency               char(3)       not null,
    loss                   numeric(17, 2) not null,
    uncovered              numeric(17, 2) not null,
    applied_by             varchar(100)  not null,
    applied_at             timestamptz   not null,
    event                  jsonb         not null
);
