-- Every loaded row kept out of the analysis, with the reason (manifest `rows_set_aside`). Built
-- last: it reads the layers below it, marts included, and no model reads it.
select file_id, line, 'superseded by a later version of the crime' as reason
from int_crimes_versioned
where version_rank > 1
union all
select file_id, line,
    case placement
        when 'location_unknown' then 'location unknown (no LSOA or ward)'
        when 'lsoa_not_in_geography' then 'LSOA not in the geography lookup'
        else 'outside the area'
    end as reason
from int_crimes_located
where placement <> 'in_area'
union all
select file_id, line, 'superseded by a later version of the ' || role as reason
from int_people_versioned
where version_rank > 1
union all
select int_people_versioned.file_id, int_people_versioned.line,
    case when int_crimes_located.crime_ref is null then 'no crime with this crime_ref'
        else 'the crime is set aside' end as reason
from int_people_versioned
left join int_crimes_located on int_people_versioned.crime_ref = int_crimes_located.crime_ref
where int_people_versioned.version_rank = 1
    and (int_crimes_located.crime_ref is null or int_crimes_located.placement <> 'in_area')
union all
select file_id, line, 'superseded by a later version of the same ref' as reason
from int_events_versioned
where version_rank > 1
union all
select file_id, line, 'duplicate Crime ID (same month, crime type and location: one crime)' as reason
from int_street_crimes_versioned
where is_duplicate
union all
select file_id, line, 'anti-social behaviour (kept apart from crime)' as reason
from int_street_asb
union all
select int_street_crimes_versioned.file_id, int_street_crimes_versioned.line,
    case when int_street_crimes_versioned.lsoa_code is null then 'location unknown (no LSOA)'
        else 'outside the area' end as reason
from int_street_crimes_versioned
left join int_area_geography on int_street_crimes_versioned.lsoa_code = int_area_geography.lsoa_code
where not int_street_crimes_versioned.is_duplicate
    and not coalesce(int_area_geography.is_in_area, false)
union all
select file_id, line, 'persons total (the file also gives each sex)' as reason
from stg_ref__population
where is_persons_total
union all
select file_id, line, 'police.uk crime not used: police crime extracts are loaded (the same crimes)' as reason
from fct_street_crimes
where (select police_source from int_police_source) = 'police_crimes'
