-- police.uk crime rows (not ASB) sorted into crimes. A Crime ID is not a crime's key: British
-- Transport Police leave it blank, Police Service of Northern Ireland reuses it, and other forces
-- repeat it on rows of different crimes (Derbyshire, 2022-09: 526 rows share an ID, 509 of them
-- differ in crime type or place). So rows sharing a Crime ID are one crime only when they agree on
-- month, crime type and location:
--   * located rows (an LSOA or coordinates) at the same longitude, latitude and LSOA code
--     (null-safe) are copies of one crime;
--   * an unlocated row is a copy of the located row of its ID, month and crime type when there is
--     one (the located copy is kept), and of the other unlocated rows when there is none;
--   * a blank Crime ID is a crime of its own.
-- Of the copies of one crime, the row of the latest file (in name order), last line, is kept.
with street as (
    select
        stg_police_uk__street.*,
        int_files_ordered.file_rank
    from stg_police_uk__street
    inner join int_files_ordered on stg_police_uk__street.file_id = int_files_ordered.file_id
    where not stg_police_uk__street.is_anti_social_behaviour
),

-- Window partitions compare nulls as equal: that is the null-safe comparison of locations.
ranked as (
    select
        *,
        row_number() over (
            partition by crime_id, offence_date, category, has_location, longitude, latitude, lsoa_code
            order by file_rank desc, line desc
        ) as copy_rank,
        bool_or(has_location) over (partition by crime_id, offence_date, category) as group_has_location
    from street
    where crime_id is not null
),

crimes as (
    select
        file_id, line, crime_id, offence_date, category, lsoa_code, longitude, latitude,
        last_outcome_category,
        copy_rank > 1 or (not has_location and group_has_location) as is_duplicate
    from ranked
    union all
    select file_id, line, crime_id, offence_date, category, lsoa_code, longitude, latitude,
        last_outcome_category,
        false as is_duplicate
    from street
    where crime_id is null
),

-- Crimes that share their Crime ID with another crime (reported per file in the manifest).
shared_ids as (
    select crime_id
    from crimes
    where not is_duplicate and crime_id is not null
    group by crime_id
    having count(*) > 1
)

select
    crimes.file_id,
    crimes.line,
    crimes.crime_id,
    -- The Crime ID names a crime downstream unless it is blank or shared: then the row does.
    case
        when crimes.crime_id is not null and shared_ids.crime_id is null
            then 'police.uk:' || crimes.crime_id
        else 'police.uk:' || coalesce(crimes.crime_id, '') || '@' || crimes.file_id || ':' || crimes.line
    end as crime_ref,
    crimes.offence_date,
    crimes.category,
    crimes.lsoa_code,
    crimes.longitude,
    crimes.latitude,
    crimes.last_outcome_category,
    crimes.is_duplicate,
    shared_ids.crime_id is not null and not crimes.is_duplicate as is_repeated_id_crime
from crimes
left join shared_ids on crimes.crime_id = shared_ids.crime_id
