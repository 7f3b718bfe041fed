-- The run's police crime source, one row: the force's extracts when any crime row is loaded,
-- else police.uk street files. Never both: they are two records of the same crimes, and
-- police.uk's anti-social behaviour is used only with its crimes.
select
    case when exists (select 1 from stg_police__crimes) then 'police_crimes' else 'police_uk_street' end
        as police_source
