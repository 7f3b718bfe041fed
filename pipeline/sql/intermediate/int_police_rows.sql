-- Every police crime row and police.uk street row sent, with the LSOA it names: where each
-- police source's rows fall (agg_source_areas).
select 'police_crimes' as source, file_id, line, lsoa_code
from stg_police__crimes
union all
select 'police_uk_street' as source, file_id, line, lsoa_code
from stg_police_uk__street
