-- Per category and beat: crimes in the period with a known beat.
select
    fct_crime_categories.category,
    fct_crimes.beat,
    count(*)::integer as crimes
from fct_crime_categories
inner join fct_crimes on fct_crime_categories.crime_ref = fct_crimes.crime_ref
cross join run_config
where fct_crimes.beat is not null
    and fct_crime_categories.offence_date between run_config.period_start and run_config.period_end
group by all
order by fct_crime_categories.category, crimes desc, fct_crimes.beat
