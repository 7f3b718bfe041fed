-- Indicator values with small-number suppression applied (docs/methods.md#small-number-suppression): a count of 1 to
-- suppress_below − 1 is blanked with everything derived from it; where one value of a breakdown
-- is suppressed, the next smallest is too, so it cannot be recovered by subtraction. Rows of
-- several areas under one indicator (comparators, every district in national mode) are such a
-- group too: their counts add up to a published total (the comparators' combined count,
-- England's), so one suppressed district alone would be that total less the others. Which
-- columns are counts (value, numerator, denominator, complement) is each indicator's declared
-- disclosure (indicators/define.ts), joined with commas.
with rules as (
    select
        indicator_values.*,
        string_split(coalesce(indicator_disclosure.disclosure, 'numerator'), ',') as counted,
        (select suppress_below from run_config) as threshold
    from indicator_values
    left join indicator_disclosure on indicator_values.indicator_id = indicator_disclosure.indicator_id
),

primary_suppression as (
    select
        *,
        -- coalesce: a blank numerator (a mean, a not-available row) is not suppressed, not unknown.
        coalesce(
            (list_contains(counted, 'value') and value > 0 and value < threshold)
            or (list_contains(counted, 'numerator') and numerator > 0 and numerator < threshold)
            or (list_contains(counted, 'denominator') and denominator > 0 and denominator < threshold)
            or (list_contains(counted, 'complement')
                and denominator - numerator > 0 and denominator - numerator < threshold),
            false
        ) as is_primary
    from rules
),

groups as (
    select
        *,
        count(*) filter (where is_primary) over breakdown_group as suppressed_in_group,
        row_number() over (
            partition by indicator_id, category, breakdown, is_primary or coalesce(numerator, 0) = 0
            order by numerator, breakdown_value, area_code
        ) as smallest_rank
    from primary_suppression
    window breakdown_group as (partition by indicator_id, category, breakdown)
),

suppression as (
    select
        *,
        is_primary or (
            suppressed_in_group = 1 and not is_primary
            and coalesce(numerator, 0) > 0 and smallest_rank = 1
        ) as is_suppressed
    from groups
)

select
    indicator_id,
    category,
    area_code,
    period_start,
    period_end,
    breakdown,
    breakdown_value,
    case when is_suppressed then null else numerator end as numerator,
    -- A suppressed row's small denominator is itself a small count (e.g. 2 homicide victims); a
    -- counted one bounds the suppressed count (6 crimes at 3 or more each: 1 or 2 addresses).
    case when is_suppressed and (list_contains(counted, 'denominator')
        or (denominator > 0 and denominator < threshold)) then null else denominator end
        as denominator,
    case when is_suppressed then null else value end as value,
    case when is_suppressed then null else lower_ci95 end as lower_ci95,
    case when is_suppressed then null else upper_ci95 end as upper_ci95,
    unit,
    case when is_suppressed then null else significance end as significance,
    is_suppressed as suppressed,
    method,
    -- A suppressed row keeps what its note says of the data (coverage, the previous period, the
    -- population year), which holds no count; anything else in it might.
    case when is_suppressed then concat_ws('; ',
            'suppressed: fewer than ' || threshold || ' (or derivable from such a count)',
            nullif(array_to_string(list_filter(string_split(coalesce(note, ''), '; '),
                part -> part like 'data cover %' or part like 'previous period %'
                    or part like 'population of %'), '; '), ''))
        else note end as note,
    -- What the row holds: published, suppressed, not_available or not_applicable.
    case when is_suppressed then 'suppressed' else status end as status
from suppression
