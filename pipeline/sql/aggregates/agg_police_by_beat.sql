-- Per category and beat: crimes in the period with a known beat.
select category, beat, count(*)::integer as crimes
from fct_period_crimes
where beat is not null
group by all
order by category, crimes desc, beat
