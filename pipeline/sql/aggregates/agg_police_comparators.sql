-- Peer areas' counts and populations for the year in which the period ends.
select
    category,
    area_code,
    area_name,
    crime_count::double as crimes,
    resident_population::double as residents
from dim_comparators
where year = year((select period_end from run_config))
order by category, area_code
