-- Per category: crimes in the assessment and previous periods, and the area's residents.
with categories as (
    select distinct category from fct_crime_categories
),

area_population as (
    select sum(population) as residents from dim_area_population
)

select
    categories.category,
    count(fct_crime_categories.crime_ref) filter (
        where fct_crime_categories.offence_date between run_config.period_start and run_config.period_end
    )::integer as period_count,
    count(fct_crime_categories.crime_ref) filter (
        where fct_crime_categories.offence_date between run_config.previous_start and run_config.previous_end
    )::integer as previous_count,
    (select residents from area_population)::double as residents
from categories
cross join run_config
left join fct_crime_categories on categories.category = fct_crime_categories.category
group by all
order by categories.category
