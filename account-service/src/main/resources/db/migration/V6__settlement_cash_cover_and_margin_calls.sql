-- Settlement cash from settlement-service booked into the journal, each account's latest cover, and margin calls.
-- Journal entries of kinds VARIATION_MARGIN and FINAL_SETTLEMENT post between the account's cash (book
-- MEMBER_COLLATERAL, which may now go negative: unpaid variation margin) and the CCP's settlement account (book
-- CCP_SETTLEMENT); the balancing and append-only triggers of V3 apply to them unchanged.

-- Each posting is booked once whatever event carries it: its id (kind:businessDate:accountId:currency) is the key.
create table settlement_posting (
    posting_id    varchar(200) primary key,
    event_id      uuid         not null,
    kind          varchar(30)  not null check (kind in ('VARIATION_MARGIN', 'FINAL_SETTLEMENT')),
    business_date date         not null,
    account_id    varchar(20)  not null references account (id),
    currency      varchar(3)   not null,
    amount        numeric      not null,
    -- null for a zero posting, which moves no cash
    entry_id      uuid         references journal_entry (id),
    posted_at     timestamptz  not null,
    booked_at     timestamptz  not null
);

create index settlement_posting_by_account on settlement_posting (account_id, business_date);

-- The latest cover per account, in its base currency.
create table cover_assessment (
    account_id       varchar(20) primary key references account (id),
    base_currency    varchar(3)  not null,
    collateral_value numeric     not null,
    requirement      numeric     not null check (requirement >= 0),
    excess           numeric     not null,
    cause            varchar(30) not null,
    assessed_at      timestamptz not null,
    check (excess = collateral_value - requirement)
);

create table margin_call (
    id                        uuid        primary key,
    account_id                varchar(20) not null references account (id),
    member_id                 varchar(20) not null references clearing_member (id),
    currency                  varchar(3)  not null,
    amount                    numeric     not null check (amount > 0),
    requirement               numeric     not null,
    collateral_value          numeric     not null,
    status                    varchar(20) not null check (status in ('OPEN', 'SETTLED', 'ESCALATED')),
    deadline                  timestamptz not null,
    issued_at                 timestamptz not null,
    amount_raised_at          timestamptz,
    settled_at                timestamptz,
    settled_reason            varchar(50),
    escalated_at              timestamptz,
    outstanding_at_escalation numeric,
    check ((status = 'SETTLED') = (settled_at is not null))
);

-- At most one outstanding call per account and currency.
create unique index margin_call_one_outstanding on margin_call (account_id, currency)
    where status in ('OPEN', 'ESCALATED');
create index margin_call_overdue on margin_call (deadline) where status = 'OPEN';
create index margin_call_by_member on margin_call (member_id, issued_at desc);
