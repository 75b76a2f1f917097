-- Default management after a declaration: the transfers of the defaulter's positions (porting, auction lots,
-- hedges) that clearing-service books, porting offers, auction lots, auctions and their sealed bids.

-- A transfer as instructed (PositionTransferInstructed) and clearing-service's answer (BOOKED with its business
-- date, or REFUSED with the rule). transfer_id: D<default>-P<offer>, D<default>-A<auction>-<n>, D<default>-H<n>.
create table dm_transfer (
    transfer_id     varchar(40)   primary key,
    default_id      bigint        not null references member_default (default_id),
    purpose         varchar(10)   not null check (purpose in ('PORTING', 'AUCTION', 'HEDGE')),
    from_account_id varchar(20)   not null,
    from_member_id  varchar(20)   not null,
    to_account_id   varchar(20)   not null,
    to_member_id    varchar(20)   not null,
    price_date      date          not null,
    status          varchar(10)   not null check (status in ('INSTRUCTED', 'BOOKED', 'REFUSED')),
    instructed_by   varchar(100)  not null,
    instructed_at   timestamptz   not null,
    business_date   date,
    refusal_reason  varchar(30),
    refusal_detail  varchar(1000),
    answered_at     timestamptz,
    check ((status = 'INSTRUCTED') = (answered_at is null)),
    check ((status = 'REFUSED') = (refusal_reason is not null))
);
create index dm_transfer_by_default on dm_transfer (default_id, instructed_at);

-- The legs of a transfer: quantity is what the receiving account takes (positive: it buys), at price; the close-out
-- cost is what handing it over at that price instead of the last settlement price costs the CCP:
-- quantity x (settlement_price - price) x contract_unit, exact to the cent (negative: a gain).
create table dm_transfer_leg (
    transfer_id      varchar(40)    not null references dm_transfer (transfer_id),
    leg_no           integer        not null,
    instrument_id    varchar(32)    not null,
    quantity         bigint         not null check (quantity <> 0),
    price            numeric(30, 10) not null,
    settlement_price numeric(30, 10) not null,
    currency         char(3)        not null,
    contract_unit    numeric(18, 4) not null,
    close_out_cost   numeric(40, 2) not null,
    primary key (transfer_id, leg_no)
);

-- A client account of the defaulter offered to a receiving member for a window. At most one live offer (OPEN,
-- ACCEPTED or PORTED) per account; REJECTED, EXPIRED and FAILED ones leave it free for another offer or the
-- close-out.
create table porting_offer (
    offer_id             bigint generated always as identity primary key,
    default_id           bigint        not null references member_default (default_id),
    account_id           varchar(20)   not null,
    account_type         varchar(20)   not null check (account_type in ('CLIENT_SEGREGATED', 'CLIENT_OMNIBUS')),
    receiving_member_id  varchar(20)   not null,
    status               varchar(10)   not null
        check (status in ('OPEN', 'ACCEPTED', 'PORTED', 'FAILED', 'REJECTED', 'EXPIRED')),
    deadline             timestamptz   not null,
    offered_by           varchar(100)  not null,
    offered_at           timestamptz   not null,
    receiving_account_id varchar(20),
    decided_by           varchar(100),
    decided_at           timestamptz,
    transfer_id          varchar(40)   references dm_transfer (transfer_id),
    check ((status = 'OPEN') = (decided_at is null)),
    check ((status in ('ACCEPTED', 'PORTED', 'FAILED')) = (transfer_id is not null))
);
create unique index porting_offer_live on porting_offer (account_id) where status in ('OPEN', 'ACCEPTED', 'PORTED');
create index porting_offer_by_default on porting_offer (default_id, offer_id);
create index porting_offer_by_receiver on porting_offer (receiving_member_id, offer_id desc);
create index porting_offer_due on porting_offer (deadline) where status = 'OPEN';

-- Lots: the close-out portfolio (house accounts and unported client accounts) split into whole positions, one
-- currency per lot. A position is in at most one lot that is not UNSOLD.
create table auction_lot (
    lot_id     bigint generated always as identity primary key,
    default_id bigint       not null references member_default (default_id),
    name       varchar(40)  not null,
    currency   char(3)      not null,
    status     varchar(10)  not null check (status in ('AUCTIONING', 'SOLD', 'UNSOLD')),
    created_by varchar(100) not null,
    created_at timestamptz  not null,
    unique (default_id, name)
);

create table auction_lot_position (
    lot_id         bigint         not null references auction_lot (lot_id),
    account_id     varchar(20)    not null,
    instrument_id  varchar(32)    not null,
    long_quantity  bigint         not null check (long_quantity >= 0),
    short_quantity bigint         not null check (short_quantity >= 0),
    settlement_price numeric(30, 10) not null,
    contract_unit  numeric(18, 4) not null,
    primary key (lot_id, account_id, instrument_id),
    check (long_quantity > 0 or short_quantity > 0)
);

-- A sealed-bid auction of one lot: bids until the deadline, then closed by the default manager: the lowest cost
-- wins (ties: the earlier bid).
create table auction (
    auction_id     bigint generated always as identity primary key,
    lot_id         bigint        not null references auction_lot (lot_id),
    default_id     bigint        not null references member_default (default_id),
    price_date     date          not null,
    deadline       timestamptz   not null,
    status         varchar(10)   not null check (status in ('OPEN', 'AWARDED', 'NO_BIDS')),
    opened_by      varchar(100)  not null,
    opened_at      timestamptz   not null,
    closed_by      varchar(100),
    closed_at      timestamptz,
    winning_bid_id bigint,
    check ((status = 'OPEN') = (closed_at is null)),
    check ((status = 'AWARDED') = (winning_bid_id is not null))
);
create unique index auction_one_open_per_lot on auction (lot_id) where status = 'OPEN';
create index auction_by_default on auction (default_id, auction_id);

-- Who is invited (every active member but the defaulter when the auction opened) and who must bid.
create table auction_invitation (
    auction_id bigint      not null references auction (auction_id),
    member_id  varchar(20) not null,
    obliged    boolean     not null,
    primary key (auction_id, member_id)
);
create index auction_invitation_by_member on auction_invitation (member_id, auction_id desc);

-- A member's bid: the amount the CCP pays it (positive) or it pays the CCP (negative) to take the whole lot into
-- account_id. One bid per member and auction.
create table auction_bid (
    bid_id     bigint generated always as identity primary key,
    auction_id bigint        not null references auction (auction_id),
    member_id  varchar(20)   not null,
    account_id varchar(20)   not null,
    amount     numeric(17, 2) not null,
    currency   char(3)       not null,
    placed_by  varchar(100)  not null,
    placed_at  timestamptz   not null,
    unique (auction_id, member_id)
);

alter table auction add constraint auction_winning_bid foreign key (winning_bid_id) references auction_bid (bid_id);
alter table dm_transfer add column auction_id bigint references auction (auction_id);
