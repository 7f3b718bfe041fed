-- Per category: addresses with at least repeat_address_min crimes in the period, their crimes,
-- and all crimes with a known address.
with address_counts as (
    select fct_crime_categories.category, fct_crimes.address_ref, count(*) as crimes
    from fct_crime_categories
    inner join fct_crimes on fct_crime_categories.crime_ref = fct_crimes.crime_ref
    cross join run_config
    where fct_crimes.address_ref is not null
        and fct_crime_categories.offence_date between run_config.period_start and run_config.period_end
    group by all
)

select
    address_counts.category,
    count(*) filter (where address_counts.crimes >= run_config.repeat_address_min)::integer as addresses,
    coalesce(sum(address_counts.crimes) filter (
        where address_counts.crimes >= run_config.repeat_address_min
    ), 0)::integer as repeat_crimes,
    sum(address_counts.crimes)::integer as known_crimes
from address_counts
cross join run_config
group by all
order by address_counts.category
