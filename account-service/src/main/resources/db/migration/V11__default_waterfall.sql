-- The default waterfall: a defaulter's close-out loss covered layer by layer as journal entries, once per default.

-- The waterfall applied for a default, in the default fund's currency: what each layer bore and what stayed
-- uncovered (they add up to the loss). The journal entries that carried it out are listed in
-- default_waterfall_entry; their kinds (DEFAULT_COLLATERAL_APPLIED, DEFAULT_FUND_APPLIED, CCP_TRANCHE_APPLIED,
-- DEFAULT_ASSESSMENT, DEFAULT_LOSS_COVERED) and books (CCP_DEFAULT_LOSS, CCP_OWN_FUNDS) are not constrained in SQL,
-- and a CCP_TRANCHE_APPLIED entry is owned by the defaulter member (journal_entry_one_owner is unchanged).
create table default_waterfall (
    default_id             bigint       primary key references default_case (default_id),
    member_id              varchar(20)  not null unique references clearing_member (id),
    currency               varchar(3)   not null,
    loss                   numeric      not null check (loss >= 0),
    defaulter_collateral   numeric      not null check (defaulter_collateral >= 0),
    defaulter_contribution numeric      not null check (defaulter_contribution >= 0),
    ccp_tranche            numeric      not null check (ccp_tranche >= 0),
    survivor_contributions numeric      not null check (survivor_contributions >= 0),
    survivor_assessments   numeric      not null check (survivor_assessments >= 0),
    uncovered              numeric      not null check (uncovered >= 0),
    applied_by             varchar(200) not null,
    applied_at             timestamptz  not null,
    check (defaulter_collateral + defaulter_contribution + ccp_tranche + survivor_contributions
               + survivor_assessments + uncovered = loss)
);

-- What each surviving member bore: from its contribution, and assessed beyond it.
create table default_waterfall_survivor (
    default_id        bigint      not null references default_waterfall (default_id),
    member_id         varchar(20) not null references clearing_member (id),
    from_contribution numeric     not null check (from_contribution >= 0),
    assessed          numeric     not null check (assessed >= 0),
    primary key (default_id, member_id)
);

-- What the defaulter's accounts still owe in other currencies than the fund's (the waterfall does not cover them).
create table default_waterfall_owed (
    default_id bigint     not null references default_waterfall (default_id),
    currency   varchar(3) not null,
    amount     numeric    not null check (amount > 0),
    primary key (default_id, currency)
);

-- The journal entries, in the order they were made.
create table default_waterfall_entry (
    default_id bigint  not null references default_waterfall (default_id),
    position   integer not null,
    entry_id   uuid    not null unique references journal_entry (id),
    primary key (default_id, position)
);

-- A waterfall is history, as the journal is.
create trigger default_waterfall_append_only before update or delete on default_waterfall
    for each row execute function refuse_change_of_append_only_table();
create trigger default_waterfall_survivor_append_only before update or delete on default_waterfall_survivor
    for each row execute function refuse_change_of_append_only_table();
create trigger default_waterfall_owed_append_only before update or delete on default_waterfall_owed
    for each row execute function refuse_change_of_append_only_table();
create trigger default_waterfall_entry_append_only before update or delete on default_waterfall_entry
    for each row execute function refuse_change_of_append_only_table();
