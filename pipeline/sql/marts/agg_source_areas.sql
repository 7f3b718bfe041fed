-- Where each police source's rows fall: one row per source × local authority (or no known
-- place), with the row count. A source with rows elsewhere and none in the area is a config
-- pointed at another force's files, or area codes of another vintage: said, never silent.
select
    'police_crimes' as source,
    int_area_geography.lad_code,
    any_value(int_area_geography.lad_name) as lad_name,
    coalesce(bool_or(int_area_geography.is_in_area), false) as is_in_area,
    count(*)::integer as row_count
from stg_police__crimes
left join int_area_geography on stg_police__crimes.lsoa_code = int_area_geography.lsoa_code
group by int_area_geography.lad_code
union all
select
    'police_uk_street' as source,
    int_area_geography.lad_code,
    any_value(int_area_geography.lad_name) as lad_name,
    coalesce(bool_or(int_area_geography.is_in_area), false) as is_in_area,
    count(*)::integer as row_count
from stg_police_uk__street
left join int_area_geography on stg_police_uk__street.lsoa_code = int_area_geography.lsoa_code
group by int_area_geography.lad_code
