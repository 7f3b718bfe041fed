-- Per category: crimes in the assessment and previous periods, and the area's residents.
-- One pass over the area's crimes gives each category's counts. What the data cover of each
-- period is said on the rows from `agg_source_coverage`, not guessed from the first crime.
with counts as materialized (
    select
        fct_crime_categories.category,
        count(*) filter (
            where fct_crime_categories.offence_date between run_config.period_start and run_config.period_end
        )::integer as period_count,
        count(*) filter (
            where fct_crime_categories.offence_date between run_config.previous_start and run_config.previous_end
        )::integer as previous_count
    from fct_crime_categories
    cross join run_config
    group by fct_crime_categories.category
),

area_population as (
    select sum(population) as residents from dim_area_population
)

select
    counts.category,
    counts.period_count,
    counts.previous_count,
    (select residents from area_population)::double as residents
from counts
order by counts.category
