-- Victims and offenders of each category's crimes in the period: age, sex and repeat profile.
with people as (
    select
        fct_crime_people.role,
        fct_period_crimes.category,
        fct_crime_people.crime_ref,
        fct_crime_people.person_ref,
        fct_crime_people.age,
        fct_crime_people.sex
    from fct_crime_people
    inner join fct_period_crimes on fct_crime_people.crime_ref = fct_period_crimes.crime_ref
),

pairs as (
    select
        role,
        category,
        count(age)::integer as aged,
        count(*) filter (where age < 18)::integer as under_18,
        count(*) filter (where age < 25)::integer as under_25,
        count(*) filter (where sex <> 'U')::integer as sexed,
        count(*) filter (where sex = 'M')::integer as male
    from people
    group by all
),

persons as (
    -- A person's sex is the one most often recorded for them, unknowns aside. A person appears
    -- once per crime (one current row per role × crime × person, one per category × crime), so
    -- count(*) counts their crimes: count(distinct) gave the same and took twice as long.
    select role, category, person_ref, count(*) as crimes,
        mode(sex) filter (where sex <> 'U') as sex
    from people
    group by all
),

repeats as (
    select
        role,
        category,
        count(*)::integer as persons,
        count(*) filter (where crimes >= 2)::integer as repeat_persons,
        count(sex) filter (where crimes >= 2)::integer as repeat_sexed,
        count(*) filter (where crimes >= 2 and sex = 'M')::integer as repeat_male
    from persons
    group by all
)

select pairs.*, repeats.persons, repeats.repeat_persons, repeats.repeat_sexed, repeats.repeat_male
from pairs
inner join repeats on pairs.role = repeats.role and pairs.category = repeats.category
order by pairs.role, pairs.category
