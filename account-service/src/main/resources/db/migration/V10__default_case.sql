-- Each member's default as risk-service declared it (MemberDefaultDeclared): its id names the default case default
-- management works on, which the default waterfall belongs to. A member defaults once (DEFAULTED is final), so a
-- member has at most one.
create table default_case (
    default_id  bigint      primary key,
    member_id   varchar(20) not null unique references clearing_member (id),
    declared_at timestamptz not null,
    recorded_at timestamptz not null,
    -- the cash the member's house accounts held in the default fund's currency when the default was recorded (each
    -- account's balance when positive): the collateral the close-out's loss is drawn on first
    house_cash  numeric     not null check (house_cash >= 0)
);

-- Members defaulted before this table existed: their status reason begins with "default <id>:" (MemberService). When
-- the declaration was made is not kept, so the status change's time stands for it; their house cash then is not known
-- either (0: what their accounts owe is all the waterfall counts).
insert into default_case (default_id, member_id, declared_at, recorded_at, house_cash)
select cast(substring(status_reason from '^default ([0-9]+):') as bigint), id, updated_at, updated_at, 0
from clearing_member
where status = 'DEFAULTED' and status_reason ~ '^default [0-9]+:';
