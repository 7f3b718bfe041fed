-- Youth justice offences in the period: cohort, age, sex, first-time entrants, outcomes.
with offences as (
    select fct_yj_offences.*
    from fct_yj_offences
    cross join run_config
    where fct_yj_offences.offence_date between run_config.period_start and run_config.period_end
),

children as (
    select child_ref, mode(sex) filter (where sex <> 'U') as sex, bool_or(is_first_time_entrant) as is_fte
    from offences
    group by all
)

select
    (select count(*) from children)::integer as children,
    (select count(*) from offences)::integer as offences,
    (select count(*) filter (where sex = 'M') from children)::integer as male_children,
    (select count(sex) from children)::integer as sexed_children,
    (select count(*) filter (where is_fte) from children)::integer as fte_children,
    (select avg(age_at_offence) from offences)::double as mean_age,
    (select stddev_samp(age_at_offence) from offences)::double as sd_age,
    (select count(*) filter (
        where outcome_type in ('community_resolution', 'youth_caution', 'youth_conditional_caution')
    ) from offences)::integer as out_of_court,
    (select count(outcome_type) from offences)::integer as outcomes_known,
    -- Only when no age band straddles 10 or 17: broad bands (0–15) cannot give 10–17.
    (select case when count(*) filter (
            where (age < 10 and age_to >= 10) or (age <= 17 and age_to > 17)) = 0
        then sum(population) filter (where age >= 10 and age_to <= 17) end
     from dim_area_population)::double as residents_10_17
