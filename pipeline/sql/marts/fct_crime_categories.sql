-- One row per area crime × category, with the date it counts on, its time of day where the
-- extract gives one, and where it happened: what every police indicator counts. Crimes come from the police extracts in the serious violence
-- categories or, when no extract is loaded, from police.uk street files in their own categories
-- (`Crime type` in snake case). Never both: they are two records of the same crimes.
select
    int_crime_kind_categories.category,
    fct_crimes.crime_ref,
    'police_crimes' as source,
    fct_crimes.offence_date,
    fct_crimes.committed_time,
    fct_crimes.lsoa_code,
    fct_crimes.ward_code,
    fct_crimes.beat,
    fct_crimes.address_ref,
    fct_crimes.location_type
from fct_crimes
-- The categories of each kind of crime, joined on the kind (not crime by crime).
inner join int_crime_kind_categories
    on fct_crimes.ho_offence_code = int_crime_kind_categories.ho_offence_code
    and fct_crimes.is_domestic = int_crime_kind_categories.is_domestic
    and fct_crimes.is_knife = int_crime_kind_categories.is_knife
    and fct_crimes.is_firearm = int_crime_kind_categories.is_firearm
union all
select
    category,
    crime_ref,
    'police_uk_street' as source,
    offence_date,
    -- police.uk gives the month only: no day's time.
    null::time as committed_time,
    lsoa_code,
    ward_code,
    null as beat,
    null as address_ref,
    null as location_type
from fct_street_crimes
where (select police_source from int_police_source) = 'police_uk_street'
