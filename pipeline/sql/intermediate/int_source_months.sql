-- The calendar months each event source has rows for: what its data cover (manifest `coverage`).
-- A month counts when the feed holds any row dated in it, wherever the row falls: a force's
-- extract covers a month it recorded crimes in, even if none were in the area. police.uk files
-- are one per force: a month counts when the force that publishes most of the area's rows has
-- any row in it, so a neighbouring force's few rows geocoded into the area cover nothing.
with area_force as (
    select stg_police_uk__street.falls_within
    from stg_police_uk__street
    inner join int_area_geography
        on stg_police_uk__street.lsoa_code = int_area_geography.lsoa_code
        and int_area_geography.is_in_area
    group by stg_police_uk__street.falls_within
    order by count(*) desc, stg_police_uk__street.falls_within
    limit 1
)

select distinct 'police_crimes' as source, date_trunc('month', recorded_date)::date as month
from stg_police__crimes
union all
select distinct 'police_uk_street' as source, date_trunc('month', offence_date)::date as month
from stg_police_uk__street
where falls_within is not distinct from (select falls_within from area_force)
    and exists (select 1 from area_force)
union all
select distinct 'ae_assaults' as source, date_trunc('month', arrival_date)::date as month
from stg_ae__assaults
union all
select distinct 'youth_justice' as source, date_trunc('month', offence_date)::date as month
from stg_yj__offences
