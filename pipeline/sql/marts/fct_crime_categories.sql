-- One row per area crime × category, with the date it counts on and where it happened: what
-- every police indicator counts. Crimes come from the police extracts in the serious violence
-- categories or, when no extract is loaded, from police.uk street files in their own categories
-- (`Crime type` in snake case). Never both: they are two records of the same crimes.
select
    int_crimes_classified.category,
    fct_crimes.crime_ref,
    'police_crimes' as source,
    fct_crimes.offence_date,
    fct_crimes.lsoa_code,
    fct_crimes.ward_code,
    fct_crimes.beat,
    fct_crimes.address_ref,
    fct_crimes.location_type
from int_crimes_classified
inner join fct_crimes on int_crimes_classified.crime_ref = fct_crimes.crime_ref
union all
select
    category,
    'police.uk:' || crime_id as crime_ref,
    'police_uk_street' as source,
    offence_date,
    lsoa_code,
    ward_code,
    null as beat,
    null as address_ref,
    null as location_type
from fct_street_crimes
where not exists (select 1 from stg_police__crimes)
