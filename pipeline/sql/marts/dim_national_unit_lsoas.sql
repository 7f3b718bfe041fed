-- Each LSOA of the geography lookup in its national unit: its district, unless the district is
-- in a configured group or in an area of several districts (run_national_groups), which each
-- stand as one unit. The area is always one unit, flagged is_area.
select
    geography.lsoa_code,
    geography.lad_code,
    coalesce(groups.unit_code, geography.lad_code) as unit_code,
    coalesce(
        groups.unit_name,
        case when geography.lad_code = settings.area_unit_code then settings.area_unit_name end,
        geography.lad_name,
        geography.lad_code
    ) as unit_name,
    coalesce(groups.is_area, geography.lad_code = settings.area_unit_code) as is_area
from int_area_geography as geography
cross join run_national as settings
left join run_national_groups as groups on geography.lad_code = groups.lad_code
where settings.is_national
-- A district both in a group and in the area belongs to the area.
qualify row_number() over (
    partition by geography.lsoa_code order by coalesce(groups.is_area, false) desc
) = 1
