-- The Home Office measures of success over the period (counts).
select
    (select count(distinct fct_period_crimes.crime_ref)
     from fct_period_crimes
     inner join fct_crime_people
        on fct_period_crimes.crime_ref = fct_crime_people.crime_ref
        and fct_crime_people.role = 'victim' and fct_crime_people.age < 25
     where fct_period_crimes.category = 'knife_crime')::integer as knife_victims_under_25,
    (select count(*) from fct_period_crimes where category = 'homicide_non_domestic')::integer
        as non_domestic_homicide,
    (select count(*) from fct_ae_attendances cross join run_config
     where fct_ae_attendances.age < 25
        and fct_ae_attendances.arrival_date between run_config.period_start and run_config.period_end)::integer
        as ae_assault_under_25,
    (select count(*) from fct_period_crimes where category = 'robbery_personal')::integer as robbery
