-- Indices the contracts settle against (docs/methodology.md, IOSCO principles for financial benchmarks): their
-- definitions, versioned methodologies, every published value (provider or computed, every version kept), the panel
-- observations computed values come from, and the audit trail of each computation's inputs.

create table index_definition (
    id               varchar(40)  primary key,
    name             varchar(200) not null,
    -- what one unit of the index is, e.g. "USD per GPU-hour (H100)"
    unit             varchar(100) not null,
    currency         varchar(3)   not null check (currency ~ '^[A-Z]{3}$'),
    -- decimals the index is published with; every value is stored at this scale
    value_scale      integer      not null check (value_scale between 0 and 10),
    -- the daily publication (and default computation cut-off) time, local to publication_zone
    publication_time time         not null,
    publication_zone varchar(60)  not null,
    -- the published methodology statement in words
    description      text         not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);

-- A methodology version is never changed once written; a new version supersedes it. The latest is in force.
create table index_methodology (
    id                   bigserial     primary key,
    index_id             varchar(40)   not null references index_definition (id),
    version              integer       not null check (version >= 1),
    method               varchar(30)   not null check (method in ('VOLUME_WEIGHTED_MEDIAN', 'TRIMMED_MEAN')),
    -- fraction of total volume trimmed from each tail (TRIMMED_MEAN only)
    trim_fraction        numeric       not null default 0 check (trim_fraction >= 0 and trim_fraction < 0.5),
    min_contributors     integer       not null check (min_contributors >= 1),
    staleness_seconds    bigint        not null check (staleness_seconds > 0),
    -- k in "exclude when |price - median| > k x MAD"
    outlier_mad_multiple numeric       not null check (outlier_mad_multiple > 0),
    change_reason        text          not null,
    created_by           varchar(100)  not null,
    created_at           timestamptz   not null,
    unique (index_id, version)
);

create table index_observation (
    id                    bigserial     primary key,
    index_id              varchar(40)   not null references index_definition (id),
    -- the client's id for the observation: a resubmission with the same id is a replay
    client_observation_id varchar(100)  not null,
    provider              varchar(100)  not null,
    kind                  varchar(12)   not null check (kind in ('TRANSACTION', 'LISTING')),
    price                 numeric not null,
    volume                numeric       not null check (volume > 0),
    observed_at           timestamptz   not null,
    submitted_by          varchar(100)  not null,
    submitted_at          timestamptz   not null,
    unique (index_id, client_observation_id)
);

create index index_observation_by_time on index_observation (index_id, observed_at);

create table index_computation (
    id                  bigserial     primary key,
    index_id            varchar(40)   not null references index_definition (id),
    value_date          date          not null,
    cutoff              timestamptz   not null,
    methodology_version integer       not null,
    method              varchar(30)   not null,
    -- the method's exact result before rounding to the index's scale, and the published (rounded) value
    unrounded_value     numeric       not null,
    value               numeric not null,
    contributors        integer       not null,
    value_version       integer       not null,
    restatement_reason  text,
    computed_by         varchar(100)  not null,
    computed_at         timestamptz   not null,
    foreign key (index_id, methodology_version) references index_methodology (index_id, version),
    unique (index_id, value_date, value_version)
);

-- Every observation a computation considered, with whether it was used and, if not, why.
create table index_computation_input (
    computation_id bigint       not null references index_computation (id),
    observation_id bigint       not null references index_observation (id),
    status         varchar(30)  not null
        check (status in ('USED', 'EXCLUDED_STALE', 'EXCLUDED_LOWER_IN_HIERARCHY', 'EXCLUDED_OUTLIER')),
    primary key (computation_id, observation_id)
);

-- Every published value; the highest version per date is the one in force, earlier versions stay for audit.
create table index_value (
    id                  bigserial     primary key,
    index_id            varchar(40)   not null references index_definition (id),
    value_date          date          not null,
    version             integer       not null check (version >= 1),
    value               numeric not null,
    currency            varchar(3)    not null,
    source              varchar(10)   not null check (source in ('PROVIDER', 'COMPUTED')),
    methodology         varchar(60),
    computation_id      bigint        references index_computation (id),
    restatement_reason  text,
    recorded_by         varchar(100)  not null,
    published_at        timestamptz   not null,
    unique (index_id, value_date, version),
    check (version = 1 or restatement_reason is not null)
);
