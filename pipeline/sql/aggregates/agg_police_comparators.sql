-- Peer areas' counts and populations for the year in which the period ends: the comparators
-- file's rows, or, without one, the comparators chosen by rule from the police.uk files
-- (national mode: fct_national_units over the assessment period, complete units only).
select
    category,
    area_code,
    area_name,
    crime_count::double as crimes,
    resident_population::double as residents
from dim_comparators
where year = year((select period_end from run_config))
union all
select
    category,
    unit_code as area_code,
    unit_name as area_name,
    crimes::double as crimes,
    population::double as residents
from fct_national_units
-- ASB is not crime: the police families rank crime categories only.
where in_comparators and coverage = 'complete' and category <> 'anti_social_behaviour'
order by category, area_code
