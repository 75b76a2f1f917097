-- Client accounts ported in default management. clearing-service books a default-management transfer of positions
-- (PositionsTransferred, purpose PORTING); account-service then moves the giving account's collateral to the
-- receiving account in the journal: per asset a PORTED_OUT entry on the giving account and a PORTED_IN entry on the
-- receiving one, through the CCP's transit book CCP_PORTING (journal kinds and books are not constrained in SQL, so
-- those need no change here). Each transfer's collateral moves once whatever event carries it: its id is the key.
create table ported_transfer (
    transfer_id     varchar(100) primary key,
    event_id        uuid         not null,
    default_id      bigint       not null,
    from_account_id varchar(20)  not null references account (id),
    to_account_id   varchar(20)  not null references account (id),
    -- how many holdings (currencies and securities) moved; 0 when the account held nothing
    assets_moved    integer      not null check (assets_moved >= 0),
    ported_at       timestamptz  not null,
    check (from_account_id <> to_account_id)
);

create index ported_transfer_from_account on ported_transfer (from_account_id);
create index ported_transfer_to_account on ported_transfer (to_account_id);
