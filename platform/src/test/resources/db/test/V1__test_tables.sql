create table probe_counter (
    name  varchar(50) primary key,
    value bigint not null
);
