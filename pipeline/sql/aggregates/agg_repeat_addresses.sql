-- Per category: addresses with at least repeat_address_min crimes in the period, their crimes,
-- and all crimes with a known address.
with address_counts as (
    select category, address_ref, count(*) as crimes
    from fct_period_crimes
    where address_ref is not null
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
