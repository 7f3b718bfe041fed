-- police.uk rows not kept row by row (outside the area, in national mode): counted at ingest,
-- one row per file × month × force × LSOA × crime type as the file writes them. `rows` are the
-- rows read; `crimes` those left after the within-file copy rule (rows sharing Crime ID, month,
-- crime type, LSOA, longitude and latitude are one crime; a blank Crime ID is a crime of its own).
-- The national models read these with the kept rows (int_street_row_counts), never the rows.
create table if not exists raw_police_uk__street_counts (
    file_id integer not null,
    month date,
    falls_within varchar,
    lsoa_code varchar,
    crime_type varchar,
    rows bigint not null,
    crimes bigint not null
);
