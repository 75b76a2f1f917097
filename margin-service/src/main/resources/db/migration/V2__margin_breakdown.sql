-- The breakdown published in MarginRequirementCalculated (one CommodityCharge per combined commodity, scale 2), kept
-- beside the engine's exact figures so that GET /margin/accounts/{id} shows what the event said.
alter table account_margin add column charges jsonb not null default '[]';

-- Finding the accounts that hold an instrument, when its settlement price changes.
create index account_position_instrument on account_position (instrument_id);
