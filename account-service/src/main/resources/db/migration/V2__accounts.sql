-- Accounts of clearing members, and the reason behind the latest status change of a member or account.

alter table clearing_member add column status_reason varchar(500);

create table account (
    id            varchar(20)  primary key,
    member_id     varchar(20)  not null references clearing_member (id),
    type          varchar(30)  not null check (type in ('HOUSE', 'CLIENT_OMNIBUS', 'CLIENT_SEGREGATED')),
    status        varchar(20)  not null check (status in ('ACTIVE', 'SUSPENDED')),
    base_currency varchar(3)   not null,
    status_reason varchar(500),
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);

create index account_by_member on account (member_id);
