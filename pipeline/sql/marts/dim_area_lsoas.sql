-- The area's LSOAs with ward, beat, locality and deprivation: what place breakdowns read.
with imd_latest as (
    select lsoa_code, imd_rank, imd_decile, imd_score
    from stg_ref__imd
    qualify row_number() over (partition by lsoa_code order by file_id desc, line desc) = 1
)

select
    int_area_geography.lsoa_code,
    int_area_geography.lsoa_name,
    int_area_geography.ward_code,
    int_area_geography.ward_name,
    int_area_geography.lad_code,
    int_area_geography.lad_name,
    int_area_geography.beat,
    int_area_geography.locality,
    imd_latest.imd_rank,
    imd_latest.imd_decile,
    imd_latest.imd_score
from int_area_geography
left join imd_latest on int_area_geography.lsoa_code = imd_latest.lsoa_code
where int_area_geography.is_in_area
