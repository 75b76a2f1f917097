-- The accounts clearing-service accepts trades for, projected from account-service's events on ccp.accounts.v1.

-- A member's standing, kept so that an account opened after its member was suspended starts out suspended too.
create table clearing_member (
    id         varchar(20) primary key,
    status     varchar(20) not null,
    updated_at timestamptz not null
);

create table clearing_account (
    id            varchar(40) primary key,
    member_id     varchar(20) not null,
    account_type  varchar(30) not null,
    base_currency varchar(3)  not null,
    status        varchar(20) not null,
    -- null until the member's registration has been seen (member and account events travel on different keys)
    member_status varchar(20),
    opened_at     timestamptz not null,
    updated_at    timestamptz not null
);

create index clearing_account_member on clearing_account (member_id);
