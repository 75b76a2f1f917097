-- The accounts settlement-service posts cash flows to and issues statements for, projected from account-service's
-- events on ccp.accounts.v1.

create table settlement_account (
    id            varchar(40) primary key,
    member_id     varchar(20) not null,
    base_currency varchar(3)  not null,
    status        varchar(20) not null,
    opened_at     timestamptz not null,
    updated_at    timestamptz not null
);

create index settlement_account_member on settlement_account (member_id);
