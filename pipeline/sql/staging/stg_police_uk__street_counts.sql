-- police.uk rows counted at ingest rather than kept row by row (national mode): Crime type in
-- snake case is the category, exactly as stg_police_uk__street makes it.
select
    file_id,
    month,
    falls_within,
    lsoa_code,
    crime_type,
    trim(regexp_replace(lower(crime_type), '[^a-z0-9]+', '_', 'g'), '_') as category,
    rows,
    crimes
from raw_police_uk__street_counts
