-- Every police.uk row, kept or only counted, as counts per file × month × force × LSOA ×
-- category: what the national table reads (coverage and counts), never the row tables. `crimes`
-- are the rows left once copies of one crime count once (int_street_crimes_versioned for the
-- kept rows, the same rule within each file for the counted ones); an ASB row is one incident.
-- Empty unless national mode is on (run_national), so a run without it pays nothing.
with kept as (
    select
        street.file_id,
        street.offence_date as month,
        street.falls_within,
        street.lsoa_code,
        street.category,
        street.is_anti_social_behaviour or not versioned.is_duplicate as is_counted
    from stg_police_uk__street as street
    left join int_street_crimes_versioned as versioned
        on street.file_id = versioned.file_id and street.line = versioned.line
    where (select is_national from run_national)
),

kept_counts as (
    select
        file_id, month, falls_within, lsoa_code, category,
        count(*)::bigint as rows,
        count(*) filter (where is_counted)::bigint as crimes
    from kept
    group by all
)

-- A file's rows are kept or counted by LSOA (the area's, or none, are kept; keep_outside_rows
-- keeps all), so no key is in both halves and they are simply put together.
select file_id, month, falls_within, lsoa_code, category, rows, crimes
from kept_counts
union all
select file_id, month, falls_within, lsoa_code, category, rows::bigint, crimes::bigint
from stg_police_uk__street_counts
where (select is_national from run_national)
