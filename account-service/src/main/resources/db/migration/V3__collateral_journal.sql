-- The collateral ledger: an append-only double-entry journal. Balances are sums of postings, never stored.

create table journal_entry (
    id                  uuid         primary key,
    account_id          varchar(20)  not null references account (id),
    kind                varchar(30)  not null,
    idempotency_key     varchar(200) not null,
    -- SHA-256 (hex) of the canonical request: a reused key with different content is refused
    request_fingerprint char(64)     not null,
    reference           varchar(500) not null,
    created_by          varchar(200) not null,
    created_at          timestamptz  not null,
    constraint journal_entry_idempotency unique (account_id, idempotency_key)
);

create index journal_entry_by_account on journal_entry (account_id, created_at desc, id desc);

create table journal_posting (
    id          bigint       generated always as identity primary key,
    entry_id    uuid         not null references journal_entry (id),
    book        varchar(40)  not null,
    -- null on the CCP's own books (cash at bank, securities custody)
    account_id  varchar(20)  references account (id),
    asset_class varchar(10)  not null check (asset_class in ('CASH', 'SECURITY')),
    -- a currency code for cash, a security id otherwise
    asset       varchar(30)  not null,
    quantity    numeric      not null check (quantity <> 0)
);

create index journal_posting_by_entry on journal_posting (entry_id);
create index journal_posting_holdings on journal_posting (account_id, asset_class, asset) where account_id is not null;

-- History is never rewritten: a mistake is corrected by a new entry.
create function refuse_change_of_append_only_table() returns trigger
    language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'restrict_violation';
end
$$;

create trigger journal_entry_append_only before update or delete on journal_entry
    for each row execute function refuse_change_of_append_only_table();
create trigger journal_entry_no_truncate before truncate on journal_entry
    for each statement execute function refuse_change_of_append_only_table();
create trigger journal_posting_append_only before update or delete on journal_posting
    for each row execute function refuse_change_of_append_only_table();
create trigger journal_posting_no_truncate before truncate on journal_posting
    for each statement execute function refuse_change_of_append_only_table();

-- Double entry, checked again at commit: every entry's postings sum to zero per asset.
create function journal_entry_must_balance() returns trigger
    language plpgsql as $$
begin
    if exists (select 1 from journal_posting
               where entry_id = new.entry_id
               group by asset_class, asset
               having sum(quantity) <> 0) then
        raise exception 'journal entry % does not balance: its postings must sum to zero per asset', new.entry_id
            using errcode = 'check_violation';
    end if;
    return null;
end
$$;

create constraint trigger journal_posting_balanced after insert on journal_posting
    deferrable initially deferred
    for each row execute function journal_entry_must_balance();
