-- Resident population by area, year, sex (`P` = persons, where the file has no split by sex)
-- and age band; the latest-loaded row wins per key.
select area_code, year, sex, age, age_to, population
from stg_ref__population
where not is_persons_total
qualify row_number() over (partition by area_code, year, sex, age order by file_id desc, line desc) = 1
