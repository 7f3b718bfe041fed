-- A&E attendances per month of the history, zero-filled.
with months as (
    select strftime(month_start, '%Y-%m') as month
    from run_config,
        generate_series(run_config.history_start, run_config.period_end, interval 1 month) as t(month_start)
),

counts as (
    select strftime(arrival_date, '%Y-%m') as month, count(*) as attendances
    from fct_ae_attendances
    group by all
)

select months.month, coalesce(counts.attendances, 0)::integer as attendances
from months
left join counts on months.month = counts.month
order by months.month
