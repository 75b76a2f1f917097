-- The default stress scenarios for the default catalogue (clearing-service: GH100, GB200 in USD; TKFRN in USD, TKFRC
-- in CNY), as version 1, created by 'reference-data'. Reference data, not schema: loaded at start-up only when
-- ccp.reference-data.defaults is on (DefaultScenarios), and only the scenarios that are absent; the risk department
-- revises them over REST (PUT /scenarios/{id}). Moves are relative: -0.40 is 40 % down (docs/methodology.md).
-- Scenario and shocks go in one statement, so only the scenarios added here get shocks (the foreign key is checked at
-- the statement's end; a data-modifying WITH runs whether or not the final select reads it).
with scenario as (
    insert into stress_scenario (scenario_id, version, name, kind, active, fx_shock, direction, holding_days,
                                 created_by, created_at)
    values ('GPU-GLUT', 1, 'GPU glut: H100 and B200 rental prices down 40 %', 'HYPOTHETICAL', true, null, null, null,
            'reference-data', now()),
           ('GPU-SUPPLY-SHOCK', 1, 'GPU supply shock: H100 and B200 rental prices up 60 %', 'HYPOTHETICAL', true,
            null, null, null, 'reference-data', now()),
           ('TOKEN-COLLAPSE', 1, 'Token price collapse after a model release: token prices down 50 %',
            'HYPOTHETICAL', true, null, null, null, 'reference-data', now()),
           ('GPU-UP-TOKEN-DOWN', 1, 'GPU and token prices apart: GPU up 40 %, tokens down 40 %', 'HYPOTHETICAL',
            true, null, null, null, 'reference-data', now()),
           ('GPU-DOWN-TOKEN-UP', 1, 'GPU and token prices apart: GPU down 40 %, tokens up 40 %', 'HYPOTHETICAL',
            true, null, null, null, 'reference-data', now()),
           ('CNY-WEAKER', 1, 'CNY move: USD/CNY up 10 %', 'HYPOTHETICAL', true, 0.10, null, null,
            'reference-data', now()),
           ('CNY-STRONGER', 1, 'CNY move: USD/CNY down 10 %', 'HYPOTHETICAL', true, -0.10, null, null,
            'reference-data', now()),
           ('HISTORICAL-WORST-DOWN', 1, 'Historical worst fall of each index over 2 business days', 'HISTORICAL',
            true, null, 'DOWN', 2, 'reference-data', now()),
           ('HISTORICAL-WORST-UP', 1, 'Historical worst rise of each index over 2 business days', 'HISTORICAL',
            true, null, 'UP', 2, 'reference-data', now())
    on conflict (scenario_id, version) do nothing
    returning scenario_id),
shock as (
    insert into stress_scenario_shock (scenario_id, version, family, contract_month, kind, value)
    select s.scenario_id, 1, v.family, null, 'RELATIVE', v.value
    from scenario s
    join (values ('GPU-GLUT', 'GH100', -0.40), ('GPU-GLUT', 'GB200', -0.40),
                 ('GPU-SUPPLY-SHOCK', 'GH100', 0.60), ('GPU-SUPPLY-SHOCK', 'GB200', 0.60),
                 ('TOKEN-COLLAPSE', 'TKFRN', -0.50), ('TOKEN-COLLAPSE', 'TKFRC', -0.50),
                 ('GPU-UP-TOKEN-DOWN', 'GH100', 0.40), ('GPU-UP-TOKEN-DOWN', 'GB200', 0.40),
                 ('GPU-UP-TOKEN-DOWN', 'TKFRN', -0.40), ('GPU-UP-TOKEN-DOWN', 'TKFRC', -0.40),
                 ('GPU-DOWN-TOKEN-UP', 'GH100', -0.40), ('GPU-DOWN-TOKEN-UP', 'GB200', -0.40),
                 ('GPU-DOWN-TOKEN-UP', 'TKFRN', 0.40), ('GPU-DOWN-TOKEN-UP', 'TKFRC', 0.40))
        as v (scenario_id, family, value) on v.scenario_id = s.scenario_id
    returning scenario_id)
select 'stress scenario ' || scenario_id || ' version 1' from scenario;
