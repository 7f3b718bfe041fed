-- One row per offence by a child (current version).
select
    int_yj_offences_current.offence_ref,
    int_yj_offences_current.child_ref,
    int_yj_offences_current.file_id,
    int_yj_offences_current.line,
    int_yj_offences_current.offence_date,
    int_yj_offences_current.age_at_offence,
    int_yj_offences_current.sex,
    int_yj_offences_current.ethnic_group,
    int_yj_offences_current.offence_category,
    int_yj_offences_current.gravity_score,
    int_yj_offences_current.outcome_type,
    int_yj_offences_current.is_first_time_entrant,
    int_yj_offences_current.home_lsoa,
    int_yj_offences_current.locality
from int_yj_offences_current
