-- Victims and offenders in one long table, each (crime, person) pair versioned: 1 = latest sent.
with people as (
    select file_id, line, 'victim' as role, crime_ref, victim_ref as person_ref, age, sex, ethnic_group
    from stg_police__victims
    union all
    select file_id, line, 'offender' as role, crime_ref, offender_ref as person_ref, age, sex, ethnic_group
    from stg_police__offenders
)

select
    people.*,
    row_number() over (
        partition by people.role, people.crime_ref, people.person_ref
        order by int_files_ordered.file_rank desc, people.line desc
    ) as version_rank
from people
inner join int_files_ordered on people.file_id = int_files_ordered.file_id
