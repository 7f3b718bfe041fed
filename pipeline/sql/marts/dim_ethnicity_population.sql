-- The area's resident population by ONS ethnic group, summed over its local authorities.
select ethnic_group, sum(resident_population) as resident_population
from stg_ref__ethnicity_population
where area_code in (select lad_code from run_area_codes)
group by ethnic_group
