-- One row per area crime × category dated in the assessment period, with where it happened:
-- the rows every "in the period" indicator counts.
select
    fct_crime_categories.category,
    fct_crimes.crime_ref,
    fct_crimes.offence_date,
    fct_crimes.lsoa_code,
    fct_crimes.ward_code,
    fct_crimes.beat,
    fct_crimes.address_ref,
    fct_crimes.location_type
from fct_crime_categories
inner join fct_crimes on fct_crime_categories.crime_ref = fct_crimes.crime_ref
cross join run_config
where fct_crime_categories.offence_date between run_config.period_start and run_config.period_end
