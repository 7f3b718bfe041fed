-- One row per national unit × police.uk category (docs/contract.md#national-mode): crimes over
-- exactly the assessment period's months, residents, rate per 1,000 with its 95% CI, the
-- England rate, PHE funnel significance against it, and the rank among ranked units.
--   * Crimes: every row of the unit's LSOAs, whichever force sent it (as the area's own counts);
--     copies of one crime count once; ASB incidents under anti_social_behaviour.
--   * CI: PHE's crude-rate interval (indicators/methods/crude-rate.ts): exact Poisson below 10
--     events (run_poisson_limits, written from the TS method), Byar's from 10.
--   * England rate: Σ crimes ÷ Σ residents × 1,000 over complete English units.
--   * Funnel: as funnelRateSignificance (indicators/methods/funnel.ts): the unit's 99.8% and 95%
--     limits on its count around the England rate; ranked units only.
--   * Rank: 1 = lowest rate, ties share (rank()), among complete units with residents.
with units as (
    select * from dim_national_units
),

categories as (
    select distinct category from int_street_row_counts
),

counts as (
    select unit_lsoas.unit_code, row_counts.category, sum(row_counts.crimes)::bigint as crimes
    from int_street_row_counts as row_counts
    inner join dim_national_unit_lsoas as unit_lsoas on row_counts.lsoa_code = unit_lsoas.lsoa_code
    cross join run_config
    where row_counts.month between run_config.period_start and run_config.period_end
    group by all
),

grid as (
    select
        units.*,
        categories.category,
        coalesce(counts.crimes, 0)::bigint as crimes,
        units.coverage = 'complete' and units.population > 0 as is_ranked
    from units
    cross join categories
    left join counts on units.unit_code = counts.unit_code and categories.category = counts.category
),

england as (
    select category, sum(crimes) / sum(population) * 1000 as england_rate_per_1000
    from grid
    where is_ranked and country = 'E'
    group by category
),

-- The count's limits at 95% and 99.8%: exact below 10 events, Byar's from 10.
limits as (
    select
        grid.unit_code,
        grid.category,
        confidences.confidence,
        case
            when grid.crimes < 10 then exact.lower
            else grid.crimes * (1 - 1 / (9 * grid.crimes) - confidences.z / (3 * sqrt(grid.crimes))) ** 3
        end as lower_count,
        case
            when grid.crimes < 10 then exact.upper
            else (grid.crimes + 1)
                * (1 - 1 / (9 * (grid.crimes + 1)) + confidences.z / (3 * sqrt(grid.crimes + 1))) ** 3
        end as upper_count
    from grid
    cross join (select distinct confidence, z from run_poisson_limits) as confidences
    left join run_poisson_limits as exact
        on exact.confidence = confidences.confidence and exact.count = grid.crimes
    where grid.population > 0
),

intervals as (
    select
        unit_code,
        category,
        any_value(lower_count) filter (where confidence = 0.95) as lower_95_count,
        any_value(upper_count) filter (where confidence = 0.95) as upper_95_count,
        any_value(lower_count) filter (where confidence = 0.998) as lower_998_count,
        any_value(upper_count) filter (where confidence = 0.998) as upper_998_count
    from limits
    group by unit_code, category
),

rated as (
    select
        grid.*,
        case when grid.population > 0 then grid.crimes / grid.population * 1000 end as rate_per_1000,
        case when grid.population > 0 then intervals.lower_95_count / grid.population * 1000 end as lower_95,
        case when grid.population > 0 then intervals.upper_95_count / grid.population * 1000 end as upper_95,
        england.england_rate_per_1000,
        -- The funnel's test on rates per 1 as funnelRateSignificance does (a count of 0 has no
        -- lower limit above 0).
        case
            when not grid.is_ranked or england.england_rate_per_1000 is null then null
            when england.england_rate_per_1000 / 1000
                < (case when grid.crimes = 0 then 0 else intervals.lower_998_count end) / grid.population
                then 'higher_99_8'
            when england.england_rate_per_1000 / 1000 > intervals.upper_998_count / grid.population
                then 'lower_99_8'
            when england.england_rate_per_1000 / 1000
                < (case when grid.crimes = 0 then 0 else intervals.lower_95_count end) / grid.population
                then 'higher_95'
            when england.england_rate_per_1000 / 1000 > intervals.upper_95_count / grid.population
                then 'lower_95'
            else 'similar'
        end as funnel_significance
    from grid
    left join intervals on grid.unit_code = intervals.unit_code and grid.category = intervals.category
    left join england on grid.category = england.category
)

select
    rated.unit_code,
    rated.unit_name,
    rated.is_area,
    rated.country,
    rated.force,
    rated.category,
    rated.crimes,
    rated.population,
    rated.population_year,
    rated.rate_per_1000,
    rated.lower_95,
    rated.upper_95,
    rated.england_rate_per_1000,
    rated.funnel_significance,
    case when rated.is_ranked then
        rank() over (partition by rated.category, rated.is_ranked order by rated.rate_per_1000)
    end as rank,
    case when rated.is_ranked then
        count(*) over (partition by rated.category, rated.is_ranked)
    end as ranked_of,
    rated.coverage,
    rated.coverage_note,
    rated.months_covered,
    rated.months_in_period,
    dim_national_comparators.unit_code is not null as in_comparators
from rated
left join dim_national_comparators on rated.unit_code = dim_national_comparators.unit_code
order by rated.category, rated.unit_code
