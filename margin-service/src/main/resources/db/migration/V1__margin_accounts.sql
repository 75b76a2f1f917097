-- The accounts margin-service computes requirements for, projected from account-service's events on ccp.accounts.v1.

create table margin_account (
    id            varchar(40) primary key,
    member_id     varchar(20) not null,
    -- picks the initial-to-maintenance ratio once risk parameters exist
    account_type  varchar(30) not null,
    base_currency varchar(3)  not null,
    status        varchar(20) not null,
    opened_at     timestamptz not null,
    updated_at    timestamptz not null
);

create index margin_account_member on margin_account (member_id);
