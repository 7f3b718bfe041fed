-- police.uk street rows: Crime type in snake case is the category; blank Crime ID is ASB.
select
    file_id,
    line,
    crime_id,
    month as offence_date,
    falls_within,
    lsoa_code,
    crime_type,
    trim(regexp_replace(lower(crime_type), '[^a-z0-9]+', '_', 'g'), '_') as category,
    crime_id is null or lower(crime_type) = 'anti-social behaviour' as is_anti_social_behaviour,
    last_outcome_category
from raw_police_uk__street
