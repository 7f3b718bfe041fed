-- Every crime row sent, with its version: 1 = the latest sent (later file in name order, then later line).
-- Keys only, so the window sorts little: int_crimes_located joins the current rows' columns back.
select
    stg_police__crimes.file_id,
    stg_police__crimes.line,
    stg_police__crimes.crime_ref,
    row_number() over (
        partition by stg_police__crimes.crime_ref
        order by int_files_ordered.file_rank desc, stg_police__crimes.line desc
    ) as version_rank
from stg_police__crimes
inner join int_files_ordered on stg_police__crimes.file_id = int_files_ordered.file_id
