-- Per police crime category, and for police.uk anti-social behaviour (category
-- anti_social_behaviour), the five area LSOAs with most in the assessment period (ties broken by
-- LSOA code), with the LSOA's name from the geography lookup. Only LSOAs with at least
-- suppress_below events are listed (a named LSOA with a blanked count would still tell that a
-- few homicides happened there), and the list stops short of any LSOA whose listing would let a
-- small count be worked out by subtraction from a published total.
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

-- LSOAs eligible for the list: at least suppress_below events, most first.
ranked as (
    select
        counts.category,
        counts.lsoa_code,
        dim_area_lsoas.lsoa_name,
        dim_area_lsoas.ward_code,
        dim_area_lsoas.imd_decile,
        counts.events,
        row_number() over (
            partition by counts.category order by counts.events desc, counts.lsoa_code
        ) as position
    from counts
    inner join dim_area_lsoas on counts.lsoa_code = dim_area_lsoas.lsoa_code
    where counts.events >= (select suppress_below from run_config)
),

-- What the other outputs publish about the same crimes: the category's total, each ward's and
-- each IMD decile's. A list of k LSOAs is safe only when every such total minus the listed LSOAs
-- in it is 0 or at least suppress_below; otherwise the rest would be a small count by subtraction.
groups as (
    select counts.category, 'all' as kind, 'all' as grp, sum(counts.events) as total
    from counts
    group by counts.category
    union all
    select counts.category, 'ward', dim_area_lsoas.ward_code, sum(counts.events)
    from counts
    inner join dim_area_lsoas on counts.lsoa_code = dim_area_lsoas.lsoa_code
    where dim_area_lsoas.ward_code is not null
    group by all
    union all
    select counts.category, 'decile', dim_area_lsoas.imd_decile::varchar, sum(counts.events)
    from counts
    inner join dim_area_lsoas on counts.lsoa_code = dim_area_lsoas.lsoa_code
    where dim_area_lsoas.imd_decile is not null
    group by all
),

listed_in as (
    select candidates.category, candidates.position as k, 'all' as kind, 'all' as grp, ranked.events
    from ranked as candidates
    inner join ranked on candidates.category = ranked.category and ranked.position <= candidates.position
    where candidates.position <= 5
    union all
    select candidates.category, candidates.position, 'ward', ranked.ward_code, ranked.events
    from ranked as candidates
    inner join ranked on candidates.category = ranked.category and ranked.position <= candidates.position
    where candidates.position <= 5 and ranked.ward_code is not null
    union all
    select candidates.category, candidates.position, 'decile', ranked.imd_decile::varchar, ranked.events
    from ranked as candidates
    inner join ranked on candidates.category = ranked.category and ranked.position <= candidates.position
    where candidates.position <= 5 and ranked.imd_decile is not null
),

-- The safe list lengths: every group a list of k touches is left with 0 or ≥ suppress_below.
safe_lengths as (
    select listed_in.category, listed_in.k
    from listed_in
    inner join groups
        on listed_in.category = groups.category
        and listed_in.kind = groups.kind
        and listed_in.grp = groups.grp
    group by listed_in.category, listed_in.k, groups.kind, groups.grp, groups.total
    having groups.total - sum(listed_in.events) = 0
        or groups.total - sum(listed_in.events) >= (select suppress_below from run_config)
),

touched as (
    select category, k, count(distinct (kind, grp)) as groups_touched
    from listed_in
    group by category, k
),

safe_length as (
    select safe_lengths.category, max(safe_lengths.k) as k
    from (
        select category, k, count(*) as safe_groups from safe_lengths group by category, k
    ) as safe_lengths
    inner join touched on safe_lengths.category = touched.category and safe_lengths.k = touched.k
    where safe_lengths.safe_groups = touched.groups_touched
    group by safe_lengths.category
)

select ranked.category, ranked.lsoa_code, ranked.lsoa_name, ranked.events::integer as events,
    ranked.position::integer as position
from ranked
inner join safe_length on ranked.category = safe_length.category
where ranked.position <= safe_length.k
order by ranked.category, ranked.position
