-- IoD2019 local authority district summaries: one row per district × domain; the Index of
-- Multiple Deprivation's own row carries the average score `auto: neighbours` uses.
select
    file_id,
    line,
    lad_code,
    lad_name,
    index_domain,
    lower(trim(index_domain)) = 'index of multiple deprivation' as is_imd,
    average_score
from raw_ref__imd_districts
