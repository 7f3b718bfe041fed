-- One row per police.uk crime (not ASB) in the area, de-duplicated by Crime ID.
select
    stg_police_uk__street.crime_id,
    stg_police_uk__street.file_id,
    stg_police_uk__street.line,
    stg_police_uk__street.offence_date,
    stg_police_uk__street.lsoa_code,
    dim_area_lsoas.ward_code,
    stg_police_uk__street.category,
    stg_police_uk__street.last_outcome_category
from stg_police_uk__street
inner join int_events_versioned
    on int_events_versioned.source = 'police_uk_street'
    and stg_police_uk__street.file_id = int_events_versioned.file_id
    and stg_police_uk__street.line = int_events_versioned.line
inner join dim_area_lsoas on stg_police_uk__street.lsoa_code = dim_area_lsoas.lsoa_code
where int_events_versioned.version_rank = 1
