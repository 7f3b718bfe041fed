-- Per police crime category, and for police.uk anti-social behaviour (category
-- anti_social_behaviour), the five area LSOAs with most in the assessment period (ties broken by
-- LSOA code), with the LSOA's name from the geography lookup. Only LSOAs with at least
-- suppress_below events are listed: a named LSOA with a blanked count would still tell that
-- a few homicides (say) happened there.
with counts as (
    select category, lsoa_code, count(*) as events
    from fct_period_crimes
    where lsoa_code is not null
    group by all
    union all
    select 'anti_social_behaviour' as category, fct_street_asb.lsoa_code, count(*) as events
    from fct_street_asb
    cross join run_config
    where fct_street_asb.offence_date between run_config.period_start and run_config.period_end
    group by all
),

ranked as (
    select
        counts.category,
        counts.lsoa_code,
        dim_area_lsoas.lsoa_name,
        counts.events,
        row_number() over (
            partition by counts.category order by counts.events desc, counts.lsoa_code
        ) as position
    from counts
    inner join dim_area_lsoas on counts.lsoa_code = dim_area_lsoas.lsoa_code
    where counts.events >= (select suppress_below from run_config)
)

select category, lsoa_code, lsoa_name, events::integer as events, position::integer as position
from ranked
where position <= 5
order by category, position
