-- Resident population by local authority and ONS ethnic group.
select
    file_id,
    line,
    area_code,
    ethnic_group,
    population as resident_population
from raw_ref__ethnicity_population
