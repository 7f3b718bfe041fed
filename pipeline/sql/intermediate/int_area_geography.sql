-- The geography lookup, one row per LSOA (the latest-loaded row wins), flagged in or out of the area.
with geography_ranked as (
    select
        stg_ref__geography.*,
        row_number() over (
            partition by stg_ref__geography.lsoa_code
            order by int_files_ordered.file_rank desc, stg_ref__geography.line desc
        ) as version_rank
    from stg_ref__geography
    inner join int_files_ordered on stg_ref__geography.file_id = int_files_ordered.file_id
)

select
    geography_ranked.lsoa_code,
    geography_ranked.lsoa_name,
    geography_ranked.ward_code,
    geography_ranked.ward_name,
    geography_ranked.lad_code,
    geography_ranked.lad_name,
    geography_ranked.beat,
    geography_ranked.locality,
    geography_ranked.lad_code in (select lad_code from run_area_codes) as is_in_area
from geography_ranked
where geography_ranked.version_rank = 1
