-- The account directory (platform, for the services that set ccp.account-directory.enabled): members and accounts as
-- account-service published them on ccp.accounts.v1.

-- A member's standing, kept so that an account opened after its member was suspended starts out suspended too.
create table known_member (
    id         varchar(20) primary key,
    status     varchar(20) not null,
    updated_at timestamptz not null
);

create table known_account (
    id            varchar(40) primary key,
    member_id     varchar(20) not null,
    account_type  varchar(30) not null,
    base_currency varchar(3)  not null,
    status        varchar(20) not null,
    -- null until the member's registration has been seen (member and account events travel on different keys)
    member_status varchar(20),
    updated_at    timestamptz not null
);

create index known_account_member on known_account (member_id);
