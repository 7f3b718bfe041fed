-- One row per A&E assault attendance (current version); residence flagged in or out of the area.
select
    stg_ae__assaults.attendance_ref,
    stg_ae__assaults.file_id,
    stg_ae__assaults.line,
    stg_ae__assaults.arrival_date,
    stg_ae__assaults.arrival_time,
    stg_ae__assaults.assault_date,
    stg_ae__assaults.assault_time,
    stg_ae__assaults.age,
    stg_ae__assaults.sex,
    stg_ae__assaults.home_lsoa,
    case
        when stg_ae__assaults.home_lsoa is null then null
        else stg_ae__assaults.home_lsoa in (select lsoa_code from dim_area_lsoas)
    end as is_area_resident,
    stg_ae__assaults.assault_method,
    stg_ae__assaults.assault_location_type,
    stg_ae__assaults.site_code
from stg_ae__assaults
inner join int_events_versioned
    on int_events_versioned.source = 'ae_assaults'
    and stg_ae__assaults.file_id = int_events_versioned.file_id
    and stg_ae__assaults.line = int_events_versioned.line
where int_events_versioned.version_rank = 1
