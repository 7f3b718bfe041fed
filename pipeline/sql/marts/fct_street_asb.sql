-- One row per police.uk anti-social behaviour incident in the area. ASB is not crime: its rows
-- stay set aside from crime (int_rows_set_aside) and are counted only here, in their own
-- indicators. Like police.uk crimes, they are used only when no force extract is loaded: the
-- run's police data are then the force's, and police.uk's ASB would be a second, partial source.
select
    stg_police_uk__street.file_id,
    stg_police_uk__street.line,
    stg_police_uk__street.offence_date,
    stg_police_uk__street.lsoa_code,
    dim_area_lsoas.ward_code
from stg_police_uk__street
inner join dim_area_lsoas on stg_police_uk__street.lsoa_code = dim_area_lsoas.lsoa_code
where stg_police_uk__street.is_anti_social_behaviour
    and not exists (select 1 from stg_police__crimes)
