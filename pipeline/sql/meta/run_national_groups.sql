-- The national table's units made of several districts: configured groups (national.groups)
-- and the area when it spans several districts; every other district is a unit of its own.
create or replace table run_national_groups as
select unnest(from_json($groups, '[{"unit_code":"VARCHAR","unit_name":"VARCHAR","lad_code":"VARCHAR","is_area":"BOOLEAN"}]'), recursive := true);
