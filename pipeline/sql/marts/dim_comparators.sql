-- Peer areas' counts and populations; the area's own rows are left out (its rate is computed).
select area_code, area_name, year, category, crime_count, resident_population
from stg_ref__comparators
where area_code not in (select lad_code from run_area_codes)
