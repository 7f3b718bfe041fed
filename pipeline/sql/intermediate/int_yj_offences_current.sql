-- Youth justice offences, the current version of each (int_events_versioned).
select stg_yj__offences.*
from stg_yj__offences
inner join int_events_versioned
    on int_events_versioned.source = 'youth_justice'
    and stg_yj__offences.file_id = int_events_versioned.file_id
    and stg_yj__offences.line = int_events_versioned.line
where int_events_versioned.version_rank = 1
