-- Youth justice offences in the period by offence category and by locality.
with offences as (
    select fct_yj_offences.*
    from fct_yj_offences
    cross join run_config
    where fct_yj_offences.offence_date between run_config.period_start and run_config.period_end
)

select 'offence_category' as breakdown, offence_category as breakdown_value, count(*)::integer as offences,
    (select count(*) from offences)::integer as total
from offences
group by all
union all
select 'locality' as breakdown, locality as breakdown_value, count(*)::integer as offences,
    (select count(*) from offences)::integer as total
from offences
where locality is not null
group by all
order by breakdown, breakdown_value
