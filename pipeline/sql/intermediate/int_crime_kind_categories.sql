-- Serious violence categories (docs/contract.md#serious-violence-categories) per kind of in-area crime: a crime's categories
-- depend only on its offence code and its domestic, knife and firearm flags, so the few hundred
-- kinds are classified instead of every crime. A kind may sit in several categories.
with kinds as (
    select distinct ho_offence_code, is_domestic, is_knife, is_firearm
    from int_crimes_located
    where placement = 'in_area'
),

by_code as (
    select kinds.*, stg_ref__offence_groups.category
    from kinds
    inner join stg_ref__offence_groups
        on kinds.ho_offence_code = stg_ref__offence_groups.ho_offence_code
),

possession_codes as (
    select ho_offence_code from stg_ref__offence_groups where category = 'possession_of_weapons'
),

by_flag as (
    select ho_offence_code, is_domestic, is_knife, is_firearm, 'violence_with_injury_domestic' as category
    from by_code
    where category = 'violence_with_injury' and is_domestic
    union all
    select ho_offence_code, is_domestic, is_knife, is_firearm, 'homicide_non_domestic' as category
    from by_code
    where category = 'homicide' and not is_domestic
    union all
    select *, 'knife_crime' as category from kinds where is_knife
    union all
    select *, 'firearms_discharge' as category
    from kinds
    where is_firearm and ho_offence_code not in (select ho_offence_code from possession_codes)
),

categorised as (
    select distinct * from (
        select * from by_code
        union all
        select * from by_flag
    )
)

select * from categorised
union all
select distinct ho_offence_code, is_domestic, is_knife, is_firearm, 'serious_violence' as category
from categorised
