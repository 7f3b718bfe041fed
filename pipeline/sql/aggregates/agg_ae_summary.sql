-- A&E assault attendances: the period's profile, the previous period's count, residents.
with attendances as (
    select fct_ae_attendances.*,
        fct_ae_attendances.arrival_date between run_config.period_start and run_config.period_end as in_period,
        fct_ae_attendances.arrival_date between run_config.previous_start and run_config.previous_end as in_previous
    from fct_ae_attendances
    cross join run_config
)

select
    count(*) filter (where in_period)::integer as attendances,
    count(*) filter (where in_previous)::integer as previous_attendances,
    count(*) filter (where in_period and is_area_resident)::integer as resident_attendances,
    (select sum(population) from dim_area_population)::double as residents,
    count(*) filter (where in_period and sex = 'M')::integer as male,
    count(*) filter (where in_period and sex <> 'U')::integer as sexed,
    count(*) filter (where in_period and age < 25)::integer as under_25,
    count(age) filter (where in_period)::integer as aged,
    count(*) filter (where in_period and assault_method = 'knife_sharp')::integer as knife,
    count(*) filter (where in_period and assault_method <> 'unknown')::integer as methods_known,
    count(*) filter (where in_period and assault_location_type = 'home')::integer as home,
    count(*) filter (where in_period and assault_location_type <> 'unknown')::integer as places_known,
    count(*) filter (where in_period and not is_area_resident)::integer as outside_area,
    count(is_area_resident) filter (where in_period)::integer as homes_known
from attendances
