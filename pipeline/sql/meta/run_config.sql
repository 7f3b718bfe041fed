-- The run's settings as tables, so models can join them instead of being templated.
-- The previous period is the `months` months immediately before the assessment period (it ends
-- the day before the period starts): no day falls between them, and none in both. With a
-- month-end `period.end` every bound is a calendar month's first or last day; with
-- `period.allow_mid_month` the same arithmetic gives day-exact periods.
create or replace table run_config as
with bounds as (
    select
        $period_end::date as period_end,
        ($period_end::date + interval 1 day - to_months($months::integer))::date as period_start
)

select
    $area_name::varchar as area_name,
    bounds.period_end,
    bounds.period_start,
    (bounds.period_start - to_months($months::integer))::date as previous_start,
    (bounds.period_start - interval 1 day)::date as previous_end,
    (bounds.period_end + interval 1 day - to_years($history_years::integer))::date as history_start,
    $months::integer as period_months,
    $history_years::integer as history_years,
    $repeat_address_min::integer as repeat_address_min,
    $suppress_below::integer as suppress_below,
    -- JSON: a list parameter cannot be empty (DuckDB cannot type it).
    from_json($town_centre_wards, '["VARCHAR"]') as town_centre_wards
from bounds;
