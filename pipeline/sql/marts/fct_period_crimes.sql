-- One row per area crime × category dated in the assessment period, with where it happened:
-- the rows every "in the period" indicator counts.
select
    fct_crime_categories.category,
    fct_crime_categories.crime_ref,
    fct_crime_categories.offence_date,
    fct_crime_categories.lsoa_code,
    fct_crime_categories.ward_code,
    fct_crime_categories.beat,
    fct_crime_categories.address_ref,
    fct_crime_categories.location_type
from fct_crime_categories
cross join run_config
where fct_crime_categories.offence_date between run_config.period_start and run_config.period_end
