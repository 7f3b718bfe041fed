-- LSOA → ward → local authority lookup (any ONS vintage), with optional beat and locality.
select
    file_id,
    line,
    lsoa_code,
    lsoa_name,
    ward_code,
    ward_name,
    lad_code,
    lad_name,
    nullif(upper(beat), '') as beat,
    locality
from raw_ref__geography
