-- Per category: the period's crimes with a known committed time by weekday of their date
-- (committed date, else recorded date) and three-hour band, zero-filled over the 56 cells for
-- every category with at least one timed crime. Cells are named `Mon:18-20` (18:00–20:59).
with timed as (
    select
        fct_period_crimes.category,
        isodow(fct_period_crimes.offence_date) as weekday,
        3 * (hour(fct_crimes.committed_time) // 3) as band_start
    from fct_period_crimes
    inner join fct_crimes on fct_period_crimes.crime_ref = fct_crimes.crime_ref
    where fct_crimes.committed_time is not null
),

cells as (
    select categories.category, weekdays.weekday, bands.band_start
    from (select distinct category from timed) as categories
    cross join range(1, 8) as weekdays(weekday)
    cross join range(0, 24, 3) as bands(band_start)
),

counts as (
    select category, weekday, band_start, count(*) as crimes from timed group by all
)

select
    cells.category,
    ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][cells.weekday] || ':'
    || lpad(cells.band_start::varchar, 2, '0') || '-' || lpad((cells.band_start + 2)::varchar, 2, '0')
        as hour_weekday,
    coalesce(counts.crimes, 0)::integer as crimes
from cells
left join counts
    on cells.category = counts.category
    and cells.weekday = counts.weekday
    and cells.band_start = counts.band_start
order by cells.category, cells.weekday, cells.band_start
