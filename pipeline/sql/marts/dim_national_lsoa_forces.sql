-- Each LSOA's main force: the force (`Falls within`) with most police.uk rows in it over every
-- month loaded (ties to the first name). Rows geocoded across a force border make a
-- neighbouring force main force of a border LSOA only where the LSOA's own force sent nothing.
select
    lsoa_code,
    falls_within as force,
    sum(rows)::bigint as rows
from int_street_row_counts
where lsoa_code is not null and falls_within is not null
group by lsoa_code, falls_within
qualify row_number() over (partition by lsoa_code order by sum(rows) desc, falls_within) = 1
