-- Offenders as sent: sex blank → U, ethnicity mapped to the five ONS groups plus Unknown.
select
    file_id,
    line,
    crime_ref,
    offender_ref,
    age,
    coalesce(sex, 'U') as sex,
    ethnic_group(ethnicity) as ethnic_group
from raw_police__offenders
