-- Per category and month of the history: crimes, zero-filled so every month has a row.
with months as (
    select strftime(month_start, '%Y-%m') as month, month(month_start) as month_of_year
    from run_config,
        generate_series(run_config.history_start, run_config.period_end, interval 1 month) as t(month_start)
),

categories as (
    select distinct category from fct_crime_categories
),

-- A month the police source has no rows for is not zero: the data do not reach it.
covered as (
    select strftime(month, '%Y-%m') as month
    from int_source_months
    where source = (select any_value(source) from fct_crime_categories)
),

counts as (
    select category, strftime(offence_date, '%Y-%m') as month, count(*) as crimes
    from fct_crime_categories
    where offence_date between (select history_start from run_config) and (select period_end from run_config)
    group by all
)

select
    categories.category,
    months.month,
    months.month_of_year,
    case when covered.month is not null then coalesce(counts.crimes, 0) end::integer as crimes
from categories
cross join months
left join covered on months.month = covered.month
left join counts on categories.category = counts.category and months.month = counts.month
order by categories.category, months.month
