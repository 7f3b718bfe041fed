-- One row per current (latest-sent) police crime in the area; file_id and line lead back to the raw row.
select
    crime_ref,
    file_id,
    line,
    offence_date,
    recorded_date,
    committed_time,
    ho_offence_code,
    lsoa_code,
    resolved_ward_code as ward_code,
    beat,
    address_ref,
    location_type,
    is_domestic,
    is_knife,
    is_firearm,
    -- Where it happened, as sent (either pair may be blank; fct_crime_points).
    easting,
    northing,
    longitude,
    latitude
from int_crimes_located
where placement = 'in_area'
