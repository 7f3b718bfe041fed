-- Home Office offence code → serious violence category (built-in table or the config's).
select
    file_id,
    line,
    ho_offence_code,
    category
from raw_ref__offence_groups
