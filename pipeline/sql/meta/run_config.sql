-- The run's settings as tables, so models can join them instead of being templated.
create or replace table run_config as
select
    $area_name::varchar as area_name,
    $period_end::date as period_end,
    ($period_end::date + interval 1 day - to_months($months::integer))::date as period_start,
    ($period_end::date + interval 1 day - to_months(2 * $months::integer))::date as previous_start,
    ($period_end::date - to_months($months::integer))::date as previous_end,
    ($period_end::date + interval 1 day - to_years($history_years::integer))::date as history_start,
    $months::integer as period_months,
    $history_years::integer as history_years,
    $repeat_address_min::integer as repeat_address_min,
    $suppress_below::integer as suppress_below;
