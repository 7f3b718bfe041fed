-- Residents of the area's LSOAs by sex and age band, in the year the period ends (or the latest
-- year before it that the population file holds): the denominator of every rate (docs/contract.md#periods).
with population_year as (
    select max(dim_population.year) as year
    from dim_population
    where dim_population.year <= year((select period_end from run_config))
        and dim_population.area_code in (select lsoa_code from dim_area_lsoas)
)

select
    dim_population.area_code as lsoa_code,
    dim_population.year,
    dim_population.sex,
    dim_population.age,
    dim_population.age_to,
    dim_population.population
from dim_population
where dim_population.year = (select year from population_year)
    and dim_population.area_code in (select lsoa_code from dim_area_lsoas)
