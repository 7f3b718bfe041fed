-- police.uk anti-social behaviour in the assessment and previous periods, and the area's
-- residents: one row, or none when force extracts are loaded (fct_street_asb is then unused).
with counts as (
    select
        count(*) filter (
            where fct_street_asb.offence_date between run_config.period_start and run_config.period_end
        )::integer as period_count,
        count(*) filter (
            where fct_street_asb.offence_date between run_config.previous_start and run_config.previous_end
        )::integer as previous_count,
        -- Before the first month of ASB the data say nothing: it is not zero.
        date_trunc('month', min(fct_street_asb.offence_date)) as first_month
    from fct_street_asb
    cross join run_config
)

select
    counts.period_count,
    counts.previous_count,
    (select sum(population) from dim_area_population)::double as residents,
    strftime(counts.first_month, '%Y-%m') as first_month,
    coalesce(counts.first_month <= run_config.previous_start, false) as previous_covered
from counts
cross join run_config
where not exists (select 1 from stg_police__crimes)
