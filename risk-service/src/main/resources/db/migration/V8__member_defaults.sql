-- Default management: a member's default as proposed, then approved by a second person (DECLARED) or withdrawn. A
-- member has at most one case PROPOSED or DECLARED at a time; an escalated call proposes at most one.
create table member_default (
    default_id        bigint generated always as identity primary key,
    member_id         varchar(20)  not null,
    reason            varchar(30)  not null check (reason in ('MISSED_MARGIN_CALL', 'MISSED_CONTRIBUTION_CALL',
                                                              'INSOLVENCY', 'REGULATOR')),
    detail            varchar(500) not null,
    call_id           varchar(40),
    status            varchar(10)  not null check (status in ('PROPOSED', 'WITHDRAWN', 'DECLARED')),
    proposed_by       varchar(100) not null,
    proposed_at       timestamptz  not null,
    decided_by        varchar(100),
    decided_at        timestamptz,
    withdrawal_reason varchar(500),
    check ((status = 'PROPOSED') = (decided_at is null)),
    check ((status = 'WITHDRAWN') = (withdrawal_reason is not null))
);
create unique index member_default_open on member_default (member_id) where status in ('PROPOSED', 'DECLARED');
create unique index member_default_call on member_default (call_id) where call_id is not null;
create index member_default_newest on member_default (default_id desc);
