-- A&E attendances, youth justice offences and police.uk crimes, each versioned by its own ref.
with events as (
    select file_id, line, 'ae_assaults' as source, attendance_ref as event_ref
    from stg_ae__assaults
    union all
    select file_id, line, 'youth_justice' as source, offence_ref as event_ref
    from stg_yj__offences
    union all
    select file_id, line, 'police_uk_street' as source, crime_id as event_ref
    from stg_police_uk__street
    where not is_anti_social_behaviour
)

select
    events.*,
    row_number() over (
        partition by events.source, events.event_ref
        order by int_files_ordered.file_rank desc, events.line desc
    ) as version_rank
from events
inner join int_files_ordered on events.file_id = int_files_ordered.file_id
