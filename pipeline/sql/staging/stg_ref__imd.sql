-- IMD rank per LSOA (1 = most deprived); the decile is derived from the rank when absent.
select
    file_id,
    line,
    lsoa_code,
    imd_rank,
    coalesce(imd_decile, least(10, ceil(imd_rank * 10.0 / 32844))::integer) as imd_decile,
    imd_score
from raw_ref__imd
