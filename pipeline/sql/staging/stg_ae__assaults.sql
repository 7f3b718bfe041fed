-- A&E assault attendances as sent; free-text location descriptions are never loaded.
select
    file_id,
    line,
    attendance_ref,
    arrival_date,
    arrival_time,
    assault_date,
    assault_time,
    age,
    coalesce(sex, 'U') as sex,
    home_lsoa,
    coalesce(assault_method, 'unknown') as assault_method,
    coalesce(assault_location_type, 'unknown') as assault_location_type,
    site_code
from raw_ae__assaults
