-- Youth justice offences by children as sent.
select
    file_id,
    line,
    offence_ref,
    child_ref,
    offence_date,
    age_at_offence,
    coalesce(sex, 'U') as sex,
    ethnic_group(ethnicity) as ethnic_group,
    offence_category,
    gravity_score,
    outcome_type,
    coalesce(first_time_entrant, false) as is_first_time_entrant,
    home_lsoa,
    locality
from raw_yj__offences
