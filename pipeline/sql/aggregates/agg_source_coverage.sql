-- What each loaded event source covers of the assessment period, the previous period and the
-- history: months expected and covered, the missing ones, and the source's first and last
-- month overall. Counts over a period a source does not fully cover are never scaled up; the
-- indicators say `data cover N of M months` instead.
with windows as (
    select 'assessment' as period, period_start as start_date, period_end as end_date from run_config
    union all
    select 'previous' as period, previous_start, previous_end from run_config
    union all
    select 'history' as period, history_start, period_end from run_config
),

expected as (
    select windows.period, windows.start_date, windows.end_date, t.month::date as month
    from windows,
        generate_series(
            date_trunc('month', windows.start_date), date_trunc('month', windows.end_date), interval 1 month
        ) as t(month)
),

sources as (
    select distinct source
    from ingest_files
    where source in ('police_crimes', 'police_uk_street', 'ae_assaults', 'youth_justice')
        and rows_read > rows_rejected
),

span as (
    select source, min(month) as first_month, max(month) as last_month, count(*) as months_with_rows
    from int_source_months
    group by source
)

select
    sources.source,
    expected.period,
    expected.start_date,
    expected.end_date,
    count(*)::integer as months_expected,
    count(int_source_months.month)::integer as months_covered,
    count(int_source_months.month) = count(*) as is_complete,
    coalesce(
        list(strftime(expected.month, '%Y-%m') order by expected.month)
            filter (where int_source_months.month is not null),
        []
    ) as covered_months,
    coalesce(
        list(strftime(expected.month, '%Y-%m') order by expected.month)
            filter (where int_source_months.month is null),
        []
    ) as missing_months,
    strftime(any_value(span.first_month), '%Y-%m') as first_month,
    strftime(any_value(span.last_month), '%Y-%m') as last_month,
    -- Months between the first and the last with no row at all: a gap in the feed.
    coalesce(any_value(date_diff('month', span.first_month, span.last_month) + 1 - span.months_with_rows), 0)::integer
        as gap_months
from sources
cross join expected
left join int_source_months
    on sources.source = int_source_months.source
    and expected.month = int_source_months.month
left join span on sources.source = span.source
group by sources.source, expected.period, expected.start_date, expected.end_date
order by sources.source, expected.period
