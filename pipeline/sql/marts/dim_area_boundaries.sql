-- The area's LSOAs and wards (geography lookup) that have a boundary: what maps draw. Names are the
-- lookup's (those of every other output), the boundary file's where the lookup has none.
with area_units as (
    select
        'lsoa' as level,
        lsoa_code as code,
        any_value(lsoa_name) as name
    from int_area_geography
    where is_in_area
    group by lsoa_code
    union all
    select
        'ward' as level,
        ward_code as code,
        any_value(ward_name) as name
    from int_area_geography
    where is_in_area and ward_code is not null
    group by ward_code
)

select
    area_units.level,
    area_units.code,
    coalesce(area_units.name, ref_boundaries.name) as name,
    ref_boundaries.geometry
from area_units
inner join ref_boundaries
    on area_units.level = ref_boundaries.level and area_units.code = ref_boundaries.code
