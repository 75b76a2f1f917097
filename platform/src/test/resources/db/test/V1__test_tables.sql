create table probe_counter (
    name  varchar(50) primary key,
    value bigint not null
);

create table probe_applied (
    position bigint generated always as identity primary key,
    counter  varchar(50) not null,
    by       bigint      not null
);
