-- police.uk street rows: Crime type in snake case is the category. Anti-social behaviour is the
-- Crime type `Anti-social behaviour` and nothing else: British Transport Police publish every
-- crime with a blank Crime ID, so a blank ID says nothing about what the row is.
select
    file_id,
    line,
    crime_id,
    month as offence_date,
    falls_within,
    longitude,
    latitude,
    lsoa_code,
    lsoa_code is not null or longitude is not null or latitude is not null as has_location,
    crime_type,
    trim(regexp_replace(lower(crime_type), '[^a-z0-9]+', '_', 'g'), '_') as category,
    lower(crime_type) = 'anti-social behaviour' as is_anti_social_behaviour,
    last_outcome_category
from raw_police_uk__street
