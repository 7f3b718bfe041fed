-- The local authority codes that make up the area.
create or replace table run_area_codes as
select unnest($area_codes) as lad_code;
