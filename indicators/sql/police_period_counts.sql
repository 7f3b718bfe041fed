-- Per category: crimes in the assessment and previous periods, and the area's residents.
-- One pass over the area's crimes gives each category's counts and its first date.
with counts as materialized (
    select
        fct_crime_categories.category,
        count(*) filter (
            where fct_crime_categories.offence_date between run_config.period_start and run_config.period_end
        )::integer as period_count,
        count(*) filter (
            where fct_crime_categories.offence_date between run_config.previous_start and run_config.previous_end
        )::integer as previous_count,
        min(fct_crime_categories.offence_date) as first_date
    from fct_crime_categories
    cross join run_config
    group by fct_crime_categories.category
),

area_population as (
    select sum(population) as residents from dim_area_population
),

-- The first month with any area crime: before it the data says nothing (it is not zero).
coverage as (
    select date_trunc('month', min(first_date)) as first_month from counts
)

select
    counts.category,
    counts.period_count,
    counts.previous_count,
    (select residents from area_population)::double as residents,
    strftime((select first_month from coverage), '%Y-%m') as first_month,
    (select first_month from coverage) <= run_config.previous_start as previous_covered
from counts
cross join run_config
order by counts.category
