-- Per category: crimes in the assessment and previous periods, and the area's residents.
with categories as (
    select distinct category from fct_crime_categories
),

area_population as (
    select sum(population) as residents from dim_area_population
),

-- The first month with any area crime: before it the data says nothing (it is not zero).
coverage as (
    select date_trunc('month', min(offence_date)) as first_month from fct_crime_categories
)

select
    categories.category,
    count(fct_crime_categories.crime_ref) filter (
        where fct_crime_categories.offence_date between run_config.period_start and run_config.period_end
    )::integer as period_count,
    count(fct_crime_categories.crime_ref) filter (
        where fct_crime_categories.offence_date between run_config.previous_start and run_config.previous_end
    )::integer as previous_count,
    (select residents from area_population)::double as residents,
    strftime((select first_month from coverage), '%Y-%m') as first_month,
    (select first_month from coverage) <= run_config.previous_start as previous_covered
from categories
cross join run_config
left join fct_crime_categories on categories.category = fct_crime_categories.category
group by all
order by categories.category
