-- How well each configured boundary level covers the area (docs/contract.md#boundary-coverage):
-- the area's units (geography lookup) with and without a boundary, file units the lookup does not
-- know at all (another vintage), one example of each side, and whether maps of the level are
-- usable: at least 90% of the area's units have a boundary. Also the queen pairs among the area's
-- units and the matched units with no neighbour in the area (islands).
with configured as (
    select distinct level from ref_boundary_files
),

area_units as (
    select distinct 'lsoa' as level, lsoa_code as code from int_area_geography where is_in_area
    union all
    select distinct 'ward' as level, ward_code as code
    from int_area_geography
    where is_in_area and ward_code is not null
),

lookup_units as (
    select distinct 'lsoa' as level, lsoa_code as code from int_area_geography
    union all
    select distinct 'ward' as level, ward_code as code
    from int_area_geography
    where ward_code is not null
),

matched as (
    select area_units.level, area_units.code
    from area_units
    semi join ref_boundaries
        on area_units.level = ref_boundaries.level and area_units.code = ref_boundaries.code
),

area_pairs as (
    select int_boundary_neighbours.*
    from int_boundary_neighbours
    semi join area_units as a
        on int_boundary_neighbours.level = a.level and int_boundary_neighbours.code = a.code
    semi join area_units as b
        on int_boundary_neighbours.level = b.level
        and int_boundary_neighbours.neighbour_code = b.code
),

counts as (
    select
        configured.level,
        (select count(*) from area_units where area_units.level = configured.level)::integer
            as area_units,
        (select count(*) from matched where matched.level = configured.level)::integer as matched,
        (
            select count(*) from ref_boundaries
            where ref_boundaries.level = configured.level
                and ref_boundaries.code not in (
                    select lookup_units.code from lookup_units
                    where lookup_units.level = configured.level
                )
        )::integer as file_only,
        (
            select min(area_units.code) from area_units
            where area_units.level = configured.level
                and area_units.code not in (
                    select matched.code from matched where matched.level = configured.level
                )
        ) as example_area_only,
        (
            select min(ref_boundaries.code) from ref_boundaries
            where ref_boundaries.level = configured.level
                and ref_boundaries.code not in (
                    select lookup_units.code from lookup_units
                    where lookup_units.level = configured.level
                )
        ) as example_file_only,
        (select count(*) from area_pairs where area_pairs.level = configured.level)::integer
        // 2 as pairs,
        (
            select count(*) from matched
            where matched.level = configured.level
                and matched.code not in (
                    select area_pairs.code from area_pairs
                    where area_pairs.level = configured.level
                )
        )::integer as islands
    from configured
),

judged as (
    select
        counts.*,
        counts.area_units - counts.matched as area_only,
        counts.area_units > 0 and counts.matched >= 0.9 * counts.area_units as usable,
        case counts.level when 'lsoa' then 'LSOA' else counts.level end as level_word,
        case counts.level when 'lsoa' then 'LSOAs' else counts.level || 's' end as units_word
    from counts
)

select
    judged.level,
    judged.area_units,
    judged.matched,
    judged.area_only,
    judged.file_only,
    judged.example_area_only,
    judged.example_file_only,
    judged.usable,
    case
        when judged.usable then null
        when judged.area_units = 0
            then 'the geography lookup has no ' || judged.units_word || ' in ' || run_config.area_name
        else
            'the ' || judged.level_word || ' boundaries match ' || judged.matched || ' of '
            || run_config.area_name || '''s ' || judged.area_units || ' ' || judged.units_word
            || ' (e.g. ' || judged.example_area_only || ' is not in the file'
            || case
                when judged.example_file_only is not null
                    then '; the file has ' || judged.example_file_only
                    || ', which the geography lookup does not know): another vintage'
                else '): the boundary files do not cover the area'
            end
    end as reason,
    judged.pairs,
    judged.islands
from judged
cross join run_config
