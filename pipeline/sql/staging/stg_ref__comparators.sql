-- Peer areas' counts and populations by category and year, for ranking.
select
    file_id,
    line,
    area_code,
    area_name,
    year,
    category,
    count as crime_count,
    population as resident_population
from raw_ref__comparators
