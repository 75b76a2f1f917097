-- Member affiliation: a member may name a parent (the group counts as one in the risk service's Cover-2).

alter table clearing_member add column parent_member_id varchar(20) references clearing_member (id);
alter table clearing_member add constraint clearing_member_not_own_parent check (parent_member_id <> id);
