-- Default-management transfers: risk-service instructs moving a defaulted member's positions to another member's
-- account (PositionTransferInstructed). Each instruction is recorded once, booked or refused, so the same transfer id
-- again changes nothing; a booked one made one transfer trade per leg.

create table position_transfer (
    transfer_id     varchar(50)  primary key,
    default_id      bigint       not null,
    purpose         varchar(10)  not null check (purpose in ('PORTING', 'AUCTION', 'HEDGE')),
    from_account_id varchar(40)  not null,
    from_member_id  varchar(20)  not null,
    to_account_id   varchar(40)  not null,
    to_member_id    varchar(20)  not null,
    price_date      date         not null,
    -- the legs as instructed ([{instrumentId, quantity, price}]), so a repeated transfer id can be compared with them
    legs            jsonb        not null,
    instructed_by   varchar(100) not null,
    instructed_at   timestamptz  not null,
    status          varchar(10)  not null check (status in ('BOOKED', 'REFUSED')),
    -- the date the transfer trades belong to: the first open business day after price_date
    business_date   date         references business_day (business_date),
    refusal_reason  varchar(20),
    refusal_detail  varchar(1000),
    decided_at      timestamptz  not null,
    event_id        uuid         not null,
    check ((status = 'BOOKED') = (business_date is not null)),
    check ((status = 'REFUSED') = (refusal_reason is not null))
);

create index position_transfer_by_from_account on position_transfer (from_account_id);

-- A transfer trade: its exchange trade id is the CCP's own (DM:<transferId>/<leg>), never the exchange's.
alter table trade add column transfer_id varchar(50) references position_transfer (transfer_id);
create index trade_by_transfer on trade (transfer_id) where transfer_id is not null;

-- TRANSFER legs: the receiving account's leg adds like a novation leg (BUY +q, SELL -q); the defaulter's leg of a
-- porting or an auction takes the contracts out of the bucket it holds them in, like a reversal (same side, opposite
-- sign), and its leg of a hedge is a plain opposite leg. So a TRANSFER leg may carry either sign.
alter table trade_leg drop constraint trade_leg_kind_check;
alter table trade_leg add constraint trade_leg_kind_check
    check (kind in ('NOVATION', 'GIVE_UP', 'REVERSAL', 'TRANSFER'));
alter table trade_leg drop constraint trade_leg_sign_check;
alter table trade_leg add constraint trade_leg_sign_check
    check (kind = 'TRANSFER' or ((side = 'BUY') = (quantity > 0)) = (kind <> 'REVERSAL'));
