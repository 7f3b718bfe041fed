-- Per category and month of the history: crimes, zero-filled so every month has a row.
with months as (
    select strftime(month_start, '%Y-%m') as month, month(month_start) as month_of_year
    from run_config,
        generate_series(run_config.history_start, run_config.period_end, interval 1 month) as t(month_start)
),

categories as (
    select distinct category from fct_crime_categories
),

-- Months before the first month with any area crime are not zero: the data does not reach them.
coverage as (
    select strftime(min(offence_date), '%Y-%m') as first_month from fct_crime_categories
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
    case when months.month >= coverage.first_month then coalesce(counts.crimes, 0) end::integer as crimes
from categories
cross join months
cross join coverage
left join counts on categories.category = counts.category and months.month = counts.month
order by categories.category, months.month
