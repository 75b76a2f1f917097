-- The latest margin requirement per account, as published by margin-service. A newer calculation replaces the
-- whole set of currency lines; an older one arriving late is ignored.

create table margin_requirement (
    account_id    varchar(20)  primary key references account (id),
    calculated_at timestamptz  not null,
    event_id      uuid         not null,
    received_at   timestamptz  not null
);

create table margin_requirement_line (
    account_id         varchar(20) not null references margin_requirement (account_id),
    currency           varchar(3)  not null,
    initial_margin     numeric     not null check (initial_margin >= 0),
    maintenance_margin numeric     not null check (maintenance_margin >= 0),
    primary key (account_id, currency)
);
