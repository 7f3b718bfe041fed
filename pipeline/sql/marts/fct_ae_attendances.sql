-- One row per A&E assault attendance (current version); residence flagged in or out of the area.
select
    int_ae_assaults_current.attendance_ref,
    int_ae_assaults_current.file_id,
    int_ae_assaults_current.line,
    int_ae_assaults_current.arrival_date,
    int_ae_assaults_current.arrival_time,
    int_ae_assaults_current.assault_date,
    int_ae_assaults_current.assault_time,
    int_ae_assaults_current.age,
    int_ae_assaults_current.sex,
    int_ae_assaults_current.home_lsoa,
    case
        when int_ae_assaults_current.home_lsoa is null then null
        else int_ae_assaults_current.home_lsoa in (select lsoa_code from dim_area_lsoas)
    end as is_area_resident,
    int_ae_assaults_current.assault_method,
    int_ae_assaults_current.assault_location_type,
    int_ae_assaults_current.site_code
from int_ae_assaults_current
