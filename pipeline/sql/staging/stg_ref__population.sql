-- Resident population by area, year, sex and age band: `age`..`age_to` inclusive. A long row is
-- one year of age, 90 standing for 90 and over; wide files give their bands' last age.
select
    file_id,
    line,
    area_code,
    year,
    sex,
    age,
    coalesce(age_to, case when age = 90 then 120 else age end) as age_to,
    population,
    -- Persons rows repeat the sexes where a file gives both: only used where it gives no split.
    sex = 'P' and bool_or(sex <> 'P') over (partition by area_code, year) as is_persons_total
from raw_ref__population
