-- One row per victim or offender of an area crime (current versions), with the crime's date.
select
    int_people_versioned.role,
    int_people_versioned.crime_ref,
    int_people_versioned.person_ref,
    int_people_versioned.file_id,
    int_people_versioned.line,
    int_people_versioned.age,
    int_people_versioned.sex,
    int_people_versioned.ethnic_group,
    fct_crimes.offence_date
from int_people_versioned
inner join fct_crimes on int_people_versioned.crime_ref = fct_crimes.crime_ref
where int_people_versioned.version_rank = 1
