-- A&E attendances and youth justice offences, each versioned by its own ref (police.uk crimes
-- are sorted out in int_street_crimes_versioned: their Crime ID is not a key).
with events as (
    select file_id, line, 'ae_assaults' as source, attendance_ref as event_ref
    from stg_ae__assaults
    union all
    select file_id, line, 'youth_justice' as source, offence_ref as event_ref
    from stg_yj__offences
)

select
    events.*,
    row_number() over (
        partition by events.source, events.event_ref
        order by int_files_ordered.file_rank desc, events.line desc
    ) as version_rank
from events
inner join int_files_ordered on events.file_id = int_files_ordered.file_id
