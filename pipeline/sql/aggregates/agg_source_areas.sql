-- Where each police source's rows fall: one row per source × local authority (or no known
-- place), with the row count. A source with rows elsewhere and none in the area is a config
-- pointed at another force's files, or area codes of another vintage: said, never silent.
select
    int_police_rows.source,
    int_area_geography.lad_code,
    any_value(int_area_geography.lad_name) as lad_name,
    coalesce(bool_or(int_area_geography.is_in_area), false) as is_in_area,
    count(*)::integer as row_count
from int_police_rows
left join int_area_geography on int_police_rows.lsoa_code = int_area_geography.lsoa_code
group by int_police_rows.source, int_area_geography.lad_code
