-- The stress run an end of day asked for: null while it waits for its inputs (a price or a rate of the date that has
-- not arrived yet on its own topic), then the run made for it. A new EndOfDayRunCompleted of the same date (settlement
-- ran the date again) clears it, so the date is stressed again.
alter table risk_end_of_day_run add column stress_run_id bigint references stress_run (run_id);
create index risk_end_of_day_run_waiting on risk_end_of_day_run (business_date) where stress_run_id is null;
