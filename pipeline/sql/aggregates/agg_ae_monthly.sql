-- A&E attendances per month of the history, zero-filled in the months the extracts cover
-- (blank in a month they have no rows for: not a zero).
with months as (
    select strftime(month_start, '%Y-%m') as month
    from run_config,
        generate_series(run_config.history_start, run_config.period_end, interval 1 month) as t(month_start)
),

counts as (
    select strftime(arrival_date, '%Y-%m') as month, count(*) as attendances
    from fct_ae_attendances
    group by all
),

covered as (
    select strftime(month, '%Y-%m') as month from int_source_months where source = 'ae_assaults'
)

select
    months.month,
    case when covered.month is not null then coalesce(counts.attendances, 0) end::integer as attendances
from months
left join covered on months.month = covered.month
left join counts on months.month = counts.month
order by months.month
