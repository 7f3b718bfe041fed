-- Current crimes placed in or out of the area: by LSOA, else by ward, else location unknown (docs/contract.md#which-rows-count).
with area_wards as (
    select distinct ward_code from int_area_geography where is_in_area and ward_code is not null
),

-- Every column but the free-text description, which nothing reads past staging and which is the
-- costliest to store.
current_crimes as (
    select stg_police__crimes.* exclude (offence_description)
    from stg_police__crimes
    inner join int_crimes_versioned
        on stg_police__crimes.file_id = int_crimes_versioned.file_id
        and stg_police__crimes.line = int_crimes_versioned.line
    where int_crimes_versioned.version_rank = 1
)

select
    current_crimes.*,
    coalesce(current_crimes.ward_code, int_area_geography.ward_code) as resolved_ward_code,
    case
        when current_crimes.lsoa_code is not null and int_area_geography.is_in_area then 'in_area'
        when current_crimes.lsoa_code is not null and int_area_geography.lsoa_code is null
            then 'lsoa_not_in_geography'
        when current_crimes.lsoa_code is not null then 'out_of_area'
        when current_crimes.ward_code is null then 'location_unknown'
        when current_crimes.ward_code in (select ward_code from area_wards) then 'in_area'
        else 'out_of_area'
    end as placement
from current_crimes
left join int_area_geography on current_crimes.lsoa_code = int_area_geography.lsoa_code
