-- A&E assault attendances, the current version of each (int_events_versioned).
select stg_ae__assaults.*
from stg_ae__assaults
inner join int_events_versioned
    on int_events_versioned.source = 'ae_assaults'
    and stg_ae__assaults.file_id = int_events_versioned.file_id
    and stg_ae__assaults.line = int_events_versioned.line
where int_events_versioned.version_rank = 1
