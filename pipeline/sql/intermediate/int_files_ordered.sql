-- Loaded files in name order per source: a later file's rows replace an earlier one's (§3.1).
select
    file_id,
    source,
    path,
    row_number() over (partition by source order by path) as file_rank
from ingest_files
