-- police.uk anti-social behaviour in the assessment and previous periods, and the area's
-- residents: one row, or none when force extracts are loaded (fct_street_asb is then unused).
-- What the files cover of each period is said on the rows from agg_source_coverage.
with counts as (
    select
        count(*) filter (
            where fct_street_asb.offence_date between run_config.period_start and run_config.period_end
        )::integer as period_count,
        count(*) filter (
            where fct_street_asb.offence_date between run_config.previous_start and run_config.previous_end
        )::integer as previous_count
    from fct_street_asb
    cross join run_config
)

select
    counts.period_count,
    counts.previous_count,
    (select sum(population) from dim_area_population)::double as residents
from counts
where (select police_source from int_police_source) = 'police_uk_street'
