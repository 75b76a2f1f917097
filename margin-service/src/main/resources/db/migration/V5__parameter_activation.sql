-- Risk parameter versions whose effective date has arrived and whose families' accounts have been re-margined with
-- them. A version effective today is applied when it is recorded; a future-dated one by the scheduled check.
create table risk_parameters_applied (
    family     varchar(16) not null,
    version    integer     not null,
    applied_at timestamptz not null,
    primary key (family, version)
);
