-- Margin calls from one consistent snapshot per settlement cycle. settlement-service closes a cycle per account
-- (AccountCycleSettled, after the account's postings of the cycle) and margin-service margins the account at the
-- cycle's prices (MarginRequirementCalculated with the cycle id). The two arrive on different topics in either order;
-- this table holds what has arrived of each account's cycle until both are there, then records the call decision.
create table settlement_cycle (
    cycle_id               varchar(60)  not null,
    account_id             varchar(20)  not null references account (id),
    member_id              varchar(20)  not null references clearing_member (id),
    business_date          date,
    -- when the cycle's closing event arrived (its postings are booked by then); null until then
    cash_settled_at        timestamptz,
    -- the initial margin per currency at the cycle's prices ({"USD": 7150.00}); null until it arrives
    initial_margins        jsonb,
    requirement_calculated_at timestamptz,
    status                 varchar(20)  not null check (status in ('PENDING', 'CALLED', 'COVERED', 'SUPERSEDED')),
    -- the snapshot the decision was taken on, in the account's base currency
    base_currency          varchar(3),
    requirement            numeric,
    collateral_value       numeric,
    excess                 numeric,
    call_id                uuid         references margin_call (id),
    decided_at             timestamptz,
    primary key (cycle_id, account_id),
    check ((status in ('CALLED', 'COVERED')) = (decided_at is not null))
);

create index settlement_cycle_pending on settlement_cycle (account_id) where status = 'PENDING';
create index settlement_cycle_by_account on settlement_cycle (account_id, business_date desc);

-- The cycle whose snapshot set a call's amount (null for calls issued before cycles existed).
alter table margin_call add column cycle_id varchar(60);
