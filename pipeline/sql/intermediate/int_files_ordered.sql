-- Loaded files in name order per source: a later file's rows replace an earlier one's (docs/contract.md#which-rows-count).
select
    file_id,
    source,
    path,
    row_number() over (partition by source order by path) as file_rank
from ingest_files
