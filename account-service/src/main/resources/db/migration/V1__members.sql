create table clearing_member (
    id              varchar(20)  primary key,
    legal_name      varchar(200) not null,
    lei             char(20)     not null unique,
    membership_type varchar(30)  not null,
    status          varchar(20)  not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
