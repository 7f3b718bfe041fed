-- Distinct offenders of each category's crimes in the period by ONS ethnic group, with the
-- area's resident population in that group.
with offenders as (
    select distinct fct_period_crimes.category, fct_crime_people.person_ref, fct_crime_people.ethnic_group
    from fct_crime_people
    inner join fct_period_crimes on fct_crime_people.crime_ref = fct_period_crimes.crime_ref
    where fct_crime_people.role = 'offender' and fct_crime_people.ethnic_group <> 'Unknown'
),

known as (
    select category, count(distinct person_ref) as known_offenders from offenders group by all
)

select
    known.category,
    dim_ethnicity_population.ethnic_group,
    count(distinct offenders.person_ref)::integer as offenders,
    any_value(known.known_offenders)::integer as known_offenders,
    any_value(dim_ethnicity_population.resident_population)::double as residents,
    (select sum(resident_population) from dim_ethnicity_population)::double as all_residents
from known
cross join dim_ethnicity_population
left join offenders
    on known.category = offenders.category
    and dim_ethnicity_population.ethnic_group = offenders.ethnic_group
group by known.category, dim_ethnicity_population.ethnic_group
order by known.category, dim_ethnicity_population.ethnic_group
