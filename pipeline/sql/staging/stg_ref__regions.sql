-- Local authority district → region, for `comparators: { auto: region }`.
select file_id, line, lad_code, region_code, region_name
from raw_ref__regions
