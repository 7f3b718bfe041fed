-- Victims and offenders of each category's crimes in the period (one per crime–person pair) by
-- sex and age band, known age and sex only; the bands are those of agg_ae_by_age_sex.
select
    fct_crime_people.role,
    fct_period_crimes.category,
    fct_crime_people.sex || ':' || case
        when fct_crime_people.age < 10 then '0-9'
        when fct_crime_people.age < 18 then '10-17'
        when fct_crime_people.age < 25 then '18-24'
        when fct_crime_people.age < 35 then '25-34'
        when fct_crime_people.age < 45 then '35-44'
        when fct_crime_people.age < 55 then '45-54'
        when fct_crime_people.age < 65 then '55-64'
        else '65+'
    end as age_band,
    count(*)::integer as pairs
from fct_crime_people
inner join fct_period_crimes on fct_crime_people.crime_ref = fct_period_crimes.crime_ref
where fct_crime_people.age is not null and fct_crime_people.sex in ('M', 'F', 'X')
group by all
order by fct_crime_people.role, fct_period_crimes.category, age_band
