-- The default fund: each member's contributions, required contribution and contribution calls.

-- Default fund entries belong to a member, not to an account: exactly one of the two owns an entry. Their postings
-- are on book DEFAULT_FUND (the member's contribution) against CCP_DEFAULT_FUND (the fund's cash at the bank), so
-- no account's holdings (book MEMBER_COLLATERAL) ever include them.
alter table journal_entry alter column account_id drop not null;
alter table journal_entry add column member_id varchar(20) references clearing_member (id);
alter table journal_entry add constraint journal_entry_one_owner check ((account_id is null) <> (member_id is null));
create unique index journal_entry_member_idempotency on journal_entry (member_id, idempotency_key)
    where member_id is not null;
create index journal_entry_by_member on journal_entry (member_id, created_at desc, id desc)
    where member_id is not null;

alter table journal_posting add column member_id varchar(20) references clearing_member (id);
alter table journal_posting add constraint journal_posting_default_fund_member
    check ((book = 'DEFAULT_FUND') = (member_id is not null));
create index journal_posting_default_fund on journal_posting (member_id) where member_id is not null;

-- The member's required contribution from the risk service's latest sizing (a lower sizing id arriving late is
-- ignored).
create table default_fund_requirement (
    member_id      varchar(20) primary key references clearing_member (id),
    currency       varchar(3)  not null,
    amount         numeric     not null check (amount >= 0),
    sizing_id      bigint      not null,
    effective_date date        not null,
    required_at    timestamptz not null,
    applied_at     timestamptz not null
);

create table contribution_call (
    id                        uuid        primary key,
    member_id                 varchar(20) not null references clearing_member (id),
    currency                  varchar(3)  not null,
    amount                    numeric     not null check (amount > 0),
    required                  numeric     not null,
    held                      numeric     not null,
    sizing_id                 bigint      not null,
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

-- At most one outstanding contribution call per member.
create unique index contribution_call_one_outstanding on contribution_call (member_id)
    where status in ('OPEN', 'ESCALATED');
create index contribution_call_overdue on contribution_call (deadline) where status = 'OPEN';
create index contribution_call_by_member on contribution_call (member_id, issued_at desc);
