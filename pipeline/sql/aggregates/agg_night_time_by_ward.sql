-- Per area ward (zero-filled): violence with injury in the period with a known time committed on
-- a Friday or Saturday night, 20:00 to 03:59 (the weekend_night macro); with the area's violence
-- with injury in the period, all and with a known time, so each row can say what it leaves out.
with wards as (
    select distinct ward_code, ward_name from dim_area_lsoas where ward_code is not null
),

period_crimes as (
    select
        count(*)::integer as period_crimes,
        count(fct_crime_categories.committed_time)::integer as timed_crimes
    from fct_crime_categories
    cross join run_config
    where
        fct_crime_categories.category = 'violence_with_injury'
        and fct_crime_categories.offence_date between run_config.period_start and run_config.period_end
),

nights as (
    select fct_crime_categories.ward_code, count(*) as crimes
    from fct_crime_categories
    cross join run_config
    where
        fct_crime_categories.category = 'violence_with_injury'
        and fct_crime_categories.committed_time is not null
        and fct_crime_categories.offence_date between run_config.period_start and run_config.period_end
        and weekend_night(fct_crime_categories.offence_date, fct_crime_categories.committed_time)
    group by fct_crime_categories.ward_code
)

select
    wards.ward_code,
    wards.ward_name,
    coalesce(nights.crimes, 0)::integer as crimes,
    period_crimes.period_crimes,
    period_crimes.timed_crimes
from wards
cross join period_crimes
left join nights on wards.ward_code = nights.ward_code
order by wards.ward_code
