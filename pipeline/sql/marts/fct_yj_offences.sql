-- One row per offence by a child (current version).
select
    stg_yj__offences.offence_ref,
    stg_yj__offences.child_ref,
    stg_yj__offences.file_id,
    stg_yj__offences.line,
    stg_yj__offences.offence_date,
    stg_yj__offences.age_at_offence,
    stg_yj__offences.sex,
    stg_yj__offences.ethnic_group,
    stg_yj__offences.offence_category,
    stg_yj__offences.gravity_score,
    stg_yj__offences.outcome_type,
    stg_yj__offences.is_first_time_entrant,
    stg_yj__offences.home_lsoa,
    stg_yj__offences.locality
from stg_yj__offences
inner join int_events_versioned
    on int_events_versioned.source = 'youth_justice'
    and stg_yj__offences.file_id = int_events_versioned.file_id
    and stg_yj__offences.line = int_events_versioned.line
where int_events_versioned.version_rank = 1
