-- In-area crimes × serious violence category (contract §4); a crime may sit in several.
with crimes as (
    select * from int_crimes_located where placement = 'in_area'
),

by_code as (
    select crimes.crime_ref, stg_ref__offence_groups.category
    from crimes
    inner join stg_ref__offence_groups
        on crimes.ho_offence_code = stg_ref__offence_groups.ho_offence_code
),

possession_codes as (
    select ho_offence_code from stg_ref__offence_groups where category = 'possession_of_weapons'
),

by_flag as (
    select crime_ref, 'violence_with_injury_domestic' as category
    from by_code
    where category = 'violence_with_injury'
        and crime_ref in (select crime_ref from crimes where is_domestic)
    union all
    select crime_ref, 'homicide_non_domestic' as category
    from by_code
    where category = 'homicide'
        and crime_ref in (select crime_ref from crimes where not is_domestic)
    union all
    select crime_ref, 'knife_crime' as category from crimes where is_knife
    union all
    select crime_ref, 'firearms_discharge' as category
    from crimes
    where is_firearm and ho_offence_code not in (select ho_offence_code from possession_codes)
),

categorised as (
    select distinct crime_ref, category
    from (
        select crime_ref, category from by_code
        union all
        select crime_ref, category from by_flag
    )
)

select crime_ref, category from categorised
union all
select distinct crime_ref, 'serious_violence' as category from categorised
