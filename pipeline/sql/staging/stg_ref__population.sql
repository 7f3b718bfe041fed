-- Resident population by area, year, sex and single year of age (90 = 90 and over).
select
    file_id,
    line,
    area_code,
    year,
    sex,
    age,
    population
from raw_ref__population
