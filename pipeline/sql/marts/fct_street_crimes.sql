-- One row per police.uk crime (not ASB) in the area: copies of one crime counted once, blank and
-- shared Crime IDs each their own crime (int_street_crimes_versioned).
select
    int_street_crimes_versioned.crime_id,
    int_street_crimes_versioned.crime_ref,
    int_street_crimes_versioned.file_id,
    int_street_crimes_versioned.line,
    int_street_crimes_versioned.offence_date,
    int_street_crimes_versioned.lsoa_code,
    -- police.uk's map point: snapped to one of a fixed set of points, never the crime's address.
    int_street_crimes_versioned.longitude,
    int_street_crimes_versioned.latitude,
    dim_area_lsoas.ward_code,
    int_street_crimes_versioned.category,
    int_street_crimes_versioned.last_outcome_category
from int_street_crimes_versioned
inner join dim_area_lsoas on int_street_crimes_versioned.lsoa_code = dim_area_lsoas.lsoa_code
where not int_street_crimes_versioned.is_duplicate
