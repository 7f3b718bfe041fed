-- Per category and area LSOA (every LSOA, zero-filled): crimes in the period, residents, ward,
-- deprivation.
with lsoa_residents as (
    select lsoa_code, sum(population) as residents from dim_area_population group by all
),

categories as (
    select distinct category from fct_crime_categories
),

counts as (
    select category, lsoa_code, count(*) as crimes
    from fct_period_crimes
    where lsoa_code is not null
    group by all
)

select
    categories.category,
    dim_area_lsoas.lsoa_code,
    coalesce(counts.crimes, 0)::integer as crimes,
    lsoa_residents.residents::double as residents,
    dim_area_lsoas.ward_code,
    dim_area_lsoas.ward_name,
    dim_area_lsoas.imd_rank,
    dim_area_lsoas.imd_decile
from categories
cross join dim_area_lsoas
left join counts
    on categories.category = counts.category and dim_area_lsoas.lsoa_code = counts.lsoa_code
left join lsoa_residents on dim_area_lsoas.lsoa_code = lsoa_residents.lsoa_code
order by categories.category, dim_area_lsoas.lsoa_code
