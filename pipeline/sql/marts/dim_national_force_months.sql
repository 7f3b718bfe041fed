-- Which forces sent rows for which months of the assessment period: a force-month is covered
-- when any row of that force (`Falls within`) is dated in it, kept or only counted. Forces are
-- every force with a row in any month loaded, so a force missing a month shows here.
with period_months as (
    select unnest(generate_series(
        date_trunc('month', period_start)::date,
        date_trunc('month', period_end)::date,
        interval 1 month
    ))::date as month
    from run_config
),

forces as (
    select distinct falls_within as force
    from int_street_row_counts
    where falls_within is not null
),

covered as (
    select distinct falls_within as force, month
    from int_street_row_counts
    where falls_within is not null
)

select
    forces.force,
    period_months.month,
    covered.force is not null as is_covered
from forces
cross join period_months
left join covered on forces.force = covered.force and period_months.month = covered.month
