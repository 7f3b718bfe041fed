-- National mode's settings as tables (docs/contract.md#national-mode): whether it is on, the
-- comparator rule, and the units made of several districts (configured groups, and the area
-- when it spans several). Off (`is_national` false), every national model is empty.
create or replace table run_national as
select
    $is_national::boolean as is_national,
    $comparator_auto::varchar as comparator_auto,
    $comparator_n::integer as comparator_n,
    -- JSON: a list parameter cannot be empty (DuckDB cannot type it).
    from_json($comparator_codes, '["VARCHAR"]') as comparator_codes,
    $area_unit_code::varchar as area_unit_code,
    $area_unit_name::varchar as area_unit_name;
