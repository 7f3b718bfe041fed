-- Per category: crimes in the assessment and previous periods, and the area's residents.
with categories as (
    select distinct category from fct_crime_categories
),

population_year as (
    select max(dim_population.year) as year
    from dim_population
    where dim_population.year <= year((select period_end from run_config))
        and dim_population.area_code in (select lsoa_code from dim_area_lsoas)
),

area_population as (
    select sum(dim_population.population) as residents
    from dim_population
    where dim_population.year = (select year from population_year)
        and dim_population.area_code in (select lsoa_code from dim_area_lsoas)
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
