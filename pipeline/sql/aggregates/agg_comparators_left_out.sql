-- Comparators chosen by rule (dim_national_comparators) that are not ranked, with why: the rank
-- row names them ("left out, incomplete: …") rather than drop them silently.
select
    unit_code as area_code,
    unit_name as area_name,
    coverage,
    coverage_note
from dim_national_comparators
where coverage <> 'complete'
order by unit_name, unit_code
