-- Resident population by area, year, sex and age; the latest-loaded row wins per key.
select area_code, year, sex, age, population
from stg_ref__population
qualify row_number() over (partition by area_code, year, sex, age order by file_id desc, line desc) = 1
