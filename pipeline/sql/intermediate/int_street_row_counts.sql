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

both_kinds as (
    select
        file_id, month, falls_within, lsoa_code, category,
        count(*) as rows,
        count(*) filter (where is_counted) as crimes
    from kept
    group by all
    union all
    select file_id, month, falls_within, lsoa_code, category, rows, crimes
    from stg_police_uk__street_counts
    where (select is_national from run_national)
)

-- One row per key even where a file's rows were part kept, part counted (blank LSOAs).
select
    file_id, month, falls_within, lsoa_code, category,
    sum(rows)::bigint as rows,
    sum(crimes)::bigint as crimes
from both_kinds
group by all
