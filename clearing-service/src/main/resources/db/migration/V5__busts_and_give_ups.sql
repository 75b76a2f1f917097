-- Busts, corrections and give-ups. Legs are a journal: nothing is deleted or rewritten. A bust or a give-up adds a
-- REVERSAL leg (same side, opposite sign) for each leg it takes back and marks that leg reversed; a give-up adds a
-- GIVE_UP leg for the receiving account. Positions as at a date are the sum of all legs up to it.

alter table trade add column busted_at timestamptz;
alter table trade add column bust_reason varchar(500);
-- A correction is a bust of the original and a new trade that points back at it.
alter table trade add column corrects_trade_id bigint references trade (id);
create index trade_by_corrects on trade (corrects_trade_id) where corrects_trade_id is not null;

alter table trade_leg add column kind varchar(10) not null default 'NOVATION'
    check (kind in ('NOVATION', 'GIVE_UP', 'REVERSAL'));
alter table trade_leg add column reversed boolean not null default false;
alter table trade_leg add column reverses_leg_id bigint references trade_leg (id);
-- The side says which gross bucket a leg belongs to; a REVERSAL takes contracts back out of it.
alter table trade_leg drop constraint trade_leg_check;
alter table trade_leg drop constraint trade_leg_trade_id_side_key;
alter table trade_leg add constraint trade_leg_sign_check
    check (((side = 'BUY') = (quantity > 0)) = (kind <> 'REVERSAL'));
alter table trade_leg add constraint trade_leg_reversal_check
    check ((kind = 'REVERSAL') = (reverses_leg_id is not null));
create index trade_leg_by_trade on trade_leg (trade_id);

-- A request to move one leg of a trade to another member's account; it takes effect when that member accepts.
create sequence give_up_seq start with 1 increment by 50;
create table give_up (
    id              bigint      primary key,
    trade_id        bigint      not null references trade (id),
    leg_id          bigint      not null references trade_leg (id),
    side            varchar(4)  not null check (side in ('BUY', 'SELL')),
    from_account_id varchar(40) not null,
    from_member_id  varchar(20) not null,
    to_account_id   varchar(40) not null,
    to_member_id    varchar(20) not null,
    status          varchar(10) not null check (status in ('PENDING', 'ACCEPTED', 'REJECTED')),
    requested_by    varchar(100) not null,
    requested_at    timestamptz not null,
    decided_by      varchar(100),
    decided_at      timestamptz,
    check (from_member_id <> to_member_id)
);
create index give_up_by_from_member on give_up (from_member_id, status);
create index give_up_by_to_member on give_up (to_member_id, status);
-- At most one pending give-up per leg.
create unique index give_up_pending_per_leg on give_up (leg_id) where status = 'PENDING';
