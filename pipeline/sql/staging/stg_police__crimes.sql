-- Police crimes as sent, typed; the committed date falls back to the recorded date (docs/contract.md#which-rows-count).
select
    file_id,
    line,
    crime_ref,
    recorded_date,
    committed_date,
    coalesce(committed_date, recorded_date) as offence_date,
    committed_time,
    ho_offence_code,
    offence_description,
    lsoa_code,
    ward_code,
    nullif(upper(beat), '') as beat,
    address_ref,
    location_type,
    coalesce(domestic_flag, false) as is_domestic,
    coalesce(knife_flag, false) as is_knife,
    coalesce(firearm_flag, false) as is_firearm,
    easting,
    northing,
    longitude,
    latitude
from raw_police__crimes
