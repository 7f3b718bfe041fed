-- One row per police.uk anti-social behaviour incident in the area. ASB is not crime: its rows
-- stay set aside from crime (audit_rows_set_aside) and are counted only here, in their own
-- indicators. Like police.uk crimes, they are used only when no force extract is loaded: the
-- run's police data are then the force's, and police.uk's ASB would be a second, partial source.
select
    int_street_asb.file_id,
    int_street_asb.line,
    int_street_asb.offence_date,
    int_street_asb.lsoa_code,
    dim_area_lsoas.ward_code
from int_street_asb
inner join dim_area_lsoas on int_street_asb.lsoa_code = dim_area_lsoas.lsoa_code
where (select police_source from int_police_source) = 'police_uk_street'
