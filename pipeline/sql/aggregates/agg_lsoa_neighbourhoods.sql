-- Per area LSOA with a boundary: its queen neighbours among the area's LSOAs with a boundary,
-- as a comma-separated list (empty for an island), the neighbourhoods Gi* sums over.
with units as (
    select code as lsoa_code from dim_area_boundaries where level = 'lsoa'
),

pairs as (
    select neighbours.code as lsoa_code, neighbours.neighbour_code
    from int_boundary_neighbours as neighbours
    inner join units as here on neighbours.code = here.lsoa_code
    inner join units as there on neighbours.neighbour_code = there.lsoa_code
    where neighbours.level = 'lsoa'
)

select
    units.lsoa_code,
    coalesce(string_agg(pairs.neighbour_code, ',' order by pairs.neighbour_code), '') as neighbours
from units
left join pairs on units.lsoa_code = pairs.lsoa_code
group by units.lsoa_code
order by units.lsoa_code
