-- One row per area crime × category that has a point, from the run's police source (the rows of
-- fct_crime_categories, which takes police.uk only when no extract is loaded). The coordinates are
-- those the row was sent with: police extracts may give British National Grid metres, WGS84
-- degrees or both; police.uk gives WGS84 only, snapped to its map points. The missing pair is
-- filled by the indicators phase (indicators/spatial/project-points.ts), over distinct points.
-- Never published: the hexagon bins and the near-repeat test read it and publish only counts.
with points as (
    select 'police_crimes' as source, crime_ref, easting, northing, longitude, latitude
    from fct_crimes
    where easting is not null or longitude is not null
    union all
    select
        'police_uk_street' as source, crime_ref, null::double as easting, null::double as northing,
        longitude, latitude
    from fct_street_crimes
    where longitude is not null and latitude is not null
)

select
    fct_crime_categories.category,
    fct_crime_categories.crime_ref,
    fct_crime_categories.source,
    fct_crime_categories.offence_date,
    -- The extracts date each crime to the day (committed, else recorded); police.uk to the month.
    fct_crime_categories.source = 'police_crimes' as date_exact,
    fct_crime_categories.committed_time,
    fct_crime_categories.lsoa_code,
    fct_crime_categories.ward_code,
    points.longitude,
    points.latitude,
    points.easting,
    points.northing
from fct_crime_categories
inner join points
    on fct_crime_categories.source = points.source
    and fct_crime_categories.crime_ref = points.crime_ref
