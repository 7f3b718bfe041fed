-- A&E attendances in the period by sex and age band (known sex and age only).
select
    sex || ':' || case
        when age < 10 then '0-9'
        when age < 18 then '10-17'
        when age < 25 then '18-24'
        when age < 35 then '25-34'
        when age < 45 then '35-44'
        when age < 55 then '45-54'
        when age < 65 then '55-64'
        else '65+'
    end as age_band,
    count(*)::integer as attendances
from fct_ae_attendances
cross join run_config
where fct_ae_attendances.arrival_date between run_config.period_start and run_config.period_end
    and age is not null and sex in ('M', 'F', 'X')
group by all
order by age_band
