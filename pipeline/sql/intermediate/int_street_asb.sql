-- police.uk anti-social behaviour rows as sent: not crime, kept apart from the crime rows
-- (int_street_crimes_versioned) and counted only in their own indicators.
select file_id, line, offence_date, lsoa_code
from stg_police_uk__street
where is_anti_social_behaviour
